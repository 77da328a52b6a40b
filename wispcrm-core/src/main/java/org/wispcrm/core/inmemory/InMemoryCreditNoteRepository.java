package org.wispcrm.core.inmemory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.CreditNoteId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.CreditNoteRepository;
import org.wispcrm.core.invoice.InvoiceNumber;

/** Credit notes in memory, unique by number. */
final class InMemoryCreditNoteRepository implements CreditNoteRepository {
    private static final Comparator<CreditNote> BY_ISSUE_DATE_THEN_ID =
            Comparator.comparing(CreditNote::issueDate).thenComparing(n -> n.id().value(), Ids.ORDER);

    private final Table<CreditNoteId, CreditNote> table;

    InMemoryCreditNoteRepository(InMemoryTransactionRunner tx) {
        this.table = new Table<>(
                tx,
                "CreditNote",
                CreditNote::id,
                CreditNote::version,
                CreditNote::withVersion,
                "number",
                n -> n.number().value());
    }

    @Override
    public CreditNote save(CreditNote creditNote) {
        return table.save(creditNote);
    }

    @Override
    public Optional<CreditNote> findById(CreditNoteId id) {
        return table.get(id);
    }

    @Override
    public Optional<CreditNote> findByNumber(InvoiceNumber number) {
        return table.getByUniqueKey(number.value());
    }

    @Override
    public List<CreditNote> findByInvoice(InvoiceId invoiceId) {
        return table.select(n -> n.invoiceId().equals(invoiceId), BY_ISSUE_DATE_THEN_ID);
    }

    @Override
    public List<CreditNote> findByCustomer(CustomerId customerId) {
        return table.select(n -> n.customerId().equals(customerId), BY_ISSUE_DATE_THEN_ID);
    }

    @Override
    public List<CreditNote> findIssuedBetween(LocalDate from, LocalDate before) {
        return table.select(
                n -> !n.issueDate().isBefore(from) && n.issueDate().isBefore(before), BY_ISSUE_DATE_THEN_ID);
    }
}
