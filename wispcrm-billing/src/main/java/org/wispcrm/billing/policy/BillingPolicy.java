package org.wispcrm.billing.policy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.UnknownCurrencyException;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.core.subscription.BillingDay;

/**
 * How an ISP bills: immutable, built with a {@link Builder} whose setters reject a bad value at once with a
 * {@link WispCrmException} ({@code INVALID_INPUT}) naming the option and the value. Every option has a default,
 * so {@code BillingPolicy.defaults()} is a complete policy:
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>{@code currency}</td><td>COP</td></tr>
 *   <tr><td>{@code timing}</td><td>{@link BillingTiming#IN_ADVANCE}</td></tr>
 *   <tr><td>{@code fixedBillingDay}</td><td>none: each subscription's own day (its activation day, 29-31 as 28)</td></tr>
 *   <tr><td>{@code firstPeriod}</td><td>{@link FirstPeriodRule#SEPARATE}</td></tr>
 *   <tr><td>{@code planChange}</td><td>{@link PlanChangeRule#PRORATE}</td></tr>
 *   <tr><td>{@code pricesIncludeTax}</td><td>false (prices are before tax)</td></tr>
 *   <tr><td>{@code taxRates}</td><td>STANDARD 19%, EXEMPT 0%</td></tr>
 *   <tr><td>{@code taxRounding}</td><td>{@link TaxRounding#PER_LINE}</td></tr>
 *   <tr><td>{@code cashRounding}</td><td>none (amounts to the currency's minor unit, half up)</td></tr>
 *   <tr><td>{@code dueDays}</td><td>10</td></tr>
 *   <tr><td>{@code graceDays}</td><td>5</td></tr>
 *   <tr><td>{@code lateFee}</td><td>none</td></tr>
 *   <tr><td>{@code lateFeeTaxCategory}</td><td>EXEMPT</td></tr>
 *   <tr><td>{@code suspendAfterDaysOverdue}</td><td>30</td></tr>
 *   <tr><td>{@code reconnectionFee}</td><td>none</td></tr>
 *   <tr><td>{@code billSuspended}</td><td>false (suspended subscriptions are not invoiced)</td></tr>
 *   <tr><td>{@code invoiceSeries} / {@code creditNoteSeries}</td><td>FE / NC</td></tr>
 *   <tr><td>{@code reminderDaysBeforeDue}</td><td>3 (0: no reminder)</td></tr>
 *   <tr><td>{@code overdueNoticeDays}</td><td>0 and 7 days after the due date</td></tr>
 * </table>
 */
public final class BillingPolicy {
    private final CurrencyUnit currency;
    private final BillingTiming timing;
    private final @Nullable BillingDay fixedBillingDay;
    private final FirstPeriodRule firstPeriod;
    private final PlanChangeRule planChange;
    private final boolean pricesIncludeTax;
    private final Map<TaxCategory, BigDecimal> taxRates;
    private final TaxRounding taxRounding;
    private final @Nullable BigDecimal cashRounding;
    private final int dueDays;
    private final int graceDays;
    private final @Nullable LateFee lateFee;
    private final TaxCategory lateFeeTaxCategory;
    private final @Nullable Integer suspendAfterDaysOverdue;
    private final @Nullable MonetaryAmount reconnectionFee;
    private final boolean billSuspended;
    private final String invoiceSeries;
    private final String creditNoteSeries;
    private final int reminderDaysBeforeDue;
    private final List<Integer> overdueNoticeDays;

    private BillingPolicy(Builder b) {
        this.currency = b.currency;
        this.timing = b.timing;
        this.fixedBillingDay = b.fixedBillingDay;
        this.firstPeriod = b.firstPeriod;
        this.planChange = b.planChange;
        this.pricesIncludeTax = b.pricesIncludeTax;
        this.taxRates = Map.copyOf(b.taxRates);
        this.taxRounding = b.taxRounding;
        this.cashRounding = b.cashRounding;
        this.dueDays = b.dueDays;
        this.graceDays = b.graceDays;
        this.lateFee = b.lateFee;
        this.lateFeeTaxCategory = b.lateFeeTaxCategory;
        this.suspendAfterDaysOverdue = b.suspendAfterDaysOverdue;
        this.reconnectionFee = b.reconnectionFee;
        this.billSuspended = b.billSuspended;
        this.invoiceSeries = b.invoiceSeries;
        this.creditNoteSeries = b.creditNoteSeries;
        this.reminderDaysBeforeDue = b.reminderDaysBeforeDue;
        this.overdueNoticeDays = List.copyOf(b.overdueNoticeDays);
    }

    /** The policy with every default (see the table on the type). */
    public static BillingPolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Currency of every invoice. */
    public CurrencyUnit currency() {
        return currency;
    }

    /** Whether periods are billed in advance or in arrears. */
    public BillingTiming timing() {
        return timing;
    }

    /** One billing day for every subscription, or empty to use each subscription's own. */
    public Optional<BillingDay> fixedBillingDay() {
        return Optional.ofNullable(fixedBillingDay);
    }

    /** How the first partial period is billed. */
    public FirstPeriodRule firstPeriod() {
        return firstPeriod;
    }

    /** How mid-period plan changes are billed. */
    public PlanChangeRule planChange() {
        return planChange;
    }

    /** Whether plan prices and charges include tax. */
    public boolean pricesIncludeTax() {
        return pricesIncludeTax;
    }

    /** Tax rates in percent by category. */
    public Map<TaxCategory, BigDecimal> taxRates() {
        return taxRates;
    }

    /**
     * The tax rate of a category as a fraction ({@code 0.19}).
     *
     * @throws WispCrmException {@code CONFIGURATION} if the policy has no rate for it
     */
    public BigDecimal taxRateOf(TaxCategory category) {
        BigDecimal percent = taxRates.get(category);
        if (percent == null) {
            throw WispCrmException.configuration("The billing policy has no tax rate for category " + category);
        }
        return percent.movePointLeft(2);
    }

    /** Where tax is rounded. */
    public TaxRounding taxRounding() {
        return taxRounding;
    }

    /** The cash-rounding increment of totals (1 for whole pesos, 50, 0.05), or empty for none. */
    public Optional<BigDecimal> cashRounding() {
        return Optional.ofNullable(cashRounding);
    }

    /** Days from issue to due date. */
    public int dueDays() {
        return dueDays;
    }

    /** Days after the due date before a late fee is charged. */
    public int graceDays() {
        return graceDays;
    }

    /** The late fee, if any. */
    public Optional<LateFee> lateFee() {
        return Optional.ofNullable(lateFee);
    }

    /** How late fees are taxed. */
    public TaxCategory lateFeeTaxCategory() {
        return lateFeeTaxCategory;
    }

    /** Days overdue after which the customer's service is suspended, or empty to never suspend. */
    public Optional<Integer> suspendAfterDaysOverdue() {
        return Optional.ofNullable(suspendAfterDaysOverdue);
    }

    /** The fee charged when suspended service is restored, if any. */
    public Optional<MonetaryAmount> reconnectionFee() {
        return Optional.ofNullable(reconnectionFee);
    }

    /** Whether suspended subscriptions keep being invoiced. */
    public boolean billSuspended() {
        return billSuspended;
    }

    /** Invoice number series. */
    public String invoiceSeries() {
        return invoiceSeries;
    }

    /** Credit-note number series. */
    public String creditNoteSeries() {
        return creditNoteSeries;
    }

    /** Days before the due date a reminder is sent; 0 for none. */
    public int reminderDaysBeforeDue() {
        return reminderDaysBeforeDue;
    }

    /** Days after the due date an overdue notice is sent (0 is the due date itself), ascending. */
    public List<Integer> overdueNoticeDays() {
        return overdueNoticeDays;
    }

    @Override
    public String toString() {
        return "BillingPolicy[currency=" + currency + ", timing=" + timing + ", fixedBillingDay=" + fixedBillingDay
                + ", firstPeriod=" + firstPeriod + ", planChange=" + planChange + ", pricesIncludeTax="
                + pricesIncludeTax + ", taxRates=" + taxRates + ", taxRounding=" + taxRounding + ", cashRounding="
                + cashRounding + ", dueDays=" + dueDays + ", graceDays=" + graceDays + ", lateFee=" + lateFee
                + ", suspendAfterDaysOverdue=" + suspendAfterDaysOverdue + ", reconnectionFee=" + reconnectionFee
                + ", billSuspended=" + billSuspended + ", series=" + invoiceSeries + "/" + creditNoteSeries + "]";
    }

    /** Builds a {@link BillingPolicy}; each setter validates its value at once. */
    public static final class Builder {
        private CurrencyUnit currency = Monetary.getCurrency("COP");
        private BillingTiming timing = BillingTiming.IN_ADVANCE;
        private @Nullable BillingDay fixedBillingDay;
        private FirstPeriodRule firstPeriod = FirstPeriodRule.SEPARATE;
        private PlanChangeRule planChange = PlanChangeRule.PRORATE;
        private boolean pricesIncludeTax;
        private final Map<TaxCategory, BigDecimal> taxRates = new LinkedHashMap<>();
        private TaxRounding taxRounding = TaxRounding.PER_LINE;
        private @Nullable BigDecimal cashRounding;
        private int dueDays = 10;
        private int graceDays = 5;
        private @Nullable LateFee lateFee;
        private TaxCategory lateFeeTaxCategory = TaxCategory.EXEMPT;
        private @Nullable Integer suspendAfterDaysOverdue = 30;
        private @Nullable MonetaryAmount reconnectionFee;
        private boolean billSuspended;
        private String invoiceSeries = "FE";
        private String creditNoteSeries = "NC";
        private int reminderDaysBeforeDue = 3;
        private List<Integer> overdueNoticeDays = List.of(0, 7);

        private Builder() {
            taxRates.put(TaxCategory.STANDARD, BigDecimal.valueOf(19));
            taxRates.put(TaxCategory.EXEMPT, BigDecimal.ZERO);
        }

        private Builder(BillingPolicy p) {
            currency = p.currency;
            timing = p.timing;
            fixedBillingDay = p.fixedBillingDay;
            firstPeriod = p.firstPeriod;
            planChange = p.planChange;
            pricesIncludeTax = p.pricesIncludeTax;
            taxRates.putAll(p.taxRates);
            taxRounding = p.taxRounding;
            cashRounding = p.cashRounding;
            dueDays = p.dueDays;
            graceDays = p.graceDays;
            lateFee = p.lateFee;
            lateFeeTaxCategory = p.lateFeeTaxCategory;
            suspendAfterDaysOverdue = p.suspendAfterDaysOverdue;
            reconnectionFee = p.reconnectionFee;
            billSuspended = p.billSuspended;
            invoiceSeries = p.invoiceSeries;
            creditNoteSeries = p.creditNoteSeries;
            reminderDaysBeforeDue = p.reminderDaysBeforeDue;
            overdueNoticeDays = p.overdueNoticeDays;
        }

        /** The currency of every invoice, by ISO code ({@code "COP"}, {@code "USD"}). */
        public Builder currency(String isoCode) {
            try {
                return currency(Monetary.getCurrency(isoCode));
            } catch (UnknownCurrencyException | NullPointerException e) {
                throw WispCrmException.invalid("currency", isoCode, "is not a known ISO 4217 currency");
            }
        }

        /** The currency of every invoice. Fixed fees must be set after it, in the same currency. */
        public Builder currency(CurrencyUnit value) {
            currency = Objects.requireNonNull(value, "currency");
            return this;
        }

        /** In advance (default) or in arrears. */
        public Builder timing(BillingTiming value) {
            timing = Objects.requireNonNull(value, "timing");
            return this;
        }

        /** One billing day (1..28) for every subscription; null restores the default (each subscription's own). */
        public Builder fixedBillingDay(@Nullable Integer day) {
            if (day != null && (day < 1 || day > 28)) {
                throw WispCrmException.invalid("fixedBillingDay", day, "must be between 1 and 28");
            }
            fixedBillingDay = day == null ? null : BillingDay.of(day);
            return this;
        }

        /** How the first partial period is billed. */
        public Builder firstPeriod(FirstPeriodRule value) {
            firstPeriod = Objects.requireNonNull(value, "firstPeriod");
            return this;
        }

        /** How mid-period plan changes are billed. */
        public Builder planChange(PlanChangeRule value) {
            planChange = Objects.requireNonNull(value, "planChange");
            return this;
        }

        /** Whether plan prices and charges include tax (default false). */
        public Builder pricesIncludeTax(boolean value) {
            pricesIncludeTax = value;
            return this;
        }

        /** The rate of a tax category, in percent from 0 to 100 ({@code 19} for IVA 19%). */
        public Builder taxRate(TaxCategory category, BigDecimal percent) {
            Objects.requireNonNull(category, "category");
            if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw WispCrmException.invalid("taxRate." + category, percent, "must be a percent from 0 to 100");
            }
            taxRates.put(category, percent.stripTrailingZeros());
            return this;
        }

        /** The rate of a tax category, in whole percent. */
        public Builder taxRate(TaxCategory category, int percent) {
            return taxRate(category, BigDecimal.valueOf(percent));
        }

        /** Per line (default) or per invoice. */
        public Builder taxRounding(TaxRounding value) {
            taxRounding = Objects.requireNonNull(value, "taxRounding");
            return this;
        }

        /**
         * Rounds invoice totals to a multiple of {@code increment} (1 for whole pesos, 50 for the smallest COP coin,
         * 0.05), with an explicit rounding line; null for none (the default).
         */
        public Builder cashRounding(@Nullable BigDecimal increment) {
            if (increment != null && increment.signum() <= 0) {
                throw WispCrmException.invalid("cashRounding", increment, "must be more than zero");
            }
            cashRounding = increment == null ? null : increment.stripTrailingZeros();
            return this;
        }

        /** Days from issue to due date, 0 or more (default 10). */
        public Builder dueDays(int days) {
            if (days < 0 || days > 365) {
                throw WispCrmException.invalid("dueDays", days, "must be between 0 and 365");
            }
            dueDays = days;
            return this;
        }

        /** Days after the due date before a late fee, 0 or more (default 5). */
        public Builder graceDays(int days) {
            if (days < 0 || days > 365) {
                throw WispCrmException.invalid("graceDays", days, "must be between 0 and 365");
            }
            graceDays = days;
            return this;
        }

        /** The late fee, or null for none (the default). */
        public Builder lateFee(@Nullable LateFee fee) {
            lateFee = fee;
            return this;
        }

        /** How late fees are taxed (default EXEMPT). */
        public Builder lateFeeTaxCategory(TaxCategory category) {
            lateFeeTaxCategory = Objects.requireNonNull(category, "lateFeeTaxCategory");
            return this;
        }

        /** Days overdue before suspension, 1 or more; null to never suspend (default 30). */
        public Builder suspendAfterDaysOverdue(@Nullable Integer days) {
            if (days != null && (days < 1 || days > 3650)) {
                throw WispCrmException.invalid("suspendAfterDaysOverdue", days, "must be between 1 and 3650");
            }
            suspendAfterDaysOverdue = days;
            return this;
        }

        /** The fee charged when suspended service is restored, or null for none (the default). */
        public Builder reconnectionFee(@Nullable MonetaryAmount fee) {
            if (fee != null && !fee.isPositive()) {
                throw WispCrmException.invalid("reconnectionFee", fee, "must be more than zero");
            }
            reconnectionFee = fee;
            return this;
        }

        /** Whether suspended subscriptions keep being invoiced (default false). */
        public Builder billSuspended(boolean value) {
            billSuspended = value;
            return this;
        }

        /** The invoice number series (default FE). */
        public Builder invoiceSeries(String series) {
            if (!InvoiceNumber.isValidSeries(series)) {
                throw WispCrmException.invalid(
                        "invoiceSeries",
                        series,
                        "must be 1 to 10 upper-case letters or digits, starting with a letter");
            }
            invoiceSeries = series;
            return this;
        }

        /** The credit-note number series (default NC). */
        public Builder creditNoteSeries(String series) {
            if (!InvoiceNumber.isValidSeries(series)) {
                throw WispCrmException.invalid(
                        "creditNoteSeries",
                        series,
                        "must be 1 to 10 upper-case letters or digits, starting with a letter");
            }
            creditNoteSeries = series;
            return this;
        }

        /** Days before the due date a reminder is sent, 0 for none (default 3). */
        public Builder reminderDaysBeforeDue(int days) {
            if (days < 0 || days > 60) {
                throw WispCrmException.invalid("reminderDaysBeforeDue", days, "must be between 0 and 60");
            }
            reminderDaysBeforeDue = days;
            return this;
        }

        /** Days after the due date overdue notices are sent (0 is the due date); default 0 and 7. */
        public Builder overdueNoticeDays(List<Integer> days) {
            if (days == null || days.stream().anyMatch(d -> d == null || d < 0 || d > 365)) {
                throw WispCrmException.invalid("overdueNoticeDays", days, "must be days from 0 to 365");
            }
            overdueNoticeDays = List.copyOf(new TreeSet<>(days));
            return this;
        }

        /**
         * The policy.
         *
         * @throws WispCrmException {@code INVALID_INPUT} if options contradict each other (fees in another currency,
         *     the same series for invoices and credit notes)
         */
        public BillingPolicy build() {
            var violations = new org.wispcrm.core.common.Violations();
            violations.require(
                    !invoiceSeries.equals(creditNoteSeries),
                    "creditNoteSeries",
                    creditNoteSeries,
                    "must differ from the invoice series");
            violations.require(
                    reconnectionFee == null || reconnectionFee.getCurrency().equals(currency),
                    "reconnectionFee",
                    reconnectionFee,
                    "must be in " + currency);
            violations.require(
                    lateFee == null
                            || lateFee.fixedAmount() == null
                            || lateFee.fixedAmount().getCurrency().equals(currency),
                    "lateFee",
                    lateFee,
                    "must be in " + currency);
            violations.require(
                    taxRates.containsKey(lateFeeTaxCategory),
                    "lateFeeTaxCategory",
                    lateFeeTaxCategory,
                    "needs a tax rate");
            violations.throwIfAny();
            return new BillingPolicy(this);
        }
    }
}
