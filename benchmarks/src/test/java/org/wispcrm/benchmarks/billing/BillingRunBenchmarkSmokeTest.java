package org.wispcrm.benchmarks.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wispcrm.benchmarks.harness.ResultRow;

/** The harness end to end on H2 with 200 customers: it bills, checks, measures and writes its results. */
class BillingRunBenchmarkSmokeTest {

    @Test
    void aSmallRunOnH2WritesTheBaselineAndTheBillingRunWithTheirRatio(@TempDir Path out) throws Exception {
        var options = BillingRunBenchmark.Options.parse(
                "--n", "200", "--db", "h2", "--warmup", "0", "--out", out.toString(), "--note", "smoke test");

        var results = new BillingRunBenchmark(options, Map.of()).run();

        assertThat(results.rows()).hasSize(3);
        assertThat(results.rows()).filteredOn(ResultRow::baseline).hasSize(2).allSatisfy(raw -> {
            assertThat(raw.variant()).isEqualTo("raw-jdbc");
            assertThat(raw.ratio()).isNaN();
        });
        ResultRow billing =
                results.rows().stream().filter(r -> !r.baseline()).findFirst().orElseThrow();
        assertThat(billing.variant()).isEqualTo("wispcrm");
        assertThat(billing.items()).isEqualTo(200);
        assertThat(billing.ratio()).isPositive().isFinite();
        assertThat(billing.measurement().peakHeapBytes()).isPositive();
        // per customer: invoice, two lines, outbox message, one step of the series
        assertThat(results.rows()).allSatisfy(r -> {
            assertThat(r.rowsWritten()).isEqualTo(1000);
            assertThat(r.database()).isEqualTo("h2");
            assertThat(r.n()).isEqualTo(200);
        });

        Path csv = Files.list(out)
                .filter(p -> p.getFileName().toString().matches("billing-run-\\d{8}-\\d{6}\\.csv"))
                .findFirst()
                .orElseThrow();
        assertThat(Files.readAllLines(csv))
                .hasSize(4)
                .first()
                .asString()
                .startsWith("benchmark,started,database,n,stage,variant,baseline,seconds");
        assertThat(Files.readString(out.resolve("billing-run-latest.csv"))).isEqualTo(Files.readString(csv));
        assertThat(Files.readString(Path.of(csv.toString().replace(".csv", ".json"))))
                .contains("\"variant\": \"wispcrm\"", "\"rowsWritten\": 1000", "smoke test");
        assertThat(Files.readString(Path.of(csv.toString().replace(".csv", ".md"))))
                .contains("| h2 | 200 | billing-run | wispcrm |", "smoke test");
    }

    @Test
    void badOptionsAreRejectedWithTheirName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BillingRunBenchmark.Options.parse("--frobnicate", "1"))
                .hasMessageContaining("--frobnicate");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BillingRunBenchmark.Options.parse("--db", "oracle"))
                .hasMessageContaining("oracle");
    }
}
