package org.wispcrm.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.jspecify.annotations.Nullable;
import org.wispcrm.billing.invoice.BillingRunReport;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.charge.Charge;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerProfile;
import org.wispcrm.core.customer.NotificationPreferences;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.plan.Mbps;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.core.subscription.BillingDay;
import org.wispcrm.core.subscription.Discount;
import org.wispcrm.core.subscription.Subscription;

/** An in-memory ISP for billing scenarios: a store, a clock moved by hand, and a policy. */
public final class BillingWorld {
    private static final AtomicInteger CODES = new AtomicInteger();

    /** The store. */
    public final InMemoryPersistence store = InMemoryPersistence.create();
    /** The clock. */
    public final MutableClock clock;
    /** The router dunning suspends and payments restore. */
    public final InMemoryRouter router = new InMemoryRouter();
    /** The services. */
    public final Billing billing;

    /** A world on {@code today} billing by {@code policy}. */
    public BillingWorld(BillingPolicy policy, LocalDate today) {
        this(policy, today, 200);
    }

    /** A world with a chunk size. */
    public BillingWorld(BillingPolicy policy, LocalDate today, int chunkSize) {
        clock = new MutableClock(today);
        billing = Billing.builder()
                .persistence(store)
                .clock(clock)
                .policy(policy)
                .chunkSize(chunkSize)
                .networkAccessControl(router)
                .build();
    }

    /** Pesos. */
    public static MonetaryAmount cop(String amount) {
        return Money.of(new BigDecimal(amount), "COP");
    }

    /** Dollars. */
    public static MonetaryAmount usd(String amount) {
        return Money.of(new BigDecimal(amount), "USD");
    }

    /** A saved plan. */
    public Plan plan(String name, MonetaryAmount monthly) {
        return plan(name, monthly, TaxCategory.STANDARD);
    }

    /** A saved plan with a tax category. */
    public Plan plan(String name, MonetaryAmount monthly, TaxCategory category) {
        return store.plans()
                .save(Plan.create(
                        PlanId.newId(), name, Mbps.of(10), Mbps.of(2), monthly, LocalDate.of(2020, 1, 1), category));
    }

    /** A saved Spanish-speaking customer. */
    public Customer customer(String name) {
        return customer(name, Locale.forLanguageTag("es-CO"), false);
    }

    /** A saved customer. */
    public Customer customer(String name, Locale locale, boolean taxExempt) {
        var profile = new CustomerProfile(
                name,
                "1020304050",
                EmailAddress.of("cliente@example.co"),
                null,
                Address.of("Calle 37 # 29-45", "Villavicencio", "CO"),
                locale,
                NotificationPreferences.defaults(),
                taxExempt,
                null);
        return store.customers()
                .save(Customer.register(
                        CustomerId.newId(),
                        "CLI-" + CODES.incrementAndGet(),
                        profile,
                        Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** A saved, active subscription activated on {@code activation}, billed on its own day (or {@code billingDay}). */
    public Subscription subscribe(Customer customer, Plan plan, LocalDate activation, @Nullable Integer billingDay) {
        var ordered = Subscription.order(
                SubscriptionId.newId(),
                customer.id(),
                plan.id(),
                Address.of("Carrera 40 # 26C-10", "Villavicencio", "CO"),
                billingDay == null ? null : BillingDay.of(billingDay),
                Instant.parse("2026-01-01T00:00:00Z"),
                activation);
        return store.subscriptions().save(ordered.activate(activation));
    }

    /** Changes the plan from a date on. */
    public Subscription changePlan(Subscription subscription, Plan plan, LocalDate from) {
        var current = store.subscriptions().findById(subscription.id()).orElseThrow();
        return store.subscriptions().save(current.changePlan(plan.id(), from));
    }

    /** Cancels with {@code lastDay} as the last day of service. */
    public Subscription cancel(Subscription subscription, LocalDate lastDay) {
        var current = store.subscriptions().findById(subscription.id()).orElseThrow();
        return store.subscriptions().save(current.cancel(lastDay));
    }

    /** Suspends. */
    public Subscription suspend(Subscription subscription, LocalDate on) {
        var current = store.subscriptions().findById(subscription.id()).orElseThrow();
        return store.subscriptions().save(current.suspend(on));
    }

    /** Sets a discount. */
    public Subscription discount(Subscription subscription, Discount discount) {
        var current = store.subscriptions().findById(subscription.id()).orElseThrow();
        return store.subscriptions().save(current.withDiscount(discount));
    }

    /** A saved pending one-time charge. */
    public Charge charge(
            Customer customer, ChargeKind kind, String description, MonetaryAmount amount, LocalDate date) {
        return store.charges()
                .save(Charge.pending(customer.id(), null, kind, description, amount, TaxCategory.STANDARD, date, null));
    }

    /** Moves the clock and runs billing on that day. */
    public BillingRunReport runOn(LocalDate date) {
        clock.today(date);
        return billing.invoicing().run(date);
    }

    /** Moves the clock and runs dunning on that day. */
    public org.wispcrm.billing.dunning.DunningReport dunOn(LocalDate date) {
        clock.today(date);
        return billing.dunning().run(date);
    }

    /** Moves the clock and records a bank transfer paid to open invoices oldest due first. */
    public org.wispcrm.core.payment.Payment pay(
            Customer customer, MonetaryAmount amount, String reference, LocalDate on) {
        clock.today(on);
        return billing.payments()
                .record(org.wispcrm.billing.payment.PaymentRequest.of(
                        customer.id(), amount, org.wispcrm.core.payment.PaymentMethod.BANK_TRANSFER, reference, on));
    }

    /** The customer's unused credit. */
    public MonetaryAmount creditOf(Customer customer) {
        return store.customerCredits()
                .findByCustomer(customer.id())
                .map(c -> c.balance())
                .orElse(Money.zero(billing.policy().currency()));
    }

    /** The invoice with this printed number. */
    public Invoice invoice(String number) {
        return store.invoices()
                .findByNumber(org.wispcrm.core.invoice.InvoiceNumber.parse(number))
                .orElseThrow();
    }

    /** The customer's invoices, oldest first. */
    public List<Invoice> invoicesOf(Customer customer) {
        return store.invoices().findByCustomer(customer.id());
    }

    /** The customer's only invoice issued on {@code date}. */
    public Invoice invoiceOn(Customer customer, LocalDate date) {
        var found = invoicesOf(customer).stream()
                .filter(i -> i.issueDate().equals(date))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one invoice on " + date + " but found " + found);
        }
        return found.get(0);
    }

    /** "KIND net tax" per line, for compact assertions. */
    public static List<String> summary(Invoice invoice) {
        return invoice.lines().stream().map(BillingWorld::summary).toList();
    }

    /** "KIND net tax" of one line. */
    public static String summary(InvoiceLine line) {
        return line.kind() + " " + plain(line.netAmount()) + " " + plain(line.taxAmount());
    }

    /** Digits with the currency's minor units: "30333.33". */
    public static String plain(MonetaryAmount amount) {
        return amount.getNumber()
                .numberValue(BigDecimal.class)
                .setScale(amount.getCurrency().getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    /** A percent discount. */
    public static Discount percentOff(String description, int percent, LocalDate from, @Nullable LocalDate until) {
        return Discount.percent(description, BigDecimal.valueOf(percent), from, until);
    }
}
