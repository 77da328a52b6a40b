package org.wispcrm.billing.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.MonetaryAmount;

/**
 * How billing writes values into outbox messages, in the forms the notification dispatcher formats for the
 * customer's locale: amounts as {@code COP 77350.00}, dates in ISO form.
 */
public final class MessageValues {
    private MessageValues() {}

    /** An amount as its currency code and plain digits with the currency's minor units: {@code COP 77350.00}. */
    public static String money(MonetaryAmount amount) {
        return amount.getCurrency().getCurrencyCode() + " " + plain(amount);
    }

    /** Plain digits with the currency's minor units: {@code 77350.00}. */
    public static String plain(MonetaryAmount amount) {
        return amount.getNumber()
                .numberValue(BigDecimal.class)
                .setScale(amount.getCurrency().getDefaultFractionDigits(), RoundingMode.HALF_UP)
                .toPlainString();
    }
}
