package org.wispcrm.billing.statement;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.wispcrm.core.common.CustomerId;

/**
 * A customer's account statement for the days from {@code from} to {@code before} (exclusive).
 *
 * @param customerId whose account
 * @param customerName the customer's name
 * @param from first day included
 * @param before first day excluded
 * @param openingBalance the balance before {@code from} (negative: in the customer's favour)
 * @param entries the documents of the range, by date
 * @param invoiced sum of invoice entries
 * @param credited sum of credit-note entries
 * @param paid sum of payments less reversals
 * @param lateFees late fees billed on the range's invoices (part of {@code invoiced})
 * @param closingBalance opening balance plus debits less credits
 * @param creditBalance the customer's unused credit today
 */
public record Statement(
        CustomerId customerId,
        String customerName,
        LocalDate from,
        LocalDate before,
        MonetaryAmount openingBalance,
        List<StatementEntry> entries,
        MonetaryAmount invoiced,
        MonetaryAmount credited,
        MonetaryAmount paid,
        MonetaryAmount lateFees,
        MonetaryAmount closingBalance,
        MonetaryAmount creditBalance) {
    /** Copies the entries. */
    public Statement {
        Objects.requireNonNull(customerId, "customerId");
        entries = List.copyOf(entries);
    }
}
