package org.wispcrm.benchmarks.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerProfile;
import org.wispcrm.core.customer.NotificationPreferences;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.jpa.JpaPersistence;

/**
 * The data a run dispatches: {@code customers} customers with Colombian mobile numbers (three in four Spanish,
 * one in four English, all preferring WhatsApp) and {@code messages} pending {@code INVOICE_ISSUED} notifications
 * spread over them, written through the adapter's own ports (so the rows are exactly what the library writes).
 * Between runs the same rows are put back to pending with one UPDATE, and after a run they are checked with SQL.
 */
public final class DispatchWorkload {
    private static final int CHUNK = 500;
    private static final Locale ES_CO = Locale.forLanguageTag("es-CO");
    private static final Locale EN_US = Locale.forLanguageTag("en-US");

    private final DataSource dataSource;
    private final List<String> notificationIds;

    private DispatchWorkload(DataSource dataSource, List<String> notificationIds) {
        this.dataSource = dataSource;
        this.notificationIds = notificationIds;
    }

    /** Empties the outbox and the customers, then writes the customers and the pending messages. */
    static DispatchWorkload seed(DataSource dataSource, JpaPersistence persistence, int customers, int messages)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM notifications");
            statement.executeUpdate("DELETE FROM customers");
        }
        // due a little in the past, so a claim at "now" sees every row whatever the clocks' resolution
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        var customerIds = new ArrayList<CustomerId>(customers);
        for (int from = 0; from < customers; from += CHUNK) {
            int start = from;
            int end = Math.min(customers, from + CHUNK);
            persistence.transactions().inTransaction(() -> {
                for (int i = start; i < end; i++) {
                    Customer customer = persistence.customers().save(customer(i, now));
                    customerIds.add(customer.id());
                }
                return null;
            });
        }
        var ids = new ArrayList<String>(messages);
        for (int from = 0; from < messages; from += CHUNK) {
            int start = from;
            int end = Math.min(messages, from + CHUNK);
            persistence.transactions().inTransaction(() -> {
                for (int i = start; i < end; i++) {
                    Notification notification = invoiceIssued(i, customerIds.get(i % customers), now);
                    persistence.outbox().enqueue(notification);
                    ids.add(notification.id().toString());
                }
                return null;
            });
        }
        return new DispatchWorkload(dataSource, List.copyOf(ids));
    }

    private static Customer customer(int i, Instant now) {
        var profile = new CustomerProfile(
                (i % 4 == 3 ? "Customer " : "Cliente ") + (i + 1),
                String.valueOf(10_000_000 + i),
                null,
                PhoneNumber.parse("+57 310 " + String.format(Locale.ROOT, "%07d", i), "CO"),
                Address.of("Calle " + (i % 90 + 1) + " # 5-20", "Villavicencio", "CO"),
                i % 4 == 3 ? EN_US : ES_CO,
                NotificationPreferences.of(ChannelName.WHATSAPP),
                false,
                null);
        return Customer.register(CustomerId.newId(), String.format(Locale.ROOT, "B-%07d", i), profile, now);
    }

    private static Notification invoiceIssued(int i, CustomerId customer, Instant now) {
        String number = String.format(Locale.ROOT, "FE-%07d", i + 1);
        Map<String, String> model = new LinkedHashMap<>();
        model.put("invoiceNumber", number);
        model.put("total", "COP " + (59_900 + (i % 7) * 10_000) + ".00");
        model.put("dueDate", "2026-12-" + String.format(Locale.ROOT, "%02d", i % 28 + 1));
        return Notification.pending(
                "invoice-issued:" + number, NotificationKind.INVOICE_ISSUED, customer, model, List.of(), now);
    }

    /** The ids of the seeded messages, as the channel sends them in {@code referenceId}. */
    List<String> notificationIds() {
        return notificationIds;
    }

    int messages() {
        return notificationIds.size();
    }

    /** Puts every message back to pending, never attempted, due at the seeding time (not timed). */
    void reset() throws SQLException {
        resetToPending(dataSource);
    }

    /** Puts every outbox message of the database back to pending, never attempted, due when it was enqueued. */
    public static void resetToPending(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE notifications SET status = 'PENDING', attempts = 0,"
                    + " next_attempt_at = created_at, last_error = NULL, sent_via = NULL,"
                    + " provider_message_id = NULL, sent_at = NULL");
        }
    }

    /** What the rows say after a run. */
    Outcome outcome() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT"
                        + " SUM(CASE WHEN status = 'SENT' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'SENT' AND attempts = 1 THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'SENT' AND provider_message_id IS NOT NULL THEN 1 ELSE 0 END),"
                        + " COUNT(DISTINCT provider_message_id),"
                        + " COUNT(*) FROM notifications")) {
            rows.next();
            return new Outcome(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5));
        }
    }

    /**
     * Row counts after a run.
     *
     * @param sent rows in {@code SENT}
     * @param sentFirstAttempt sent rows claimed exactly once
     * @param sentWithProviderId sent rows carrying the provider's message id
     * @param distinctProviderIds distinct provider ids (each stub answer has its own)
     * @param total all rows
     */
    record Outcome(long sent, long sentFirstAttempt, long sentWithProviderId, long distinctProviderIds, long total) {
        boolean allSentOnce() {
            return sent == total
                    && sentFirstAttempt == total
                    && sentWithProviderId == total
                    && distinctProviderIds == total;
        }
    }
}
