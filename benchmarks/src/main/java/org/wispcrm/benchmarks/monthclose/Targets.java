package org.wispcrm.benchmarks.monthclose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wispcrm.benchmarks.harness.ResultRow;
import org.wispcrm.benchmarks.harness.Results;

/**
 * The targets, read off a run's rows: 100,000 subscriptions closed in under 3 minutes with a 512 MB heap,
 * every stage within 2x of its raw baseline, and time growing linearly with N (the 100,000 run no more than 11x
 * the 10,000 run). Each line says MET or MISSED with the figure, so the report cannot claim more than it measured.
 */
final class Targets {
    static final double CLOSE_SECONDS = 180;
    static final double STAGE_RATIO = 2.0;
    static final double GROWTH = 11.0;
    static final long HEAP_LIMIT = 512L << 20;

    private Targets() {}

    static List<String> check(Results results) {
        var lines = new ArrayList<String>();
        List<ResultRow> library =
                results.rows().stream().filter(r -> !r.baseline()).toList();
        long maxHeap = results.machine().maxHeapBytes();
        for (String database :
                library.stream().map(ResultRow::database).distinct().toList()) {
            find(library, database, 100_000, MonthCloseBenchmark.CLOSE)
                    .ifPresent(close -> lines.add(verdict(
                            close.measurement().seconds() < CLOSE_SECONDS && maxHeap <= HEAP_LIMIT,
                            "%s: 100,000 closed in %.1f s (target < %.0f s) with a %d MB heap limit (peak %d MB)"
                                    .formatted(
                                            database,
                                            close.measurement().seconds(),
                                            CLOSE_SECONDS,
                                            maxHeap >> 20,
                                            close.measurement().peakHeapBytes() >> 20))));
            for (ResultRow row : library) {
                if (row.database().equals(database) && !row.stage().equals(MonthCloseBenchmark.CLOSE)) {
                    lines.add(verdict(
                            row.ratio() <= STAGE_RATIO,
                            "%s N=%,d %s: %.2fx its raw baseline (target <= %.1fx)"
                                    .formatted(database, row.n(), row.stage(), row.ratio(), STAGE_RATIO)));
                }
            }
            for (String stage :
                    library.stream().map(ResultRow::stage).distinct().toList()) {
                var small = find(library, database, 10_000, stage);
                var large = find(library, database, 100_000, stage);
                if (small.isPresent() && large.isPresent()) {
                    double growth = large.get().measurement().seconds()
                            / small.get().measurement().seconds();
                    lines.add(verdict(
                            growth <= GROWTH,
                            "%s %s: the 100,000 run took %.1fx the 10,000 run (target <= %.0fx)"
                                    .formatted(database, stage, growth, GROWTH)));
                }
            }
        }
        return lines;
    }

    private static Optional<ResultRow> find(List<ResultRow> rows, String database, int n, String stage) {
        return rows.stream()
                .filter(r ->
                        r.database().equals(database) && r.n() == n && r.stage().equals(stage))
                .findFirst();
    }

    private static String verdict(boolean met, String text) {
        return (met ? "MET: " : "MISSED: ") + text;
    }
}
