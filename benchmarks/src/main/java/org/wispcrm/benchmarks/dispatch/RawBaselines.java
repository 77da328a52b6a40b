package org.wispcrm.benchmarks.dispatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * What the same work costs without the library, to put the outbox's figure in proportion:
 *
 * <ul>
 *   <li>{@link #httpOnly}: one {@code POST /messages/chat} per message to the stub, on the same OkHttp client, with
 *       a fixed text: the HTTP floor, no database.
 *   <li>{@link #jdbc}: the outbox's database work in plain JDBC on the same rows and the same guarantees: a claim of
 *       {@code batch} rows ({@code SELECT ... FOR UPDATE SKIP LOCKED} plus a batched UPDATE of attempts and lease,
 *       one commit), then one UPDATE to SENT and one commit per message. With {@code send} true each message is also
 *       posted to the stub between claim and mark, with a text made by string concatenation from the customer row
 *       (one {@code SELECT ... WHERE id IN (...)} per claim) and the stored model: a hand-written dispatcher. With
 *       a {@code documentLink}, the message goes out as UltraMsg's {@code messages/document} with the text as
 *       caption and the link the function makes from the model (an invoice PDF's presigned URL).
 * </ul>
 */
public final class RawBaselines {
    private static final Pattern FIELD = Pattern.compile("\"(invoiceNumber|total|dueDate)\":\"([^\"]*)\"");
    private static final Pattern ANSWER_ID = Pattern.compile("\"id\":\"?(\\d+)");
    private static final String FIXED_TEXT = "Factura FE-0000001 de ConectaLlanos\n\nHola Cliente 1:\n\n"
            + "Tu factura FE-0000001 por $ 59.900 ya está disponible. Vence el 1 de diciembre de 2026.\n"
            + "Puedes pagarla en línea: https://pagos.conectallanos.co/?factura=FE-0000001\n\n"
            + "¡Gracias por confiar en ConectaLlanos!";

    private RawBaselines() {}

    /** Posts one chat message per id from {@code threads} threads; returns when every id was posted. */
    static void httpOnly(OkHttpClient client, String baseUrl, List<String> ids, int threads) throws Exception {
        HttpUrl url = endpoint(baseUrl, "chat");
        var next = new AtomicInteger();
        Workers.run(threads, () -> {
            for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                post(client, url, "+573100000000", FIXED_TEXT, ids.get(i));
            }
        });
    }

    /** The outbox's database work in JDBC (and, with {@code send}, the HTTP post) from {@code threads} threads. */
    public static void jdbc(
            DataSource dataSource,
            boolean skipLocked,
            int threads,
            int batch,
            @Nullable OkHttpClient client,
            @Nullable String baseUrl,
            @Nullable Function<String, String> documentLink)
            throws Exception {
        HttpUrl url = baseUrl == null ? null : endpoint(baseUrl, documentLink == null ? "chat" : "document");
        Workers.run(threads, () -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                while (true) {
                    List<Claimed> claimed = claim(connection, skipLocked, batch);
                    if (claimed.isEmpty()) {
                        return;
                    }
                    Map<ByteBuffer, String[]> recipients = client == null ? Map.of() : recipients(connection, claimed);
                    try (PreparedStatement mark = connection.prepareStatement("UPDATE notifications SET"
                            + " status = 'SENT', sent_via = 'WHATSAPP', provider_message_id = ?, sent_at = ?,"
                            + " version = version + 1 WHERE id = ?")) {
                        for (Claimed row : claimed) {
                            String providerId;
                            if (client != null && url != null) {
                                String[] recipient = recipients.get(ByteBuffer.wrap(bytes(row.customerId)));
                                String text = text(recipient[1], row.model);
                                providerId = documentLink == null
                                        ? post(client, url, recipient[0], text, row.uuid())
                                        : postDocument(
                                                client,
                                                url,
                                                recipient[0],
                                                text,
                                                documentLink.apply(row.model),
                                                row.uuid());
                            } else {
                                providerId = "raw-" + row.uuid();
                            }
                            mark.setString(1, providerId);
                            mark.setTimestamp(2, Timestamp.from(Instant.now()));
                            mark.setObject(3, row.id);
                            mark.executeUpdate();
                            connection.commit();
                        }
                    }
                }
            }
        });
    }

    private record Claimed(Object id, Object customerId, String model) {
        String uuid() {
            return uuidOf(id).toString();
        }
    }

    private static List<Claimed> claim(Connection connection, boolean skipLocked, int batch) throws SQLException {
        var claimed = new ArrayList<Claimed>(batch);
        Instant now = Instant.now();
        if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            // the plan the library's outbox asks for: read the due index in order rather than sort every due row
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL enable_bitmapscan = off");
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id, customer_id, model FROM notifications"
                + " WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id"
                + " LIMIT ? FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : ""))) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, batch);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getObject(1), rows.getObject(2), rows.getString(3)));
                }
            }
        }
        if (!claimed.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE notifications SET attempts ="
                    + " attempts + 1, next_attempt_at = ?, last_error = NULL, version = version + 1 WHERE id = ?")) {
                for (Claimed row : claimed) {
                    update.setTimestamp(1, Timestamp.from(now.plusSeconds(300)));
                    update.setObject(2, row.id);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        connection.commit();
        return claimed;
    }

    /** Phone and name per customer of the claimed rows, in one query. */
    private static Map<ByteBuffer, String[]> recipients(Connection connection, List<Claimed> claimed)
            throws SQLException {
        var distinct = new HashMap<ByteBuffer, Object>();
        for (Claimed row : claimed) {
            distinct.putIfAbsent(ByteBuffer.wrap(bytes(row.customerId)), row.customerId);
        }
        var recipients = new HashMap<ByteBuffer, String[]>();
        String marks = String.join(",", java.util.Collections.nCopies(distinct.size(), "?"));
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id, phone, full_name FROM customers WHERE id IN (" + marks + ")")) {
            int i = 1;
            for (Object id : distinct.values()) {
                select.setObject(i++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    recipients.put(
                            ByteBuffer.wrap(bytes(rows.getObject(1))),
                            new String[] {rows.getString(2), rows.getString(3)});
                }
            }
        }
        connection.commit();
        return recipients;
    }

    /** A value of an outbox message's stored model (its JSON), found the way a hand-written dispatcher would. */
    public static String modelField(String model, String name) {
        Matcher matcher =
                Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(model);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in the message's model " + model);
        }
        return matcher.group(1);
    }

    private static String text(String name, String model) {
        var values = new HashMap<String, String>();
        Matcher matcher = FIELD.matcher(model);
        while (matcher.find()) {
            values.put(matcher.group(1), matcher.group(2));
        }
        String number = values.get("invoiceNumber");
        return "Factura " + number + " de ConectaLlanos\n\nHola " + name + ":\n\nTu factura " + number + " por "
                + values.get("total") + " ya está disponible. Vence el " + values.get("dueDate") + ".\n"
                + "Puedes pagarla en línea: https://pagos.conectallanos.co/?factura=" + number + "\n\n"
                + "¡Gracias por confiar en ConectaLlanos!";
    }

    private static HttpUrl endpoint(String baseUrl, String kind) {
        return HttpUrl.get(baseUrl + "/" + UltraMsgStub.INSTANCE + "/messages/" + kind);
    }

    private static String post(OkHttpClient client, HttpUrl url, String to, String text, String reference)
            throws IOException {
        var form = new FormBody.Builder()
                .add("token", UltraMsgStub.TOKEN)
                .add("to", to)
                .add("body", text)
                .add("referenceId", reference)
                .build();
        return send(client, url, form);
    }

    private static String postDocument(
            OkHttpClient client, HttpUrl url, String to, String caption, String link, String reference)
            throws IOException {
        var form = new FormBody.Builder()
                .add("token", UltraMsgStub.TOKEN)
                .add("to", to)
                .add(
                        "filename",
                        link.substring(
                                link.lastIndexOf('/') + 1, link.indexOf('?') < 0 ? link.length() : link.indexOf('?')))
                .add("document", link)
                .add("caption", caption)
                .add("referenceId", reference)
                .build();
        return send(client, url, form);
    }

    private static String send(OkHttpClient client, HttpUrl url, FormBody form) throws IOException {
        try (Response response = client.newCall(
                        new Request.Builder().url(url).post(form).build())
                .execute()) {
            String body = response.body().string();
            Matcher id = ANSWER_ID.matcher(body);
            if (response.code() != 200 || !body.contains("\"sent\":\"true\"") || !id.find()) {
                throw new IOException("stub refused the raw post: HTTP " + response.code() + " " + body);
            }
            return id.group(1);
        }
    }

    private static byte[] bytes(Object id) {
        if (id instanceof byte[] raw) {
            return raw;
        }
        UUID uuid = (UUID) id;
        return ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    private static UUID uuidOf(Object id) {
        if (id instanceof UUID uuid) {
            return uuid;
        }
        ByteBuffer buffer = ByteBuffer.wrap((byte[]) id);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
