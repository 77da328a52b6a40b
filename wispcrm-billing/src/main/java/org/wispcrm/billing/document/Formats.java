package org.wispcrm.billing.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Number, money and date formats of one document: per locale and currency, and without decimals when the currency
 * prints whole amounts and every amount on the document is whole. Not thread-safe (NumberFormat): one per document.
 */
final class Formats {
    private final NumberFormat money;
    private final NumberFormat percent;
    private final NumberFormat quantity;
    private final Labels labels;

    private Formats(Prototypes prototypes, Labels labels) {
        this.labels = labels;
        // Cloning a configured format is much cheaper than asking the locale providers for a new one.
        this.money = (NumberFormat) prototypes.money.clone();
        this.percent = (NumberFormat) prototypes.percent.clone();
        this.quantity = (NumberFormat) prototypes.quantity.clone();
    }

    /** Formats for a document whose amounts are {@code amounts}. */
    static Formats of(PdfSettings settings, Locale locale, CurrencyUnit currency, Iterable<MonetaryAmount> amounts) {
        boolean whole = settings.printsWholeAmounts(currency.getCurrencyCode());
        if (whole) {
            for (MonetaryAmount amount : amounts) {
                if (decimal(amount).stripTrailingZeros().scale() > 0) {
                    whole = false;
                    break;
                }
            }
        }
        return new Formats(settings.prototypes(locale, currency, whole), settings.labels(locale));
    }

    /**
     * Configured formats for one locale, currency and precision, kept by {@link PdfSettings} and never used
     * directly: each document formats with its own clones.
     */
    static final class Prototypes {
        private final NumberFormat money;
        private final NumberFormat percent;
        private final NumberFormat quantity;

        Prototypes(Locale locale, CurrencyUnit currency, boolean whole) {
            money = NumberFormat.getCurrencyInstance(locale);
            money.setCurrency(Currency.getInstance(currency.getCurrencyCode()));
            int digits = whole ? 0 : Math.max(0, currency.getDefaultFractionDigits());
            money.setMinimumFractionDigits(digits);
            money.setMaximumFractionDigits(digits);
            money.setRoundingMode(RoundingMode.HALF_UP);
            percent = NumberFormat.getPercentInstance(locale);
            percent.setMaximumFractionDigits(2);
            quantity = NumberFormat.getNumberInstance(locale);
            quantity.setMaximumFractionDigits(4);
        }
    }

    static BigDecimal decimal(MonetaryAmount amount) {
        return amount.getNumber().numberValue(BigDecimal.class);
    }

    String money(MonetaryAmount amount) {
        return money.format(decimal(amount));
    }

    String percent(BigDecimal fraction) {
        return percent.format(fraction);
    }

    String quantity(BigDecimal value) {
        return quantity.format(value);
    }

    String date(LocalDate date) {
        return labels.dates().format(date);
    }
}
