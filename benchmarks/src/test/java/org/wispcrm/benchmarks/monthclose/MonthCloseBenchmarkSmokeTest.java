package org.wispcrm.benchmarks.monthclose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wispcrm.benchmarks.harness.ResultRow;

/**
 * The month close end to end on H2 with 60 subscriptions and two sizes, after warm-up rounds on the same store: S3Proxy
 * in its child JVM, the UltraMsg stub, every stage and its baseline checked (the benchmark throws if any invoice, document or message is missing or
 * doubled), ratios computed, results and plot written.
 */
class MonthCloseBenchmarkSmokeTest {

    @Test
    void aSmallCloseOnH2RunsEveryStageNextToItsBaselineAndPlotsIt(@TempDir Path out) throws Exception {
        System.setProperty("java.awt.headless", "true");
        var options = MonthCloseBenchmark.Options.parse(
                "--n",
                "30,60",
                "--db",
                "h2",
                "--warmup",
                "20",
                "--warmup-rounds",
                "2",
                "--workers",
                "2",
                "--out",
                out.toString());

        var results = new MonthCloseBenchmark(options, Map.of()).run();

        List<String> stages = List.of("billing", "pdf-disk", "pdf-s3", "dispatch", "close");
        assertThat(results.rows()).hasSize(2 * stages.size() * 2);
        for (int n : new int[] {30, 60}) {
            for (String stage : stages) {
                var pair = results.rows().stream()
                        .filter(r -> r.n() == n && r.stage().equals(stage))
                        .toList();
                assertThat(pair).as("%s at %d", stage, n).hasSize(2);
                assertThat(pair)
                        .filteredOn(ResultRow::baseline)
                        .singleElement()
                        .satisfies(raw -> assertThat(raw.ratio()).isNaN());
                assertThat(pair).filteredOn(r -> !r.baseline()).singleElement().satisfies(lib -> {
                    assertThat(lib.variant()).isEqualTo("wispcrm");
                    assertThat(lib.items()).isEqualTo(n);
                    assertThat(lib.ratio()).isPositive().isFinite();
                });
            }
        }
        ResultRow close60 = results.rows().stream()
                .filter(r -> r.n() == 60 && r.stage().equals("close") && !r.baseline())
                .findFirst()
                .orElseThrow();
        double partsSeconds = results.rows().stream()
                .filter(r -> r.n() == 60
                        && !r.baseline()
                        && List.of("billing", "pdf-s3", "dispatch").contains(r.stage()))
                .mapToDouble(r -> r.measurement().seconds())
                .sum();
        assertThat(close60.measurement().seconds()).isCloseTo(partsSeconds, org.assertj.core.data.Offset.offset(1e-9));
        // billing 5 rows per subscription; per invoice, its document key and its message's mark; one message sent
        assertThat(close60.rowsWritten()).isEqualTo(60 * 5 + 2 * 60 + 60);

        Path png = Files.list(out)
                .filter(p -> p.getFileName().toString().matches("month-close-\\d{8}-\\d{6}\\.png"))
                .findFirst()
                .orElseThrow();
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(400);
        Path md = Path.of(png.toString().replace(".png", ".md"));
        assertThat(Files.readString(md))
                .contains("| h2 | 60 | close | wispcrm |", "h2 N=60 dispatch: ", "its raw baseline (target <= 2.0x)");
    }

    @Test
    void badOptionsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> MonthCloseBenchmark.Options.parse("--frobnicate", "1"))
                .hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> MonthCloseBenchmark.Options.parse("--workers", "0"))
                .hasMessageContaining("workers");
    }
}
