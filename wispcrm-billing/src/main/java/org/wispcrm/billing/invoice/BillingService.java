package org.wispcrm.billing.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.billing.document.DocumentKeys;
import org.wispcrm.billing.document.DocumentMessageKeys;
import org.wispcrm.billing.document.MessageValues;
import org.wispcrm.billing.document.Texts;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.billing.policy.BillingTiming;
import org.wispcrm.billing.policy.PlanChangeRule;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.charge.Charge;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.CustomerSnapshot;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.payment.CreditMovement;
import org.wispcrm.core.payment.CreditMovementKind;
import org.wispcrm.core.payment.CustomerCredit;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.subscription.Discount;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionStatus;

/**
 * Issues invoices: the periodic billing run and on-demand invoices for one customer.
 *
 * <p>A run streams customers with billable subscriptions page by page (a keyset cursor, constant memory) and bills
 * each page of customers in one unit of work: for each customer and period, the lines (one per subscription
 * segment, discounts, plan-change adjustments, pending one-time charges), tax, credit applied and cash rounding;
 * then, once the whole page is priced, the next gap-free numbers, the invoices and their {@code INVOICE_ISSUED}
 * outbox messages. What a page needs is read
 * with one query per kind (customers, subscriptions, charges, credit, the invoices of the billing keys it looks
 * at), and its messages are enqueued together, so an adapter can write the whole page in batches. If one customer
 * fails, the unit rolls back and the page is billed again without that customer, who is reported; nobody else
 * loses an invoice. A store failure that names no customer (a batched write or the commit failing) bills the page
 * again, and if it fails again, customer by customer in units of one, which tells who failed. The unique billing
 * key (customer and period start) makes re-runs, concurrent runs and runs after a crash invoice each period
 * exactly once. A run bills {@code threads} chunks at once, each in its own unit of work (see {@code Chunks}).
 */
public final class BillingService {
    private static final Logger LOG = LoggerFactory.getLogger(BillingService.class);
    private static final Set<SubscriptionStatus> BILLABLE =
            EnumSet.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.SUSPENDED, SubscriptionStatus.CANCELLED);

    /** The most units of work a run keeps going at once. */
    public static final int MAX_THREADS = 8;

    private final Persistence store;
    private final Clock clock;
    private final BillingPolicy policy;
    private final BillingCalculator calculator;
    private final BillingSchedule schedule;
    private final int chunkSize;
    private final int threads;

    /**
     * A service over a store.
     *
     * @param chunkSize customers per unit of work (1 to 1000)
     * @param threads units of work a run keeps going at once, 1 to {@value #MAX_THREADS} (see
     *     {@code Billing.Builder#runThreads})
     */
    public BillingService(Persistence store, Clock clock, BillingPolicy policy, int chunkSize, int threads) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (chunkSize < 1 || chunkSize > 1000) {
            throw WispCrmException.invalid("chunkSize", chunkSize, "must be between 1 and 1000");
        }
        this.chunkSize = chunkSize;
        if (threads < 1 || threads > MAX_THREADS) {
            throw WispCrmException.invalid("threads", threads, "must be between 1 and " + MAX_THREADS);
        }
        this.threads = threads;
        this.calculator = new BillingCalculator(policy);
        this.schedule = new BillingSchedule(policy);
    }

    /** The schedule the service bills by. */
    public BillingSchedule schedule() {
        return schedule;
    }

    /** Bills every subscription whose period to bill on {@code date} is not invoiced yet. */
    public BillingRunReport run(LocalDate date) {
        return run(date, BillingRunListener.NONE);
    }

    /** {@link #run(LocalDate)}, reporting to a listener. */
    public BillingRunReport run(LocalDate date, BillingRunListener listener) {
        return execute(date, false, listener);
    }

    /** What {@link #run(LocalDate)} would issue: the same lines and totals, with nothing saved and no number taken. */
    public BillingRunReport dryRun(LocalDate date) {
        return dryRun(date, BillingRunListener.NONE);
    }

    /** {@link #dryRun(LocalDate)}, reporting to a listener. */
    public BillingRunReport dryRun(LocalDate date, BillingRunListener listener) {
        return execute(date, true, listener);
    }

    /**
     * Bills one customer for a period on demand (the "generate invoice" button), dated today. Idempotent: if the
     * customer already has the invoice of a period starting on the same day, that invoice is returned unchanged.
     *
     * @throws WispCrmException {@code NOT_FOUND} for an unknown customer; {@code INVALID_INPUT} if nothing is
     *     billable in the period
     */
    public Invoice generateFor(CustomerId customerId, BillingPeriod period) {
        requirePresent(customerId, period);
        return store.transactions().inTransaction(() -> onDemand(customerId, period, false));
    }

    /** What {@link #generateFor} would issue, as an unnumbered draft; nothing is saved. */
    public Invoice previewFor(CustomerId customerId, BillingPeriod period) {
        requirePresent(customerId, period);
        return store.transactions().inTransaction(() -> onDemand(customerId, period, true));
    }

    /**
     * {@link #generateFor(CustomerId, BillingPeriod)} from two dates, validating their order.
     *
     * @throws WispCrmException {@code INVALID_INPUT} if {@code end} is not after {@code start}
     */
    public Invoice generateFor(CustomerId customerId, LocalDate start, LocalDate end) {
        return generateFor(customerId, BillingPeriod.of(start, end));
    }

    private static void requirePresent(@Nullable CustomerId customerId, @Nullable BillingPeriod period) {
        var violations = new org.wispcrm.core.common.Violations();
        violations.require(customerId != null, "customerId", null, "must be present");
        violations.require(period != null, "period", null, "must be present");
        violations.throwIfAny();
    }

    private Invoice onDemand(CustomerId customerId, BillingPeriod period, boolean preview) {
        Customer customer = store.customers()
                .findById(customerId)
                .orElseThrow(() -> WispCrmException.notFound("Customer", customerId));
        var existing = store.invoices().findByBillingKey(Invoice.billingKeyOf(customerId, period.start()));
        if (existing.isPresent()) {
            return existing.get();
        }
        LocalDate today = LocalDate.now(clock);
        var plans = plansById();
        var subscriptions = store.subscriptions().findByCustomer(customerId).stream()
                .filter(s -> s.activatedOn() != null)
                .filter(s -> s.status() != SubscriptionStatus.SUSPENDED || policy.billSuspended())
                .map(s -> new Billable(s, period))
                .toList();
        var charges = store.charges().findPending(List.of(customerId), today);
        var context = new CustomerContext(customer, plans, charges, creditOf(customerId), today);
        Priced priced = price(context, period, subscriptions, new InvoiceLookup(List.of()))
                .orElseThrow(() -> WispCrmException.invalid(
                        "period", period, "customer " + customer.code() + " has nothing to bill in it"));
        if (preview) {
            return priced.draft();
        }
        var messages = new ArrayList<Notification>(1);
        Invoice invoice = issue(priced, messages);
        if (priced.creditUsed().isPositive()) {
            store.customerCredits().save(context.credit);
        }
        store.outbox().enqueueAll(messages);
        return invoice;
    }

    private BillingRunReport execute(LocalDate date, boolean dryRun, BillingRunListener listener) {
        if (date == null) {
            throw WispCrmException.invalid("date", null, "must be present");
        }
        Objects.requireNonNull(listener, "listener");
        var tally = new Tally(date, dryRun);
        Map<PlanId, Plan> plans = plansById();
        // Inside the caller's unit of work every chunk must join that unit, and only its thread can.
        int workers = store.transactions().inUnitOfWork() ? 1 : threads;
        try (var chunks = new Chunks(workers, result -> tally.add(result, listener))) {
            CustomerId after = null;
            while (true) {
                List<CustomerId> page = store.subscriptions().findCustomerIdsWithStatus(BILLABLE, after, chunkSize);
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1);
                chunks.bill(() -> billChunk(page, date, dryRun, plans));
            }
            chunks.finish();
        }
        LOG.info(
                "Billing run {}{}: {} customers, {} invoiced, {} already billed, {} skipped, {} failed",
                date,
                dryRun ? " (dry run)" : "",
                tally.customers,
                tally.invoiced,
                tally.alreadyBilled,
                tally.skipped,
                tally.failures.size());
        return tally.report();
    }

    /**
     * Bills one page of customers in a unit of work; a customer who fails is reported and the rest are billed again
     * without them. Runs on a worker thread: it touches nothing but the store and returns what happened.
     */
    private ChunkResult billChunk(List<CustomerId> page, LocalDate date, boolean dryRun, Map<PlanId, Plan> plans) {
        var remaining = new ArrayList<>(page);
        var failures = new ArrayList<BillingFailure>();
        var retriedAfterDuplicate = new HashSet<CustomerId>();
        boolean retriedUnattributed = false;
        while (!remaining.isEmpty()) {
            CustomerFailed failed;
            try {
                List<Outcome> outcomes =
                        store.transactions().inTransaction(() -> billCustomers(remaining, date, dryRun, plans));
                return new ChunkResult(page.size(), outcomes, failures);
            } catch (CustomerFailed e) {
                failed = e;
            } catch (WispCrmException e) {
                // A store failure that names no customer: a batched write, the outbox or the commit failed.
                if (remaining.size() == 1) {
                    failed = new CustomerFailed(remaining.get(0), e);
                } else if (!retriedUnattributed) {
                    // Most likely another host billed some of these customers meanwhile: the retry finds them.
                    retriedUnattributed = true;
                    LOG.debug(
                            "Billing a chunk of {} customers on {} failed, retrying it: {}",
                            remaining.size(),
                            date,
                            e.getMessage());
                    continue;
                } else {
                    // Units of one customer tell who fails; the others are billed as usual.
                    LOG.debug(
                            "Billing a chunk on {} failed twice ({}); billing it customer by customer",
                            date,
                            e.getMessage());
                    var outcomes = new ArrayList<Outcome>();
                    for (CustomerId id : remaining) {
                        ChunkResult single = billChunk(List.of(id), date, dryRun, plans);
                        outcomes.addAll(single.outcomes());
                        failures.addAll(single.failures());
                    }
                    return new ChunkResult(page.size(), outcomes, failures);
                }
            }
            Throwable cause = failed.getCause();
            ErrorCode code = cause instanceof WispCrmException e ? e.code() : ErrorCode.PERSISTENCE_FAILURE;
            // Another host may have billed the customer meanwhile: the retry finds its invoice.
            if (code == ErrorCode.DUPLICATE && retriedAfterDuplicate.add(failed.customerId)) {
                continue;
            }
            remaining.remove(failed.customerId);
            var failure = new BillingFailure(failed.customerId, code, String.valueOf(cause.getMessage()));
            LOG.warn("Billing customer {} on {} failed: {}", failed.customerId, date, failure.reason());
            failures.add(failure);
        }
        return new ChunkResult(page.size(), List.of(), failures);
    }

    private List<Outcome> billCustomers(List<CustomerId> ids, LocalDate date, boolean dryRun, Map<PlanId, Plan> plans) {
        Map<CustomerId, Customer> customers = store.customers().findAllById(ids).stream()
                .collect(Collectors.toMap(Customer::id, Function.identity()));
        Map<CustomerId, List<Subscription>> subscriptions = store.subscriptions().findByCustomers(ids).stream()
                .collect(Collectors.groupingBy(Subscription::customerId));
        Map<CustomerId, List<Charge>> charges =
                store.charges().findPending(ids, date).stream().collect(Collectors.groupingBy(Charge::customerId));
        Map<CustomerId, CustomerCredit> credits = creditsOf(ids);
        // Each customer's invoices to issue, by period start, and every billing key they look up.
        var groupsById = new HashMap<CustomerId, TreeMap<LocalDate, List<Billable>>>();
        var keys = new ArrayList<String>();
        for (CustomerId id : ids) {
            asCustomer(id, () -> {
                var groups = groupsOf(subscriptions.getOrDefault(id, List.of()), date);
                groupsById.put(id, groups);
                for (var group : groups.entrySet()) {
                    keys.add(Invoice.billingKeyOf(id, group.getKey()));
                    for (Billable billable : group.getValue()) {
                        previousPeriodToSettle(billable).ifPresent(p -> keys.add(Invoice.billingKeyOf(id, p.start())));
                    }
                }
                return groups;
            });
        }
        var invoices = new InvoiceLookup(keys);
        var outcomes = new ArrayList<Outcome>();
        var priced = new ArrayList<Priced>();
        for (CustomerId id : ids) {
            outcomes.addAll(asCustomer(id, () -> {
                Customer customer = customers.get(id);
                if (customer == null) {
                    throw WispCrmException.notFound("Customer", id);
                }
                var context = new CustomerContext(
                        customer,
                        plans,
                        charges.getOrDefault(id, List.of()),
                        credits.getOrDefault(id, CustomerCredit.none(id, policy.currency())),
                        date);
                return billCustomer(context, groupsById.get(id), invoices, priced);
            }));
        }
        if (dryRun) {
            return outcomes;
        }
        Map<InvoiceId, Invoice> issued = issueAll(priced);
        return outcomes.stream()
                .map(o -> o.invoice() == null
                        ? o
                        : Outcome.invoiced(issued.get(o.invoice().id())))
                .toList();
    }

    /**
     * Numbers and writes a chunk's priced invoices, in customer order, with their charges, credit and messages.
     * This comes last in the unit because the first number locks the invoice series until the unit ends: meanwhile
     * another chunk of the run reads and prices, and only the chunks' writes take turns.
     */
    private Map<InvoiceId, Invoice> issueAll(List<Priced> priced) {
        var issued = new HashMap<InvoiceId, Invoice>();
        var messages = new ArrayList<Notification>(priced.size());
        var creditUsers = new LinkedHashSet<CustomerContext>();
        for (Priced invoice : priced) {
            CustomerContext context = invoice.context();
            issued.put(invoice.draft().id(), asCustomer(context.customer.id(), () -> issue(invoice, messages)));
            if (invoice.creditUsed().isPositive()) {
                creditUsers.add(context);
            }
        }
        for (CustomerContext context : creditUsers) {
            asCustomer(context.customer.id(), () -> store.customerCredits().save(context.credit));
        }
        if (!messages.isEmpty()) {
            store.outbox().enqueueAll(messages);
        }
        return issued;
    }

    /**
     * Runs one customer's part of a chunk, blaming that customer for what it throws; a store failure with a cause is
     * not theirs to blame yet, since it may come from an earlier customer's batched write.
     */
    private static <T> T asCustomer(CustomerId id, Supplier<T> work) {
        try {
            return work.get();
        } catch (WispCrmException e) {
            if (e.getCause() != null) {
                throw e;
            }
            throw new CustomerFailed(id, e);
        } catch (RuntimeException e) {
            throw new CustomerFailed(id, e);
        }
    }

    private TreeMap<LocalDate, List<Billable>> groupsOf(List<Subscription> subscriptions, LocalDate date) {
        var groups = new TreeMap<LocalDate, List<Billable>>();
        for (Subscription subscription : subscriptions) {
            schedule.periodToBillOn(subscription, date)
                    .ifPresent(period -> groups.computeIfAbsent(period.start(), d -> new ArrayList<>())
                            .add(new Billable(subscription, period)));
        }
        return groups;
    }

    private List<Outcome> billCustomer(
            CustomerContext context,
            TreeMap<LocalDate, List<Billable>> groups,
            InvoiceLookup invoices,
            List<Priced> priced) {
        if (groups.isEmpty()) {
            return List.of(Outcome.SKIPPED);
        }
        var outcomes = new ArrayList<Outcome>();
        for (var group : groups.entrySet()) {
            String key = Invoice.billingKeyOf(context.customer.id(), group.getKey());
            if (invoices.find(key).isPresent()) {
                outcomes.add(Outcome.ALREADY_BILLED);
                continue;
            }
            LocalDate end = group.getValue().stream()
                    .map(b -> b.period.end())
                    .max(LocalDate::compareTo)
                    .orElseThrow();
            price(context, BillingPeriod.of(group.getKey(), end), group.getValue(), invoices)
                    .ifPresentOrElse(
                            invoice -> {
                                priced.add(invoice);
                                outcomes.add(Outcome.invoiced(invoice.draft()));
                            },
                            () -> outcomes.add(Outcome.SKIPPED));
        }
        return outcomes;
    }

    /**
     * Prices one invoice as an unnumbered draft, taking the customer's pending charges and using their credit;
     * empty if nothing is billable.
     */
    private Optional<Priced> price(
            CustomerContext context, BillingPeriod period, List<Billable> billables, InvoiceLookup invoices) {
        Customer customer = context.customer;
        Texts texts = Texts.of(customer.profile().locale());
        var items = new ArrayList<PricedItem>();
        for (Billable billable : billables) {
            items.addAll(serviceItems(context, billable, texts, invoices));
        }
        List<Charge> charges = context.takeCharges();
        for (Charge charge : charges) {
            requireCurrency(charge.amount(), "charge " + charge.id());
            items.add(new PricedItem(
                    charge.kind() == ChargeKind.LATE_FEE ? InvoiceLineKind.LATE_FEE : InvoiceLineKind.ONE_TIME_CHARGE,
                    charge.description(),
                    charge.subscriptionId(),
                    charge.id(),
                    null,
                    BillingCalculator.round(charge.amount()),
                    charge.taxCategory()));
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        var lines = new ArrayList<>(calculator.taxed(items, customer.profile().taxExempt()));
        MonetaryAmount total = sum(lines);
        if (total.isNegative()) {
            throw WispCrmException.invalid(
                    "invoice.total",
                    total,
                    "plan-change credits exceed what is billed for " + period + "; issue a credit note instead");
        }
        MonetaryAmount creditUsed = Money.zero(policy.currency());
        if (context.credit.balance().isPositive() && total.isPositive()) {
            creditUsed = context.credit.balance().isGreaterThan(total) ? total : context.credit.balance();
            lines.add(InvoiceLine.untaxed(InvoiceLineKind.CREDIT_APPLIED, texts.creditApplied(), creditUsed.negate()));
            total = total.subtract(creditUsed);
        }
        calculator.cashRoundingLine(total, texts.rounding()).ifPresent(lines::add);
        LocalDate issueDate = context.date;
        Invoice draft = Invoice.draft(
                InvoiceId.newId(),
                customer.id(),
                CustomerSnapshot.of(customer),
                period,
                issueDate,
                issueDate.plusDays(policy.dueDays()),
                policy.currency(),
                lines);
        if (creditUsed.isPositive()) {
            context.credit = context.credit.use(creditUsed);
        }
        invoices.priced(draft);
        return Optional.of(new Priced(context, draft, charges, creditUsed));
    }

    /**
     * Numbers and saves a priced invoice, marks its charges billed, records the credit it used and adds its
     * message; the customer's credit balance is the caller's to save, once for all their invoices.
     */
    private Invoice issue(Priced priced, List<Notification> messages) {
        var number =
                new InvoiceNumber(policy.invoiceSeries(), store.invoiceNumbers().next(policy.invoiceSeries()));
        Invoice saved = store.invoices().save(priced.draft().issue(number));
        for (Charge charge : priced.charges()) {
            store.charges().save(charge.billedBy(saved.id()));
        }
        if (priced.creditUsed().isPositive()) {
            store.customerCredits()
                    .addMovement(CreditMovement.of(
                            saved.customerId(),
                            CreditMovementKind.APPLIED_TO_INVOICE,
                            priced.creditUsed().negate(),
                            saved.issueDate(),
                            number.value(),
                            clock.instant()));
        }
        messages.add(invoiceIssued(saved));
        return saved;
    }

    private List<PricedItem> serviceItems(
            CustomerContext context, Billable billable, Texts texts, InvoiceLookup invoices) {
        Subscription subscription = billable.subscription;
        var items = new ArrayList<PricedItem>();
        for (BillingSchedule.Segment segment : schedule.segments(subscription, billable.period)) {
            Plan plan = context.plan(segment.planId());
            MonetaryAmount monthly = requireCurrency(segment.monthlyPrice(plan), "plan " + plan.name());
            MonetaryAmount amount = BillingCalculator.prorate(monthly, segment.part(), segment.cycle());
            boolean full = segment.isFullCycle();
            items.add(new PricedItem(
                    full ? InvoiceLineKind.RECURRING : InvoiceLineKind.PRORATED,
                    full
                            ? texts.recurring(plan.name(), segment.part())
                            : texts.prorated(plan.name(), segment.part(), segment.cycle()),
                    subscription.id(),
                    null,
                    segment.part(),
                    amount,
                    plan.taxCategory()));
            discountItem(subscription, amount, segment, plan).ifPresent(items::add);
        }
        items.addAll(planChangeAdjustments(context, billable, texts, invoices));
        return items;
    }

    private Optional<PricedItem> discountItem(
            Subscription subscription, MonetaryAmount amount, BillingSchedule.Segment segment, Plan plan) {
        Discount discount = subscription.discount();
        if (discount == null || !discount.appliesOn(segment.part().start()) || !amount.isPositive()) {
            return Optional.empty();
        }
        MonetaryAmount off;
        if (discount.percent() != null) {
            off = BillingCalculator.round(
                    BillingCalculator.decimal(amount)
                            .multiply(discount.percent())
                            .movePointLeft(2),
                    amount.getCurrency());
        } else {
            MonetaryAmount fixed = requireCurrency(discount.fixedAmount(), "discount " + discount.description());
            off = BillingCalculator.prorate(fixed, segment.part(), segment.cycle());
        }
        if (off.isGreaterThan(amount)) {
            off = amount;
        }
        if (off.isZero()) {
            return Optional.empty();
        }
        return Optional.of(new PricedItem(
                InvoiceLineKind.DISCOUNT,
                discount.description(),
                subscription.id(),
                null,
                segment.part(),
                off.negate(),
                plan.taxCategory()));
    }

    /**
     * In-advance billing with prorated plan changes: a change that took effect during the previous period, after
     * that period was invoiced, is settled now (credit the old plan's unused days, charge the new plan's).
     */
    private List<PricedItem> planChangeAdjustments(
            CustomerContext context, Billable billable, Texts texts, InvoiceLookup invoices) {
        Subscription subscription = billable.subscription;
        Optional<BillingPeriod> previous = previousPeriodToSettle(billable);
        if (previous.isEmpty()) {
            return List.of();
        }
        BillingPeriod prev = previous.get();
        Optional<Invoice> prevInvoice = invoices.find(Invoice.billingKeyOf(subscription.customerId(), prev.start()));
        if (prevInvoice.isEmpty()) {
            return List.of();
        }
        Set<LocalDate> billedStarts = new HashSet<>();
        for (InvoiceLine line : prevInvoice.get().lines()) {
            if (subscription.id().equals(line.subscriptionId()) && line.servicePeriod() != null) {
                billedStarts.add(line.servicePeriod().start());
            }
        }
        LocalDate firstUnbilledChange = subscription.plans().stream()
                .map(a -> a.effectiveFrom())
                .filter(d -> d.isAfter(prev.start()) && d.isBefore(prev.end()) && !billedStarts.contains(d))
                .min(LocalDate::compareTo)
                .orElse(null);
        if (firstUnbilledChange == null) {
            return List.of();
        }
        Plan billedPlan = context.plan(subscription.planOn(firstUnbilledChange.minusDays(1)));
        var items = new ArrayList<PricedItem>();
        for (BillingSchedule.Segment segment :
                schedule.segments(subscription, BillingPeriod.of(firstUnbilledChange, prev.end()))) {
            Plan plan = context.plan(segment.planId());
            if (plan.id().equals(billedPlan.id())) {
                continue;
            }
            MonetaryAmount credit = BillingCalculator.prorate(
                    requireCurrency(billedPlan.priceOn(segment.cycle().start()), "plan " + billedPlan.name()),
                    segment.part(),
                    segment.cycle());
            MonetaryAmount charge = BillingCalculator.prorate(
                    requireCurrency(segment.monthlyPrice(plan), "plan " + plan.name()),
                    segment.part(),
                    segment.cycle());
            if (credit.isPositive()) {
                items.add(new PricedItem(
                        InvoiceLineKind.PLAN_CHANGE_CREDIT,
                        texts.planChangeCredit(billedPlan.name(), segment.part(), segment.cycle()),
                        subscription.id(),
                        null,
                        segment.part(),
                        credit.negate(),
                        billedPlan.taxCategory()));
            }
            items.add(new PricedItem(
                    InvoiceLineKind.PRORATED,
                    texts.prorated(plan.name(), segment.part(), segment.cycle()),
                    subscription.id(),
                    null,
                    segment.part(),
                    charge,
                    plan.taxCategory()));
        }
        return items;
    }

    /**
     * The previous period whose plan changes the billable's invoice may settle: only in-advance billing with
     * prorated plan changes, after the first period, and only if the plan changed inside that period (otherwise
     * there is nothing to settle, and its invoice need not be read).
     */
    private Optional<BillingPeriod> previousPeriodToSettle(Billable billable) {
        Subscription subscription = billable.subscription;
        if (policy.timing() != BillingTiming.IN_ADVANCE
                || policy.planChange() != PlanChangeRule.PRORATE
                || subscription.activatedOn() == null
                || !billable.period.start().isAfter(subscription.activatedOn())) {
            return Optional.empty();
        }
        return schedule.periodContaining(subscription, billable.period.start().minusDays(1))
                .filter(prev -> subscription.plans().stream()
                        .map(a -> a.effectiveFrom())
                        .anyMatch(d -> d.isAfter(prev.start()) && d.isBefore(prev.end())));
    }

    private Notification invoiceIssued(Invoice invoice) {
        InvoiceNumber number = invoice.requireNumber();
        var model = new LinkedHashMap<String, String>();
        model.put("invoiceNumber", number.value());
        model.put("customerName", invoice.customer().name());
        model.put("total", MessageValues.money(invoice.total()));
        model.put("balance", MessageValues.money(invoice.balance()));
        model.put("currency", invoice.currency().getCurrencyCode());
        model.put("issueDate", invoice.issueDate().toString());
        model.put("dueDate", invoice.dueDate().toString());
        model.put("periodStart", invoice.period().start().toString());
        model.put("periodEnd", invoice.period().lastDay().toString());
        return Notification.pending(
                DocumentMessageKeys.invoiceIssued(number),
                NotificationKind.INVOICE_ISSUED,
                invoice.customerId(),
                model,
                List.of(DocumentKeys.invoice(number, invoice.issueDate())),
                clock.instant());
    }

    private Map<PlanId, Plan> plansById() {
        var plans = new HashMap<PlanId, Plan>();
        for (Plan plan : store.plans().findAll()) {
            plans.put(plan.id(), plan);
        }
        return plans;
    }

    private Map<CustomerId, CustomerCredit> creditsOf(List<CustomerId> ids) {
        var credits = new HashMap<CustomerId, CustomerCredit>();
        for (CustomerCredit credit : store.customerCredits().findByCustomers(ids)) {
            if (credit.balance().getCurrency().equals(policy.currency())) {
                credits.put(credit.customerId(), credit);
            }
        }
        return credits;
    }

    private CustomerCredit creditOf(CustomerId customerId) {
        return store.customerCredits()
                .findByCustomer(customerId)
                .filter(c -> c.balance().getCurrency().equals(policy.currency()))
                .orElseGet(() -> CustomerCredit.none(customerId, policy.currency()));
    }

    private MonetaryAmount requireCurrency(MonetaryAmount amount, String what) {
        if (!amount.getCurrency().equals(policy.currency())) {
            throw WispCrmException.invalid(
                    "currency",
                    amount,
                    what + " is priced in " + amount.getCurrency() + ", the policy bills " + policy.currency());
        }
        return amount;
    }

    private MonetaryAmount sum(List<InvoiceLine> lines) {
        MonetaryAmount total = Money.zero(policy.currency());
        for (InvoiceLine line : lines) {
            total = total.add(line.total());
        }
        return total;
    }

    private record Billable(Subscription subscription, BillingPeriod period) {}

    /**
     * An invoice priced and not yet numbered, with what issuing it settles: the customer's pending charges it bills
     * and the credit it uses (already taken from {@code context.credit}).
     */
    private record Priced(CustomerContext context, Invoice draft, List<Charge> charges, MonetaryAmount creditUsed) {}

    /**
     * The invoices of the billing keys a unit of work looks at, read with one query up front, plus the invoices the
     * unit issues; a key not read up front is asked of the store.
     */
    private final class InvoiceLookup {
        private final Map<String, Optional<Invoice>> byKey = new HashMap<>();

        InvoiceLookup(List<String> keys) {
            if (keys.isEmpty()) {
                return;
            }
            for (String key : keys) {
                byKey.put(key, Optional.empty());
            }
            for (Invoice invoice : store.invoices().findByBillingKeys(byKey.keySet())) {
                byKey.put(invoice.billingKey(), Optional.of(invoice));
            }
        }

        Optional<Invoice> find(String key) {
            Optional<Invoice> known = byKey.get(key);
            if (known != null) {
                return known;
            }
            Optional<Invoice> found = store.invoices().findByBillingKey(key);
            byKey.put(key, found);
            return found;
        }

        /** An invoice the unit will issue: its lines already settle what later periods look up. */
        void priced(Invoice draft) {
            byKey.put(draft.billingKey(), Optional.of(draft));
        }
    }

    /** What billing one customer reads once and uses across that customer's invoices of the run. */
    private static final class CustomerContext {
        final Customer customer;
        final Map<PlanId, Plan> plans;
        final LocalDate date;
        List<Charge> pendingCharges;
        CustomerCredit credit;

        CustomerContext(
                Customer customer,
                Map<PlanId, Plan> plans,
                List<Charge> pendingCharges,
                CustomerCredit credit,
                LocalDate date) {
            this.customer = customer;
            this.plans = plans;
            this.pendingCharges = pendingCharges;
            this.credit = credit;
            this.date = date;
        }

        Plan plan(PlanId id) {
            Plan plan = plans.get(id);
            if (plan == null) {
                throw WispCrmException.notFound("Plan", id);
            }
            return plan;
        }

        /** The pending charges, for the first invoice of the customer that asks. */
        List<Charge> takeCharges() {
            List<Charge> taken = pendingCharges;
            pendingCharges = List.of();
            return taken;
        }
    }

    private record Outcome(Kind kind, @Nullable Invoice invoice) {
        static final Outcome SKIPPED = new Outcome(Kind.SKIPPED, null);
        static final Outcome ALREADY_BILLED = new Outcome(Kind.ALREADY_BILLED, null);

        static Outcome invoiced(Invoice invoice) {
            return new Outcome(Kind.INVOICED, invoice);
        }

        enum Kind {
            INVOICED,
            ALREADY_BILLED,
            SKIPPED
        }
    }

    /**
     * The chunks of one run in flight: up to {@code workers} are billed at once, each in its own unit of work on a
     * thread of its own, and each result reaches {@code done} on the run's thread, in page order. Two workers keep
     * both the database and this JVM busy: while one chunk holds the invoice series and writes, the next reads and
     * prices its customers. Numbers stay gap-free (the series row is locked until a chunk commits), so they follow the chunks'
     * commit order. With one worker the chunks are billed on the run's thread.
     */
    private static final class Chunks implements AutoCloseable {
        private final int workers;
        private final Consumer<ChunkResult> done;
        private final @Nullable ExecutorService pool;
        private final ArrayDeque<CompletableFuture<ChunkResult>> inFlight = new ArrayDeque<>();

        Chunks(int workers, Consumer<ChunkResult> done) {
            this.workers = workers;
            this.done = done;
            this.pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, Chunks::workerThread);
        }

        /** Bills a chunk, first waiting for the oldest one in flight if every worker is busy. */
        void bill(Supplier<ChunkResult> chunk) {
            if (pool == null) {
                done.accept(chunk.get());
                return;
            }
            inFlight.add(CompletableFuture.supplyAsync(chunk, pool));
            if (inFlight.size() == workers) {
                completeOldest();
            }
        }

        /** Waits for every chunk in flight. */
        void finish() {
            while (!inFlight.isEmpty()) {
                completeOldest();
            }
        }

        private void completeOldest() {
            ChunkResult result;
            try {
                result = inFlight.remove().join();
            } catch (CompletionException e) {
                // a defect, not a customer's failure (billChunk reports those): the run ends with it, as on one thread
                if (e.getCause() instanceof RuntimeException defect) {
                    throw defect;
                }
                throw e;
            }
            done.accept(result);
        }

        /** Lets the chunks still running commit or roll back (the run may be ending with a defect), then stops. */
        @Override
        public void close() {
            if (pool == null) {
                return;
            }
            pool.shutdown();
            try {
                pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static Thread workerThread(Runnable work) {
            Thread thread = new Thread(work, "wispcrm-billing");
            thread.setDaemon(true);
            return thread;
        }
    }

    /** What billing one page of customers did: its size, the outcomes committed, the customers left out. */
    private record ChunkResult(int customers, List<Outcome> outcomes, List<BillingFailure> failures) {}

    private static final class Tally {
        final LocalDate date;
        final boolean dryRun;
        long customers;
        long invoiced;
        long alreadyBilled;
        long skipped;
        final List<BillingFailure> failures = new ArrayList<>();
        final Map<String, MonetaryAmount> totals = new TreeMap<>();
        final List<Invoice> previews = new ArrayList<>();

        Tally(LocalDate date, boolean dryRun) {
            this.date = date;
            this.dryRun = dryRun;
        }

        /** Counts a committed chunk and tells the listener, on the run's thread. */
        void add(ChunkResult chunk, BillingRunListener listener) {
            for (BillingFailure failure : chunk.failures()) {
                failures.add(failure);
                listener.failed(failure);
            }
            for (Outcome outcome : chunk.outcomes()) {
                add(outcome, listener);
            }
            customers += chunk.customers();
            listener.progress(customers);
        }

        private void add(Outcome outcome, BillingRunListener listener) {
            switch (outcome.kind()) {
                case SKIPPED -> skipped++;
                case ALREADY_BILLED -> alreadyBilled++;
                case INVOICED -> {
                    Invoice invoice = Objects.requireNonNull(outcome.invoice());
                    invoiced++;
                    totals.merge(invoice.currency().getCurrencyCode(), invoice.total(), MonetaryAmount::add);
                    if (dryRun) {
                        previews.add(invoice);
                    }
                    listener.invoiced(invoice);
                }
            }
        }

        BillingRunReport report() {
            return new BillingRunReport(
                    date, dryRun, customers, invoiced, alreadyBilled, skipped, failures, totals, previews);
        }
    }

    /** Carries a customer's failure out of the unit of work, which rolls back the whole chunk. */
    private static final class CustomerFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient CustomerId customerId;

        CustomerFailed(CustomerId customerId, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.customerId = customerId;
        }
    }
}
