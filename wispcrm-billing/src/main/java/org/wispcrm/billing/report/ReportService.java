package org.wispcrm.billing.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.wispcrm.billing.invoice.BillingCalculator;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentQuery;
import org.wispcrm.core.payment.PaymentStatus;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.subscription.Discount;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionQuery;
import org.wispcrm.core.subscription.SubscriptionStatus;

/**
 * Billing reports as plain data objects a host renders or exports. Every report pages through the store (never
 * loading a whole table at once) and works in the policy's currency.
 */
public final class ReportService {
    private static final int PAGE = 500;

    private final Persistence store;
    private final BillingPolicy policy;

    /** A service over a store. */
    public ReportService(Persistence store, BillingPolicy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Invoiced, credited and collected per month, from {@code first} to {@code last} inclusive.
     *
     * @throws WispCrmException {@code INVALID_INPUT} if {@code last} is before {@code first}
     */
    public List<MonthlyTotals> invoicedAndCollected(YearMonth first, YearMonth last) {
        BillingPeriod range = months(first, last);
        var invoiced = new TreeMap<YearMonth, MonetaryAmount>();
        var credited = new TreeMap<YearMonth, MonetaryAmount>();
        var collected = new TreeMap<YearMonth, MonetaryAmount>();
        forEachInvoice(
                InvoiceQuery.issuedBetween(range.start(), range.end()),
                invoice -> invoiced.merge(
                        YearMonth.from(invoice.issueDate()), valueBeforeCredit(invoice), MonetaryAmount::add));
        for (CreditNote note : store.creditNotes().findIssuedBetween(range.start(), range.end())) {
            credited.merge(YearMonth.from(note.issueDate()), note.total(), MonetaryAmount::add);
        }
        forEachPayment(PaymentQuery.receivedBetween(range.start(), range.end()), payment -> {
            if (payment.status() == PaymentStatus.RECORDED) {
                collected.merge(YearMonth.from(payment.receivedOn()), payment.amount(), MonetaryAmount::add);
            }
        });
        var rows = new ArrayList<MonthlyTotals>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            rows.add(new MonthlyTotals(
                    month,
                    invoiced.getOrDefault(month, zero()),
                    credited.getOrDefault(month, zero()),
                    collected.getOrDefault(month, zero())));
        }
        return rows;
    }

    /** Open balances on {@code asOf} by days overdue: current, 1-30, 31-60, 61-90, over 90. */
    public ReceivablesAging receivablesAging(LocalDate asOf) {
        MonetaryAmount[] buckets = {zero(), zero(), zero(), zero(), zero()};
        InvoiceId after = null;
        LocalDate everything = asOf.plusYears(100);
        while (true) {
            List<Invoice> page = store.invoices().findOpenDueBefore(everything, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).id();
            for (Invoice invoice : page) {
                if (invoice.issueDate().isAfter(asOf)) {
                    continue;
                }
                long days = invoice.daysOverdueOn(asOf);
                int bucket = days == 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4;
                buckets[bucket] = buckets[bucket].add(invoice.balance());
            }
        }
        MonetaryAmount total =
                buckets[0].add(buckets[1]).add(buckets[2]).add(buckets[3]).add(buckets[4]);
        return new ReceivablesAging(asOf, buckets[0], buckets[1], buckets[2], buckets[3], buckets[4], total);
    }

    /** Subscriptions counted by current plan and status, by plan name, then status. */
    public List<PlanStatusCount> subscriptionsByPlanAndStatus() {
        Map<PlanId, String> names = planNames();
        var counts = new TreeMap<String, Map<SubscriptionStatus, Long>>();
        forEachSubscription(subscription -> counts.computeIfAbsent(
                        names.getOrDefault(
                                subscription.currentPlanId(),
                                subscription.currentPlanId().toString()),
                        n -> new TreeMap<>())
                .merge(subscription.status(), 1L, Long::sum));
        var rows = new ArrayList<PlanStatusCount>();
        counts.forEach((plan, byStatus) ->
                byStatus.forEach((status, count) -> rows.add(new PlanStatusCount(plan, status, count))));
        return rows;
    }

    /** MRR and ARPU of the subscriptions active on {@code asOf}. */
    public RevenueMetrics revenue(LocalDate asOf) {
        Map<PlanId, Plan> plans = new HashMap<>();
        store.plans().findAll().forEach(p -> plans.put(p.id(), p));
        var mrr = new MonetaryAmount[] {zero()};
        var customers = new HashSet<CustomerId>();
        var subscriptions = new long[] {0};
        forEachSubscription(subscription -> {
            if (subscription.status() != SubscriptionStatus.ACTIVE
                    || subscription.activatedOn() == null
                    || subscription.activatedOn().isAfter(asOf)) {
                return;
            }
            Plan plan = plans.get(subscription.planOn(asOf));
            if (plan == null || !plan.priceOn(asOf).getCurrency().equals(policy.currency())) {
                return;
            }
            MonetaryAmount price = plan.priceOn(asOf);
            Discount discount = subscription.discount();
            if (discount != null && discount.appliesOn(asOf)) {
                MonetaryAmount off = discount.percent() != null
                        ? BillingCalculator.round(
                                BillingCalculator.decimal(price)
                                        .multiply(discount.percent())
                                        .movePointLeft(2),
                                price.getCurrency())
                        : discount.fixedAmount();
                price = off.isGreaterThan(price) ? zero() : price.subtract(off);
            }
            mrr[0] = mrr[0].add(price);
            customers.add(subscription.customerId());
            subscriptions[0]++;
        });
        MonetaryAmount arpu = customers.isEmpty()
                ? zero()
                : BillingCalculator.round(
                        BillingCalculator.decimal(mrr[0])
                                .divide(BigDecimal.valueOf(customers.size()), 10, RoundingMode.HALF_UP),
                        policy.currency());
        return new RevenueMetrics(asOf, mrr[0], subscriptions[0], customers.size(), arpu);
    }

    /**
     * Churn per month from {@code first} to {@code last} inclusive: subscriptions whose last day of service fell in
     * the month, over those in service on its first day.
     */
    public List<ChurnMonth> churn(YearMonth first, YearMonth last) {
        months(first, last);
        var active = new TreeMap<YearMonth, Long>();
        var cancelled = new TreeMap<YearMonth, Long>();
        forEachSubscription(subscription -> {
            LocalDate activated = subscription.activatedOn();
            if (activated == null) {
                return;
            }
            LocalDate lastDay = subscription.cancelledOn();
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                LocalDate start = month.atDay(1);
                if (activated.isBefore(start) && (lastDay == null || !lastDay.isBefore(start))) {
                    active.merge(month, 1L, Long::sum);
                }
                if (lastDay != null && YearMonth.from(lastDay).equals(month)) {
                    cancelled.merge(month, 1L, Long::sum);
                }
            }
        });
        var rows = new ArrayList<ChurnMonth>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            long atStart = active.getOrDefault(month, 0L);
            long lost = cancelled.getOrDefault(month, 0L);
            rows.add(new ChurnMonth(month, atStart, lost, ratio(lost, atStart)));
        }
        return rows;
    }

    /**
     * How much of the invoices issued from {@code from} to {@code before} (exclusive) has been paid.
     *
     * @throws WispCrmException {@code INVALID_INPUT} if {@code before} is not after {@code from}
     */
    public CollectionRate collectionRate(LocalDate from, LocalDate before) {
        BillingPeriod range = BillingPeriod.of(from, before);
        var invoiced = new MonetaryAmount[] {zero()};
        var collected = new MonetaryAmount[] {zero()};
        forEachInvoice(InvoiceQuery.issuedBetween(range.start(), range.end()), invoice -> {
            invoiced[0] = invoiced[0].add(invoice.total()).subtract(invoice.amountCredited());
            MonetaryAmount paid = invoice.amountPaid();
            // A credit note on a paid invoice gives the excess back as credit: only what stays paid is collected.
            collected[0] = collected[0].add(paid.subtract(invoice.overCredit()));
        });
        BigDecimal rate = invoiced[0].isPositive()
                ? BillingCalculator.decimal(collected[0])
                        .divide(BillingCalculator.decimal(invoiced[0]), 4, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(4);
        return new CollectionRate(range.start(), range.end(), invoiced[0], collected[0], rate);
    }

    /**
     * Tax by rate on invoices issued from {@code from} to {@code before} (exclusive), less the credit notes issued
     * in the same days, by rate.
     *
     * @throws WispCrmException {@code INVALID_INPUT} if {@code before} is not after {@code from}
     */
    public List<TaxByRate> taxByRate(LocalDate from, LocalDate before) {
        BillingPeriod range = BillingPeriod.of(from, before);
        var taxable = new TreeMap<BigDecimal, MonetaryAmount>();
        var tax = new TreeMap<BigDecimal, MonetaryAmount>();
        forEachInvoice(InvoiceQuery.issuedBetween(range.start(), range.end()), invoice -> {
            for (InvoiceLine line : invoice.lines()) {
                add(line, false, taxable, tax);
            }
        });
        for (CreditNote note : store.creditNotes().findIssuedBetween(range.start(), range.end())) {
            for (InvoiceLine line : note.lines()) {
                add(line, true, taxable, tax);
            }
        }
        var rows = new ArrayList<TaxByRate>();
        taxable.forEach((rate, net) -> rows.add(new TaxByRate(rate, net, tax.get(rate))));
        return rows;
    }

    private void add(
            InvoiceLine line,
            boolean subtract,
            Map<BigDecimal, MonetaryAmount> taxable,
            Map<BigDecimal, MonetaryAmount> tax) {
        if (!line.kind().inSubtotal()) {
            return;
        }
        BigDecimal percent = line.taxRate().movePointRight(2).stripTrailingZeros();
        if (percent.scale() < 0) {
            percent = percent.setScale(0);
        }
        MonetaryAmount net = subtract ? line.netAmount().negate() : line.netAmount();
        MonetaryAmount taxAmount = subtract ? line.taxAmount().negate() : line.taxAmount();
        taxable.merge(percent, net, MonetaryAmount::add);
        tax.merge(percent, taxAmount, MonetaryAmount::add);
    }

    private void forEachInvoice(InvoiceQuery query, Consumer<Invoice> action) {
        var page = PageRequest.first(PAGE);
        while (true) {
            var result = store.invoices().search(query, page);
            result.items().forEach(action);
            if (!result.hasNext()) {
                return;
            }
            page = page.next();
        }
    }

    private void forEachPayment(PaymentQuery query, Consumer<Payment> action) {
        var page = PageRequest.first(PAGE);
        while (true) {
            var result = store.payments().search(query, page);
            result.items().forEach(action);
            if (!result.hasNext()) {
                return;
            }
            page = page.next();
        }
    }

    private void forEachSubscription(Consumer<Subscription> action) {
        var page = PageRequest.first(PAGE);
        while (true) {
            var result = store.subscriptions().search(SubscriptionQuery.all(), page);
            result.items().forEach(action);
            if (!result.hasNext()) {
                return;
            }
            page = page.next();
        }
    }

    private Map<PlanId, String> planNames() {
        var names = new HashMap<PlanId, String>();
        store.plans().findAll().forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    private static MonetaryAmount valueBeforeCredit(Invoice invoice) {
        MonetaryAmount value = invoice.total();
        for (InvoiceLine line : invoice.lines()) {
            if (line.kind() == InvoiceLineKind.CREDIT_APPLIED) {
                value = value.subtract(line.netAmount());
            }
        }
        return value;
    }

    private static BillingPeriod months(YearMonth first, YearMonth last) {
        var violations = new org.wispcrm.core.common.Violations();
        violations.require(first != null, "first", null, "must be present");
        violations.require(last != null, "last", null, "must be present");
        violations.throwIfAny();
        return BillingPeriod.of(first.atDay(1), last.plusMonths(1).atDay(1));
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private MonetaryAmount zero() {
        return Money.zero(policy.currency());
    }
}
