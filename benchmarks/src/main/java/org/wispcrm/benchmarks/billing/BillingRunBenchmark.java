package org.wispcrm.benchmarks.billing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.wispcrm.benchmarks.harness.BenchDatabase;
import org.wispcrm.benchmarks.harness.CommandLine;
import org.wispcrm.benchmarks.harness.Machine;
import org.wispcrm.benchmarks.harness.Measurement;
import org.wispcrm.benchmarks.harness.ResultRow;
import org.wispcrm.benchmarks.harness.Results;
import org.wispcrm.benchmarks.harness.WarmUp;
import org.wispcrm.billing.Billing;
import org.wispcrm.billing.invoice.BillingRunReport;
import org.wispcrm.jpa.JpaConfig;
import org.wispcrm.jpa.JpaPersistence;

/**
 * The billing run of N subscriptions on MariaDB and PostgreSQL, timed from the run's start to its end, next to a
 * raw JDBC batch insert of the same rows measured in the same process against the same database.
 *
 * <p>For each database, one schema migrated and one store for the whole run, as a host keeps one. For each N: every
 * table emptied, N customers seeded through the JPA adapter (not timed), the raw baseline (timed), the invoice
 * tables emptied, the billing run (timed, then
 * checked: N invoices numbered 1..N without gaps, two lines and one outbox message each), the tables emptied
 * again and the raw baseline once more, so the billing run is bracketed by two baselines on the same machine load;
 * the ratio is to their mean. Warm-up rounds first, until the JIT is quiet ({@link WarmUp}).
 *
 * <pre>
 * mvn -B -ntp -pl benchmarks -am package -DskipTests
 * java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar org.wispcrm.benchmarks.billing.BillingRunBenchmark \
 *     --n 10000,100000 --db mariadb,postgresql
 * </pre>
 *
 * <p>Options: {@code --n} sizes, {@code --db} databases ({@code mariadb}, {@code postgresql}, {@code h2}),
 * {@code --chunk} customers per unit of work of the billing run (default: the library's, 500),
 * {@code --run-threads} chunks the run bills at once (default: the library's, 2),
 * {@code --raw-batch} customers per transaction of the baseline (500), {@code --jpa-batch} JDBC batch size of the
 * adapter (50), {@code --warmup} customers of a warm-up round (10000; 0 for none), {@code --warmup-rounds} the
 * most warm-up rounds (5), {@code --out} directory of the
 * results (benchmarks/target/results), {@code --note} a line of text for the report. Database URLs come from
 * {@code WISPCRM_MARIADB_URL} and {@code WISPCRM_POSTGRES_URL}.
 */
public final class BillingRunBenchmark {
    /** The stage name in the results. */
    public static final String STAGE = "billing-run";

    /** The tables a billing run writes. */
    public static final List<String> INVOICE_TABLES =
            List.of("invoice_lines", "notifications", "invoices", "invoice_sequences");
    /** The tables the workload seeds. */
    public static final List<String> SEEDED_TABLES =
            List.of("plans", "plan_prices", "customers", "subscriptions", "subscription_plans");

    private final Options options;
    private final Map<String, String> environment;
    private final Results results;

    BillingRunBenchmark(Options options, Map<String, String> environment) {
        this.options = options;
        this.environment = environment;
        this.results = new Results(STAGE, Machine.current());
    }

    /** Runs the benchmark with command-line options and writes the results. */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        new BillingRunBenchmark(options, System.getenv()).run();
    }

    /** Runs every database and size, writes the results and returns them. */
    Results run() throws Exception {
        results.note("Settings: billing chunk "
                + (options.chunk == 0 ? "(library default)" : Integer.toString(options.chunk))
                + " customers per unit of work, "
                + (options.runThreads == 0 ? "(library default)" : Integer.toString(options.runThreads))
                + " chunks at once, JPA JDBC batch "
                + options.jpaBatch + ", raw baseline " + options.rawBatch + " customers per transaction, warm-up "
                + options.warmup + " customers; the ratio is billing time over the mean of the two raw runs.");
        options.note.forEach(results::note);
        log("Machine: " + results.machine().describe() + ", load average " + Machine.loadAverage());
        var pools = new java.util.LinkedHashMap<BenchDatabase, com.zaxxer.hikari.HikariDataSource>();
        var stores = new java.util.LinkedHashMap<BenchDatabase, JpaPersistence>();
        try {
            JpaConfig config = key -> key.equals("batchSize") ? Integer.toString(options.jpaBatch) : null;
            for (BenchDatabase database : options.databases) {
                var pool = database.dataSource(database.url(environment), 4);
                pools.put(database, pool);
                database.wipeSchema(pool);
                // one store per database for the whole run, as a host keeps one
                stores.put(database, JpaPersistence.create(pool, config));
            }
            // every database's warm-up before anything is measured, so no measured run pays for JIT compilation
            if (options.warmup > 0) {
                for (BenchDatabase database : options.databases) {
                    log(database.key() + ": warm-up with " + options.warmup + " customers");
                    WarmUp.untilJitQuiet(
                            database.key(),
                            options.warmupRounds,
                            () -> runOne(database, pools.get(database), stores.get(database), options.warmup, false),
                            BillingRunBenchmark::log);
                }
            }
            for (BenchDatabase database : options.databases) {
                for (int n : options.sizes) {
                    runOne(database, pools.get(database), stores.get(database), n, true);
                }
            }
        } finally {
            stores.values().forEach(JpaPersistence::close);
            pools.values().forEach(com.zaxxer.hikari.HikariDataSource::close);
        }
        results.computeRatios();
        String name = STAGE + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        results.write(options.out, name);
        Files.writeString(options.out.resolve(STAGE + "-latest.csv"), results.csv());
        System.out.println();
        System.out.println(results.markdown());
        log("Results: " + options.out.resolve(name + ".csv") + " (.json, .md)");
        return results;
    }

    private void runOne(BenchDatabase database, DataSource dataSource, JpaPersistence store, int n, boolean record)
            throws Exception {
        database.empty(dataSource);
        var workload = new Workload(options.seed);
        long seedStart = System.nanoTime();
        workload.seed(store, n, 1000);
        database.analyze(dataSource, SEEDED_TABLES);
        log("%s N=%d: seeded in %.1f s".formatted(database.key(), n, (System.nanoTime() - seedStart) / 1e9));

        var raw = new RawJdbcBaseline(workload, database, options.rawBatch);
        Measurement first = rawRun(raw, database, dataSource, n, record);

        var builder =
                Billing.builder().persistence(store).clock(Workload.clock()).policy(Workload.policy());
        if (options.chunk > 0) {
            builder.chunkSize(options.chunk);
        }
        if (options.runThreads > 0) {
            builder.runThreads(options.runThreads);
        }
        var billing = builder.build();
        var timed = Measurement.of(() -> billing.invoicing().run(Workload.RUN_DATE));
        BillingRunReport report = timed.value();
        if (report.invoiced() != n || !report.failures().isEmpty()) {
            throw new IllegalStateException("billing run on " + database.key() + " invoiced " + report.invoiced()
                    + " of " + n + ", failures " + report.failures());
        }
        RowCounts counts = RowCounts.of(dataSource).requireComplete(n, "billing run");
        Measurement billingRun = timed.measurement();
        log("%s N=%d: billing run %.2f s (%,.0f invoices/s), peak heap %d MB, JIT %d ms"
                .formatted(
                        database.key(),
                        n,
                        billingRun.seconds(),
                        n / billingRun.seconds(),
                        billingRun.peakHeapBytes() >> 20,
                        billingRun.jitMillis()));
        database.truncate(dataSource, INVOICE_TABLES);
        Measurement second = rawRun(raw, database, dataSource, n, record);
        log("%s N=%d: billing/raw = %.2f"
                .formatted(database.key(), n, billingRun.seconds() / ((first.seconds() + second.seconds()) / 2)));
        if (record) {
            results.add(new ResultRow(
                    database.key(),
                    n,
                    STAGE,
                    "wispcrm",
                    false,
                    billingRun,
                    report.invoiced(),
                    counts.rowsWritten(),
                    Double.NaN));
        }
    }

    private Measurement rawRun(
            RawJdbcBaseline raw, BenchDatabase database, DataSource dataSource, int n, boolean record)
            throws Exception {
        var timed = Measurement.of(() -> raw.run(dataSource, n));
        RowCounts counts = RowCounts.of(dataSource).requireComplete(n, "raw baseline");
        database.truncate(dataSource, INVOICE_TABLES);
        Measurement m = timed.measurement();
        log("%s N=%d: raw JDBC %.2f s (%,.0f invoices/s)".formatted(database.key(), n, m.seconds(), n / m.seconds()));
        if (record) {
            results.add(
                    new ResultRow(database.key(), n, STAGE, "raw-jdbc", true, m, n, counts.rowsWritten(), Double.NaN));
        }
        return m;
    }

    private static void log(String message) {
        System.out.println("[" + LocalDateTime.now().withNano(0) + "] " + message);
    }

    /** The command line. */
    record Options(
            List<Integer> sizes,
            List<BenchDatabase> databases,
            int chunk,
            int runThreads,
            int rawBatch,
            int jpaBatch,
            int warmup,
            int warmupRounds,
            long seed,
            Path out,
            List<String> note) {
        static final String USAGE = "usage: BillingRunBenchmark [--n 10000,100000] [--db mariadb,postgresql]"
                + " [--chunk 500] [--run-threads 2] [--raw-batch 500] [--jpa-batch 50] [--warmup 10000] [--warmup-rounds 5] [--seed 42]"
                + " [--out benchmarks/target/results] [--note text]";

        static Options parse(String... args) {
            List<Integer> sizes = List.of(10_000);
            List<BenchDatabase> databases = List.of(BenchDatabase.MARIADB, BenchDatabase.POSTGRESQL);
            int chunk = 0;
            int runThreads = 0;
            int rawBatch = 500;
            int jpaBatch = 50;
            int warmup = 10_000;
            int warmupRounds = 5;
            long seed = 42;
            Path out = CommandLine.defaultResults();
            var notes = new ArrayList<String>();
            for (var option : CommandLine.options(args, "Billing-run benchmark")) {
                String arg = option.getKey();
                String value = option.getValue();
                switch (arg) {
                    case "--n" -> sizes = CommandLine.sizes(value);
                    case "--db" -> databases = CommandLine.databases(value);
                    case "--chunk" -> chunk = Integer.parseInt(value);
                    case "--run-threads" -> runThreads = Integer.parseInt(value);
                    case "--raw-batch" -> rawBatch = Integer.parseInt(value);
                    case "--jpa-batch" -> jpaBatch = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--warmup-rounds" -> warmupRounds = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--out" -> out = Path.of(value);
                    case "--note" -> notes.add(value);
                    default -> throw new IllegalArgumentException("Unknown option " + arg);
                }
            }
            if (sizes.stream().anyMatch(s -> s < 1)
                    || chunk < 0
                    || runThreads < 0
                    || rawBatch < 1
                    || jpaBatch < 1
                    || warmup < 0
                    || warmupRounds < 1) {
                throw new IllegalArgumentException("Sizes, chunk and batches must be positive");
            }
            return new Options(
                    sizes,
                    databases,
                    chunk,
                    runThreads,
                    rawBatch,
                    jpaBatch,
                    warmup,
                    warmupRounds,
                    seed,
                    out,
                    List.copyOf(notes));
        }
    }
}
