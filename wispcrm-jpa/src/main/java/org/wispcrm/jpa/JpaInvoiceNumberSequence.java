package org.wispcrm.jpa;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.Session;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.invoice.InvoiceNumberSequence;

/**
 * Gap-free numbers from {@code invoice_sequences}, one row per series. Taking a number increments the row inside
 * the caller's transaction, which holds the row's exclusive lock until it commits or rolls back: a concurrent unit
 * (another thread or another JVM) taking a number of the same series waits, then sees the committed value, and a
 * rolled-back unit's number is handed out again. On PostgreSQL one upsert does it ({@code INSERT ... ON CONFLICT DO
 * UPDATE ... RETURNING}); on MariaDB an upsert ({@code ON DUPLICATE KEY UPDATE}) then {@code SELECT ... FOR UPDATE};
 * on H2 an update (or the first insert) then {@code SELECT ... FOR UPDATE}.
 *
 * <p>Only the first number of a series in a unit of work goes to the database: it locks the row, so no other unit
 * can take a number of the series until this one ends, and the unit counts on in memory from there. The last number
 * taken is written to the row just before the unit commits (one update for a whole chunk of invoices); a unit that
 * rolls back writes nothing, so its numbers are handed out again.
 */
final class JpaInvoiceNumberSequence implements InvoiceNumberSequence {
    private final JpaTransactionRunner tx;
    private final Database database;

    JpaInvoiceNumberSequence(JpaTransactionRunner tx, Database database) {
        this.tx = tx;
        this.database = database;
    }

    @Override
    public long next(String series) {
        requireSeries(series);
        return tx.call(em -> {
            var taken = tx.local(Taken.class, Taken::new);
            long[] counter = taken.bySeries.get(series);
            if (counter != null) {
                return ++counter[1];
            }
            long first = em.unwrap(Session.class).doReturningWork(connection -> switch (database) {
                case POSTGRESQL -> nextPostgres(connection, series);
                case MARIADB -> nextMariaDb(connection, series);
                case H2 -> nextH2(connection, series);
            });
            taken.bySeries.put(series, new long[] {first, first});
            return first;
        });
    }

    /** The numbers a unit took per series: the value stored in the row, and the last one handed out. */
    private static final class Taken implements JpaTransactionRunner.BeforeCommit {
        final Map<String, long[]> bySeries = new LinkedHashMap<>();

        @Override
        public void beforeCommit(EntityManager em) {
            for (var entry : bySeries.entrySet()) {
                long[] counter = entry.getValue();
                if (counter[1] == counter[0]) {
                    continue;
                }
                em.unwrap(Session.class).doWork(connection -> {
                    try (var update = connection.prepareStatement(
                            "UPDATE invoice_sequences SET last_value = ? WHERE series = ? AND last_value = ?")) {
                        update.setLong(1, counter[1]);
                        update.setString(2, entry.getKey());
                        update.setLong(3, counter[0]);
                        if (update.executeUpdate() != 1) {
                            // the row is locked by this unit since its first number: nothing else can move it
                            throw new SQLException("invoice series row changed under its lock", "40001");
                        }
                    }
                });
                counter[0] = counter[1];
            }
        }
    }

    @Override
    public long current(String series) {
        requireSeries(series);
        return tx.call(em -> {
            long[] counter = tx.local(Taken.class, Taken::new).bySeries.get(series);
            return counter != null ? counter[1] : stored(em, series);
        });
    }

    private static long stored(EntityManager em, String series) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (var select =
                    connection.prepareStatement("SELECT last_value FROM invoice_sequences WHERE series = ?")) {
                select.setString(1, series);
                try (var rows = select.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    private static long nextPostgres(Connection connection, String series) throws SQLException {
        try (var upsert = connection.prepareStatement("INSERT INTO invoice_sequences (series, last_value) VALUES (?, 1)"
                + " ON CONFLICT (series) DO UPDATE SET last_value = invoice_sequences.last_value + 1"
                + " RETURNING last_value")) {
            upsert.setString(1, series);
            try (var rows = upsert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long nextMariaDb(Connection connection, String series) throws SQLException {
        try (var upsert = connection.prepareStatement("INSERT INTO invoice_sequences (series, last_value) VALUES (?, 1)"
                + " ON DUPLICATE KEY UPDATE last_value = last_value + 1")) {
            upsert.setString(1, series);
            upsert.executeUpdate();
        }
        return selectForUpdate(connection, series);
    }

    private static long nextH2(Connection connection, String series) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (var update = connection.prepareStatement(
                    "UPDATE invoice_sequences SET last_value = last_value + 1 WHERE series = ?")) {
                update.setString(1, series);
                if (update.executeUpdate() == 1) {
                    return selectForUpdate(connection, series);
                }
            }
            try (var insert =
                    connection.prepareStatement("INSERT INTO invoice_sequences (series, last_value) VALUES (?, 1)")) {
                insert.setString(1, series);
                insert.executeUpdate();
                return 1;
            } catch (SQLException e) {
                // another unit created the series first: take the next number from its row
                if (!PersistenceErrors.isUniqueViolation(e) || attempt > 3) {
                    throw e;
                }
            }
        }
    }

    private static long selectForUpdate(Connection connection, String series) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT last_value FROM invoice_sequences WHERE series = ? FOR UPDATE")) {
            select.setString(1, series);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("invoice series row vanished", "02000");
                }
                return rows.getLong(1);
            }
        }
    }

    private static void requireSeries(String series) {
        if (!InvoiceNumber.isValidSeries(series)) {
            throw WispCrmException.invalid(
                    "series", series, "must be 1 to 10 upper-case letters or digits, starting with a letter");
        }
    }
}
