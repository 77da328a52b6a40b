package org.wispcrm.core.notification;

/** Where an outbox message stands. Nothing is ever deleted. */
public enum NotificationStatus {
    /** Waiting to be sent, or to be retried after a transient failure. */
    PENDING,
    /** Accepted by a provider. */
    SENT,
    /** Given up: a permanent failure or retries exhausted; an operator may requeue it. */
    DEAD
}
