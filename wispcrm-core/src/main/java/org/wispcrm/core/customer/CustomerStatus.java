package org.wispcrm.core.customer;

/** Where a customer stands with the ISP. */
public enum CustomerStatus {
    /** Receives service and invoices. */
    ACTIVE,
    /** Service cut (usually for non-payment); invoices may continue per billing policy. */
    SUSPENDED,
    /** No longer a customer; kept for history, never deleted. */
    INACTIVE
}
