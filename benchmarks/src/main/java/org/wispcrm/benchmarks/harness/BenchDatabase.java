package org.wispcrm.benchmarks.harness;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.wispcrm.jpa.JpaPersistence;

/**
 * The databases a benchmark runs on: MariaDB and PostgreSQL from {@code WISPCRM_MARIADB_URL} and
 * {@code WISPCRM_POSTGRES_URL}, H2 in a file under {@code target/} for reference and smoke tests (a file, not memory,
 * so 100,000 invoices do not live in the benchmark's own heap). Each builds a HikariCP pool with the
 * driver settings the wispcrm-jpa README recommends, and can wipe its schema so every run starts fresh.
 */
public enum BenchDatabase {
    /** MariaDB (Connector/J 3: a batch of inserts goes out as one bulk command). */
    MARIADB("mariadb", "WISPCRM_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/wisp_bench?user=root"),
    /** PostgreSQL (reWriteBatchedInserts: a batch of inserts becomes multi-row INSERTs). */
    POSTGRESQL("postgresql", "WISPCRM_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/wisp_bench?user=postgres"),
    /** H2 in a file under the build's {@code target} folder. */
    H2(
            "h2",
            null,
            "jdbc:h2:file:"
                    + (Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks/target") : Path.of("target"))
                            .resolve("h2/wisp_bench")
                            .toAbsolutePath());

    private final String key;
    private final @Nullable String variable;
    private final String example;

    BenchDatabase(String key, @Nullable String variable, String example) {
        this.key = key;
        this.variable = variable;
        this.example = example;
    }

    /** The lower-case name used on the command line and in results. */
    public String key() {
        return key;
    }

    /** Parses {@code mariadb}, {@code postgresql} (or {@code postgres}) or {@code h2}. */
    public static BenchDatabase parse(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT);
        for (BenchDatabase db : values()) {
            if (db.key.equals(name) || (db == POSTGRESQL && name.equals("postgres"))) {
                return db;
            }
        }
        throw new IllegalArgumentException("Unknown database " + text + "; use mariadb, postgresql or h2");
    }

    /**
     * The JDBC URL from the environment.
     *
     * @throws IllegalStateException naming the variable, if it is not set
     */
    public String url(Map<String, String> environment) {
        if (variable == null) {
            return example;
        }
        String url = environment.get(variable);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(
                    "Set " + variable + " to run on " + key + ", for example " + variable + "='" + example + "'");
        }
        return url;
    }

    /**
     * A pool over the database with the recommended batching settings. H2's benchmark file is deleted first: every
     * run starts from an empty schema anyway, and a file left by a run killed mid-write may no longer open.
     */
    public HikariDataSource dataSource(String url, int poolSize) {
        if (this == H2 && url.equals(example)) {
            deleteH2Files();
        }
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("bench-" + key);
        switch (this) {
            case MARIADB -> config.addDataSourceProperty("useBulkStmtsForInserts", "true");
            case POSTGRESQL -> config.addDataSourceProperty("reWriteBatchedInserts", "true");
            case H2 -> {}
        }
        return new HikariDataSource(config);
    }

    private void deleteH2Files() {
        Path base = Path.of(example.substring("jdbc:h2:file:".length()));
        for (String suffix : List.of(".mv.db", ".trace.db")) {
            try {
                Files.deleteIfExists(base.resolveSibling(base.getFileName() + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the H2 benchmark file " + base + suffix, e);
            }
        }
    }

    /** Drops every table (and sequence, view) of the connection's schema, so the next migration starts empty. */
    public void wipeSchema(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var statement = c.createStatement()) {
            switch (this) {
                case POSTGRESQL -> {
                    statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                    statement.execute("CREATE SCHEMA public");
                }
                case H2 -> statement.execute("DROP ALL OBJECTS");
                case MARIADB -> {
                    var tables = new ArrayList<String>();
                    try (var rows = statement.executeQuery(
                            "SELECT table_name FROM information_schema.tables" + " WHERE table_schema = DATABASE()")) {
                        while (rows.next()) {
                            tables.add(rows.getString(1));
                        }
                    }
                    statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                    for (String table : tables) {
                        statement.execute("DROP TABLE `" + table + "`");
                    }
                    statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
            }
        }
    }

    /**
     * Empties every table but the migrations' history: the state a fresh migration leaves, reached without dropping the
     * schema under a store (a host keeps one store, and so one {@code SessionFactory}, for its process's life).
     */
    public void empty(DataSource dataSource) throws SQLException {
        var tables = new ArrayList<String>();
        try (Connection c = dataSource.getConnection();
                var rows = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME");
                if (!table.equalsIgnoreCase(JpaPersistence.SCHEMA_HISTORY_TABLE)) {
                    tables.add(table);
                }
            }
        }
        truncate(dataSource, tables);
    }

    /** Empties tables (and, on PostgreSQL, the empty tables that refer to them). */
    public void truncate(DataSource dataSource, List<String> tables) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var statement = c.createStatement()) {
            switch (this) {
                case POSTGRESQL -> statement.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
                case MARIADB -> {
                    statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                    for (String table : tables) {
                        statement.execute("TRUNCATE TABLE " + table);
                    }
                    statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
                case H2 -> {
                    statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
                    for (String table : tables) {
                        statement.execute("TRUNCATE TABLE " + table);
                    }
                    statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
                }
            }
        }
    }

    /** Refreshes the planner's statistics of the tables (after seeding), so every run plans from the same state. */
    public void analyze(DataSource dataSource, List<String> tables) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var statement = c.createStatement()) {
            switch (this) {
                case POSTGRESQL -> {
                    for (String table : tables) {
                        statement.execute("VACUUM ANALYZE " + table);
                    }
                }
                case MARIADB -> statement.execute("ANALYZE TABLE " + String.join(", ", tables));
                case H2 -> statement.execute("ANALYZE");
            }
        }
    }
}
