package org.wispcrm.core.invoice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.document.DocumentKey;

/**
 * Persistence port for invoices; saving follows the optimistic-lock contract of {@code CustomerRepository}.
 *
 * <p>Two unique keys make billing idempotent: the {@link Invoice#billingKey()} (one invoice per customer and
 * period start) and the number. Drafts are previews and are never saved.
 */
public interface InvoiceRepository {

    /**
     * Inserts (version 0) or updates an issued invoice.
     *
     * @throws org.wispcrm.core.common.WispCrmException {@code DUPLICATE} if another invoice has the same billing
     *     key or number, or the same id on insert; {@code CONCURRENT_MODIFICATION} if the stored version differs;
     *     {@code INVALID_INPUT} for a draft
     */
    Invoice save(Invoice invoice);

    /** The invoice with this id. */
    Optional<Invoice> findById(InvoiceId id);

    /** The invoice with this number. */
    Optional<Invoice> findByNumber(InvoiceNumber number);

    /** The invoice with this billing key (see {@link Invoice#billingKeyOf}). */
    Optional<Invoice> findByBillingKey(String billingKey);

    /**
     * The invoices with any of these billing keys, in no particular order and each once, however often its key is
     * given; keys without an invoice are left out (no keys, no invoices). Invoices saved earlier in the caller's unit
     * of work are found. A billing run reads a whole chunk's keys at once. The default asks
     * {@link #findByBillingKey} per key; adapters over a database answer with one query per batch of keys.
     */
    default List<Invoice> findByBillingKeys(Collection<String> billingKeys) {
        var found = new ArrayList<Invoice>();
        for (String key : new LinkedHashSet<>(billingKeys)) {
            findByBillingKey(key).ifPresent(found::add);
        }
        return found;
    }

    /** All of a customer's invoices, by issue date, then id. */
    List<Invoice> findByCustomer(CustomerId customerId);

    /** A customer's open invoices ({@code ISSUED}, {@code PARTIALLY_PAID}), oldest due date first, then by id. */
    List<Invoice> findOpenByCustomer(CustomerId customerId);

    /**
     * A keyset cursor for dunning: up to {@code limit} open invoices whose due date is before {@code dueBefore},
     * ordered by id and with an id greater than {@code after} (all when null). Pass {@code today} for overdue
     * invoices, or a later date to include invoices falling due soon.
     */
    List<Invoice> findOpenDueBefore(LocalDate dueBefore, @Nullable InvoiceId after, int limit);

    /** One page of the invoices matching the query, by issue date, then id. */
    Page<Invoice> search(InvoiceQuery query, PageRequest page);

    /**
     * A keyset cursor for producing documents: up to {@code limit} invoices issued on or after {@code issuedFrom}
     * that have no recorded document, ordered by id and with an id greater than {@code after} (all when null). The
     * cost of a page does not grow with how far the caller has got, so a month of 100,000 invoices is read in
     * linear time.
     *
     * @throws org.wispcrm.core.common.WispCrmException {@code INVALID_INPUT} naming {@code limit} if it is below 1
     */
    List<Invoice> findWithoutDocument(LocalDate issuedFrom, @Nullable InvoiceId after, int limit);

    /**
     * Records each invoice's document key, unless the invoice has a document already (what a customer received is
     * never replaced), and returns how many were recorded; ids without an invoice are skipped. Unlike {@link #save},
     * there is no version check: recording a key commutes with every other change to an invoice (payments,
     * credits), so a concurrent payment neither blocks it nor is lost. Each recorded invoice's version still goes
     * up by one, so a save based on an older read is refused as usual.
     */
    int attachDocuments(Map<InvoiceId, DocumentKey> keys);
}
