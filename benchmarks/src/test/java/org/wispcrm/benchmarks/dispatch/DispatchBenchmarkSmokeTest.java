package org.wispcrm.benchmarks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wispcrm.benchmarks.dispatch.DispatchBenchmark.PhaseResult;

/** The harness end to end on H2 with 50 messages: every phase runs, checks pass, files are written. */
class DispatchBenchmarkSmokeTest {

    @Test
    void fiftyMessagesOnH2AreEachSentOnceInEveryPhase(@TempDir Path out) throws Exception {
        var options = DispatchBenchmark.Options.parse(
                "--url=jdbc:h2:mem:dispatch_smoke;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "--customers=20",
                "--messages=50",
                "--workers=1,2",
                "--batch=7",
                "--warmup=false",
                "--baseline-threads=1",
                "--out=" + out);
        var printed = new ByteArrayOutputStream();

        List<PhaseResult> results =
                new DispatchBenchmark(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        assertThat(results)
                .extracting(PhaseResult::phase, PhaseResult::threads)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("outbox", 1),
                        org.assertj.core.groups.Tuple.tuple("outbox", 2),
                        org.assertj.core.groups.Tuple.tuple("raw-http", 1),
                        org.assertj.core.groups.Tuple.tuple("raw-jdbc", 1),
                        org.assertj.core.groups.Tuple.tuple("raw-jdbc+http", 1));
        for (PhaseResult result : results) {
            assertThat(result.correct()).as(result.summary()).isTrue();
            assertThat(result.messages()).isEqualTo(50);
        }
        PhaseResult twoWorkers = results.get(1);
        assertThat(twoWorkers.rows()).isEqualTo(new DispatchWorkload.Outcome(50, 50, 50, 50, 50));
        assertThat(twoWorkers.deliveries()).isEqualTo(new Deliveries(50, 50, 0, 0, 0));
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv).hasSize(6);
        assertThat(csv.get(2))
                .startsWith("1,outbox,2,50,")
                .endsWith(csv.get(2).substring(csv.get(2).lastIndexOf(",true,")));
        assertThat(Files.readString(out.resolve("results.json")))
                .contains("\"phase\": \"raw-jdbc+http\"")
                .contains("\"duplicates\": 0");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Seeded 20 customers and 50 messages");
    }
}
