package org.wispcrm.benchmarks.pdf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.wispcrm.billing.document.InvoicePdf;
import org.wispcrm.billing.document.PdfSettings;
import org.wispcrm.core.invoice.Invoice;

/**
 * A paired comparison for a shared, noisy machine: the invoice renderer and the raw OpenPDF page take turns in short
 * rounds (so both see the same background load), and besides wall-clock throughput each round records the CPU time
 * the rendering threads used, which background load barely changes. Prints a Markdown table.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.wispcrm.benchmarks.pdf.PdfRenderComparison [rounds]
 * [roundMillis] [warmupSeconds]} (defaults 15, 300, 5).
 */
public final class PdfRenderComparison {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private PdfRenderComparison() {}

    /**
     * Runs the comparison.
     *
     * @param args optional rounds, round length in milliseconds and warm-up seconds
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long roundMillis = args.length > 1 ? Long.parseLong(args[1]) : 300;
        long warmupSeconds = args.length > 2 ? Long.parseLong(args[2]) : 5;
        System.out.printf(
                Locale.ROOT,
                "| fonts | lines | threads | renderer ops/s (median, best) | raw ops/s (median, best)"
                        + " | renderer CPU ms/doc | raw CPU ms/doc | ratio (CPU) | ratio (median ops/s) |%n");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String fonts : List.of("standard", "truetype")) {
            for (int lines : List.of(8, 200)) {
                InvoicePdf renderer = new InvoicePdf(PdfSettings.builder(BenchmarkDocuments.isp())
                        .fonts(BenchmarkDocuments.fonts(fonts))
                        .build());
                Invoice invoice = BenchmarkDocuments.invoice(lines);
                RawOpenPdfPage raw = new RawOpenPdfPage(fonts, lines);
                Supplier<byte[]> ours = () -> renderer.render(invoice);
                Supplier<byte[]> baseline = raw::render;
                long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
                while (System.nanoTime() < warmEnd) {
                    measure(ours, 2, 100);
                    measure(baseline, 2, 100);
                }
                for (int threads : List.of(1, 2)) {
                    var oursRounds = new ArrayList<Round>();
                    var rawRounds = new ArrayList<Round>();
                    for (int r = 0; r < rounds; r++) {
                        if (r % 2 == 0) {
                            oursRounds.add(measure(ours, threads, roundMillis));
                            rawRounds.add(measure(baseline, threads, roundMillis));
                        } else {
                            rawRounds.add(measure(baseline, threads, roundMillis));
                            oursRounds.add(measure(ours, threads, roundMillis));
                        }
                    }
                    Summary o = Summary.of(oursRounds);
                    Summary b = Summary.of(rawRounds);
                    System.out.printf(
                            Locale.ROOT,
                            "| %s | %d | %d | %.0f, %.0f | %.0f, %.0f | %.3f | %.3f | %.2fx | %.2fx |%n",
                            fonts,
                            lines,
                            threads,
                            o.medianOpsPerSecond,
                            o.bestOpsPerSecond,
                            b.medianOpsPerSecond,
                            b.bestOpsPerSecond,
                            o.cpuMillisPerDoc,
                            b.cpuMillisPerDoc,
                            o.cpuMillisPerDoc / b.cpuMillisPerDoc,
                            b.medianOpsPerSecond / o.medianOpsPerSecond);
                }
            }
        }
    }

    /** Runs {@code work} on {@code threads} threads for {@code millis}; counts documents and CPU time. */
    private static Round measure(Supplier<byte[]> work, int threads, long millis) throws InterruptedException {
        var stop = new AtomicBoolean();
        var start = new CountDownLatch(1);
        long[] ops = new long[threads];
        long[] cpu = new long[threads];
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int slot = t;
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long cpuStart = CPU.getCurrentThreadCpuTime();
                long count = 0;
                long sink = 0;
                while (!stop.get()) {
                    sink += work.get().length;
                    count++;
                }
                cpu[slot] = CPU.getCurrentThreadCpuTime() - cpuStart;
                ops[slot] = count + (sink == 42 ? 1 : 0);
            });
            workers[t].start();
        }
        long begin = System.nanoTime();
        start.countDown();
        Thread.sleep(millis);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        long wall = System.nanoTime() - begin;
        return new Round(Arrays.stream(ops).sum(), wall, Arrays.stream(cpu).sum());
    }

    private record Round(long ops, long wallNanos, long cpuNanos) {
        double opsPerSecond() {
            return ops * 1e9 / wallNanos;
        }
    }

    private record Summary(double medianOpsPerSecond, double bestOpsPerSecond, double cpuMillisPerDoc) {
        static Summary of(List<Round> rounds) {
            double[] rates =
                    rounds.stream().mapToDouble(Round::opsPerSecond).sorted().toArray();
            long ops = rounds.stream().mapToLong(Round::ops).sum();
            long cpu = rounds.stream().mapToLong(Round::cpuNanos).sum();
            return new Summary(rates[rates.length / 2], rates[rates.length - 1], cpu / 1e6 / ops);
        }
    }
}
