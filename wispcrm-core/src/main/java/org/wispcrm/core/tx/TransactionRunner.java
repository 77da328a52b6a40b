package org.wispcrm.core.tx;

import java.util.function.Supplier;

/**
 * Runs work as one unit: every repository, sequence and outbox call made inside it commits together, or, if the
 * work throws, none of it does (and the exception propagates). Calls nest: an inner call joins the outer unit.
 */
public interface TransactionRunner {

    /** Runs the work in a unit of work and returns its result. */
    <T> T inTransaction(Supplier<T> work);

    /** Runs the work in a unit of work. */
    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Whether the calling thread is inside a unit of work. A unit belongs to its thread: work handed to another
     * thread does not join it, so a caller that would spread work over threads keeps it on its own thread instead.
     */
    boolean inUnitOfWork();
}
