package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.plan.Plan;

/**
 * What every persistence kit shares: a fresh, empty store per test from {@link #newPersistence()}, released
 * afterwards by {@link #release(Persistence)}, and helpers to create the parent rows a store with foreign keys
 * needs.
 */
public abstract class PersistenceKit {
    /** The store under test, new for each test. */
    protected Persistence store;

    /** Creates the kit; subclasses supply the store. */
    protected PersistenceKit() {}

    /** An empty store, with every port of one adapter. Called once before each test. */
    protected abstract Persistence newPersistence();

    /** Frees what {@link #newPersistence()} took (connections, schemas); does nothing by default. */
    protected void release(Persistence persistence) {}

    @BeforeEach
    final void openStore() {
        store = newPersistence();
    }

    @AfterEach
    final void closeStore() {
        release(store);
    }

    /** A saved customer with a fresh code. */
    protected Customer savedCustomer() {
        return store.customers().save(Fixtures.customer());
    }

    /** A saved plan with a fresh name. */
    protected Plan savedPlan() {
        return store.plans().save(Fixtures.plan());
    }

    /** Asserts that the call fails with a {@link WispCrmException} of the given code. */
    protected static void assertFailsWith(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
