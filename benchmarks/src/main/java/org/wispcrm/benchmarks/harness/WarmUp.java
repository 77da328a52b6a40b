package org.wispcrm.benchmarks.harness;

import java.util.function.Consumer;

/**
 * Unrecorded rounds before anything is measured, repeated until the JIT is done with the code they run.
 *
 * <p>One round is not enough on a small machine. With two cores the JVM has a single C2 compiler thread, and while
 * its queue is long the tiered policy raises the thresholds for the optimizing compiler. So after one warm-up month
 * close of 30,000 subscriptions, the methods a billing run calls per invoice were still at tier 3 (C1 with
 * profiling). They reached tier 4 only during the measured runs, with C2 taking a core from the stage
 * (docs/performance.md, change 19). A round here is repeated while the JIT compiled for more than
 * {@link #QUIET_SHARE} of its wall time, so the measured runs see the code a long-running host runs.
 */
public final class WarmUp {
    /** The share of a round's wall time the JIT may spend compiling for that round to count as quiet. */
    public static final double QUIET_SHARE = 0.05;

    private WarmUp() {}

    /** One unrecorded round of the benchmark's work. */
    @FunctionalInterface
    public interface Round {
        void run() throws Exception;
    }

    /**
     * Runs {@code round} until one is quiet, or {@code maxRounds} times; logs each round's wall and JIT time.
     *
     * @return the rounds run
     */
    public static int untilJitQuiet(String what, int maxRounds, Round round, Consumer<String> log) throws Exception {
        for (int i = 1; ; i++) {
            long jitStart = Measurement.jitMillisSoFar();
            long start = System.nanoTime();
            round.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            long jit = Measurement.jitMillisSoFar() - jitStart;
            boolean quiet = jit <= QUIET_SHARE * seconds * 1000;
            log.accept("%s: warm-up round %d took %.1f s, the JIT compiled for %.1f s%s"
                    .formatted(what, i, seconds, jit / 1000.0, quiet ? " (quiet)" : ""));
            if (quiet || i >= maxRounds) {
                return i;
            }
        }
    }
}
