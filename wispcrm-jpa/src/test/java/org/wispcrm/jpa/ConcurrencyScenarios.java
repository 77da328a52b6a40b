package org.wispcrm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wispcrm.billing.invoice.BillingRunListener;
import org.wispcrm.billing.invoice.BillingRunReport;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.testkit.Fixtures;

/**
 * What several threads and several JVMs do to one database at once: gap-free numbers, billing runs that issue
 * each invoice exactly once, a run killed midway and run again, and outbox claims that never overlap.
 */
abstract class ConcurrencyScenarios {
    private static final int CUSTOMERS = 60;

    private Persistence store;

    abstract TestDatabase database();

    @BeforeEach
    void emptyStore() {
        store = database().emptyStore();
    }

    @Test
    @Timeout(180)
    void twoJvmsTakingNumbersGetEveryNumberOnceWithoutGaps() throws Exception {
        // each JVM: 40 units, every 4th rolls back -> 30 committed numbers each
        var first = ChildProcess.start("numbers", database().name(), "40", "4");
        var second = ChildProcess.start("numbers", database().name(), "40", "4");

        var numbers = new ArrayList<Long>();
        for (var child : List.of(first, second)) {
            child.output(170).stream()
                    .filter(line -> line.startsWith("NUMBER "))
                    .forEach(line -> numbers.add(Long.parseLong(line.substring(7))));
        }

        assertThat(numbers.stream().sorted().toList()).containsExactlyElementsOf(BillingWorld.oneTo(60));
        assertThat(store.invoiceNumbers().current("FE")).isEqualTo(60);
    }

    @Test
    @Timeout(180)
    void twoBillingRunsInParallelThreadsIssueEachInvoiceOnceWithConsecutiveNumbers() throws Exception {
        BillingWorld.seed(store, CUSTOMERS);
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var runs = new ArrayList<CompletableFuture<BillingRunReport>>();
            for (int i = 0; i < 2; i++) {
                int chunk = i == 0 ? 4 : 13;
                runs.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            // a pause after each chunk keeps both runs going at the same time
                            return BillingWorld.billing(store, chunk).run(BillingWorld.RUN_DATE, BillingWorld.slow(60));
                        },
                        pool));
            }
            start.countDown();
            var reports = new ArrayList<BillingRunReport>();
            for (var run : runs) {
                reports.add(run.get(170, TimeUnit.SECONDS));
            }

            assertThat(reports).allSatisfy(r -> assertThat(r.failures()).isEmpty());
            assertThat(reports.get(0).invoiced() + reports.get(1).invoiced()).isEqualTo(CUSTOMERS);
            assertThat(reports.get(0).invoiced() + reports.get(0).alreadyBilled())
                    .isEqualTo(CUSTOMERS);
            assertThat(reports.get(1).invoiced() + reports.get(1).alreadyBilled())
                    .isEqualTo(CUSTOMERS);
        } finally {
            pool.shutdownNow();
        }
        assertEveryCustomerBilledOnce();
    }

    @Test
    @Timeout(180)
    void oneRunBillingFourChunksAtOnceIssuesEachInvoiceOnceWithConsecutiveNumbers() {
        BillingWorld.seed(store, CUSTOMERS);
        var progress = new ArrayList<Long>();

        var report = BillingWorld.billing(store, 3, 4).run(BillingWorld.RUN_DATE, new BillingRunListener() {
            @Override
            public void progress(long customersDone) {
                progress.add(customersDone);
            }
        });

        assertThat(report.failures()).isEmpty();
        assertThat(report.invoiced()).isEqualTo(CUSTOMERS);
        assertThat(progress).hasSize(CUSTOMERS / 3).isSorted().endsWith((long) CUSTOMERS);
        assertEveryCustomerBilledOnce();
    }

    @Test
    @Timeout(240)
    void twoBillingRunsInTwoJvmsIssueEachInvoiceOnceWithConsecutiveNumbers() throws Exception {
        BillingWorld.seed(store, CUSTOMERS);

        var first = ChildProcess.start("bill", database().name(), "5", "60");
        var second = ChildProcess.start("bill", database().name(), "9", "60");
        long invoiced = 0;
        for (var child : List.of(first, second)) {
            var result = child.output(230).stream()
                    .filter(line -> line.startsWith("INVOICED "))
                    .findFirst()
                    .orElseThrow();
            assertThat(result).endsWith("FAILED 0");
            invoiced += Long.parseLong(result.split(" ")[1]);
        }

        assertThat(invoiced).isEqualTo(CUSTOMERS);
        assertEveryCustomerBilledOnce();
    }

    @Test
    @Timeout(240)
    void aRunKilledMidwayAndRunAgainEndsWithExactlyTheExpectedInvoices() throws Exception {
        BillingWorld.seed(store, CUSTOMERS);

        // chunks of 4 customers, 300 ms pause after each: killed after the first chunks commit
        var doomed = ChildProcess.start("bill", database().name(), "4", "300");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (BillingWorld.invoices(store).size() < 8 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        doomed.process().destroyForcibly();
        doomed.process().waitFor(30, TimeUnit.SECONDS);
        int beforeRerun = BillingWorld.invoices(store).size();
        assertThat(beforeRerun).isBetween(8, CUSTOMERS - 1);

        var report = BillingWorld.billing(store, 10).run(BillingWorld.RUN_DATE);

        assertThat(report.failures()).isEmpty();
        assertThat(report.alreadyBilled()).isEqualTo(beforeRerun);
        assertThat(report.invoiced()).isEqualTo(CUSTOMERS - beforeRerun);
        assertEveryCustomerBilledOnce();
    }

    @Test
    @Timeout(120)
    void outboxClaimsFromSeveralThreadsNeverOverlap() throws Exception {
        var customer = store.customers().save(Fixtures.customer());
        int total = 400;
        store.transactions().inTransaction(() -> {
            for (int i = 0; i < total; i++) {
                store.outbox()
                        .enqueue(Fixtures.notification(customer.id(), "claim-" + i, Fixtures.NOW.minusSeconds(i)));
            }
        });
        var claimed = new ConcurrentLinkedQueue<Notification>();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(6);
        try {
            var workers = new ArrayList<CompletableFuture<Void>>();
            for (int w = 0; w < 6; w++) {
                workers.add(CompletableFuture.runAsync(
                        () -> {
                            await(start);
                            int idle = 0;
                            while (idle < 3) {
                                var batch = store.outbox().claimDue(Fixtures.NOW, 9, Duration.ofMinutes(5));
                                claimed.addAll(batch);
                                idle = batch.isEmpty() ? idle + 1 : 0;
                            }
                        },
                        pool));
            }
            start.countDown();
            for (var worker : workers) {
                worker.get(110, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(claimed).hasSize(total);
        assertThat(new HashSet<>(claimed.stream().map(Notification::id).toList()))
                .hasSize(total);
        assertThat(claimed).allSatisfy(n -> assertThat(n.attempts()).isEqualTo(1));
        assertThat(store.outbox().claimDue(Fixtures.NOW, 10, Duration.ofMinutes(5)))
                .isEmpty();
        assertThat(store.outbox().claimDue(Fixtures.NOW.plus(Duration.ofMinutes(5)), 1000, Duration.ofMinutes(5)))
                .hasSize(total);
    }

    private void assertEveryCustomerBilledOnce() {
        List<Invoice> invoices = BillingWorld.invoices(store);
        assertThat(invoices).hasSize(CUSTOMERS);
        assertThat(new HashSet<>(invoices.stream().map(Invoice::customerId).toList()))
                .hasSize(CUSTOMERS);
        assertThat(BillingWorld.numbers(store)).containsExactlyElementsOf(BillingWorld.oneTo(CUSTOMERS));
        assertThat(store.invoiceNumbers().current("FE")).isEqualTo(CUSTOMERS);
        assertThat(invoices).allSatisfy(i -> assertThat(i.total()).isEqualTo(Fixtures.cop(77_350)));
        assertThat(BillingWorld.pendingMessages(store)).isEqualTo(CUSTOMERS);
        // a further run finds everything billed
        var again = BillingWorld.billing(store, 25).run(BillingWorld.RUN_DATE);
        assertThat(again.invoiced()).isZero();
        assertThat(again.alreadyBilled()).isEqualTo(CUSTOMERS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
