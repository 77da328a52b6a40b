package org.wispcrm.jpa;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL suite's server when {@code WISPCRM_POSTGRES_URL} is not set: an embedded PostgreSQL from Zonky's
 * Linux x86-64 binaries (the only platform the build puts on the class path), started on first use, once per JVM,
 * in a fresh data directory that is deleted when the JVM exits.
 */
final class EmbeddedPostgresServer {
    private static @Nullable String url;
    private static @Nullable String failure;

    private EmbeddedPostgresServer() {}

    /**
     * The JDBC URL of the embedded server, started now if it is not running yet.
     *
     * @throws IllegalStateException saying why the server cannot start here (no binaries for this platform, say);
     *     it is not tried again, so every later call fails the same way at once
     */
    static synchronized String url() {
        if (url == null && failure == null) {
            Path data = null;
            try {
                data = Files.createTempDirectory("wispcrm-embedded-pg");
                var server = EmbeddedPostgres.builder()
                        .setDataDirectory(data) // deleted when the server stops
                        // a throwaway server: durability only costs time (commits are already asynchronous)
                        .setServerConfig("fsync", "off")
                        .start();
                url = server.getJdbcUrl("postgres", "postgres");
            } catch (Exception | ExceptionInInitializerError e) {
                failure = e.toString();
                deleteQuietly(data);
            }
        }
        if (url == null) {
            throw new IllegalStateException(failure);
        }
        return url;
    }

    /** Removes what a failed start left in the data directory, so that failures leave nothing behind. */
    private static void deleteQuietly(@Nullable Path directory) {
        if (directory == null) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
