package org.wispcrm.jpa;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.wispcrm.billing.Billing;
import org.wispcrm.billing.invoice.BillingRunListener;
import org.wispcrm.billing.invoice.BillingService;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.testkit.Fixtures;

/** Customers with one active subscription each, billed on the 5th, and the checks every billing test makes. */
final class BillingWorld {
    /** The run date: every subscription's first full period starts on it. */
    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 5);

    private BillingWorld() {}

    /** Saves {@code customers} customers, each with an active 65,000 COP subscription activated on the run date. */
    static void seed(Persistence store, int customers) {
        store.transactions().inTransaction(() -> {
            var plan = store.plans().save(Fixtures.plan());
            for (int i = 0; i < customers; i++) {
                var customer = store.customers().save(Fixtures.customer());
                store.subscriptions()
                        .save(Fixtures.subscription(customer.id(), plan.id()).activate(RUN_DATE));
            }
        });
    }

    /** A billing service over the store with the default policy and a clock on the run date. */
    static BillingService billing(Persistence store, int chunkSize) {
        return billing(store, chunkSize, 2);
    }

    /** {@link #billing(Persistence, int)} billing {@code runThreads} chunks at once. */
    static BillingService billing(Persistence store, int chunkSize, int runThreads) {
        var clock = Clock.fixed(RUN_DATE.atTime(6, 0).toInstant(ZoneOffset.UTC), Fixtures.BOGOTA);
        return Billing.builder()
                .persistence(store)
                .clock(clock)
                .policy(BillingPolicy.defaults())
                .chunkSize(chunkSize)
                .runThreads(runThreads)
                .build()
                .invoicing();
    }

    /** A listener that slows the run down after each chunk, so a test can kill it mid-run. */
    static BillingRunListener slow(long millisPerChunk) {
        return new BillingRunListener() {
            @Override
            public void progress(long customersDone) {
                try {
                    Thread.sleep(millisPerChunk);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** Every invoice in the store. */
    static List<Invoice> invoices(Persistence store) {
        var all = new ArrayList<Invoice>();
        var request = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            var page = store.invoices().search(InvoiceQuery.all(), request);
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            request = request.next();
        }
    }

    /** The invoices' sequence numbers, sorted. */
    static List<Long> numbers(Persistence store) {
        return invoices(store).stream()
                .map(i -> i.requireNumber().sequence())
                .sorted()
                .toList();
    }

    /** 1..n. */
    static List<Long> oneTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    /** Pending outbox messages. */
    static long pendingMessages(Persistence store) {
        return store.outbox()
                .findByStatus(NotificationStatus.PENDING, PageRequest.first(1))
                .totalItems();
    }
}
