package org.wispcrm.benchmarks.monthclose;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.wispcrm.benchmarks.billing.BillingRunBenchmark;
import org.wispcrm.benchmarks.billing.RawJdbcBaseline;
import org.wispcrm.benchmarks.billing.RowCounts;
import org.wispcrm.benchmarks.billing.Workload;
import org.wispcrm.benchmarks.dispatch.DispatchWorkload;
import org.wispcrm.benchmarks.dispatch.RawBaselines;
import org.wispcrm.benchmarks.dispatch.UltraMsgStub;
import org.wispcrm.benchmarks.dispatch.Workers;
import org.wispcrm.benchmarks.harness.BenchDatabase;
import org.wispcrm.benchmarks.harness.CommandLine;
import org.wispcrm.benchmarks.harness.Machine;
import org.wispcrm.benchmarks.harness.Measurement;
import org.wispcrm.benchmarks.harness.ResultRow;
import org.wispcrm.benchmarks.harness.Results;
import org.wispcrm.benchmarks.harness.S3ProxyProcess;
import org.wispcrm.benchmarks.harness.WarmUp;
import org.wispcrm.benchmarks.pdf.BenchmarkDocuments;
import org.wispcrm.billing.Billing;
import org.wispcrm.billing.document.DocumentKeys;
import org.wispcrm.billing.document.PdfSettings;
import org.wispcrm.billing.document.store.DocumentRunReport;
import org.wispcrm.billing.document.store.DocumentService;
import org.wispcrm.billing.invoice.BillingRunReport;
import org.wispcrm.core.document.DocumentStorage;
import org.wispcrm.core.document.LocalFileDocumentStorage;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.notification.dispatch.DispatchReport;
import org.wispcrm.core.notification.dispatch.MessageTemplates;
import org.wispcrm.core.notification.dispatch.NotificationDispatcher;
import org.wispcrm.jpa.JpaPersistence;
import org.wispcrm.notify.whatsapp.UltraMsgWhatsAppChannel;
import org.wispcrm.storage.s3.S3DocumentStorage;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The month close of an ISP with N subscriptions, end to end, on one database at a time: the billing run
 * (invoices, gap-free numbers, outbox messages), every invoice's PDF rendered and stored to disk and to S3
 * (S3Proxy on loopback, in its own JVM), and every message dispatched as a WhatsApp document with its PDF link to
 * a local UltraMsg stub. Each stage runs next to its raw baseline in the same process on the same data:
 *
 * <ul>
 *   <li>{@code billing}: {@link RawJdbcBaseline}, the same rows written with plain JDBC batches;
 *   <li>{@code pdf-disk}, {@code pdf-s3}: {@link RawDocuments}, the same page written with OpenPDF directly and
 *       its bytes stored with one {@code Files.write} (and one {@code sync -f} for the batch) or one S3
 *       {@code PutObject};
 *   <li>{@code dispatch}: {@link RawBaselines#jdbc}, a hand-written dispatcher (JDBC claim with {@code SKIP
 *       LOCKED}, text by string concatenation, a presigned link, the POST, the mark).
 * </ul>
 *
 * <p>{@code close} is billing + PDFs to S3 + dispatch, the month closed for a host that keeps documents in S3 (the
 * disk stage is the alternative storage, reported beside it). Every stage is checked before it counts: N invoices
 * numbered without gaps, N documents recorded, N messages sent, each received once by the stub.
 *
 * <pre>
 * mvn -B -ntp -pl benchmarks -am package -DskipTests
 * java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar org.wispcrm.benchmarks.monthclose.MonthCloseBenchmark \
 *     --n 1000,10000,100000 --db mariadb,postgresql,h2
 * </pre>
 *
 * <p>Results: {@code benchmarks/target/results/month-close-<time>.{csv,json,md,png}}.
 */
public final class MonthCloseBenchmark {
    static final String BENCHMARK = "month-close";
    static final String BILLING = "billing";
    static final String PDF_DISK = "pdf-disk";
    static final String PDF_S3 = "pdf-s3";
    static final String DISPATCH = "dispatch";
    static final String CLOSE = "close";
    static final String LIBRARY = "wispcrm";

    private static final java.util.concurrent.atomic.AtomicInteger BUCKETS =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final int CLAIM_BATCH = 50;

    private final Options options;
    private final Map<String, String> environment;
    private final Results results;

    MonthCloseBenchmark(Options options, Map<String, String> environment) {
        this.options = options;
        this.environment = environment;
        this.results = new Results(BENCHMARK, Machine.current());
    }

    /** Runs the benchmark with command-line options and writes the results. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
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
        new MonthCloseBenchmark(options, System.getenv()).run();
    }

    /**
     * The servers every run shares, and the buckets of the current run: new ones for every month close, since the
     * library (rightly) never overwrites a stored invoice, and the next run's invoices have the same numbers.
     */
    private record Servers(
            S3ProxyProcess s3proxy,
            S3Client s3,
            S3Presigner presigner,
            UltraMsgStub stub,
            OkHttpClient http,
            String bucket,
            String rawBucket) {
        Servers withNewBuckets() {
            int run = BUCKETS.incrementAndGet();
            Servers next = new Servers(s3proxy, s3, presigner, stub, http, "wisp-invoices-" + run, "wisp-raw-" + run);
            s3.createBucket(b -> b.bucket(next.bucket()));
            s3.createBucket(b -> b.bucket(next.rawBucket()));
            return next;
        }

        void deleteBuckets() {
            s3proxy.deleteBucket(s3, bucket);
            s3proxy.deleteBucket(s3, rawBucket);
        }
    }

    /** Runs every database and size, writes the results and the plot, and returns the results. */
    Results run() throws Exception {
        results.note("Settings: " + options.describe() + ". Ratio: the stage's time over its raw baseline's, both"
                + " measured in this run; close = billing + pdf-s3 + dispatch.");
        options.note().forEach(results::note);
        log("Machine: " + results.machine().describe() + ", load average " + Machine.loadAverage());
        OkHttpClient http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(16, 1, TimeUnit.MINUTES))
                .build();
        try (S3ProxyProcess s3proxy = S3ProxyProcess.start();
                S3Client s3 = s3proxy.client();
                S3Presigner presigner = s3proxy.presigner();
                UltraMsgStub stub = UltraMsgStub.start(8)) {
            var servers = new Servers(s3proxy, s3, presigner, stub, http, "", "");
            for (BenchDatabase database : options.databases()) {
                try (HikariDataSource pool = database.dataSource(database.url(environment), options.workers() + 4)) {
                    database.wipeSchema(pool);
                    // one store for every close on this database, as a host keeps one for its process's life
                    try (var store = JpaPersistence.create(pool)) {
                        if (options.warmup() > 0) {
                            log(database.key() + ": warm-up with " + options.warmup()
                                    + " subscriptions (not recorded)");
                            WarmUp.untilJitQuiet(
                                    database.key(),
                                    options.warmupRounds(),
                                    () -> closeMonth(database, pool, store, servers, options.warmup(), false),
                                    MonthCloseBenchmark::log);
                        }
                        for (int n : options.sizes()) {
                            closeMonth(database, pool, store, servers, n, true);
                        }
                    }
                }
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        results.computeRatios();
        Targets.check(results).forEach(results::note);
        String name = BENCHMARK + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        results.write(options.out(), name);
        Path plot = TimePlot.write(results, options.out().resolve(name + ".png"));
        Files.writeString(options.out().resolve(BENCHMARK + "-latest.csv"), results.csv());
        System.out.println();
        System.out.println(results.markdown());
        log("Results: " + options.out().resolve(name + ".csv") + " (.json, .md), plot " + plot);
        return results;
    }

    /** One month close of {@code n} subscriptions on emptied tables; records its rows when {@code record}. */
    private void closeMonth(
            BenchDatabase database, HikariDataSource pool, JpaPersistence store, Servers shared, int n, boolean record)
            throws Exception {
        Servers servers = shared.withNewBuckets();
        try {
            closeMonthOn(database, pool, store, servers, n, record);
        } finally {
            servers.deleteBuckets();
        }
    }

    private void closeMonthOn(
            BenchDatabase database, HikariDataSource pool, JpaPersistence store, Servers servers, int n, boolean record)
            throws Exception {
        database.empty(pool);
        var workload = new Workload(options.seed());
        long seedStart = System.nanoTime();
        workload.seed(store, n, 1000);
        database.analyze(pool, BillingRunBenchmark.SEEDED_TABLES);
        log("%s N=%,d: seeded in %.1f s (not timed)".formatted(database.key(), n, since(seedStart)));
        var stages = new ArrayList<ResultRow>();
        stages.addAll(billing(database, pool, store, workload, n));
        stages.addAll(pdfToDisk(database, pool, store, n));
        stages.addAll(pdfToS3(database, pool, store, servers, n));
        stages.addAll(dispatch(database, pool, store, servers, n));
        stages.addAll(close(database.key(), n, stages));
        if (record) {
            stages.forEach(results::add);
        }
    }

    // ---- stages --------------------------------------------------------------------------------------------------

    private List<ResultRow> billing(
            BenchDatabase database, DataSource pool, JpaPersistence store, Workload workload, int n) throws Exception {
        var rawTimed = Measurement.of(() -> new RawJdbcBaseline(workload, database, 500).run(pool, n));
        RowCounts rawRows = RowCounts.of(pool).requireComplete(n, "raw billing baseline");
        database.truncate(pool, BillingRunBenchmark.INVOICE_TABLES);

        Billing billing = Billing.builder()
                .persistence(store)
                .clock(Workload.clock())
                .policy(Workload.policy())
                .build();
        var timed = Measurement.of(() -> billing.invoicing().run(Workload.RUN_DATE));
        BillingRunReport report = timed.value();
        if (report.invoiced() != n || !report.failures().isEmpty()) {
            throw new IllegalStateException("billing on " + database.key() + " invoiced " + report.invoiced() + " of "
                    + n + ", failures " + report.failures());
        }
        RowCounts rows = RowCounts.of(pool).requireComplete(n, "billing run");
        return logged(List.of(
                row(database, n, BILLING, "raw-jdbc", rawTimed.measurement(), n, rawRows.rowsWritten()),
                row(database, n, BILLING, LIBRARY, timed.measurement(), n, rows.rowsWritten())));
    }

    private List<ResultRow> pdfToDisk(BenchDatabase database, DataSource pool, JpaPersistence store, int n)
            throws Exception {
        Path root = Files.createTempDirectory("wisp-month-close-");
        try {
            // each run starts with nothing of earlier stages (or deleted trees) waiting to be written back
            RawDocuments.syncFileSystem(root);
            var raw = Measurement.of(() -> new RawDocuments().runToDisk(n, options.pdfThreads(), root));
            RawDocuments.syncFileSystem(root);
            Measurement library =
                    renderAll(database, pool, store, new LocalFileDocumentStorage(root.resolve("lib")), n);
            clearDocumentKeys(pool);
            return logged(List.of(
                    row(database, n, PDF_DISK, "raw-openpdf+write", raw.measurement(), n, 0),
                    row(database, n, PDF_DISK, LIBRARY, library, n, 2L * n)));
        } finally {
            deleteTree(root);
            RawDocuments.syncFileSystem(root.getParent()); // the deletions too, before the next stage is timed
        }
    }

    private List<ResultRow> pdfToS3(
            BenchDatabase database, DataSource pool, JpaPersistence store, Servers servers, int n) throws Exception {
        var raw = Measurement.of(() ->
                new RawDocuments().run(n, options.pdfThreads(), RawDocuments.s3(servers.s3(), servers.rawBucket())));
        // the library's run starts with the server holding what the baseline's did: the server slows as it fills
        servers.s3proxy().emptyBucket(servers.s3(), servers.rawBucket());
        Measurement library = renderAll(database, pool, store, s3Storage(servers), n);
        return logged(List.of(
                row(database, n, PDF_S3, "raw-openpdf+put", raw.measurement(), n, 0),
                row(database, n, PDF_S3, LIBRARY, library, n, 2L * n)));
    }

    /**
     * Renders and stores every invoice's PDF with the library; checks that each invoice recorded its document and
     * each invoice message was marked as having its attachment stored (two rows written per invoice).
     */
    private Measurement renderAll(
            BenchDatabase database, DataSource pool, JpaPersistence store, DocumentStorage storage, int n)
            throws Exception {
        var documents = new DocumentService(store, storage, PdfSettings.of(BenchmarkDocuments.isp()));
        var timed = Measurement.of(() -> documents.renderMissing(Workload.RUN_DATE, options.pdfThreads()));
        DocumentRunReport report = timed.value();
        long recorded = count(pool, "SELECT count(*) FROM invoices WHERE document_key IS NOT NULL");
        long marked = count(pool, "SELECT count(*) FROM notifications WHERE attachments_stored = TRUE");
        if (report.rendered() != n || !report.failures().isEmpty() || recorded != n || marked != n) {
            throw new IllegalStateException("documents on " + database.key() + ": " + report + ", " + recorded
                    + " invoices with a document and " + marked + " messages marked, expected " + n);
        }
        return timed.measurement();
    }

    private List<ResultRow> dispatch(
            BenchDatabase database, DataSource pool, JpaPersistence store, Servers servers, int n) throws Exception {
        boolean skipLocked = database != BenchDatabase.H2;
        servers.stub().reset();
        var raw = Measurement.of(() -> {
            RawBaselines.jdbc(
                    pool,
                    skipLocked,
                    options.workers(),
                    CLAIM_BATCH,
                    servers.http(),
                    servers.stub().baseUrl(),
                    model -> invoiceLink(servers, model));
            return null;
        });
        requireSentOnce(database, pool, servers.stub(), n, "raw dispatch baseline");
        DispatchWorkload.resetToPending(pool);
        servers.stub().reset();

        NotificationDispatcher dispatcher = dispatcher(store, servers);
        var sent = new java.util.concurrent.atomic.AtomicLong();
        var library = Measurement.of(() -> {
            Workers.run(options.workers(), () -> {
                DispatchReport report = dispatcher.dispatchDue();
                sent.addAndGet(report.sent());
            });
            return null;
        });
        if (sent.get() != n) {
            throw new IllegalStateException("the dispatcher reported " + sent.get() + " sent of " + n);
        }
        requireSentOnce(database, pool, servers.stub(), n, "dispatcher");
        return logged(List.of(
                row(database, n, DISPATCH, "raw-jdbc+http", raw.measurement(), n, n),
                row(database, n, DISPATCH, LIBRARY, library.measurement(), n, n)));
    }

    private NotificationDispatcher dispatcher(JpaPersistence store, Servers servers) {
        Map<String, String> settings = Map.of(
                "ultramsg.baseUrl", servers.stub().baseUrl(),
                "ultramsg.instanceId", UltraMsgStub.INSTANCE,
                "ultramsg.token", UltraMsgStub.TOKEN);
        var templates = MessageTemplates.builder()
                .ispName("ConectaLlanos")
                .paymentLink("https://pagos.conectallanos.co/?factura={{invoiceNumber}}")
                .build();
        return NotificationDispatcher.builder(store.outbox(), store.customers(), templates)
                .channel(new UltraMsgWhatsAppChannel(servers.http(), settings::get))
                .documentStorage(s3Storage(servers))
                .batchSize(CLAIM_BATCH)
                .build();
    }

    /** The sum of billing, PDFs to S3 and dispatch, for the library and for the baselines. */
    private static List<ResultRow> close(String database, int n, List<ResultRow> stages) {
        var rows = new ArrayList<ResultRow>();
        for (boolean baseline : new boolean[] {true, false}) {
            var parts = stages.stream()
                    .filter(r -> r.baseline() == baseline
                            && List.of(BILLING, PDF_S3, DISPATCH).contains(r.stage()))
                    .toList();
            rows.add(new ResultRow(
                    database,
                    n,
                    CLOSE,
                    baseline ? "raw" : LIBRARY,
                    baseline,
                    Measurement.sequence(
                            parts.stream().map(ResultRow::measurement).toList()),
                    n,
                    parts.stream().mapToLong(ResultRow::rowsWritten).sum(),
                    Double.NaN));
        }
        return logged(rows);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static S3DocumentStorage s3Storage(Servers servers) {
        return new S3DocumentStorage(
                servers.s3(), servers.presigner(), key -> key.equals("bucket") ? servers.bucket() : null);
    }

    /** The presigned link a hand-written dispatcher would send for the invoice a message is about. */
    private static String invoiceLink(Servers servers, String model) {
        var key = DocumentKeys.invoice(
                InvoiceNumber.parse(RawBaselines.modelField(model, "invoiceNumber")),
                java.time.LocalDate.parse(RawBaselines.modelField(model, "issueDate")));
        return servers.presigner()
                .presignGetObject(p -> p.signatureDuration(java.time.Duration.ofDays(7))
                        .getObjectRequest(g -> g.bucket(servers.bucket()).key(key.value())))
                .url()
                .toString();
    }

    private static void requireSentOnce(BenchDatabase database, DataSource pool, UltraMsgStub stub, int n, String who)
            throws SQLException {
        long sent = count(pool, "SELECT count(*) FROM notifications WHERE status = 'SENT' AND attempts = 1");
        UltraMsgStub.Received received = stub.received();
        boolean once = received.byReference().size() == n
                && received.requests() == n
                && received.malformed() == 0
                && received.byReference().values().stream().allMatch(count -> count == 1);
        if (sent != n || !once) {
            throw new IllegalStateException(who + " on " + database.key() + ": " + sent + " of " + n
                    + " messages sent after one attempt; the stub got " + received.requests() + " requests for "
                    + received.byReference().size() + " messages, " + received.malformed() + " malformed");
        }
    }

    private static void clearDocumentKeys(DataSource pool) throws SQLException {
        try (var c = pool.getConnection();
                var statement = c.createStatement()) {
            statement.executeUpdate("UPDATE invoices SET document_key = NULL");
            statement.executeUpdate("UPDATE notifications SET attachments_stored = FALSE");
        }
    }

    private static long count(DataSource pool, String sql) throws SQLException {
        try (var c = pool.getConnection();
                var statement = c.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static ResultRow row(
            BenchDatabase database, int n, String stage, String variant, Measurement m, long items, long rows) {
        return new ResultRow(database.key(), n, stage, variant, !variant.equals(LIBRARY), m, items, rows, Double.NaN);
    }

    private static List<ResultRow> logged(List<ResultRow> rows) {
        for (ResultRow r : rows) {
            log("%s N=%,d %-8s %-18s %7.2f s %,9.0f/s  peak heap %d MB"
                    .formatted(
                            r.database(),
                            r.n(),
                            r.stage(),
                            r.variant(),
                            r.measurement().seconds(),
                            r.itemsPerSecond(),
                            r.measurement().peakHeapBytes() >> 20));
        }
        return rows;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var files = Files.walk(root)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static void log(String message) {
        System.out.println("[" + LocalDateTime.now().withNano(0) + "] " + message);
    }

    /** The command line. */
    record Options(
            List<Integer> sizes,
            List<BenchDatabase> databases,
            int workers,
            int pdfThreads,
            int warmup,
            int warmupRounds,
            long seed,
            Path out,
            List<String> note) {
        static final String USAGE = "usage: MonthCloseBenchmark [--n 1000,10000,100000] [--db mariadb,postgresql,h2]"
                + " [--workers 4] [--pdf-threads 4] [--warmup 30000] [--warmup-rounds 5] [--seed 42]"
                + " [--out benchmarks/target/results]"
                + " [--note text]";

        static Options parse(String... args) {
            List<Integer> sizes = List.of(1_000, 10_000, 100_000);
            List<BenchDatabase> databases = List.of(BenchDatabase.MARIADB, BenchDatabase.POSTGRESQL, BenchDatabase.H2);
            int workers = 4;
            int pdfThreads = 4;
            int warmup = 30_000;
            int warmupRounds = 5;
            long seed = 42;
            Path out = CommandLine.defaultResults();
            var notes = new ArrayList<String>();
            for (var option : CommandLine.options(args, "Month-close benchmark")) {
                String arg = option.getKey();
                String value = option.getValue();
                switch (arg) {
                    case "--n" -> sizes = CommandLine.sizes(value);
                    case "--db" -> databases = CommandLine.databases(value);
                    case "--workers" -> workers = Integer.parseInt(value);
                    case "--pdf-threads" -> pdfThreads = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--warmup-rounds" -> warmupRounds = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--out" -> out = Path.of(value);
                    case "--note" -> notes.add(value);
                    default -> throw new IllegalArgumentException("Unknown option " + arg);
                }
            }
            if (sizes.stream().anyMatch(s -> s < 1)
                    || workers < 1
                    || pdfThreads < 1
                    || warmup < 0
                    || warmupRounds < 1) {
                throw new IllegalArgumentException("Sizes, workers, threads and warm-up rounds must be positive");
            }
            return new Options(
                    sizes, databases, workers, pdfThreads, warmup, warmupRounds, seed, out, List.copyOf(notes));
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "N %s on %s, %d dispatch workers (and baseline threads), %d threads rendering and storing PDFs (library and baseline),"
                            + " warm-up rounds of %d subscriptions per database until the JIT is quiet (at most %d), seed %d",
                    sizes,
                    databases.stream().map(BenchDatabase::key).toList(),
                    workers,
                    pdfThreads,
                    warmup,
                    warmupRounds,
                    seed);
        }
    }
}
