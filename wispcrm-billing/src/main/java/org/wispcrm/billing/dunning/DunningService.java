package org.wispcrm.billing.dunning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.billing.document.MessageValues;
import org.wispcrm.billing.document.Texts;
import org.wispcrm.billing.invoice.BillingFailure;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.charge.Charge;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerStatus;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.network.NetworkAccessControl;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionStatus;

/**
 * The daily dunning run, and reactivation when a payment settles what was overdue.
 *
 * <p>For each open invoice due soon or overdue, in one unit of work per invoice: a reminder in the days before the
 * due date, an overdue notice on each configured day after it (the latest one reached), a late fee (a one-time
 * charge billed on the next invoice) once the invoice is more than the grace days overdue, and suspension of the
 * customer and their active subscriptions once it is the configured days overdue. Every step is keyed (outbox
 * idempotency keys, the charge's source reference, the customer's status), so running twice on a day changes and
 * sends nothing the second time. The router is told after the unit of work commits.
 */
public final class DunningService {
    private static final Logger LOG = LoggerFactory.getLogger(DunningService.class);
    private static final int PAGE = 200;

    private final Persistence store;
    private final Clock clock;
    private final BillingPolicy policy;
    private final NetworkAccessControl network;

    /** A service over a store, telling the router through {@code network}. */
    public DunningService(Persistence store, Clock clock, BillingPolicy policy, NetworkAccessControl network) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.network = Objects.requireNonNull(network, "network");
    }

    /** Runs every dunning step for {@code date}. */
    public DunningReport run(LocalDate date) {
        if (date == null) {
            throw WispCrmException.invalid("date", null, "must be present");
        }
        var tally = new Tally();
        LocalDate dueBefore = date.plusDays(policy.reminderDaysBeforeDue() + 1L);
        InvoiceId after = null;
        while (true) {
            List<Invoice> page = store.invoices().findOpenDueBefore(dueBefore, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).id();
            for (Invoice invoice : page) {
                tally.examined++;
                try {
                    List<Subscription> suspended =
                            store.transactions().inTransaction(() -> step(invoice.id(), date, tally));
                    suspended.forEach(network::suspend);
                } catch (RuntimeException e) {
                    ErrorCode code = e instanceof WispCrmException w ? w.code() : ErrorCode.PERSISTENCE_FAILURE;
                    LOG.warn("Dunning invoice {} on {} failed: {}", invoice.number(), date, e.getMessage());
                    tally.failures.add(new BillingFailure(invoice.customerId(), code, String.valueOf(e.getMessage())));
                }
            }
        }
        LOG.info(
                "Dunning {}: {} invoices, {} reminders, {} notices, {} late fees, {} suspensions, {} failures",
                date,
                tally.examined,
                tally.reminders,
                tally.notices,
                tally.lateFees,
                tally.suspensions,
                tally.failures.size());
        return new DunningReport(
                date,
                tally.examined,
                tally.reminders,
                tally.notices,
                tally.lateFees,
                tally.suspensions,
                tally.failures);
    }

    private List<Subscription> step(InvoiceId id, LocalDate date, Tally tally) {
        Invoice invoice = store.invoices().findById(id).orElseThrow(() -> WispCrmException.notFound("Invoice", id));
        if (!invoice.status().isOpen()) {
            return List.of();
        }
        var pending = new Tally();
        String number = invoice.requireNumber().value();
        LocalDate due = invoice.dueDate();
        if (policy.reminderDaysBeforeDue() > 0
                && date.isBefore(due)
                && !date.isBefore(due.minusDays(policy.reminderDaysBeforeDue()))) {
            if (enqueue("payment-reminder:" + number, NotificationKind.PAYMENT_REMINDER, invoice, date)) {
                pending.reminders++;
            }
        }
        Integer notice = null;
        for (int day : policy.overdueNoticeDays()) {
            if (!date.isBefore(due.plusDays(day))) {
                notice = day;
            }
        }
        if (notice != null
                && enqueue("overdue-notice:" + number + ":" + notice, NotificationKind.OVERDUE_NOTICE, invoice, date)) {
            pending.notices++;
        }
        long daysOverdue = invoice.daysOverdueOn(date);
        Customer customer = store.customers()
                .findById(invoice.customerId())
                .orElseThrow(() -> WispCrmException.notFound("Customer", invoice.customerId()));
        var lateFee = policy.lateFee();
        if (lateFee.isPresent() && daysOverdue > policy.graceDays()) {
            String reference = "late-fee:" + number;
            if (store.charges().findBySourceReference(reference).isEmpty()) {
                Texts texts = Texts.of(customer.profile().locale());
                store.charges()
                        .save(Charge.pending(
                                customer.id(),
                                null,
                                ChargeKind.LATE_FEE,
                                texts.lateFee(number),
                                lateFee.get().feeFor(invoice.balance()),
                                policy.lateFeeTaxCategory(),
                                date,
                                reference));
                pending.lateFees++;
            }
        }
        var suspended = new ArrayList<Subscription>();
        var threshold = policy.suspendAfterDaysOverdue();
        if (threshold.isPresent() && daysOverdue >= threshold.get() && customer.status() == CustomerStatus.ACTIVE) {
            store.customers().save(customer.suspend(clock.instant()));
            for (Subscription subscription : store.subscriptions().findByCustomer(customer.id())) {
                if (subscription.status() == SubscriptionStatus.ACTIVE) {
                    suspended.add(store.subscriptions().save(subscription.suspend(date)));
                }
            }
            enqueue(
                    "service-suspended:" + customer.id() + ":" + number,
                    NotificationKind.SERVICE_SUSPENDED,
                    invoice,
                    date);
            pending.suspensions++;
        }
        tally.add(pending);
        return suspended;
    }

    /**
     * Reactivates a customer suspended by dunning once nothing is overdue on {@code date}: the customer and their
     * suspended subscriptions become active, a reconnection fee is charged if the policy has one, and a
     * {@code SERVICE_RESTORED} message is enqueued. Runs in the caller's unit of work; pass the returned
     * subscriptions to {@link #tellRouter(List)} after it commits.
     *
     * @return the subscriptions restored (empty if the customer was not suspended or still owes overdue invoices)
     */
    public List<Subscription> restoreIfSettled(CustomerId customerId, LocalDate date) {
        return store.transactions().inTransaction(() -> {
            Optional<Customer> found = store.customers().findById(customerId);
            if (found.isEmpty() || found.get().status() != CustomerStatus.SUSPENDED) {
                return List.<Subscription>of();
            }
            boolean overdue =
                    store.invoices().findOpenByCustomer(customerId).stream().anyMatch(i -> i.isOverdueOn(date));
            if (overdue) {
                return List.<Subscription>of();
            }
            Customer customer = store.customers().save(found.get().reactivate(clock.instant()));
            var restored = new ArrayList<Subscription>();
            for (Subscription subscription : store.subscriptions().findByCustomer(customerId)) {
                if (subscription.status() == SubscriptionStatus.SUSPENDED) {
                    restored.add(store.subscriptions().save(subscription.restore(date)));
                }
            }
            var fee = policy.reconnectionFee();
            String reference = "reconnection:" + customerId + ":" + date;
            if (fee.isPresent()
                    && store.charges().findBySourceReference(reference).isEmpty()) {
                store.charges()
                        .save(Charge.pending(
                                customerId,
                                null,
                                ChargeKind.RECONNECTION,
                                Texts.of(customer.profile().locale()).reconnection(),
                                fee.get(),
                                TaxCategory.STANDARD,
                                date,
                                reference));
            }
            var model = new LinkedHashMap<String, String>();
            model.put("customerName", customer.fullName());
            model.put("date", date.toString());
            store.outbox()
                    .enqueue(Notification.pending(
                            "service-restored:" + customerId + ":" + date,
                            NotificationKind.SERVICE_RESTORED,
                            customerId,
                            model,
                            List.of(),
                            clock.instant()));
            return restored;
        });
    }

    /** Tells the router to let restored subscriptions through (after the unit of work that restored them commits). */
    public void tellRouter(List<Subscription> restored) {
        for (Subscription subscription : restored) {
            try {
                network.restore(subscription);
            } catch (RuntimeException e) {
                // The subscription is active on record; the operator re-applies it at the router.
                LOG.warn("Restoring subscription {} at the router failed: {}", subscription.id(), e.getMessage());
            }
        }
    }

    private boolean enqueue(String key, NotificationKind kind, Invoice invoice, LocalDate date) {
        Map<String, String> model = new LinkedHashMap<>();
        model.put("invoiceNumber", invoice.requireNumber().value());
        model.put("customerName", invoice.customer().name());
        model.put("balance", MessageValues.money(invoice.balance()));
        model.put("currency", invoice.currency().getCurrencyCode());
        model.put("dueDate", invoice.dueDate().toString());
        model.put("daysOverdue", String.valueOf(invoice.daysOverdueOn(date)));
        return store.outbox()
                .enqueue(Notification.pending(key, kind, invoice.customerId(), model, List.of(), clock.instant()));
    }

    private static final class Tally {
        long examined;
        long reminders;
        long notices;
        long lateFees;
        long suspensions;
        final List<BillingFailure> failures = new ArrayList<>();

        void add(Tally other) {
            reminders += other.reminders;
            notices += other.notices;
            lateFees += other.lateFees;
            suspensions += other.suspensions;
        }
    }
}
