package org.wispcrm.benchmarks.dispatch;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.notification.dispatch.MessageTemplates;
import org.wispcrm.core.notification.dispatch.NotificationDispatcher;
import org.wispcrm.jpa.JpaPersistence;
import org.wispcrm.notify.whatsapp.UltraMsgWhatsAppChannel;

/**
 * Messages per second through the outbox: seeds customers and pending {@code INVOICE_ISSUED} messages in a database
 * (not timed), starts {@link UltraMsgStub} on loopback, and runs {@link NotificationDispatcher} on
 * {@link JpaPersistence} with each worker count, every worker calling {@code dispatchDue()} until nothing is due.
 * Then it checks that every row is SENT after one claim and that the stub received every message exactly once,
 * and runs the raw baselines of {@link RawBaselines} on the same rows. Results go to {@code results.csv} and
 * {@code results.json} under {@code --out}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wispcrm.benchmarks.dispatch.DispatchBenchmark \
 *     --url=jdbc:mariadb://127.0.0.1:3306/wisp_dispatch_bench?user=root --messages=20000 --workers=1,2,4
 * </pre>
 *
 * <p>Options (all {@code --name=value}): {@code url}, {@code customers} (default 2000), {@code messages} (20000),
 * {@code workers} (1,2,4), {@code batch} (dispatcher batch size, 50), {@code pool} (JDBC pool size, 10),
 * {@code stub-threads} (8), {@code rounds} (1), {@code warmup} (true: one unrecorded pass first),
 * {@code baseline-threads} (the largest worker count), {@code baselines} (true), {@code out}
 * (benchmarks/target/dispatch). The exit code is 1 when a message was not sent exactly once.
 */
public final class DispatchBenchmark {
    static final String DEFAULT_URL =
            "jdbc:mariadb://127.0.0.1:3306/wisp_dispatch_bench?user=root&createDatabaseIfNotExist=true";

    private final Options options;
    private final PrintStream out;

    DispatchBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the benchmark from the command line.
     *
     * @param args {@code --name=value} options, see the class comment
     * @throws Exception when the database or the stub cannot be used
     */
    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC)); // the raw baselines bind timestamps as UTC too
        var benchmark = new DispatchBenchmark(Options.parse(args), System.out);
        List<PhaseResult> results = benchmark.run();
        System.exit(results.stream().allMatch(PhaseResult::correct) ? 0 : 1);
    }

    /** Runs every phase, writes the result files and prints a table. */
    List<PhaseResult> run() throws Exception {
        var results = new ArrayList<PhaseResult>();
        String machine = Machine.describe();
        out.println("Notification dispatch benchmark: " + options + "\n" + machine);
        try (HikariDataSource dataSource = pool(options.url(), options.pool(), "wispcrm-dispatch");
                HikariDataSource rawPool = pool(options.url(), options.baselineThreads() + 1, "raw-jdbc");
                JpaPersistence persistence = JpaPersistence.create(dataSource);
                UltraMsgStub stub = UltraMsgStub.start(options.stubThreads())) {
            String database = Machine.database(dataSource);
            long seedStart = System.nanoTime();
            DispatchWorkload workload =
                    DispatchWorkload.seed(dataSource, persistence, options.customers(), options.messages());
            out.printf(
                    Locale.ROOT,
                    "Seeded %d customers and %d messages on %s in %.1f s (not timed)%n",
                    options.customers(),
                    options.messages(),
                    database,
                    (System.nanoTime() - seedStart) / 1e9);
            OkHttpClient client = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(16, 1, TimeUnit.MINUTES))
                    .build();
            Map<String, String> settings = Map.of(
                    "ultramsg.baseUrl", stub.baseUrl(),
                    "ultramsg.instanceId", UltraMsgStub.INSTANCE,
                    "ultramsg.token", UltraMsgStub.TOKEN);
            var channel = new UltraMsgWhatsAppChannel(client, settings::get);
            var templates = MessageTemplates.builder()
                    .ispName("ConectaLlanos")
                    .paymentLink("https://pagos.conectallanos.co/?factura={{invoiceNumber}}")
                    .build();
            NotificationDispatcher dispatcher = NotificationDispatcher.builder(
                            persistence.outbox(), persistence.customers(), templates)
                    .channel(channel)
                    .batchSize(options.batch())
                    .build();
            var phases = new Phases(
                    workload,
                    stub,
                    options.url().startsWith("jdbc:mariadb:")
                            || options.url().startsWith("jdbc:mysql:")
                            || options.url().startsWith("jdbc:postgresql:"));
            if (options.warmup()) {
                int most = options.workers().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(1);
                PhaseResult warm = phases.outbox(0, dispatcher, most);
                out.printf(Locale.ROOT, "Warm-up: %.0f msg/s (not recorded)%n", warm.perSecond());
                if (options.baselines()) {
                    phases.rawPipeline(0, rawPool, options.baselineThreads(), options.batch(), client, stub.baseUrl());
                }
            }
            for (int round = 1; round <= options.rounds(); round++) {
                for (int workers : options.workers()) {
                    results.add(print(phases.outbox(round, dispatcher, workers)));
                }
                if (options.baselines()) {
                    int threads = options.baselineThreads();
                    results.add(print(phases.rawHttp(round, client, stub.baseUrl(), threads)));
                    results.add(print(phases.rawJdbc(round, rawPool, threads, options.batch())));
                    results.add(print(
                            phases.rawPipeline(round, rawPool, threads, options.batch(), client, stub.baseUrl())));
                }
            }
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
            ResultFiles.write(options.out(), options, machine, database, results);
            out.println("Results: " + options.out().resolve("results.csv") + " and results.json");
        }
        return results;
    }

    private PhaseResult print(PhaseResult result) {
        out.println(result.summary());
        return result;
    }

    private static HikariDataSource pool(String url, int size, String name) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName(name);
        if (url.startsWith("jdbc:mariadb:")) {
            config.addDataSourceProperty("useBulkStmtsForInserts", "true");
        }
        return new HikariDataSource(config);
    }

    /** One timed phase and its checks, run on freshly reset rows. */
    private static final class Phases {
        private final DispatchWorkload workload;
        private final UltraMsgStub stub;
        private final boolean skipLocked;

        Phases(DispatchWorkload workload, UltraMsgStub stub, boolean skipLocked) {
            this.workload = workload;
            this.stub = stub;
            this.skipLocked = skipLocked;
        }

        PhaseResult outbox(int round, NotificationDispatcher dispatcher, int workers) throws Exception {
            return timed(
                    round,
                    "outbox",
                    workers,
                    true,
                    true,
                    () -> Workers.run(workers, () -> {
                        // an empty pass means nothing is due: the rest is claimed by other workers or done
                        while (dispatcher.dispatchDue().handled() > 0) {}
                    }));
        }

        PhaseResult rawHttp(int round, OkHttpClient client, String baseUrl, int threads) throws Exception {
            return timed(
                    round,
                    "raw-http",
                    threads,
                    false,
                    true,
                    () -> RawBaselines.httpOnly(client, baseUrl, workload.notificationIds(), threads));
        }

        PhaseResult rawJdbc(int round, HikariDataSource pool, int threads, int batch) throws Exception {
            return timed(
                    round,
                    "raw-jdbc",
                    threads,
                    true,
                    false,
                    () -> RawBaselines.jdbc(pool, skipLocked, threads, batch, null, null, null));
        }

        PhaseResult rawPipeline(
                int round, HikariDataSource pool, int threads, int batch, OkHttpClient client, String baseUrl)
                throws Exception {
            return timed(
                    round,
                    "raw-jdbc+http",
                    threads,
                    true,
                    true,
                    () -> RawBaselines.jdbc(pool, skipLocked, threads, batch, client, baseUrl, null));
        }

        private PhaseResult timed(int round, String phase, int threads, boolean rows, boolean http, Workers.Task body)
                throws Exception {
            workload.reset();
            stub.reset();
            double loadBefore = Machine.loadAverage();
            long jvmCpuBefore = Machine.processCpuNanos();
            long dbCpuBefore = Machine.databaseCpuNanos();
            long start = System.nanoTime();
            body.run();
            long elapsed = System.nanoTime() - start;
            long jvmCpu = Machine.processCpuNanos() - jvmCpuBefore;
            long dbCpu = Machine.databaseCpuNanos() - dbCpuBefore;
            double loadAfter = Machine.loadAverage();
            int messages = workload.messages();
            DispatchWorkload.Outcome outcome = rows ? workload.outcome() : null;
            Deliveries deliveries = http ? Deliveries.of(workload.notificationIds(), stub.received()) : null;
            return new PhaseResult(
                    round,
                    phase,
                    threads,
                    messages,
                    elapsed / 1e9,
                    jvmCpu / 1e6 / messages,
                    dbCpuBefore < 0 ? -1 : dbCpu / 1e6 / messages,
                    loadBefore,
                    loadAfter,
                    Instant.now(),
                    outcome,
                    deliveries);
        }
    }

    /**
     * One phase's figures.
     *
     * @param round which round (0 is the warm-up)
     * @param phase {@code outbox}, {@code raw-http}, {@code raw-jdbc} or {@code raw-jdbc+http}
     * @param threads worker threads
     * @param messages messages in the phase
     * @param seconds wall-clock time from the workers' start to the last one's end
     * @param jvmCpuMsPerMessage CPU time of this JVM (every thread: workers, stub, JIT, GC) per message
     * @param dbCpuMsPerMessage CPU time of the database server process per message, -1 when not measurable
     * @param loadBefore one-minute load average before the phase
     * @param loadAfter one-minute load average after it
     * @param finishedAt when it ended
     * @param rows the rows' state afterwards, for phases that use the database
     * @param deliveries what the stub received, for phases that send
     */
    record PhaseResult(
            int round,
            String phase,
            int threads,
            int messages,
            double seconds,
            double jvmCpuMsPerMessage,
            double dbCpuMsPerMessage,
            double loadBefore,
            double loadAfter,
            Instant finishedAt,
            DispatchWorkload.@Nullable Outcome rows,
            @Nullable Deliveries deliveries) {

        double perSecond() {
            return messages / seconds;
        }

        boolean correct() {
            return (rows == null || rows.allSentOnce()) && (deliveries == null || deliveries.exactlyOnce());
        }

        String summary() {
            return String.format(
                    Locale.ROOT,
                    "round %d %-14s %d thread(s): %6d msgs in %6.2f s = %7.0f msg/s | JVM CPU %.3f ms/msg,"
                            + " DB CPU %s ms/msg | load %.1f -> %.1f | %s",
                    round,
                    phase,
                    threads,
                    messages,
                    seconds,
                    perSecond(),
                    jvmCpuMsPerMessage,
                    dbCpuMsPerMessage < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", dbCpuMsPerMessage),
                    loadBefore,
                    loadAfter,
                    checks());
        }

        String checks() {
            var parts = new ArrayList<String>();
            if (rows != null) {
                parts.add(
                        "rows SENT " + rows.sent() + "/" + rows.total() + ", claimed once " + rows.sentFirstAttempt());
            }
            if (deliveries != null) {
                parts.add("stub got " + deliveries.requests() + " (duplicates " + deliveries.duplicates() + ", missing "
                        + deliveries.missing() + ", unexpected " + deliveries.unexpected() + ")");
            }
            parts.add(correct() ? "OK" : "FAILED");
            return String.join("; ", parts);
        }
    }

    /**
     * Command-line options.
     *
     * @param url JDBC URL
     * @param customers customers to seed
     * @param messages messages to seed
     * @param workers worker counts, one outbox phase each
     * @param batch dispatcher batch size
     * @param pool JDBC pool size of the library
     * @param stubThreads handler threads of the stub
     * @param rounds how often every phase runs
     * @param warmup whether an unrecorded pass runs first
     * @param baselineThreads threads of the raw baselines
     * @param baselines whether the raw baselines run
     * @param out where the result files go
     */
    record Options(
            String url,
            int customers,
            int messages,
            List<Integer> workers,
            int batch,
            int pool,
            int stubThreads,
            int rounds,
            boolean warmup,
            int baselineThreads,
            boolean baselines,
            Path out) {

        static Options parse(String... args) {
            var values = new LinkedHashMap<String, String>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("options are --name=value, got " + arg);
                }
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            List<Integer> workers = Arrays.stream(
                            values.getOrDefault("workers", "1,2,4").split(","))
                    .map(String::strip)
                    .map(Integer::valueOf)
                    .toList();
            int most = workers.stream().mapToInt(Integer::intValue).max().orElse(1);
            var options = new Options(
                    values.getOrDefault("url", DEFAULT_URL),
                    Integer.parseInt(values.getOrDefault("customers", "2000")),
                    Integer.parseInt(values.getOrDefault("messages", "20000")),
                    workers,
                    Integer.parseInt(values.getOrDefault("batch", "50")),
                    Integer.parseInt(values.getOrDefault("pool", "10")),
                    Integer.parseInt(values.getOrDefault("stub-threads", "8")),
                    Integer.parseInt(values.getOrDefault("rounds", "1")),
                    Boolean.parseBoolean(values.getOrDefault("warmup", "true")),
                    Integer.parseInt(values.getOrDefault("baseline-threads", String.valueOf(most))),
                    Boolean.parseBoolean(values.getOrDefault("baselines", "true")),
                    Path.of(values.getOrDefault("out", "benchmarks/target/dispatch")));
            var known = List.of(
                    "url",
                    "customers",
                    "messages",
                    "workers",
                    "batch",
                    "pool",
                    "stub-threads",
                    "rounds",
                    "warmup",
                    "baseline-threads",
                    "baselines",
                    "out");
            for (String key : values.keySet()) {
                if (!known.contains(key)) {
                    throw new IllegalArgumentException("unknown option --" + key + "; known: " + known);
                }
            }
            if (options.customers() < 1
                    || options.messages() < 1
                    || workers.stream().anyMatch(w -> w < 1)) {
                throw new IllegalArgumentException("customers, messages and workers must be positive");
            }
            return options;
        }

        @Override
        public String toString() {
            return "customers=" + customers + ", messages=" + messages + ", workers=" + workers + ", batch=" + batch
                    + ", pool=" + pool + ", stub-threads=" + stubThreads + ", rounds=" + rounds + ", warmup="
                    + warmup + ", baseline-threads=" + baselineThreads;
        }
    }

    /** The machine, the JVM and the database, as far as they can be read. */
    static final class Machine {
        private Machine() {}

        static String describe() {
            String cpu = "unknown CPU";
            String memory = "";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).strip())
                        .findFirst()
                        .orElse(cpu);
                memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                        .filter(line -> line.startsWith("MemTotal"))
                        .map(line -> ", " + Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GB RAM")
                        .findFirst()
                        .orElse("");
            } catch (IOException | RuntimeException e) {
                // not Linux: the JVM's view is enough
            }
            return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + ")" + memory + ", Java "
                    + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
        }

        static String database(javax.sql.DataSource dataSource) throws java.sql.SQLException {
            try (var connection = dataSource.getConnection()) {
                var meta = connection.getMetaData();
                return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            }
        }

        static double loadAverage() {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }

        static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /** CPU time of the local MariaDB/MySQL server process from /proc, or -1 when there is none to read. */
        static long databaseCpuNanos() {
            try (var processes = Files.list(Path.of("/proc"))) {
                long ticks = -1;
                for (Path process : (Iterable<Path>) processes::iterator) {
                    if (!process.getFileName().toString().matches("\\d+")) {
                        continue;
                    }
                    try {
                        String comm = Files.readString(process.resolve("comm")).strip();
                        if (comm.equals("mariadbd") || comm.equals("mysqld")) {
                            String stat = Files.readString(process.resolve("stat"));
                            String[] fields =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            // fields 14 and 15 of stat (utime, stime), counted from after the command name
                            ticks = Math.max(ticks, 0) + Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException | RuntimeException e) {
                        // a process that ended meanwhile
                    }
                }
                return ticks < 0 ? -1 : ticks * 10_000_000L; // USER_HZ is 100 on Linux
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }
}
