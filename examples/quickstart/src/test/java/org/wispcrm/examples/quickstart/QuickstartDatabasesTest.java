package org.wispcrm.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same run with {@code --db} on MariaDB and PostgreSQL, each in a database of its own created on the server
 * named by {@code WISPCRM_MARIADB_URL} / {@code WISPCRM_POSTGRES_URL} and dropped afterwards. Skipped with a message
 * when the variable is unset, failed instead when {@code WISPCRM_REQUIRE_DATABASES=true}.
 */
class QuickstartDatabasesTest {
    private static final int CUSTOMERS = 20;

    @ParameterizedTest
    @ValueSource(strings = {"WISPCRM_MARIADB_URL", "WISPCRM_POSTGRES_URL"})
    void theQuickstartRunsTheSameOnAServerDatabase(String variable, @TempDir Path out) throws Exception {
        String serverUrl = System.getenv(variable);
        if (serverUrl == null || serverUrl.isBlank()) {
            String message = variable + " is not set (for example "
                    + (variable.contains("MARIADB")
                            ? "jdbc:mariadb://127.0.0.1:3306/test?user=root"
                            : "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres")
                    + "): the quickstart's --db run on it is skipped";
            if ("true".equalsIgnoreCase(System.getenv("WISPCRM_REQUIRE_DATABASES"))) {
                fail(message + " - WISPCRM_REQUIRE_DATABASES=true makes it mandatory");
            }
            Assumptions.abort(message);
        }
        String database = "wispcrm_quickstart_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
        boolean mariadb = serverUrl.startsWith("jdbc:mariadb:") || serverUrl.startsWith("jdbc:mysql:");
        String url = withDatabase(serverUrl, database);
        execute(serverUrl, "CREATE DATABASE " + quote(database, mariadb));
        try {
            var args = new String[] {
                "--customers", String.valueOf(CUSTOMERS), "--month", "2026-11", "--db", url, "--out", out.toString()
            };
            QuickstartCommandTest.Run first = QuickstartCommandTest.run(args);
            assertThat(first.code()).as(first.describe()).isZero();
            assertThat(first.out()).contains(CUSTOMERS + " new invoices, 0 already billed");
            try (Connection db = DriverManager.getConnection(url)) {
                assertThat(QuickstartCommandTest.count(
                                db, "SELECT COUNT(*) FROM invoices WHERE issue_date = DATE '2026-11-01'"))
                        .isEqualTo(CUSTOMERS);
                long sent = QuickstartCommandTest.count(db, "SELECT COUNT(*) FROM notifications WHERE status = 'SENT'");
                assertThat(QuickstartCommandTest.files(out.resolve("outbox"))).hasSize((int) sent);
                assertThat(QuickstartCommandTest.count(db, "SELECT COUNT(*) FROM invoices WHERE document_key IS NULL"))
                        .isZero();
            }

            QuickstartCommandTest.Run second = QuickstartCommandTest.run(args);
            assertThat(second.code()).as(second.describe()).isZero();
            assertThat(second.out()).contains("0 new invoices, " + CUSTOMERS + " already billed");
        } finally {
            execute(serverUrl, "DROP DATABASE " + quote(database, mariadb));
        }
    }

    /** The URL with its database path replaced: {@code jdbc:x://host:port/<database>?params}. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        int path = url.indexOf('/', hosts + 2);
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query);
        String base = path < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, path);
        return base + "/" + database + params;
    }

    private static String quote(String name, boolean mariadb) {
        return mariadb ? "`" + name + "`" : "\"" + name.toLowerCase(Locale.ROOT) + "\"";
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                var statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
        }
    }
}
