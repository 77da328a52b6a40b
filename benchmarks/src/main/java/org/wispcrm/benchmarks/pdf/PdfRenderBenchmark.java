package org.wispcrm.benchmarks.pdf;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.wispcrm.billing.document.InvoicePdf;
import org.wispcrm.billing.document.PdfSettings;
import org.wispcrm.core.invoice.Invoice;

/**
 * Invoices rendered per second by {@link InvoicePdf}, on one and two threads sharing one renderer, next to
 * {@link RawOpenPdfPage}, the same page written with OpenPDF directly, in the same run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PdfRender -f 1 -wi 3 -i 5} after
 * {@code mvn -B -ntp -pl wispcrm-billing,benchmarks -am package -DskipTests}, or this class's {@code main}.
 * {@code lines=8} is a one-page invoice; {@code lines=200} spans five pages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PdfRenderBenchmark {

    /** {@code standard} (Helvetica, WinAnsi) or {@code truetype} (embedded subsets). */
    @Param({"standard", "truetype"})
    public String fonts;

    /** Invoice lines: 8 fill one page, 200 take five. */
    @Param({"8", "200"})
    public int lines;

    private InvoicePdf renderer;
    private Invoice invoice;
    private RawOpenPdfPage raw;

    /** Builds the renderer once, as a host would. */
    @Setup(Level.Trial)
    public void setUp() {
        renderer = new InvoicePdf(PdfSettings.builder(BenchmarkDocuments.isp())
                .fonts(BenchmarkDocuments.fonts(fonts))
                .build());
        invoice = BenchmarkDocuments.invoice(lines);
        raw = new RawOpenPdfPage(fonts, lines);
    }

    /** The invoice renderer on one thread. */
    @Benchmark
    @Threads(1)
    public byte[] invoice1Thread() {
        return renderer.render(invoice);
    }

    /** The invoice renderer on two threads sharing it. */
    @Benchmark
    @Threads(2)
    public byte[] invoice2Threads() {
        return renderer.render(invoice);
    }

    /** The raw OpenPDF page on one thread. */
    @Benchmark
    @Threads(1)
    public byte[] raw1Thread() {
        return raw.render();
    }

    /** The raw OpenPDF page on two threads. */
    @Benchmark
    @Threads(2)
    public byte[] raw2Threads() {
        return raw.render();
    }

    /** Runs this benchmark with its defaults (one fork, 3 warm-up and 5 measured one-second iterations). */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(PdfRenderBenchmark.class.getSimpleName())
                        .build())
                .run();
    }
}
