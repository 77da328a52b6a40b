package org.wispcrm.core.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.tx.TransactionRunner;

/**
 * Units of work over the in-memory store. Units are serialized by one lock, which is simple and correct for a
 * store in one process: a unit sees no one else's uncommitted changes and nobody sees its own until it ends. Every
 * in-memory adapter call takes the same lock (as a unit of its own, or joining the caller's), so a call outside
 * any unit applies at once (auto-commit). Each write inside a unit registers how to undo it; if the work throws,
 * the undo log runs backwards and the exception propagates. Nested calls join the outer unit.
 *
 * <p>Because of the lock, work inside a unit must not wait for another thread that itself uses the store.
 */
public final class InMemoryTransactionRunner implements TransactionRunner {
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<@Nullable UnitOfWork> current = new ThreadLocal<>();

    /** Creates a runner; {@link InMemoryPersistence} makes the one its adapters share. */
    InMemoryTransactionRunner() {}

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get();
        }
        lock.lock();
        var unit = new UnitOfWork();
        current.set(unit);
        try {
            return work.get();
        } catch (Throwable failure) {
            unit.rollback(failure);
            throw failure;
        } finally {
            current.remove();
            lock.unlock();
        }
    }

    @Override
    public boolean inUnitOfWork() {
        return current.get() != null;
    }

    /** Registers how to undo a write just made; must be called inside a unit (adapters always are). */
    void onRollback(Runnable undo) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("in-memory writes must run inside a unit of work");
        }
        unit.undoLog.add(undo);
    }

    private static final class UnitOfWork {
        private final List<Runnable> undoLog = new ArrayList<>();

        void rollback(Throwable failure) {
            for (int i = undoLog.size() - 1; i >= 0; i--) {
                try {
                    undoLog.get(i).run();
                } catch (RuntimeException e) {
                    failure.addSuppressed(e);
                }
            }
            undoLog.clear();
        }
    }
}
