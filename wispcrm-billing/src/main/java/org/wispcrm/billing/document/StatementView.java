package org.wispcrm.billing.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.invoice.CustomerSnapshot;

/**
 * What an account statement shows, in the shape {@link StatementPdf} prints: the balance brought forward and the
 * account's movements over a period. Billing's statement maps onto it; it computes nothing but running balances.
 *
 * @param customer the customer, as the statement is addressed
 * @param currency currency of every amount
 * @param from first day covered
 * @param to last day covered (inclusive)
 * @param issuedOn the statement's date
 * @param openingBalance what was owed before {@code from} (negative when the customer had credit)
 * @param entries the movements, in the order printed (by date)
 */
public record StatementView(
        CustomerSnapshot customer,
        CurrencyUnit currency,
        LocalDate from,
        LocalDate to,
        LocalDate issuedOn,
        MonetaryAmount openingBalance,
        List<Entry> entries) {

    /** Validates dates and currencies. */
    public StatementView {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(openingBalance, "openingBalance");
        entries = List.copyOf(entries);
        var violations = new Violations();
        violations.require(!to.isBefore(from), "to", to, "must not be before " + from);
        violations.require(
                openingBalance.getCurrency().equals(currency),
                "openingBalance",
                openingBalance,
                "must be in " + currency);
        for (Entry entry : entries) {
            violations.require(
                    entry.amount().getCurrency().equals(currency),
                    "entries",
                    entry.reference(),
                    "must be in " + currency);
        }
        violations.throwIfAny();
    }

    /** The opening balance plus every entry: what is owed at the end of the period. */
    public MonetaryAmount closingBalance() {
        MonetaryAmount balance = openingBalance;
        for (Entry entry : entries) {
            balance = balance.add(entry.amount());
        }
        return balance;
    }

    /**
     * One movement of the account.
     *
     * @param date when it happened
     * @param kind what it is
     * @param reference the document's number or the payment's reference
     * @param description what to print beside it (may be empty)
     * @param amount positive for what the customer owes more (an invoice, a reversed payment), negative for what
     *     reduces it (a payment, a credit note)
     */
    public record Entry(LocalDate date, EntryKind kind, String reference, String description, MonetaryAmount amount) {
        /** Validates the parts. */
        public Entry {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(amount, "amount");
            var violations = new Violations();
            violations.requireText("entry.reference", reference);
            violations.throwIfAny();
        }
    }

    /** What a statement entry is. */
    public enum EntryKind {
        /** An invoice issued. */
        INVOICE,
        /** A late fee charged on its own. */
        LATE_FEE,
        /** A payment received. */
        PAYMENT,
        /** A payment taken back (a bounced transfer). */
        PAYMENT_REVERSAL,
        /** A credit note issued. */
        CREDIT_NOTE,
        /** Any other correction. */
        ADJUSTMENT
    }
}
