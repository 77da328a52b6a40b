package org.wispcrm.benchmarks.harness;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap while a stage runs: the highest used heap seen by sampling every few milliseconds, and the
 * highest heap left after a collection (the live set, which is what a smaller {@code -Xmx} would have to hold),
 * plus the collections' count and time.
 */
public final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final long gcCountAtStart;
    private final long gcMillisAtStart;
    private final Thread thread;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private volatile boolean running = true;

    private HeapSampler(long periodMillis) {
        gcCountAtStart = collectors.stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
        gcMillisAtStart = collectors.stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sample();
        thread = new Thread(
                () -> {
                    while (running) {
                        sample();
                        try {
                            Thread.sleep(periodMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts sampling every {@code periodMillis}. */
    public static HeapSampler start(long periodMillis) {
        return new HeapSampler(periodMillis);
    }

    private void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        peakUsed.accumulateAndGet(used, Math::max);
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long before = heapUsed(info.getGcInfo().getMemoryUsageBeforeGc());
        long after = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
        peakUsed.accumulateAndGet(before, Math::max);
        peakAfterGc.accumulateAndGet(after, Math::max);
    }

    /**
     * The heap's share of a collection's usage figures, which cover every memory pool: metaspace and the code cache
     * too, which live outside the heap and {@code -Xmx}.
     */
    private long heapUsed(Map<String, MemoryUsage> usageByPool) {
        long used = 0;
        for (var pool : usageByPool.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    /** The highest used heap seen, in bytes. */
    public long peakUsedBytes() {
        return peakUsed.get();
    }

    /** The highest heap left after a collection during the stage, in bytes (0 if nothing was collected). */
    public long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    /** Collections since the start. */
    public long gcCount() {
        return collectors.stream()
                        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                        .sum()
                - gcCountAtStart;
    }

    /** Milliseconds spent collecting since the start. */
    public long gcMillis() {
        return collectors.stream()
                        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                        .sum()
                - gcMillisAtStart;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
