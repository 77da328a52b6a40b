package org.wispcrm.jpa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.invoice.InvoiceRepository;
import org.wispcrm.core.invoice.InvoiceStatus;

/**
 * Invoices in {@code invoices}, their lines in {@code invoice_lines}. The unique billing key (one invoice per
 * customer and period start) and number make billing idempotent across re-runs, hosts and crashes.
 */
final class JpaInvoiceRepository implements InvoiceRepository {
    private static final List<InvoiceStatus> OPEN = List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);

    private final JpaTransactionRunner tx;
    private final Database database;

    JpaInvoiceRepository(JpaTransactionRunner tx, Database database) {
        this.tx = tx;
        this.database = database;
    }

    @Override
    public Invoice save(Invoice invoice) {
        if (invoice.status() == InvoiceStatus.DRAFT) {
            throw WispCrmException.invalid("status", invoice.status(), "a draft invoice is never saved");
        }
        return tx.call(em -> {
            long version = Versioned.save(
                    em,
                    InvoiceEntity.class,
                    invoice.id().value(),
                    invoice.version(),
                    "Invoice",
                    () -> InvoiceEntity.of(invoice),
                    row -> row.copyState(invoice));
            return invoice.withVersion(version);
        });
    }

    @Override
    public Optional<Invoice> findById(InvoiceId id) {
        return tx.call(em ->
                Optional.ofNullable(em.find(InvoiceEntity.class, id.value())).map(InvoiceEntity::toDomain));
    }

    @Override
    public Optional<Invoice> findByNumber(InvoiceNumber number) {
        return tx.call(em -> em.createQuery(
                        "select e from InvoiceEntity e where e.series = :series and e.sequenceNumber = :sequence",
                        InvoiceEntity.class)
                .setParameter("series", number.series())
                .setParameter("sequence", number.sequence())
                .getResultStream()
                .findFirst()
                .map(InvoiceEntity::toDomain));
    }

    @Override
    public Optional<Invoice> findByBillingKey(String billingKey) {
        return tx.call(
                em -> em.createQuery("select e from InvoiceEntity e where e.billingKey = :key", InvoiceEntity.class)
                        .setParameter("key", billingKey)
                        .getResultStream()
                        .findFirst()
                        .map(InvoiceEntity::toDomain));
    }

    /**
     * One query per thousand keys, through the unique index (see {@link JpaTransactionRunner#lookUpByIndex}); on
     * PostgreSQL the keys go as one array parameter ({@code = ANY(?)}). The invoices' lines are read through their
     * primary key as well.
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<Invoice> findByBillingKeys(Collection<String> billingKeys) {
        var keys = billingKeys.stream().distinct().toList();
        var found = new ArrayList<Invoice>();
        for (int from = 0; from < keys.size(); from += Queries.MAX_IN) {
            var part = keys.subList(from, Math.min(keys.size(), from + Queries.MAX_IN));
            found.addAll(tx.call(em -> {
                List<InvoiceEntity> rows = tx.lookUpByIndex(
                        em,
                        () -> database == Database.POSTGRESQL
                                ? em.createNativeQuery(
                                                "SELECT * FROM invoices WHERE billing_key = ANY(?1)",
                                                InvoiceEntity.class)
                                        .setParameter(1, part.toArray(String[]::new))
                                        .setHint(HibernateHints.HINT_READ_ONLY, true)
                                        .getResultList()
                                : em.createQuery(
                                                "select e from InvoiceEntity e where e.billingKey in :keys",
                                                InvoiceEntity.class)
                                        .setParameter("keys", part)
                                        .setHint(HibernateHints.HINT_READ_ONLY, true)
                                        .getResultList());
                // lines load lazily (in batches by invoice id), so they are read through the index too
                return tx.lookUpByIndex(
                        em, () -> rows.stream().map(InvoiceEntity::toDomain).toList());
            }));
        }
        return found;
    }

    @Override
    public List<Invoice> findByCustomer(CustomerId customerId) {
        return tx.call(em -> em
                .createQuery(
                        "select e from InvoiceEntity e where e.customerId = :id order by e.issueDate, e.id",
                        InvoiceEntity.class)
                .setParameter("id", customerId.value())
                .getResultList()
                .stream()
                .map(InvoiceEntity::toDomain)
                .toList());
    }

    @Override
    public List<Invoice> findOpenByCustomer(CustomerId customerId) {
        return tx.call(em -> em
                .createQuery(
                        "select e from InvoiceEntity e where e.customerId = :id and e.status in :open"
                                + " order by e.dueDate, e.id",
                        InvoiceEntity.class)
                .setParameter("id", customerId.value())
                .setParameter("open", OPEN)
                .getResultList()
                .stream()
                .map(InvoiceEntity::toDomain)
                .toList());
    }

    @Override
    public List<Invoice> findOpenDueBefore(LocalDate dueBefore, @Nullable InvoiceId after, int limit) {
        return keyset(
                "e.status in :open and e.dueDate < :dueBefore",
                Map.of("open", OPEN, "dueBefore", dueBefore),
                "e.id",
                after,
                limit);
    }

    @Override
    public List<Invoice> findWithoutDocument(LocalDate issuedFrom, @Nullable InvoiceId after, int limit) {
        // All matches have a null key, so both orders are the same; but H2 reads its (document_key, id) index in order
        // and stops after a page only when told to order by both, and otherwise reads and sorts every remaining row
        // (quadratic in the month). PostgreSQL's index is partial, on id alone; MariaDB reads (document_key, id) in
        // order either way.
        String order = database == Database.H2 ? "e.documentKey, e.id" : "e.id";
        return keyset(
                "e.documentKey is null and e.issueDate >= :from", Map.of("from", issuedFrom), order, after, limit);
    }

    /**
     * Up to {@code limit} invoices matching {@code condition} with an id after {@code after} (all when null), by id
     * ({@code orderBy} must sort as the id does over the matches), read in index order (see
     * {@link JpaTransactionRunner#readInIndexOrder}), their lines by the lines' primary key (see
     * {@link JpaTransactionRunner#lookUpByIndex}).
     */
    private List<Invoice> keyset(
            String condition, Map<String, Object> parameters, String orderBy, @Nullable InvoiceId after, int limit) {
        if (limit < 1) {
            throw WispCrmException.invalid("limit", limit, "must be at least 1");
        }
        String jpql = "select e from InvoiceEntity e where " + condition + (after == null ? "" : " and e.id > :after")
                + " order by " + orderBy;
        return tx.call(em -> {
            tx.readInIndexOrder(em);
            var query = em.createQuery(jpql, InvoiceEntity.class).setHint(HibernateHints.HINT_READ_ONLY, true);
            parameters.forEach(query::setParameter);
            if (after != null) {
                query.setParameter("after", after.value());
            }
            // Lines load lazily, in batches by invoice id, while mapping. Right after a billing run invoice_lines has
            // no statistics, and PostgreSQL answered each batch with a scan of the whole table (5 to 47 ms a batch
            // at 60,000 lines, two batches a page, growing with the month); through its primary key, 0.2 ms.
            List<InvoiceEntity> rows = query.setMaxResults(limit).getResultList();
            return tx.lookUpByIndex(
                    em, () -> rows.stream().map(InvoiceEntity::toDomain).toList());
        });
    }

    /**
     * One JDBC batch of conditional updates: recording a key is a plain column write with the version bumped, so
     * loading and dirty-checking the invoices (what a save does) would only cost time.
     */
    @Override
    public int attachDocuments(Map<InvoiceId, DocumentKey> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        return tx.call(em -> em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (var update = connection.prepareStatement("UPDATE invoices SET document_key = ?, version = version + 1"
                    + " WHERE id = ? AND document_key IS NULL")) {
                for (var entry : keys.entrySet()) {
                    update.setString(1, entry.getValue().value());
                    database.bindUuid(update, 2, entry.getKey().value());
                    update.addBatch();
                }
                int recorded = 0;
                for (int count : update.executeBatch()) {
                    // a driver that batches without counts (SUCCESS_NO_INFO) is not counted
                    recorded += Math.max(count, 0);
                }
                return recorded;
            }
        }));
    }

    @Override
    public Page<Invoice> search(InvoiceQuery query, PageRequest page) {
        return tx.call(em -> Queries.from("InvoiceEntity")
                .where(
                        "e.customerId = :customerId",
                        "customerId",
                        query.customerId() == null ? null : query.customerId().value())
                .where("e.status = :status", "status", query.status())
                .where("e.issueDate >= :from", "from", query.issuedFrom())
                .where("e.issueDate < :before", "before", query.issuedBefore())
                .page(em, InvoiceEntity.class, "e.issueDate, e.id", page, InvoiceEntity::toDomain));
    }
}
