package org.wispcrm.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.tx.TransactionRunner;

/**
 * Units of work over an {@link EntityManager} bound to the current thread. The outermost call opens an entity
 * manager and a resource-local transaction, binds them to the thread, runs the work, flushes and commits (or rolls
 * back if the work throws); nested calls join it. Repositories use the bound entity manager, or run in their own
 * short transaction when called outside a unit.
 *
 * <p>A persistence failure inside a unit (a duplicate key, a lost optimistic lock) leaves Hibernate's session
 * unusable, so the unit is marked failed: if the work catches the error and returns normally, the unit still rolls
 * back and the first failure is thrown from {@link #inTransaction(Supplier)}.
 */
final class JpaTransactionRunner implements TransactionRunner {
    private final EntityManagerFactory factory;
    private final Database database;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    JpaTransactionRunner(EntityManagerFactory factory, Database database) {
        this.factory = factory;
        this.database = database;
    }

    private static final class Unit {
        final EntityManager em;
        final Map<Class<?>, BeforeCommit> locals = new LinkedHashMap<>();

        @Nullable
        WispCrmException failure;

        Unit(EntityManager em) {
            this.em = em;
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return inNewUnit(unit -> work.get());
    }

    /**
     * Work a repository defers to the end of the unit (writing back what it kept in memory), run with the unit's
     * entity manager after the unit's work and before it commits; skipped if the unit rolls back.
     */
    interface BeforeCommit {
        /** Writes what was deferred; a failure rolls the unit back. */
        void beforeCommit(EntityManager em);
    }

    /**
     * The current unit's instance of a per-unit helper, created on first use; its {@link BeforeCommit} runs when the
     * unit commits. Only valid inside {@link #call(Function)}.
     */
    <T extends BeforeCommit> T local(Class<T> type, Supplier<T> create) {
        Unit unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("no unit of work on this thread");
        }
        return type.cast(unit.locals.computeIfAbsent(type, t -> create.get()));
    }

    /**
     * Runs a lookup of many rows by an indexed key (the rows of a chunk's customers, invoices by billing key) so that
     * PostgreSQL finds them through the index. Two things go wrong otherwise, both on the tables a billing run grows
     * and most on a new database, whose new rows have no statistics yet: a generic plan cached while the table was
     * small scans the whole table on every chunk, and even a fresh plan prefers a whole-table scan to some hundreds
     * of index probes until the table is several times larger than the chunk (the default cost model prices a probe
     * as a disk seek). Either way a run costs time quadratic in its size. So, on PostgreSQL, the lookup is planned
     * for its actual parameters with whole-table scans priced out ({@code SET LOCAL plan_cache_mode =
     * force_custom_plan, enable_seqscan = off}), and both settings go back to the session's defaults right after it:
     * the unit's inserts keep their cached plans. Elsewhere it just runs the lookup. Only valid inside
     * {@link #call(Function)}.
     */
    <T> T lookUpByIndex(EntityManager em, Supplier<T> lookup) {
        if (database != Database.POSTGRESQL || current.get() == null) {
            return lookup.get();
        }
        execute(em, "SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL enable_seqscan = off");
        T rows = lookup.get();
        // not in a finally block: after a failed statement PostgreSQL refuses every statement until rollback
        execute(em, "SET LOCAL plan_cache_mode TO DEFAULT; SET LOCAL enable_seqscan TO DEFAULT");
        return rows;
    }

    /**
     * On PostgreSQL, has the server read the rest of the current unit's queries in index order rather than
     * collecting every match and sorting it ({@code SET LOCAL enable_bitmapscan = off}): what a keyset cursor needs
     * ({@code WHERE id > ? ORDER BY id LIMIT n}). Right after a billing run the new rows have no statistics yet, and
     * the planner, guessing few matches, would fetch and sort all of them for every page. Elsewhere it does nothing.
     * Only valid inside {@link #call(Function)}.
     */
    void readInIndexOrder(EntityManager em) {
        if (database != Database.POSTGRESQL || current.get() == null) {
            return;
        }
        execute(em, "SET LOCAL enable_bitmapscan = off");
    }

    /** Runs one statement on the unit's connection. */
    private static void execute(EntityManager em, String sql) {
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
    }

    @Override
    public boolean inUnitOfWork() {
        return current.get() != null;
    }

    /**
     * Runs a persistence operation with the thread's entity manager (joining its unit) or in a short unit of its
     * own; every failure but a {@link WispCrmException} the operation throws on purpose is translated.
     */
    <T> T call(Function<EntityManager, T> operation) {
        Unit unit = current.get();
        if (unit != null) {
            return guarded(unit, operation);
        }
        return inNewUnit(u -> guarded(u, operation));
    }

    private <T> T guarded(Unit unit, Function<EntityManager, T> operation) {
        try {
            return operation.apply(unit.em);
        } catch (WispCrmException e) {
            if (e.getCause() != null && unit.failure == null) {
                unit.failure = e; // a translated database failure: the session cannot go on
            }
            throw e;
        } catch (RuntimeException e) {
            WispCrmException typed = PersistenceErrors.translate(e);
            if (unit.failure == null) {
                unit.failure = typed;
            }
            throw typed;
        }
    }

    private <T> T inNewUnit(Function<Unit, T> body) {
        EntityManager em;
        try {
            em = factory.createEntityManager();
        } catch (RuntimeException e) {
            throw PersistenceErrors.translate(e);
        }
        var unit = new Unit(em);
        current.set(unit);
        try {
            var tx = em.getTransaction();
            try {
                tx.begin();
                if (database == Database.MARIADB) {
                    readCommitted(em);
                }
            } catch (RuntimeException e) {
                rollbackQuietly(em, e);
                throw PersistenceErrors.translate(e);
            }
            T result;
            try {
                result = body.apply(unit);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(em, e);
                throw e;
            }
            if (unit.failure != null) {
                rollbackQuietly(em, unit.failure);
                throw unit.failure;
            }
            try {
                for (BeforeCommit deferred : unit.locals.values()) {
                    deferred.beforeCommit(em);
                }
                tx.commit();
            } catch (RuntimeException e) {
                WispCrmException typed = PersistenceErrors.translate(e);
                rollbackQuietly(em, typed);
                throw typed;
            }
            return result;
        } finally {
            current.remove();
            try {
                em.close();
            } catch (RuntimeException ignored) {
                // closing a broken session must not hide the unit's outcome
            }
        }
    }

    /**
     * InnoDB's default REPEATABLE READ takes gap locks on every range a locking read or update scans, so concurrent
     * outbox claims and billing runs deadlock on each other's gaps. Units run at READ COMMITTED instead (what
     * PostgreSQL and H2 use by default); the number sequence and optimistic locks do not depend on the snapshot.
     * Set after {@code begin()}, which only turns autocommit off: the transaction starts with the next statement.
     */
    private static void readCommitted(EntityManager em) {
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            if (connection.getTransactionIsolation() != java.sql.Connection.TRANSACTION_READ_COMMITTED) {
                connection.setTransactionIsolation(java.sql.Connection.TRANSACTION_READ_COMMITTED);
            }
        });
    }

    private static void rollbackQuietly(EntityManager em, Throwable cause) {
        try {
            var tx = em.getTransaction();
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
