package org.wispcrm.jpa;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.wispcrm.core.Persistence;

/**
 * The databases the kits run on, and the one place that wires them: H2 in memory always; MariaDB and PostgreSQL
 * from {@code WISPCRM_MARIADB_URL} and {@code WISPCRM_POSTGRES_URL}. Without {@code WISPCRM_POSTGRES_URL} the
 * PostgreSQL suite runs on an embedded server ({@link EmbeddedPostgresServer}). A suite without its database is
 * skipped (a JUnit assumption naming the variable) unless {@code WISPCRM_REQUIRE_DATABASES=true}, which makes an
 * unset variable fail the suite instead, the PostgreSQL one included: CI must test the server it names.
 * Each database gets one pool and one {@link JpaPersistence} per JVM, migrated once; {@link #emptyStore()}
 * deletes every row so each test starts empty.
 */
enum TestDatabase {
    H2(null),
    MARIADB("WISPCRM_MARIADB_URL"),
    POSTGRESQL("WISPCRM_POSTGRES_URL");

    /** Tables child-first, so rows can be deleted without breaking foreign keys. */
    static final String[] TABLES = {
        "credit_movements",
        "customer_credits",
        "payment_allocations",
        "payments",
        "credit_note_lines",
        "credit_notes",
        "invoice_lines",
        "invoices",
        "invoice_sequences",
        "notifications",
        "charges",
        "ticket_comments",
        "tickets",
        "service_orders",
        "subscription_plans",
        "subscriptions",
        "plan_prices",
        "plans",
        "customers"
    };

    private static final Map<TestDatabase, HikariDataSource> POOLS = new EnumMap<>(TestDatabase.class);
    private static final Map<TestDatabase, JpaPersistence> STORES = new EnumMap<>(TestDatabase.class);

    private final String variable;

    TestDatabase(String variable) {
        this.variable = variable;
    }

    /**
     * The JDBC URL: the variable's, if set; otherwise a failed test when {@code WISPCRM_REQUIRE_DATABASES=true}, the
     * embedded server for PostgreSQL ({@link EmbeddedPostgresServer}), and a skipped test for MariaDB or when the
     * embedded server cannot start here.
     */
    String url() {
        if (variable == null) {
            return "jdbc:h2:mem:wispcrm_jpa_test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";
        }
        String url = System.getenv(variable);
        if (url != null && !url.isBlank()) {
            return url;
        }
        String message =
                name() + " suite needs " + variable + " (for example " + example() + "); set it to run the suite";
        if ("true".equalsIgnoreCase(System.getenv("WISPCRM_REQUIRE_DATABASES"))) {
            fail(message + " - WISPCRM_REQUIRE_DATABASES=true makes it mandatory");
        }
        if (this == POSTGRESQL) {
            try {
                return EmbeddedPostgresServer.url();
            } catch (IllegalStateException e) {
                return Assumptions.abort(name() + " suite: " + variable + " is not set and the embedded PostgreSQL"
                        + " could not start (" + e.getMessage() + "); set " + variable + " (for example " + example()
                        + ") to run the suite");
            }
        }
        return Assumptions.abort(message);
    }

    /**
     * Puts this database's variable, set to {@link #url()}, into a child JVM's environment, so that the child reaches
     * the same database, the embedded one included.
     */
    void exportUrlTo(Map<String, String> environment) {
        if (variable != null) {
            environment.put(variable, url());
        }
    }

    private String example() {
        return this == MARIADB
                ? "jdbc:mariadb://127.0.0.1:3306/wisp_jpa_dev?user=root"
                : "jdbc:postgresql://127.0.0.1:5432/wisp_jpa_dev?user=postgres";
    }

    /** A new pool over this database with the driver's batching settings. */
    HikariDataSource newDataSource(int poolSize) {
        var config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("wispcrm-" + name().toLowerCase(java.util.Locale.ROOT));
        switch (this) {
            // inserts go out as one bulk command; updates keep exact counts for optimistic locking
            case MARIADB -> config.addDataSourceProperty("useBulkStmtsForInserts", "true");
            // a batch of inserts becomes multi-row INSERT statements
            case POSTGRESQL -> config.addDataSourceProperty("reWriteBatchedInserts", "true");
            default -> {}
        }
        return new HikariDataSource(config);
    }

    /** The shared pool of this database (created and migrated on first use). */
    synchronized DataSource dataSource() {
        return pool();
    }

    private synchronized HikariDataSource pool() {
        return POOLS.computeIfAbsent(this, db -> db.newDataSource(12));
    }

    /** The shared adapter over this database, with every table emptied. */
    synchronized Persistence emptyStore() {
        var store = STORES.computeIfAbsent(this, db -> JpaPersistence.create(db.pool()));
        deleteAllRows();
        return store;
    }

    /** Deletes every row of every table. */
    void deleteAllRows() {
        try (var connection = pool().getConnection();
                var statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.addBatch("DELETE FROM " + table);
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot empty the " + this + " test database", e);
        }
    }
}
