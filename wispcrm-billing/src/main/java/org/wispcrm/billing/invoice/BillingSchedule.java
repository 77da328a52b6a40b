package org.wispcrm.billing.invoice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.billing.policy.BillingTiming;
import org.wispcrm.billing.policy.FirstPeriodRule;
import org.wispcrm.billing.policy.PlanChangeRule;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.subscription.BillingDay;
import org.wispcrm.core.subscription.PlanAssignment;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionStatus;

/**
 * When a subscription is billed and for which days, under a {@link BillingPolicy}. Pure functions of the
 * subscription, the policy and a date.
 *
 * <p>A subscription's <em>cycles</em> run from its billing day to the same day next month. Its <em>periods</em>
 * (what one invoice covers) are its cycles, except the first: activation falls inside a cycle, so the first period
 * runs from activation to the next billing day (billed on its own, prorated), or, with
 * {@link FirstPeriodRule#MERGE_WITH_NEXT}, to the billing day after that.
 */
public final class BillingSchedule {
    private final BillingPolicy policy;

    /** A schedule for the policy. */
    public BillingSchedule(BillingPolicy policy) {
        this.policy = policy;
    }

    /** The day the subscription's cycles start: the policy's fixed day, else the subscription's own. */
    public BillingDay billingDayOf(Subscription subscription) {
        return policy.fixedBillingDay()
                .or(() -> Optional.ofNullable(subscription.billingDay()))
                .orElseGet(() -> BillingDay.clampedFrom(requireActivation(subscription)));
    }

    /** The cycle containing {@code date}. */
    public BillingPeriod cycleContaining(Subscription subscription, LocalDate date) {
        LocalDate start = billingDayOf(subscription).periodStartOn(date);
        return BillingPeriod.of(start, start.plusMonths(1));
    }

    /** The period containing {@code date}, or empty before activation. */
    public Optional<BillingPeriod> periodContaining(Subscription subscription, LocalDate date) {
        LocalDate activation = subscription.activatedOn();
        if (activation == null || date.isBefore(activation)) {
            return Optional.empty();
        }
        BillingPeriod first = cycleContaining(subscription, activation);
        BillingPeriod cycle = cycleContaining(subscription, date);
        boolean partial = !first.start().equals(activation);
        boolean merge = partial && policy.firstPeriod() == FirstPeriodRule.MERGE_WITH_NEXT;
        if (cycle.start().equals(first.start()) || (merge && cycle.start().equals(first.end()))) {
            LocalDate end = merge ? first.end().plusMonths(1) : first.end();
            return Optional.of(BillingPeriod.of(activation, end));
        }
        return Optional.of(cycle);
    }

    /**
     * The period a billing run on {@code date} invoices for this subscription, or empty if none: in advance, the
     * period containing the date; in arrears, the period before it (which has ended). Nothing is billed before
     * activation, for periods starting after cancellation, or while suspended unless the policy bills suspended
     * subscriptions.
     */
    public Optional<BillingPeriod> periodToBillOn(Subscription subscription, LocalDate date) {
        if (subscription.activatedOn() == null
                || subscription.status() == SubscriptionStatus.PENDING_INSTALL
                || (subscription.status() == SubscriptionStatus.SUSPENDED && !policy.billSuspended())) {
            return Optional.empty();
        }
        Optional<BillingPeriod> period = periodContaining(subscription, date);
        if (policy.timing() == BillingTiming.IN_ARREARS) {
            period = period.filter(p -> p.start().isAfter(subscription.activatedOn()))
                    .flatMap(p -> periodContaining(subscription, p.start().minusDays(1)));
        }
        LocalDate cancelled = subscription.cancelledOn();
        return period.filter(p -> cancelled == null || !p.start().isAfter(cancelled));
    }

    /** The days of {@code window} the subscription was in service: from activation to the cancellation day. */
    public Optional<BillingPeriod> inService(Subscription subscription, BillingPeriod window) {
        LocalDate activation = subscription.activatedOn();
        if (activation == null) {
            return Optional.empty();
        }
        LocalDate end = subscription.cancelledOn() == null
                ? window.end()
                : min(window.end(), subscription.cancelledOn().plusDays(1));
        LocalDate start = activation.isAfter(window.start()) ? activation : window.start();
        return end.isAfter(start) ? Optional.of(BillingPeriod.of(start, end)) : Optional.empty();
    }

    /**
     * Splits the days of {@code window} in service into segments billed at one plan price each: at every cycle
     * boundary and, when plan changes are prorated, at every plan change. Each segment knows its cycle (the
     * proration denominator) and its plan.
     */
    public List<Segment> segments(Subscription subscription, BillingPeriod window) {
        Optional<BillingPeriod> served = inService(subscription, window);
        if (served.isEmpty()) {
            return List.of();
        }
        BillingPeriod span = served.get();
        var cuts = new TreeSet<LocalDate>();
        for (LocalDate day = cycleContaining(subscription, span.start()).end();
                day.isBefore(span.end());
                day = day.plusMonths(1)) {
            cuts.add(day);
        }
        if (policy.planChange() == PlanChangeRule.PRORATE) {
            for (PlanAssignment assignment : subscription.plans()) {
                if (span.contains(assignment.effectiveFrom())) {
                    cuts.add(assignment.effectiveFrom());
                }
            }
        }
        cuts.remove(span.start());
        var segments = new ArrayList<Segment>();
        LocalDate from = span.start();
        for (LocalDate cut : cuts) {
            segments.add(segment(subscription, BillingPeriod.of(from, cut)));
            from = cut;
        }
        segments.add(segment(subscription, BillingPeriod.of(from, span.end())));
        return segments;
    }

    private Segment segment(Subscription subscription, BillingPeriod part) {
        BillingPeriod cycle = cycleContaining(subscription, part.start());
        // Deferred plan changes bill the plan in force when the cycle (or the first, partial period) began.
        LocalDate priceDate = policy.planChange() == PlanChangeRule.PRORATE
                ? part.start()
                : max(cycle.start(), subscription.activatedOn());
        return new Segment(part, cycle, subscription.planOn(priceDate), priceDate);
    }

    private static LocalDate requireActivation(Subscription subscription) {
        if (subscription.activatedOn() == null) {
            throw org.wispcrm.core.common.WispCrmException.illegalTransition(
                    "Subscription", subscription.id(), subscription.status(), "bill");
        }
        return subscription.activatedOn();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Days billed at one plan's price.
     *
     * @param part the days
     * @param cycle the cycle containing them, whose length prorates the monthly price
     * @param planId the plan billed
     * @param priceDate the date whose plan price applies
     */
    public record Segment(BillingPeriod part, BillingPeriod cycle, PlanId planId, LocalDate priceDate) {
        /** Whether the segment is a whole cycle (billed at the full monthly price). */
        public boolean isFullCycle() {
            return part.equals(cycle);
        }

        /** The monthly price of the segment's plan on its price date. */
        public javax.money.MonetaryAmount monthlyPrice(Plan plan) {
            return plan.priceOn(priceDate);
        }
    }
}
