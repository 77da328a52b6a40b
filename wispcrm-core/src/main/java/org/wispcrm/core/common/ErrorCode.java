package org.wispcrm.core.common;

/** What went wrong, as a stable code a host can map to its own responses (HTTP status, exit code). */
public enum ErrorCode {
    /** One or more input fields are invalid; see {@link WispCrmException#violations()}. */
    INVALID_INPUT,
    /** The referenced entity does not exist. */
    NOT_FOUND,
    /** The requested state change is not allowed from the entity's current state. */
    ILLEGAL_TRANSITION,
    /** Someone else changed the entity since it was read (optimistic lock lost). */
    CONCURRENT_MODIFICATION,
    /** An entity with the same unique key already exists. */
    DUPLICATE,
    /** A required collaborator or setting is missing or invalid at start-up. */
    CONFIGURATION,
    /** The persistence adapter failed (connection lost, constraint, driver error). */
    PERSISTENCE_FAILURE,
    /** The document storage failed (missing bucket, access denied, disk error). */
    STORAGE_FAILURE,
    /** A notification could not be delivered. */
    NOTIFICATION_FAILURE
}
