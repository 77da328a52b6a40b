package org.wispcrm.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.wispcrm.core.common.WispCrmException;

/** The optimistic-lock save contract of every repository, over Hibernate's {@code @Version}. */
final class Versioned {
    private Versioned() {}

    /**
     * Inserts (domain version 0) or updates the row and returns the new domain version. An update checks the
     * stored version first (a missing row or another version is {@code CONCURRENT_MODIFICATION}) and flushes, so
     * that Hibernate's {@code WHERE version = ?} catches a concurrent writer and the returned version is exact.
     * Inserts are not flushed, so they go out in JDBC batches and a duplicate id fails at the next flush or
     * commit, unless {@code flushInsert} asks to learn at once whether a business key (a payment's reference) is
     * taken, so the caller can tell which record collided. Invoices are not flushed: a billing run inserts a whole
     * chunk in batches and, when the commit fails, bills the chunk again customer by customer to find who
     * collided.
     */
    static <E extends VersionedEntity> long save(
            EntityManager em,
            Class<E> type,
            Object id,
            long domainVersion,
            String entityName,
            Supplier<E> create,
            Consumer<E> update) {
        return save(em, type, id, domainVersion, entityName, create, update, false);
    }

    /** {@link #save(EntityManager, Class, Object, long, String, Supplier, Consumer)}, flushing inserts if asked. */
    static <E extends VersionedEntity> long save(
            EntityManager em,
            Class<E> type,
            Object id,
            long domainVersion,
            String entityName,
            Supplier<E> create,
            Consumer<E> update,
            boolean flushInsert) {
        if (domainVersion == 0) {
            em.persist(create.get());
            if (flushInsert) {
                em.flush();
            }
            return 1;
        }
        E row = em.find(type, id);
        if (row == null || row.domainVersion() != domainVersion) {
            throw WispCrmException.concurrentModification(entityName, id);
        }
        // bulk finders load read-only (no dirty checking of rows that are only read); this row is written
        Session session = em.unwrap(Session.class);
        if (session.isReadOnly(row)) {
            session.setReadOnly(row, false);
        }
        update.accept(row);
        em.flush();
        if (row.domainVersion() == domainVersion) {
            // nothing changed, so Hibernate did not write: still count the save, as the contract says
            em.lock(row, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        return row.domainVersion();
    }
}
