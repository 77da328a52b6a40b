package org.wispcrm.benchmarks.billing;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What a billing run (or its raw baseline) left in the database, and the checks that it is complete: one invoice,
 * two lines and one outbox message per customer, numbers 1 to N without gaps, and the series at N.
 */
public record RowCounts(
        long invoices, long lines, long messages, long sequence, long distinctNumbers, long minNumber, long maxNumber) {

    /** Counts the rows of the invoice tables. */
    public static RowCounts of(DataSource dataSource) throws SQLException {
        try (var c = dataSource.getConnection();
                var statement = c.createStatement()) {
            long invoices;
            long distinct;
            long min;
            long max;
            try (var rows = statement.executeQuery("SELECT count(*), count(DISTINCT sequence_number),"
                    + " coalesce(min(sequence_number), 0), coalesce(max(sequence_number), 0) FROM invoices")) {
                rows.next();
                invoices = rows.getLong(1);
                distinct = rows.getLong(2);
                min = rows.getLong(3);
                max = rows.getLong(4);
            }
            return new RowCounts(
                    invoices,
                    count(statement, "SELECT count(*) FROM invoice_lines"),
                    count(statement, "SELECT count(*) FROM notifications"),
                    count(statement, "SELECT coalesce(max(last_value), 0) FROM invoice_sequences"),
                    distinct,
                    min,
                    max);
        }
    }

    private static long count(java.sql.Statement statement, String sql) throws SQLException {
        try (var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Rows inserted plus increments of the series row. */
    public long rowsWritten() {
        return invoices + lines + messages + sequence;
    }

    /**
     * Fails unless the tables hold exactly {@code n} customers' invoices.
     *
     * @throws IllegalStateException describing what is wrong
     */
    public RowCounts requireComplete(int n, String what) {
        boolean complete = invoices == n
                && lines == 2L * n
                && messages == n
                && sequence == n
                && distinctNumbers == n
                && (n == 0 || (minNumber == 1 && maxNumber == n));
        if (!complete) {
            throw new IllegalStateException(what + " wrote " + this + ", expected " + n + " invoices numbered 1.." + n
                    + " with " + 2L * n + " lines and " + n + " messages");
        }
        return this;
    }
}
