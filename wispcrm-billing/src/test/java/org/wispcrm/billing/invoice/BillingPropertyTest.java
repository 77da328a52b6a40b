package org.wispcrm.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.billing.policy.BillingTiming;
import org.wispcrm.billing.policy.FirstPeriodRule;
import org.wispcrm.billing.policy.PlanChangeRule;
import org.wispcrm.billing.policy.TaxRounding;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.payment.CustomerCredit;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionStatus;

/**
 * Invariants over random ISPs billed day by day for four months under random policies: lines (with credit applied
 * and rounding) add up to the total, cash-rounded totals are multiples of the increment, numbers have no gaps, each
 * customer's period is invoiced once, and re-running a day changes nothing. A failure names its seed.
 */
class BillingPropertyTest {

    static List<Long> seeds() {
        var seeds = new ArrayList<Long>();
        for (long s = 1; s <= 24; s++) {
            seeds.add(s * 7919);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void billing_invariants_hold(long seed) {
        try {
            check(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("Billing property failed for seed " + seed + ": " + e.getMessage(), e);
        }
    }

    private void check(RandomGenerator random) {
        boolean usd = random.nextBoolean();
        String currency = usd ? "USD" : "COP";
        BigDecimal increment = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> usd ? new BigDecimal("0.05") : BigDecimal.ONE;
            default -> usd ? new BigDecimal("0.25") : new BigDecimal("50");
        };
        var builder = BillingPolicy.builder()
                .currency(currency)
                .timing(random.nextBoolean() ? BillingTiming.IN_ADVANCE : BillingTiming.IN_ARREARS)
                .firstPeriod(random.nextBoolean() ? FirstPeriodRule.SEPARATE : FirstPeriodRule.MERGE_WITH_NEXT)
                .planChange(random.nextBoolean() ? PlanChangeRule.PRORATE : PlanChangeRule.NEXT_PERIOD)
                .pricesIncludeTax(random.nextBoolean())
                .taxRounding(random.nextBoolean() ? TaxRounding.PER_LINE : TaxRounding.PER_INVOICE)
                .taxRate(TaxCategory.STANDARD, usd ? BigDecimal.ZERO : BigDecimal.valueOf(19))
                .cashRounding(increment);
        if (random.nextBoolean()) {
            builder.fixedBillingDay(1 + random.nextInt(28));
        }
        var policy = builder.build();
        var start = LocalDate.of(2026, 9, 1);
        var world = new BillingWorld(policy, start, 1 + random.nextInt(5));
        var plans = new ArrayList<Plan>();
        for (int i = 0; i < 4; i++) {
            plans.add(world.plan(
                    "Plan " + i, money(random, usd, 20, 120), i == 3 ? TaxCategory.EXEMPT : TaxCategory.STANDARD));
        }
        plans.sort(Comparator.comparing(p -> BillingCalculatorTestSupport.decimal(p.priceOn(start))));
        var subscriptions = new ArrayList<Subscription>();
        int customers = 2 + random.nextInt(7);
        for (int c = 0; c < customers; c++) {
            var customer = world.customer(
                    "Cliente " + c, usd ? Locale.US : Locale.forLanguageTag("es-CO"), random.nextInt(6) == 0);
            int subs = 1 + random.nextInt(3);
            for (int s = 0; s < subs; s++) {
                var activation = start.plusDays(random.nextInt(90));
                var subscription = world.subscribe(
                        customer,
                        plans.get(random.nextInt(3)),
                        activation,
                        random.nextBoolean() ? null : 1 + random.nextInt(28));
                if (random.nextInt(3) == 0) {
                    subscription = world.discount(
                            subscription,
                            BillingWorld.percentOff(
                                    "Promo",
                                    5 + random.nextInt(40),
                                    activation,
                                    random.nextBoolean() ? null : activation.plusDays(random.nextInt(90))));
                }
                subscriptions.add(subscription);
            }
            if (random.nextInt(3) == 0) {
                world.charge(
                        customer,
                        ChargeKind.INSTALLATION,
                        "Instalación",
                        money(random, usd, 10, 150),
                        start.plusDays(random.nextInt(100)));
            }
            if (random.nextInt(4) == 0) {
                world.store
                        .customerCredits()
                        .save(CustomerCredit.none(
                                        customer.id(), Money.of(0, currency).getCurrency())
                                .add(money(random, usd, 1, 100)));
            }
        }
        var end = LocalDate.of(2027, 1, 31);
        for (var day = start; !day.isAfter(end); day = day.plusDays(1)) {
            mutate(world, random, subscriptions, plans, day);
            var report = world.runOn(day);
            assertThat(report.failures()).as("failures on %s", day).isEmpty();
            if (random.nextInt(10) == 0) {
                var before = snapshot(world);
                var again = world.runOn(day);
                assertThat(again.invoiced()).as("re-run of %s", day).isZero();
                assertThat(snapshot(world)).as("state after re-running %s", day).isEqualTo(before);
            }
        }
        var invoices = world.store
                .invoices()
                .search(InvoiceQuery.all(), PageRequest.first(1000))
                .items();
        assertThat(invoices).isNotEmpty();
        var numbers = invoices.stream().map(i -> i.number().sequence()).sorted().toList();
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("gap-free numbers").isEqualTo(i + 1L);
        }
        assertThat(invoices.stream().map(Invoice::billingKey).distinct().count())
                .isEqualTo(invoices.size());
        for (Invoice invoice : invoices) {
            checkInvoice(invoice, increment);
        }
        assertThat(world.store
                        .outbox()
                        .findByStatus(NotificationStatus.PENDING, PageRequest.first(1))
                        .totalItems())
                .isEqualTo(invoices.size());
    }

    private static void checkInvoice(Invoice invoice, BigDecimal increment) {
        MonetaryAmount sum = Money.zero(invoice.currency());
        MonetaryAmount adjustments = Money.zero(invoice.currency());
        for (InvoiceLine line : invoice.lines()) {
            sum = sum.add(line.total());
            if (!line.kind().inSubtotal()) {
                adjustments = adjustments.add(line.netAmount());
            }
            int digits = invoice.currency().getDefaultFractionDigits();
            assertThat(BillingCalculatorTestSupport.decimal(line.netAmount())
                            .stripTrailingZeros()
                            .scale())
                    .isLessThanOrEqualTo(digits);
            assertThat(BillingCalculatorTestSupport.decimal(line.taxAmount())
                            .stripTrailingZeros()
                            .scale())
                    .isLessThanOrEqualTo(digits);
        }
        assertThat(sum).as("lines of %s", invoice.number()).isEqualTo(invoice.total());
        assertThat(invoice.subtotal().add(invoice.taxTotal()).add(adjustments)).isEqualTo(invoice.total());
        assertThat(invoice.total().isNegative()).isFalse();
        if (increment != null) {
            assertThat(BillingCalculatorTestSupport.decimal(invoice.total())
                            .remainder(increment)
                            .signum())
                    .as("total %s of %s is a multiple of %s", invoice.total(), invoice.number(), increment)
                    .isZero();
        }
        long roundingLines = invoice.lines().stream()
                .filter(l -> l.kind() == InvoiceLineKind.ROUNDING)
                .count();
        assertThat(roundingLines).isLessThanOrEqualTo(1);
    }

    private static void mutate(
            BillingWorld world,
            RandomGenerator random,
            List<Subscription> subscriptions,
            List<Plan> plans,
            LocalDate day) {
        if (random.nextInt(12) != 0) {
            return;
        }
        int index = random.nextInt(subscriptions.size());
        var current = world.store
                .subscriptions()
                .findById(subscriptions.get(index).id())
                .orElseThrow();
        if (current.status() == SubscriptionStatus.CANCELLED
                || current.activatedOn() == null
                || day.isBefore(current.activatedOn())) {
            return;
        }
        if (random.nextInt(4) == 0) {
            subscriptions.set(index, world.cancel(current, day));
            return;
        }
        // Upgrades only: a downgrade credit larger than the next invoice is reported as a failure by design.
        int currentRank = plans.indexOf(plans.stream()
                .filter(p -> p.id().equals(current.currentPlanId()))
                .findFirst()
                .orElseThrow());
        if (currentRank >= 2) {
            return;
        }
        var last = current.plans().get(current.plans().size() - 1).effectiveFrom();
        var from = day.minusDays(random.nextInt(10));
        if (from.isBefore(last)) {
            from = last;
        }
        subscriptions.set(index, world.changePlan(current, plans.get(currentRank + 1), from));
    }

    private static List<Object> snapshot(BillingWorld world) {
        return List.of(
                world.store
                        .invoices()
                        .search(InvoiceQuery.all(), PageRequest.first(1000))
                        .items(),
                world.store
                        .outbox()
                        .findByStatus(NotificationStatus.PENDING, PageRequest.first(1000))
                        .items(),
                world.store.invoiceNumbers().current("FE"));
    }

    private static MonetaryAmount money(RandomGenerator random, boolean usd, int min, int max) {
        if (usd) {
            return Money.of(BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100), 2), "USD");
        }
        return Money.of(BigDecimal.valueOf(min * 1000L + random.nextInt((max - min) * 1000)), "COP");
    }

    /** Reads a MonetaryAmount as a BigDecimal. */
    static final class BillingCalculatorTestSupport {
        static BigDecimal decimal(MonetaryAmount amount) {
            return BillingCalculator.decimal(amount);
        }
    }
}
