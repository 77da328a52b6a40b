package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compatibility kit for {@link org.wispcrm.core.invoice.InvoiceNumberSequence}: numbers start at 1 per series, a
 * number taken in a unit of work that rolls back is handed out again, and concurrent units of work get exactly
 * 1..N with no gap and no repeat.
 */
public abstract class InvoiceNumberSequenceKit extends PersistenceKit {
    /** Threads in the concurrency tests; override for a slower store. */
    protected int threads() {
        return 6;
    }

    /** Numbers each thread takes in the concurrency tests. */
    protected int numbersPerThread() {
        return 25;
    }

    /** Creates the kit. */
    protected InvoiceNumberSequenceKit() {}

    @Test
    void numbersStartAtOneAndFollowEachOther() {
        assertThat(store.invoiceNumbers().current("FE")).isZero();

        assertThat(store.invoiceNumbers().next("FE")).isEqualTo(1);
        assertThat(store.invoiceNumbers().next("FE")).isEqualTo(2);
        assertThat(store.transactions()
                        .inTransaction(() -> store.invoiceNumbers().next("FE")))
                .isEqualTo(3);

        assertThat(store.invoiceNumbers().current("FE")).isEqualTo(3);
    }

    @Test
    void eachSeriesCountsOnItsOwn() {
        store.invoiceNumbers().next("FE");
        store.invoiceNumbers().next("FE");
        store.invoiceNumbers().next("FE");

        assertThat(store.invoiceNumbers().next("NC")).isEqualTo(1);
        assertThat(store.invoiceNumbers().next("FE2")).isEqualTo(1);
        assertThat(store.invoiceNumbers().next("NC")).isEqualTo(2);
        assertThat(store.invoiceNumbers().current("FE")).isEqualTo(3);
        assertThat(store.invoiceNumbers().current("NC")).isEqualTo(2);
        assertThat(store.invoiceNumbers().current("FE2")).isEqualTo(1);
        assertThat(store.invoiceNumbers().current("RC")).isZero();
    }

    @Test
    void aNumberTakenInAUnitThatRollsBackIsHandedOutAgain() {
        store.invoiceNumbers().next("FE");

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    assertThat(store.invoiceNumbers().next("FE")).isEqualTo(2);
                    assertThat(store.invoiceNumbers().next("NC")).isEqualTo(1);
                    throw new IllegalStateException("invoice could not be saved");
                }))
                .hasMessage("invoice could not be saved");

        assertThat(store.invoiceNumbers().current("FE")).isEqualTo(1);
        assertThat(store.invoiceNumbers().current("NC")).isZero();
        assertThat(store.transactions()
                        .inTransaction(() -> store.invoiceNumbers().next("FE")))
                .isEqualTo(2);
        assertThat(store.invoiceNumbers().next("NC")).isEqualTo(1);
    }

    @Test
    @Timeout(120)
    void concurrentUnitsOfWorkGetEveryNumberExactlyOnce() throws Exception {
        int perThread = numbersPerThread();
        var taken = runConcurrently(perThread, unit -> false);

        assertThat(taken).hasSize(threads() * perThread);
        assertThat(taken.stream().sorted().toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, (long) threads() * perThread)
                        .boxed()
                        .toList());
        assertThat(store.invoiceNumbers().current("FE")).isEqualTo((long) threads() * perThread);
    }

    @Test
    @Timeout(120)
    void concurrentUnitsThatSometimesRollBackLeaveNoGap() throws Exception {
        int perThread = numbersPerThread();
        // every third unit of each thread fails after taking its number
        var committed = runConcurrently(perThread, unit -> unit % 3 == 2);

        int expected = threads() * (perThread - perThread / 3);
        assertThat(committed.stream().sorted().toList())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, expected).boxed().toList());
        assertThat(store.invoiceNumbers().current("FE")).isEqualTo(expected);
        assertThat(store.invoiceNumbers().next("FE")).isEqualTo(expected + 1);
    }

    /** Each thread runs {@code units} units of work taking one number; returns the numbers of committed units. */
    private List<Long> runConcurrently(int units, java.util.function.IntPredicate failsAt) throws Exception {
        var committed = new ConcurrentLinkedQueue<Long>();
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads());
        try {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < threads(); t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int unit = 0; unit < units; unit++) {
                        boolean fail = failsAt.test(unit);
                        try {
                            long number = store.transactions().inTransaction(() -> {
                                long n = store.invoiceNumbers().next("FE");
                                if (fail) {
                                    throw new RolledBack();
                                }
                                return n;
                            });
                            committed.add(number);
                        } catch (RolledBack expected) {
                            // the number goes back to the sequence
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : futures) {
                future.get(110, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(committed);
    }

    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RolledBack() {
            super("deliberate rollback", null, false, false);
        }
    }
}
