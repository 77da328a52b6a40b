package org.wispcrm.core.inmemory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.invoice.InvoiceRepository;
import org.wispcrm.core.invoice.InvoiceStatus;

/** Invoices in memory, unique by billing key and by number. */
final class InMemoryInvoiceRepository implements InvoiceRepository {
    private static final Comparator<Invoice> BY_ID = Comparator.comparing(i -> i.id().value(), Ids.ORDER);
    private static final Comparator<Invoice> BY_ISSUE_DATE_THEN_ID =
            Comparator.comparing(Invoice::issueDate).thenComparing(BY_ID);
    private static final Comparator<Invoice> OLDEST_DUE_FIRST =
            Comparator.comparing(Invoice::dueDate).thenComparing(BY_ID);

    private final InMemoryTransactionRunner tx;
    private final Table<InvoiceId, Invoice> table;
    // The second unique key; numbers never change once issued, so only inserts touch it.
    private final Map<InvoiceNumber, InvoiceId> byNumber = new HashMap<>();

    InMemoryInvoiceRepository(InMemoryTransactionRunner tx) {
        this.tx = tx;
        this.table = new Table<>(
                tx, "Invoice", Invoice::id, Invoice::version, Invoice::withVersion, "billingKey", Invoice::billingKey);
    }

    @Override
    public Invoice save(Invoice invoice) {
        if (invoice.status() == InvoiceStatus.DRAFT) {
            throw WispCrmException.invalid("status", invoice.status(), "a draft invoice is never saved");
        }
        return table.locked(() -> {
            var number = invoice.requireNumber();
            InvoiceId holder = byNumber.get(number);
            if (holder != null && !holder.equals(invoice.id())) {
                throw WispCrmException.duplicate("Invoice", "number", number);
            }
            Invoice saved = table.save(invoice);
            if (holder == null) {
                byNumber.put(number, invoice.id());
                tx.onRollback(() -> byNumber.remove(number));
            }
            return saved;
        });
    }

    @Override
    public Optional<Invoice> findById(InvoiceId id) {
        return table.get(id);
    }

    @Override
    public Optional<Invoice> findByNumber(InvoiceNumber number) {
        return table.locked(() -> {
            InvoiceId id = byNumber.get(number);
            return id == null ? Optional.<Invoice>empty() : table.get(id);
        });
    }

    @Override
    public Optional<Invoice> findByBillingKey(String billingKey) {
        return table.getByUniqueKey(billingKey);
    }

    @Override
    public List<Invoice> findByCustomer(CustomerId customerId) {
        return table.select(i -> i.customerId().equals(customerId), BY_ISSUE_DATE_THEN_ID);
    }

    @Override
    public List<Invoice> findOpenByCustomer(CustomerId customerId) {
        return table.select(i -> i.customerId().equals(customerId) && i.status().isOpen(), OLDEST_DUE_FIRST);
    }

    @Override
    public List<Invoice> findOpenDueBefore(LocalDate dueBefore, @Nullable InvoiceId after, int limit) {
        return keyset(i -> i.status().isOpen() && i.dueDate().isBefore(dueBefore), after, limit);
    }

    @Override
    public Page<Invoice> search(InvoiceQuery query, PageRequest page) {
        return Page.of(table.select(query::matches, BY_ISSUE_DATE_THEN_ID), page);
    }

    @Override
    public List<Invoice> findWithoutDocument(LocalDate issuedFrom, @Nullable InvoiceId after, int limit) {
        return keyset(i -> i.documentKey() == null && !i.issueDate().isBefore(issuedFrom), after, limit);
    }

    @Override
    public int attachDocuments(Map<InvoiceId, DocumentKey> keys) {
        // under the table's lock nobody writes in between, so the versions read here are current
        return table.locked(() -> {
            int recorded = 0;
            for (var entry : keys.entrySet()) {
                Invoice invoice = table.get(entry.getKey()).orElse(null);
                if (invoice != null && invoice.documentKey() == null) {
                    table.save(invoice.attachDocument(entry.getValue()));
                    recorded++;
                }
            }
            return recorded;
        });
    }

    /** Up to {@code limit} matching invoices with an id after {@code after} (all when null), by id. */
    private List<Invoice> keyset(Predicate<Invoice> filter, @Nullable InvoiceId after, int limit) {
        var violations = new Violations();
        violations.require(limit >= 1, "limit", limit, "must be at least 1");
        violations.throwIfAny();
        return table
                .select(
                        i -> filter.test(i) && (after == null || Ids.ORDER.compare(i.id().value(), after.value()) > 0),
                        BY_ID)
                .stream()
                .limit(limit)
                .toList();
    }
}
