package org.wispcrm.core.payment;

import java.util.Objects;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.WispCrmException;

/**
 * A customer's credit balance: money the ISP owes the customer (overpayments, credit notes on paid invoices),
 * used by the customer's next invoices. One row per customer, locked optimistically, so two units of work cannot
 * both spend the same credit; {@link CreditMovement}s keep the history.
 *
 * @param customerId whose credit
 * @param balance the credit available, zero or more
 * @param version optimistic-lock version: 0 until first saved
 */
public record CustomerCredit(CustomerId customerId, MonetaryAmount balance, long version) {

    /** Rejects a negative balance. */
    public CustomerCredit {
        Objects.requireNonNull(customerId, "customerId");
        if (balance == null || balance.isNegative()) {
            throw WispCrmException.invalid("credit.balance", balance, "must not be negative");
        }
    }

    /** No credit yet. */
    public static CustomerCredit none(CustomerId customerId, CurrencyUnit currency) {
        return new CustomerCredit(customerId, Money.zero(currency), 0);
    }

    /** The credit with {@code amount} more. */
    public CustomerCredit add(MonetaryAmount amount) {
        requirePositive(amount);
        return new CustomerCredit(customerId, balance.add(amount), version);
    }

    /**
     * The credit with {@code amount} used.
     *
     * @throws WispCrmException {@code INVALID_INPUT} if the amount is more than the balance
     */
    public CustomerCredit use(MonetaryAmount amount) {
        requirePositive(amount);
        if (amount.isGreaterThan(balance)) {
            throw WispCrmException.invalid("amount", amount, "exceeds the credit balance " + balance);
        }
        return new CustomerCredit(customerId, balance.subtract(amount), version);
    }

    private void requirePositive(MonetaryAmount amount) {
        if (amount == null || !amount.getCurrency().equals(balance.getCurrency()) || !amount.isPositive()) {
            throw WispCrmException.invalid("amount", amount, "must be more than zero in " + balance.getCurrency());
        }
    }

    /** This customerCredit at another optimistic-lock version: repositories assign versions on save. */
    public CustomerCredit withVersion(long newVersion) {
        return new CustomerCredit(customerId, balance, newVersion);
    }
}
