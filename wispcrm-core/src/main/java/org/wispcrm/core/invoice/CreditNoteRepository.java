package org.wispcrm.core.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.CreditNoteId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;

/** Persistence port for credit notes; saving follows the optimistic-lock contract of {@code CustomerRepository}. */
public interface CreditNoteRepository {

    /**
     * Inserts (version 0) or updates (only its document key changes).
     *
     * @throws org.wispcrm.core.common.WispCrmException {@code DUPLICATE} if another note has the same number or the
     *     same id on insert; {@code CONCURRENT_MODIFICATION} if the stored version differs
     */
    CreditNote save(CreditNote creditNote);

    /** The credit note with this id. */
    Optional<CreditNote> findById(CreditNoteId id);

    /** The credit note with this number. */
    Optional<CreditNote> findByNumber(InvoiceNumber number);

    /** The notes crediting an invoice, by issue date, then id. */
    List<CreditNote> findByInvoice(InvoiceId invoiceId);

    /** A customer's notes, by issue date, then id. */
    List<CreditNote> findByCustomer(CustomerId customerId);

    /** Notes issued from {@code from} (inclusive) to {@code before} (exclusive), by issue date, then id. */
    List<CreditNote> findIssuedBetween(LocalDate from, LocalDate before);
}
