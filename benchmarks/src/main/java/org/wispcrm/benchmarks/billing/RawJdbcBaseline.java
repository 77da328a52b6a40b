package org.wispcrm.benchmarks.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.wispcrm.benchmarks.harness.BenchDatabase;
import org.wispcrm.billing.document.DocumentKeys;
import org.wispcrm.billing.document.Texts;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceNumber;

/**
 * The floor a billing run is measured against: plain JDBC batch inserts of the rows a billing run writes, with no
 * reads, no ORM and no pricing rules. Per customer: one invoice row, its two lines (the month of service with IVA,
 * the cash rounding), one outbox row and one increment of the series row; {@code perTransaction} customers (500)
 * share a transaction and each table's rows go out as one JDBC batch per transaction. The series row is locked
 * first, as a billing run holds it, and numbers follow on from it.
 */
public final class RawJdbcBaseline {
    private static final BigDecimal RATE = new BigDecimal("0.19");

    private final Workload workload;
    private final BenchDatabase database;
    private final int perTransaction;
    private final int dueDays;

    public RawJdbcBaseline(Workload workload, BenchDatabase database, int perTransaction) {
        this.workload = workload;
        this.database = database;
        this.perTransaction = perTransaction;
        this.dueDays = Workload.policy().dueDays();
    }

    /** Writes the rows of {@code n} customers' invoices; returns the rows written (inserts plus increments). */
    public long run(DataSource dataSource, int n) throws SQLException {
        Texts texts = Texts.of(Locale.forLanguageTag("es-CO"));
        String[] recurring = new String[Workload.PLANS.size()];
        LocalDate start = Workload.RUN_DATE;
        LocalDate end = start.plusMonths(1);
        for (int p = 0; p < recurring.length; p++) {
            recurring[p] = texts.recurring(Workload.PLANS.get(p).name(), BillingPeriod.of(start, end));
        }
        String rounding = texts.rounding();
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var seriesRow =
                    c.prepareStatement("INSERT INTO invoice_sequences (series, last_value) VALUES (?, 0)")) {
                seriesRow.setString(1, Workload.SERIES);
                seriesRow.executeUpdate();
            }
            c.commit();
            try (PreparedStatement lock =
                            c.prepareStatement("SELECT last_value FROM invoice_sequences WHERE series = ? FOR UPDATE");
                    PreparedStatement sequence = c.prepareStatement(
                            "UPDATE invoice_sequences SET last_value = last_value + 1 WHERE series = ?");
                    PreparedStatement invoice = c.prepareStatement("INSERT INTO invoices (id, series, sequence_number,"
                            + " customer_id, customer_code, customer_name, customer_national_id, customer_email,"
                            + " customer_phone, customer_locale, address_line1, address_line2, address_city,"
                            + " address_region, address_postal_code, address_country, period_start, period_end,"
                            + " billing_key, issue_date, due_date, currency, subtotal, tax_total, total, amount_paid,"
                            + " amount_credited, status, document_key, version)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement line = c.prepareStatement("INSERT INTO invoice_lines (invoice_id, position,"
                            + " kind, description, subscription_id, charge_id, period_start, period_end, quantity,"
                            + " unit_price, net_amount, tax_category, tax_rate, tax_amount)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement outbox = c.prepareStatement("INSERT INTO notifications (id, idempotency_key,"
                            + " kind, customer_id, model, attachments, status, attempts, next_attempt_at, last_error,"
                            + " sent_via, provider_message_id, created_at, sent_at, version)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int from = 0; from < n; from += perTransaction) {
                    int to = Math.min(n, from + perTransaction);
                    lock.setString(1, Workload.SERIES);
                    long last;
                    try (var result = lock.executeQuery()) {
                        result.next();
                        last = result.getLong(1);
                    }
                    for (int i = from; i < to; i++) {
                        long number = ++last;
                        rows += addCustomer(
                                i, number, start, end, recurring, rounding, sequence, invoice, line, outbox);
                    }
                    sequence.executeBatch();
                    invoice.executeBatch();
                    line.executeBatch();
                    outbox.executeBatch();
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return rows;
    }

    private int addCustomer(
            int i,
            long sequenceNumber,
            LocalDate start,
            LocalDate end,
            String[] recurring,
            String roundingText,
            PreparedStatement sequence,
            PreparedStatement invoice,
            PreparedStatement line,
            PreparedStatement outbox)
            throws SQLException {
        int plan = workload.planOf(i);
        BigDecimal net = BigDecimal.valueOf(Workload.PLANS.get(plan).pesos()).setScale(2);
        BigDecimal tax = net.multiply(RATE).setScale(2, RoundingMode.HALF_UP);
        BigDecimal gross = net.add(tax);
        BigDecimal rounded = gross.divide(Workload.CASH_ROUNDING, 0, RoundingMode.HALF_UP)
                .multiply(Workload.CASH_ROUNDING)
                .setScale(2);
        BigDecimal rounding = rounded.subtract(gross);
        UUID invoiceId = Ids.newUuidV7();
        UUID customerId = workload.customerId(i).value();
        var number = new InvoiceNumber(Workload.SERIES, sequenceNumber);
        var address = workload.address(i);

        sequence.setString(1, Workload.SERIES);
        sequence.addBatch();

        int k = 1;
        uuid(invoice, k++, invoiceId);
        invoice.setString(k++, Workload.SERIES);
        invoice.setLong(k++, sequenceNumber);
        uuid(invoice, k++, customerId);
        invoice.setString(k++, Workload.code(i));
        invoice.setString(k++, workload.name(i));
        invoice.setString(k++, Workload.nationalId(i));
        invoice.setString(k++, Workload.email(i));
        invoice.setString(k++, Workload.phone(i));
        invoice.setString(k++, "es-CO");
        invoice.setString(k++, address.line1());
        invoice.setString(k++, address.line2());
        invoice.setString(k++, address.city());
        invoice.setString(k++, address.region());
        invoice.setString(k++, address.postalCode());
        invoice.setString(k++, address.countryCode());
        invoice.setDate(k++, Date.valueOf(start));
        invoice.setDate(k++, Date.valueOf(end));
        invoice.setString(k++, Invoice.billingKeyOf(workload.customerId(i), start));
        invoice.setDate(k++, Date.valueOf(start));
        invoice.setDate(k++, Date.valueOf(start.plusDays(dueDays)));
        invoice.setString(k++, "COP");
        invoice.setBigDecimal(k++, net.add(rounding));
        invoice.setBigDecimal(k++, tax);
        invoice.setBigDecimal(k++, rounded);
        invoice.setBigDecimal(k++, BigDecimal.ZERO);
        invoice.setBigDecimal(k++, BigDecimal.ZERO);
        invoice.setString(k++, "ISSUED");
        invoice.setString(k++, null);
        invoice.setLong(k, 0);
        invoice.addBatch();

        addLine(
                line,
                invoiceId,
                0,
                "RECURRING",
                recurring[plan],
                workload.subscriptionId(i).value(),
                start,
                end);
        line.setBigDecimal(9, BigDecimal.ONE);
        line.setBigDecimal(10, net);
        line.setBigDecimal(11, net);
        line.setString(12, "STANDARD");
        line.setBigDecimal(13, RATE);
        line.setBigDecimal(14, tax);
        line.addBatch();
        addLine(line, invoiceId, 1, "ROUNDING", roundingText, null, null, null);
        line.setBigDecimal(9, BigDecimal.ONE);
        line.setBigDecimal(10, rounding);
        line.setBigDecimal(11, rounding);
        line.setString(12, "EXEMPT");
        line.setBigDecimal(13, BigDecimal.ZERO);
        line.setBigDecimal(14, BigDecimal.ZERO);
        line.addBatch();

        k = 1;
        uuid(outbox, k++, Ids.newUuidV7());
        outbox.setString(k++, "invoice-issued:" + number.value());
        outbox.setString(k++, "INVOICE_ISSUED");
        uuid(outbox, k++, customerId);
        outbox.setString(k++, model(number, workload.name(i), rounded, start, end, dueDays));
        outbox.setString(k++, DocumentKeys.invoice(number, start).value());
        outbox.setString(k++, "PENDING");
        outbox.setInt(k++, 0);
        timestamp(outbox, k++);
        outbox.setString(k++, null);
        outbox.setString(k++, null);
        outbox.setString(k++, null);
        timestamp(outbox, k++);
        outbox.setNull(k++, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        outbox.setLong(k, 0);
        outbox.addBatch();
        return 5;
    }

    private void addLine(
            PreparedStatement line,
            UUID invoiceId,
            int position,
            String kind,
            String description,
            @Nullable UUID subscriptionId,
            @Nullable LocalDate start,
            @Nullable LocalDate end)
            throws SQLException {
        uuid(line, 1, invoiceId);
        line.setInt(2, position);
        line.setString(3, kind);
        line.setString(4, description);
        if (subscriptionId == null) {
            nullUuid(line, 5);
        } else {
            uuid(line, 5, subscriptionId);
        }
        nullUuid(line, 6);
        line.setDate(7, start == null ? null : Date.valueOf(start));
        line.setDate(8, end == null ? null : Date.valueOf(end));
    }

    /** The template model a billing run stores with the message (the same keys, in the adapter's JSON form). */
    private static String model(
            InvoiceNumber number, String name, BigDecimal total, LocalDate start, LocalDate end, int dueDays) {
        String amount = "COP " + total.toPlainString();
        return "{\"balance\":\"" + amount + "\",\"currency\":\"COP\",\"customerName\":\"" + name + "\",\"dueDate\":\""
                + start.plusDays(dueDays) + "\",\"invoiceNumber\":\"" + number.value() + "\",\"issueDate\":\"" + start
                + "\",\"periodEnd\":\"" + end.minusDays(1) + "\",\"periodStart\":\"" + start + "\",\"total\":\""
                + amount + "\"}";
    }

    private void uuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (database == BenchDatabase.POSTGRESQL) {
            statement.setObject(index, value);
        } else {
            statement.setBytes(
                    index,
                    ByteBuffer.allocate(16)
                            .putLong(value.getMostSignificantBits())
                            .putLong(value.getLeastSignificantBits())
                            .array());
        }
    }

    private void nullUuid(PreparedStatement statement, int index) throws SQLException {
        if (database == BenchDatabase.POSTGRESQL) {
            statement.setNull(index, java.sql.Types.OTHER);
        } else {
            statement.setNull(index, java.sql.Types.BINARY);
        }
    }

    private void timestamp(PreparedStatement statement, int index) throws SQLException {
        if (database == BenchDatabase.MARIADB) {
            statement.setObject(index, LocalDateTime.ofInstant(Workload.NOW, ZoneOffset.UTC));
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(Workload.NOW, ZoneOffset.UTC));
        }
    }
}
