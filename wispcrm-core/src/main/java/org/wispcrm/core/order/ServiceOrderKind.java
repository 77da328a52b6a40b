package org.wispcrm.core.order;

/** What a technician is sent to do. */
public enum ServiceOrderKind {
    /** Install a new subscription; completing it activates the subscription. */
    INSTALLATION,
    /** Fix a fault. */
    REPAIR,
    /** Move the service to another address. */
    RELOCATION,
    /** Change the equipment or configuration for a new plan. */
    PLAN_CHANGE,
    /** Disconnect the service. */
    DISCONNECTION,
    /** Collect the ISP's equipment. */
    EQUIPMENT_PICKUP
}
