package org.wispcrm.benchmarks.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task on several threads that start together, and fails with the first failure. */
public final class Workers {
    private Workers() {}

    /** A task that may throw. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /** Runs {@code task} on {@code threads} threads started together; rethrows the first failure. */
    public static void run(int threads, Task task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> new Thread(r, "bench-worker"));
        try {
            var ready = new CountDownLatch(threads);
            var go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    go.await();
                    task.run();
                    return null;
                }));
            }
            ready.await();
            go.countDown();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
