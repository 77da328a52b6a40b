package org.wispcrm.core.charge;

/** Why a one-time charge is made. */
public enum ChargeKind {
    /** Installation of a new service. */
    INSTALLATION,
    /** Equipment sold or lost. */
    EQUIPMENT,
    /** Reconnection after suspension. */
    RECONNECTION,
    /** Fee for paying late. */
    LATE_FEE,
    /** Anything else the clerk bills by hand. */
    OTHER
}
