package org.wispcrm.jpa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.wispcrm.core.tx.TransactionRunner;

/**
 * A second JVM on the same database: {@code numbers <db> <units> <rollbackEvery>} takes one invoice number per unit
 * of work (every n-th unit rolls back) and prints each committed number; {@code bill <db> <chunk> <sleepMillis>}
 * runs the billing run and prints how many invoices it issued.
 */
public final class ChildProcess {
    private ChildProcess() {}

    /** Runs one of the modes above. */
    public static void main(String[] args) {
        var database = TestDatabase.valueOf(args[1]);
        try (var pool = database.newDataSource(4);
                var store = JpaPersistence.create(pool)) {
            switch (args[0]) {
                case "numbers" ->
                    takeNumbers(store.transactions(), store, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                case "bill" -> {
                    var report = BillingWorld.billing(store, Integer.parseInt(args[2]))
                            .run(BillingWorld.RUN_DATE, BillingWorld.slow(Long.parseLong(args[3])));
                    System.out.println("INVOICED " + report.invoiced() + " FAILED "
                            + report.failures().size());
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
        System.out.flush();
        System.exit(0);
    }

    private static void takeNumbers(TransactionRunner tx, JpaPersistence store, int units, int rollbackEvery) {
        for (int unit = 0; unit < units; unit++) {
            boolean fail = rollbackEvery > 0 && unit % rollbackEvery == rollbackEvery - 1;
            try {
                long number = tx.inTransaction(() -> {
                    long n = store.invoiceNumbers().next("FE");
                    if (fail) {
                        throw new IllegalStateException("rolled back on purpose");
                    }
                    return n;
                });
                System.out.println("NUMBER " + number);
            } catch (IllegalStateException expected) {
                // the number goes back to the sequence
            }
        }
    }

    /** A running child JVM and the file its output goes to (a file, so a chatty child never blocks on a pipe). */
    record Child(Process process, Path log) {
        /** Waits for the child and returns its output; fails if it does not exit 0 in time. */
        List<String> output(long timeoutSeconds) throws Exception {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM did not finish in " + timeoutSeconds + " s");
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("child JVM exited with " + process.exitValue() + ":\n" + text);
            }
            return text.lines().toList();
        }
    }

    /**
     * Starts a child JVM with the test class path and this class as main; it reaches the database named by
     * {@code args[1]} where this JVM does (the embedded PostgreSQL too, whose URL it gets in its environment).
     */
    static Child start(String... args) throws IOException {
        var command = new ArrayList<String>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ChildProcess.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("wispcrm-child-", ".log");
        log.toFile().deleteOnExit();
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        TestDatabase.valueOf(args[1]).exportUrlTo(builder.environment());
        var process = builder.start();
        return new Child(process, log);
    }
}
