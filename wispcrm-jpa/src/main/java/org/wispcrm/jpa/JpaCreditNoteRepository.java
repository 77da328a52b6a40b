package org.wispcrm.jpa;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.CreditNoteId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.CreditNoteRepository;
import org.wispcrm.core.invoice.InvoiceNumber;

/** Credit notes in {@code credit_notes}, their lines in {@code credit_note_lines}. */
final class JpaCreditNoteRepository implements CreditNoteRepository {
    private final JpaTransactionRunner tx;

    JpaCreditNoteRepository(JpaTransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public CreditNote save(CreditNote n) {
        return tx.call(em -> {
            long version = Versioned.save(
                    em,
                    CreditNoteEntity.class,
                    n.id().value(),
                    n.version(),
                    "CreditNote",
                    () -> CreditNoteEntity.of(n),
                    row -> row.copyState(n));
            return n.withVersion(version);
        });
    }

    @Override
    public Optional<CreditNote> findById(CreditNoteId id) {
        return tx.call(em ->
                Optional.ofNullable(em.find(CreditNoteEntity.class, id.value())).map(CreditNoteEntity::toDomain));
    }

    @Override
    public Optional<CreditNote> findByNumber(InvoiceNumber number) {
        return tx.call(em -> em.createQuery(
                        "select e from CreditNoteEntity e where e.series = :series and e.sequenceNumber = :sequence",
                        CreditNoteEntity.class)
                .setParameter("series", number.series())
                .setParameter("sequence", number.sequence())
                .getResultStream()
                .findFirst()
                .map(CreditNoteEntity::toDomain));
    }

    @Override
    public List<CreditNote> findByInvoice(InvoiceId invoiceId) {
        return list("e.invoiceId = :p", invoiceId.value());
    }

    @Override
    public List<CreditNote> findByCustomer(CustomerId customerId) {
        return list("e.customerId = :p", customerId.value());
    }

    @Override
    public List<CreditNote> findIssuedBetween(LocalDate from, LocalDate before) {
        return tx.call(em -> em
                .createQuery(
                        "select e from CreditNoteEntity e where e.issueDate >= :from and e.issueDate < :before"
                                + " order by e.issueDate, e.id",
                        CreditNoteEntity.class)
                .setParameter("from", from)
                .setParameter("before", before)
                .getResultList()
                .stream()
                .map(CreditNoteEntity::toDomain)
                .toList());
    }

    private List<CreditNote> list(String condition, Object parameter) {
        return tx.call(em -> em
                .createQuery(
                        "select e from CreditNoteEntity e where " + condition + " order by e.issueDate, e.id",
                        CreditNoteEntity.class)
                .setParameter("p", parameter)
                .getResultList()
                .stream()
                .map(CreditNoteEntity::toDomain)
                .toList());
    }
}
