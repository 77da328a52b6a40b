package org.wispcrm.jpa;

import java.math.BigDecimal;
import java.util.Locale;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.PhoneNumber;

/** Conversions between domain values and column values shared by the mappers. */
final class Columns {
    private Columns() {}

    static BigDecimal amount(MonetaryAmount money) {
        return money.getNumber().numberValue(BigDecimal.class);
    }

    static @Nullable BigDecimal amountOrNull(@Nullable MonetaryAmount money) {
        return money == null ? null : amount(money);
    }

    static String currency(MonetaryAmount money) {
        return money.getCurrency().getCurrencyCode();
    }

    static @Nullable String currencyOrNull(@Nullable MonetaryAmount money) {
        return money == null ? null : currency(money);
    }

    static MonetaryAmount money(BigDecimal amount, String currency) {
        return Money.of(decimal(amount), currency);
    }

    static MonetaryAmount money(BigDecimal amount, CurrencyUnit currency) {
        return Money.of(decimal(amount), currency);
    }

    static @Nullable MonetaryAmount moneyOrNull(@Nullable BigDecimal amount, @Nullable String currency) {
        return amount == null || currency == null ? null : money(amount, currency);
    }

    static CurrencyUnit currencyUnit(String code) {
        return Monetary.getCurrency(code);
    }

    /** A decimal read back with the scale the column added removed, as the domain wrote it (12.5, not 12.5000). */
    static @Nullable BigDecimal decimal(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static @Nullable String email(@Nullable EmailAddress email) {
        return email == null ? null : email.value();
    }

    static @Nullable EmailAddress email(@Nullable String email) {
        return email == null ? null : new EmailAddress(email);
    }

    static @Nullable String phone(@Nullable PhoneNumber phone) {
        return phone == null ? null : phone.e164();
    }

    static @Nullable PhoneNumber phone(@Nullable String phone) {
        return phone == null ? null : new PhoneNumber(phone);
    }

    static String locale(Locale locale) {
        return locale.toLanguageTag();
    }

    static Locale locale(String tag) {
        return Locale.forLanguageTag(tag);
    }
}
