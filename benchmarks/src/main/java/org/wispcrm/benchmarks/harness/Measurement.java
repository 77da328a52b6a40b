package org.wispcrm.benchmarks.harness;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * One timed stage: wall time from start to finish, the heap it needed ({@link HeapSampler}) and the machine's load
 * average while it ran (sampled once a second, and at the end).
 *
 * @param seconds wall time
 * @param peakHeapBytes the highest used heap seen
 * @param peakLiveHeapBytes the highest heap left after a collection
 * @param gcCount collections during the stage
 * @param gcMillis time spent collecting
 * @param loadAverage the mean of the 1-minute load averages sampled during the stage
 * @param cpuSeconds CPU time this JVM used during the stage (all its threads: the stage, GC, JIT); steadier than
 *     wall time on a machine shared with other work, but blind to the database server's CPU
 * @param jitMillis time the JIT compilers spent compiling during the stage, summed over their threads: on two cores
 *     a compiler thread takes CPU from the stage, so a stage measured before the JIT is done shows it here
 */
public record Measurement(
        double seconds,
        long peakHeapBytes,
        long peakLiveHeapBytes,
        long gcCount,
        long gcMillis,
        double loadAverage,
        double cpuSeconds,
        long jitMillis) {

    /** What a timed body returns with its measurement. */
    public record Timed<T>(T value, Measurement measurement) {}

    /**
     * Runs {@code body} and measures it. A full collection first, so garbage of earlier stages does not count; run
     * the JVM with {@code -Xms} equal to {@code -Xmx}, or G1 shrinks the heap after that collection and the stage
     * pays the kernel to fault its pages back in (docs/performance.md, change 20).
     */
    public static <T> Timed<T> of(Callable<T> body) throws Exception {
        System.gc();
        var loadSum = new DoubleAdder();
        var loadSamples = new LongAdder();
        loadSum.add(Machine.loadAverage());
        loadSamples.increment();
        Thread loadThread = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                        loadSum.add(Machine.loadAverage());
                        loadSamples.increment();
                    }
                },
                "load-sampler");
        loadThread.setDaemon(true);
        T value;
        long start;
        long end;
        long cpuStart = processCpuNanos();
        long jitStart = jitMillisSoFar();
        try (HeapSampler heap = HeapSampler.start(10)) {
            loadThread.start();
            start = System.nanoTime();
            try {
                value = body.call();
            } finally {
                end = System.nanoTime();
                loadThread.interrupt();
                loadThread.join(2000);
            }
            loadSum.add(Machine.loadAverage());
            loadSamples.increment();
            return new Timed<>(
                    value,
                    new Measurement(
                            (end - start) / 1e9,
                            heap.peakUsedBytes(),
                            heap.peakAfterGcBytes(),
                            heap.gcCount(),
                            heap.gcMillis(),
                            loadSum.sum() / loadSamples.sum(),
                            (processCpuNanos() - cpuStart) / 1e9,
                            jitMillisSoFar() - jitStart));
        }
    }

    /**
     * Stages run one after another as one: times, collections and CPU added up, the highest heaps, the load
     * average weighted by each stage's time.
     */
    public static Measurement sequence(java.util.List<Measurement> stages) {
        double seconds = stages.stream().mapToDouble(Measurement::seconds).sum();
        double load =
                stages.stream().mapToDouble(m -> m.loadAverage() * m.seconds()).sum() / seconds;
        return new Measurement(
                seconds,
                stages.stream().mapToLong(Measurement::peakHeapBytes).max().orElse(0),
                stages.stream().mapToLong(Measurement::peakLiveHeapBytes).max().orElse(0),
                stages.stream().mapToLong(Measurement::gcCount).sum(),
                stages.stream().mapToLong(Measurement::gcMillis).sum(),
                load,
                stages.stream().mapToDouble(Measurement::cpuSeconds).sum(),
                stages.stream().mapToLong(Measurement::jitMillis).sum());
    }

    /** The JIT compilers' total compilation time so far (0 if the JVM does not tell). */
    public static long jitMillisSoFar() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
