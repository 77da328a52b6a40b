package org.wispcrm.core.order;

/**
 * A service order's workflow: {@code OPEN -> SCHEDULED -> IN_PROGRESS -> COMPLETED}; any state before
 * {@code COMPLETED} may go to {@code CANCELLED}. {@code COMPLETED} and {@code CANCELLED} are final.
 */
public enum ServiceOrderStatus {
    /** Created, not yet given a date. */
    OPEN,
    /** Given a date (and usually a technician). */
    SCHEDULED,
    /** The technician is on it. */
    IN_PROGRESS,
    /** Done. */
    COMPLETED,
    /** Called off. */
    CANCELLED
}
