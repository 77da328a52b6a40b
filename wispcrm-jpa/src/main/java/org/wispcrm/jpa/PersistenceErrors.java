package org.wispcrm.jpa;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.hibernate.NonUniqueObjectException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;

/**
 * Turns what Hibernate and the JDBC driver throw into the core's typed errors, so that no Hibernate exception
 * reaches a port's caller. Messages name the entity and key, never the values (which may be personal data).
 */
final class PersistenceErrors {
    /** Unique constraints by name (lower case): the entity and key they protect. */
    private static final Map<String, String> UNIQUE_KEYS = Map.ofEntries(
            Map.entry("pk_customers", "Customer id"),
            Map.entry("uk_customers_code", "Customer code"),
            Map.entry("pk_plans", "Plan id"),
            Map.entry("uk_plans_name", "Plan name"),
            Map.entry("pk_plan_prices", "Plan price date"),
            Map.entry("pk_subscriptions", "Subscription id"),
            Map.entry("pk_service_orders", "ServiceOrder id"),
            Map.entry("pk_tickets", "Ticket id"),
            Map.entry("pk_charges", "Charge id"),
            Map.entry("uk_charges_source_reference", "Charge sourceReference"),
            Map.entry("pk_notifications", "Notification id"),
            Map.entry("uk_notifications_idempotency_key", "Notification idempotencyKey"),
            Map.entry("pk_invoice_sequences", "InvoiceSequence series"),
            Map.entry("pk_invoices", "Invoice id"),
            Map.entry("uk_invoices_billing_key", "Invoice billingKey"),
            Map.entry("uk_invoices_number", "Invoice number"),
            Map.entry("pk_credit_notes", "CreditNote id"),
            Map.entry("uk_credit_notes_number", "CreditNote number"),
            Map.entry("pk_payments", "Payment id"),
            Map.entry("uk_payments_external_reference", "Payment externalReference"),
            Map.entry("pk_customer_credits", "CustomerCredit customerId"),
            Map.entry("pk_credit_movements", "CreditMovement id"));

    private PersistenceErrors() {}

    /** The typed error for a failure of a persistence operation. */
    static WispCrmException translate(RuntimeException failure) {
        if (failure instanceof WispCrmException typed) {
            return typed;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return WispCrmException.adapterFailure(
                        ErrorCode.CONCURRENT_MODIFICATION,
                        describeStale(t) + " was modified concurrently; reload and retry",
                        failure);
            }
            if (t instanceof EntityExistsException || t instanceof NonUniqueObjectException) {
                return WispCrmException.adapterFailure(
                        ErrorCode.DUPLICATE, "An entity with the same id already exists", failure);
            }
            if (t instanceof ConstraintViolationException violation) {
                var duplicate = duplicate(violation.getConstraintName(), violation.getSQLException(), failure);
                if (duplicate != null) {
                    return duplicate;
                }
                return WispCrmException.adapterFailure(
                        ErrorCode.PERSISTENCE_FAILURE,
                        "Constraint " + violation.getConstraintName() + " violated",
                        failure);
            }
            if (t instanceof LockAcquisitionException || t instanceof LockTimeoutException) {
                return WispCrmException.adapterFailure(
                        ErrorCode.CONCURRENT_MODIFICATION,
                        "A lock could not be taken (deadlock or timeout); retry the unit of work",
                        failure);
            }
            if (t instanceof JDBCConnectionException) {
                return WispCrmException.adapterFailure(
                        ErrorCode.PERSISTENCE_FAILURE, "The database connection failed", failure);
            }
            if (t instanceof SQLException sql) {
                var typed = fromSqlState(sql, failure);
                if (typed != null) {
                    return typed;
                }
            }
        }
        return WispCrmException.adapterFailure(
                ErrorCode.PERSISTENCE_FAILURE,
                "Persistence failed: " + failure.getClass().getSimpleName(),
                failure);
    }

    /** The typed error for a JDBC failure in the adapter's own SQL. */
    static WispCrmException translate(SQLException failure) {
        var typed = fromSqlState(failure, failure);
        return typed != null
                ? typed
                : WispCrmException.adapterFailure(
                        ErrorCode.PERSISTENCE_FAILURE,
                        "Persistence failed: SQL state " + failure.getSQLState(),
                        failure);
    }

    /** Whether the JDBC failure is a unique-key violation. */
    static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || ("23000".equals(state) && e.getErrorCode() == 1062);
    }

    private static @Nullable WispCrmException fromSqlState(SQLException sql, Throwable failure) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
            if (isUniqueViolation(e)) {
                return duplicate(null, e, failure);
            }
            String state = e.getSQLState();
            if ("40001".equals(state)
                    || "40P01".equals(state)
                    || e.getErrorCode() == 1213
                    || e.getErrorCode() == 1205) {
                return WispCrmException.adapterFailure(
                        ErrorCode.CONCURRENT_MODIFICATION,
                        "A lock could not be taken (deadlock, serialization failure or timeout); retry the unit of work",
                        failure);
            }
            if (state != null && state.startsWith("08")) {
                return WispCrmException.adapterFailure(
                        ErrorCode.PERSISTENCE_FAILURE, "The database connection failed", failure);
            }
            if (e.getNextException() == e) {
                break;
            }
        }
        return null;
    }

    private static @Nullable WispCrmException duplicate(
            @Nullable String constraintName, @Nullable SQLException sql, Throwable failure) {
        boolean unique = sql != null && isUniqueViolation(sql);
        String key = null;
        String haystack = ((constraintName == null ? "" : constraintName) + " "
                        + (sql == null || sql.getMessage() == null ? "" : sql.getMessage()))
                .toLowerCase(Locale.ROOT);
        for (var entry : UNIQUE_KEYS.entrySet()) {
            if (haystack.contains(entry.getKey())) {
                key = entry.getValue();
                unique = true;
                break;
            }
        }
        if (!unique) {
            return null;
        }
        if (key == null && haystack.contains("primary")) {
            key = "row id";
        }
        return WispCrmException.adapterFailure(
                ErrorCode.DUPLICATE,
                (key == null ? "A unique key" : key) + " is already taken"
                        + (constraintName == null ? "" : " (constraint " + constraintName + ")"),
                failure);
    }

    private static String describeStale(Throwable t) {
        if (t instanceof org.hibernate.StaleObjectStateException stale) {
            String entity = stale.getEntityName();
            String simple = entity == null ? "Entity" : entity.substring(entity.lastIndexOf('.') + 1);
            return simple.replace("Entity", "") + " " + stale.getIdentifier();
        }
        return "A row";
    }
}
