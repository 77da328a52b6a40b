package org.wispcrm.billing.statement;

import java.time.LocalDate;
import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * One line of an account statement. Amounts owed by the customer are debits; amounts in the customer's favour are
 * credits; the running balance is debits less credits (negative when the customer is in credit).
 *
 * @param date the document's date
 * @param kind what the document is
 * @param reference its number or external reference
 * @param description what it is about, as printed
 * @param debit what it adds to the balance (zero or more)
 * @param credit what it takes off the balance (zero or more)
 * @param balance the running balance after it
 */
public record StatementEntry(
        LocalDate date,
        Kind kind,
        String reference,
        String description,
        MonetaryAmount debit,
        MonetaryAmount credit,
        MonetaryAmount balance) {

    /** Rejects missing parts. */
    public StatementEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(debit, "debit");
        Objects.requireNonNull(credit, "credit");
        Objects.requireNonNull(balance, "balance");
    }

    /** What a statement entry is, in the order entries of one day are listed. */
    public enum Kind {
        /** An invoice, at its value before customer credit was applied to it. */
        INVOICE,
        /** A credit note. */
        CREDIT_NOTE,
        /** A payment received. */
        PAYMENT,
        /** A payment taken back. */
        PAYMENT_REVERSAL
    }
}
