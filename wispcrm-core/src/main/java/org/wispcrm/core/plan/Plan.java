package org.wispcrm.core.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;

/**
 * A service plan. Its price history is kept so that a price change applies from its date on and never rewrites
 * what was billed before.
 *
 * @param id application-assigned id
 * @param name unique, human name ("Hogar 10 Mbps")
 * @param download download speed
 * @param upload upload speed
 * @param prices price history, ordered by effective date, all in one currency
 * @param taxCategory how the plan is taxed
 * @param active whether new subscriptions may use the plan
 * @param version optimistic-lock version: 0 until first saved
 */
public record Plan(
        PlanId id,
        String name,
        Mbps download,
        Mbps upload,
        List<PlanPrice> prices,
        TaxCategory taxCategory,
        boolean active,
        long version) {

    /** Validates name, prices (at least one, one currency, distinct dates) and parts. */
    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(download, "download");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(taxCategory, "taxCategory");
        prices = prices.stream()
                .sorted(Comparator.comparing(PlanPrice::effectiveFrom))
                .toList();
        var violations = new Violations();
        if (violations.requireText("name", name)) {
            violations.require(name.strip().length() <= 100, "name", name, "must be at most 100 characters");
        }
        violations.require(!prices.isEmpty(), "prices", prices, "must have at least one price");
        violations.require(
                prices.stream()
                                .map(p -> p.monthlyPrice().getCurrency())
                                .distinct()
                                .count()
                        <= 1,
                "prices",
                prices,
                "must all be in one currency");
        violations.require(
                prices.stream().map(PlanPrice::effectiveFrom).distinct().count() == prices.size(),
                "prices",
                prices,
                "must not have two prices from the same date");
        violations.throwIfAny();
        name = name.strip();
    }

    /** A new, active plan with one price. */
    public static Plan create(
            PlanId id,
            String name,
            Mbps download,
            Mbps upload,
            MonetaryAmount monthlyPrice,
            LocalDate effectiveFrom,
            TaxCategory taxCategory) {
        return new Plan(
                id, name, download, upload, List.of(new PlanPrice(effectiveFrom, monthlyPrice)), taxCategory, true, 0);
    }

    /** The monthly price in force on a date; before the first price, the first price. */
    public MonetaryAmount priceOn(LocalDate date) {
        PlanPrice inForce = prices.get(0);
        for (PlanPrice price : prices) {
            if (!price.effectiveFrom().isAfter(date)) {
                inForce = price;
            }
        }
        return inForce.monthlyPrice();
    }

    /**
     * The plan with a new price from {@code effectiveFrom} on. A price already set for that date is replaced;
     * earlier prices stay, so invoices already issued are never affected.
     */
    public Plan changePrice(MonetaryAmount newPrice, LocalDate effectiveFrom) {
        if (!newPrice.getCurrency().equals(prices.get(0).monthlyPrice().getCurrency())) {
            throw WispCrmException.invalid(
                    "monthlyPrice",
                    newPrice,
                    "must be in " + prices.get(0).monthlyPrice().getCurrency());
        }
        var updated = new ArrayList<PlanPrice>();
        for (PlanPrice price : prices) {
            if (!price.effectiveFrom().equals(effectiveFrom)) {
                updated.add(price);
            }
        }
        updated.add(new PlanPrice(effectiveFrom, newPrice));
        return new Plan(id, name, download, upload, updated, taxCategory, active, version);
    }

    /** Closes the plan to new subscriptions; existing ones keep it. */
    public Plan retire() {
        if (!active) {
            throw WispCrmException.invalid("plan", name, "is already retired");
        }
        return new Plan(id, name, download, upload, prices, taxCategory, false, version);
    }

    /** This plan at another optimistic-lock version: repositories assign versions on save. */
    public Plan withVersion(long newVersion) {
        return new Plan(id, name, download, upload, prices, taxCategory, active, newVersion);
    }
}
