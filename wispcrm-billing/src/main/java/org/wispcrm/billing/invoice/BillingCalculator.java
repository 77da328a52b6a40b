package org.wispcrm.billing.invoice;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.billing.policy.TaxRounding;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.invoice.InvoiceLineKind;

/**
 * The arithmetic of an invoice under a {@link BillingPolicy}, as pure functions: daily proration, currency and
 * cash rounding, and tax (exclusive or inclusive, rounded per line or per invoice).
 *
 * <p>Every amount is rounded to the currency's minor unit (its ISO 4217 fraction digits, as Moneta reports them)
 * with {@link RoundingMode#HALF_UP}, which rounds halves away from zero, so a discount of {@code -x} rounds to the
 * opposite of {@code x}.
 */
public final class BillingCalculator {
    private static final MathContext EXACT = MathContext.DECIMAL128;

    private final BillingPolicy policy;

    /** A calculator for the policy. */
    public BillingCalculator(BillingPolicy policy) {
        this.policy = policy;
    }

    /** The policy. */
    public BillingPolicy policy() {
        return policy;
    }

    /** Rounds to the currency's minor unit, half up. */
    public static MonetaryAmount round(BigDecimal amount, CurrencyUnit currency) {
        return Money.of(amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP), currency);
    }

    /** Rounds to the currency's minor unit, half up. */
    public static MonetaryAmount round(MonetaryAmount amount) {
        return round(decimal(amount), amount.getCurrency());
    }

    /** The amount as a BigDecimal. */
    public static BigDecimal decimal(MonetaryAmount amount) {
        return amount.getNumber().numberValue(BigDecimal.class);
    }

    /**
     * The part of a monthly price for {@code part} of a {@code cycle}: {@code monthly * days(part) / days(cycle)},
     * by actual days, rounded to the minor unit. A part equal to its cycle costs the whole price.
     *
     * @throws WispCrmException {@code INVALID_INPUT} if {@code part} is not within {@code cycle}
     */
    public static MonetaryAmount prorate(MonetaryAmount monthly, BillingPeriod part, BillingPeriod cycle) {
        if (part.start().isBefore(cycle.start()) || part.end().isAfter(cycle.end())) {
            throw WispCrmException.invalid("part", part, "must lie within the cycle " + cycle);
        }
        if (part.equals(cycle)) {
            return round(monthly);
        }
        BigDecimal exact = decimal(monthly)
                .multiply(BigDecimal.valueOf(part.days()))
                .divide(BigDecimal.valueOf(cycle.days()), EXACT);
        return round(exact, monthly.getCurrency());
    }

    /**
     * Works out the tax of each item under the policy, giving invoice lines: with tax-exclusive prices the item's
     * amount is the net and tax is added; with tax-inclusive prices the amount is what the customer pays and is
     * split into net and tax. Exempt customers pay no tax.
     */
    public List<InvoiceLine> taxed(List<PricedItem> items, boolean customerTaxExempt) {
        var lines = new ArrayList<Draft>(items.size());
        for (PricedItem item : items) {
            BigDecimal rate = customerTaxExempt || !item.kind().inSubtotal()
                    ? BigDecimal.ZERO
                    : policy.taxRateOf(item.taxCategory());
            lines.add(new Draft(item, rate));
        }
        for (Draft line : lines) {
            line.tax = lineTax(line);
        }
        if (policy.taxRounding() == TaxRounding.PER_INVOICE) {
            spreadInvoiceRounding(lines);
        }
        boolean inclusive = policy.pricesIncludeTax();
        return lines.stream().map(d -> d.toLine(inclusive)).toList();
    }

    private BigDecimal lineTax(Draft line) {
        BigDecimal amount = decimal(line.item.amount());
        int digits = line.item.amount().getCurrency().getDefaultFractionDigits();
        if (line.rate.signum() == 0) {
            return BigDecimal.ZERO.setScale(digits);
        }
        if (policy.pricesIncludeTax()) {
            BigDecimal net = amount.divide(BigDecimal.ONE.add(line.rate), EXACT).setScale(digits, RoundingMode.HALF_UP);
            return amount.subtract(net).setScale(digits, RoundingMode.HALF_UP);
        }
        return amount.multiply(line.rate).setScale(digits, RoundingMode.HALF_UP);
    }

    /** Per-invoice rounding: each rate's tax is rounded once on its lines' sum, and the cents spread over lines. */
    private void spreadInvoiceRounding(List<Draft> lines) {
        Map<BigDecimal, List<Draft>> byRate = new LinkedHashMap<>();
        for (Draft line : lines) {
            if (line.rate.signum() != 0) {
                byRate.computeIfAbsent(line.rate.stripTrailingZeros(), r -> new ArrayList<>())
                        .add(line);
            }
        }
        for (var entry : byRate.entrySet()) {
            BigDecimal rate = entry.getKey();
            List<Draft> group = entry.getValue();
            int digits = group.get(0).item.amount().getCurrency().getDefaultFractionDigits();
            BigDecimal sum = group.stream().map(d -> decimal(d.item.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal groupTax;
            if (policy.pricesIncludeTax()) {
                BigDecimal net = sum.divide(BigDecimal.ONE.add(rate), EXACT).setScale(digits, RoundingMode.HALF_UP);
                groupTax = sum.subtract(net);
            } else {
                groupTax = sum.multiply(rate).setScale(digits, RoundingMode.HALF_UP);
            }
            BigDecimal lineSum = group.stream().map(d -> d.tax).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
            BigDecimal diff = groupTax.subtract(lineSum);
            // The largest lines absorb the difference, one minor unit each, so every line keeps its sign.
            List<Draft> largestFirst = new ArrayList<>(group);
            largestFirst.sort(
                    Comparator.comparing((Draft d) -> decimal(d.item.amount()).abs())
                            .reversed());
            int guard = 0;
            int index = 0;
            while (diff.signum() != 0 && guard < largestFirst.size() * 1000) {
                Draft line = largestFirst.get(index % largestFirst.size());
                BigDecimal step = diff.signum() > 0 ? unit : unit.negate();
                BigDecimal candidate = line.tax.add(step);
                if (keepsSign(line, candidate)) {
                    line.tax = candidate;
                    diff = diff.subtract(step);
                }
                index++;
                guard++;
            }
        }
    }

    private boolean keepsSign(Draft line, BigDecimal tax) {
        BigDecimal amount = decimal(line.item.amount());
        BigDecimal net = policy.pricesIncludeTax() ? amount.subtract(tax) : amount;
        return tax.signum() == 0 || (net.signum() == tax.signum() && net.signum() == amount.signum());
    }

    /**
     * The line that brings {@code total} to a multiple of the policy's cash-rounding increment (half up), or
     * empty when the policy has none or the total is already such a multiple.
     */
    public Optional<InvoiceLine> cashRoundingLine(MonetaryAmount total, String description) {
        Optional<BigDecimal> increment = policy.cashRounding();
        if (increment.isEmpty()) {
            return Optional.empty();
        }
        MonetaryAmount difference = cashRoundingDifference(total, increment.get());
        if (difference.isZero()) {
            return Optional.empty();
        }
        return Optional.of(InvoiceLine.untaxed(InvoiceLineKind.ROUNDING, description, difference));
    }

    /** What must be added to {@code total} to make it the nearest multiple of {@code increment} (halves up). */
    public static MonetaryAmount cashRoundingDifference(MonetaryAmount total, BigDecimal increment) {
        BigDecimal value = decimal(total);
        // one exact rounding of value / increment to a whole number of increments (no 34-digit quotient first)
        BigDecimal rounded = value.divide(increment, 0, RoundingMode.HALF_UP).multiply(increment);
        return round(rounded.subtract(value), total.getCurrency());
    }

    private static final class Draft {
        final PricedItem item;
        final BigDecimal rate;
        BigDecimal tax = BigDecimal.ZERO;

        Draft(PricedItem item, BigDecimal rate) {
            this.item = item;
            this.rate = rate;
        }

        InvoiceLine toLine(boolean includesTax) {
            CurrencyUnit currency = item.amount().getCurrency();
            BigDecimal amount = decimal(item.amount());
            // With tax-inclusive prices the tax is part of the amount; otherwise it is added to it.
            BigDecimal net = item.kind().inSubtotal() && includesTax ? amount.subtract(tax) : amount;
            MonetaryAmount netAmount = round(net, currency);
            return new InvoiceLine(
                    item.kind(),
                    item.description(),
                    item.subscriptionId(),
                    item.chargeId(),
                    item.servicePeriod(),
                    BigDecimal.ONE,
                    netAmount,
                    netAmount,
                    item.taxCategory(),
                    rate,
                    round(tax, currency));
        }
    }
}
