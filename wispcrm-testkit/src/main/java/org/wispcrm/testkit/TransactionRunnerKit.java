package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.testkit.Fixtures.TODAY;
import static org.wispcrm.testkit.Fixtures.charge;
import static org.wispcrm.testkit.Fixtures.customer;
import static org.wispcrm.testkit.Fixtures.later;
import static org.wispcrm.testkit.Fixtures.notification;
import static org.wispcrm.testkit.Fixtures.plan;
import static org.wispcrm.testkit.Fixtures.repairOrder;
import static org.wispcrm.testkit.Fixtures.subscription;
import static org.wispcrm.testkit.Fixtures.ticket;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerStatus;

/**
 * Compatibility kit for {@link org.wispcrm.core.tx.TransactionRunner} together with the ports of the same
 * {@link org.wispcrm.core.Persistence}: what a unit of work writes through any of them commits together, or, if the
 * work throws, none of it does and the same exception reaches the caller; inner units join the outer one.
 */
public abstract class TransactionRunnerKit extends PersistenceKit {

    /** Creates the kit. */
    protected TransactionRunnerKit() {}

    @Test
    void aUnitCommitsEveryChangeAndReturnsTheWorksResult() {
        var customer = customer();

        var saved = store.transactions().inTransaction(() -> {
            var c = store.customers().save(customer);
            store.invoiceNumbers().next("FE");
            store.outbox().enqueue(notification(c.id(), "k-commit"));
            return c;
        });

        assertThat(saved.version()).isEqualTo(1);
        assertThat(store.customers().findById(customer.id())).contains(saved);
        assertThat(store.invoiceNumbers().current("FE")).isEqualTo(1);
        assertThat(store.outbox().findByIdempotencyKey("k-commit")).isPresent();
    }

    @Test
    void theRunnableFormCommitsToo() {
        var customer = customer();

        store.transactions().inTransaction(() -> {
            store.customers().save(customer);
        });

        assertThat(store.customers().findById(customer.id())).isPresent();
    }

    @Test
    void aFailingUnitUndoesInsertsAndUpdatesInEveryPortAndRethrowsTheSameException() {
        var existing = savedCustomer();
        var existingPlan = savedPlan();
        var existingCharge = store.charges().save(charge(existing.id(), TODAY, 10_000, "ref-existing"));
        store.invoiceNumbers().next("FE");
        var failure = new IllegalStateException("PDF renderer crashed");
        var newCustomer = customer();
        var newPlan = plan("Plan en transaccion", 70_000);
        var newSubscription = subscription(existing.id(), existingPlan.id());
        var newOrder = repairOrder(existing.id());
        var newTicket = ticket(existing.id(), null);
        var newCharge = charge(existing.id(), TODAY, 5_000, "ref-new");
        var newMessage = notification(existing.id(), "k-rollback");

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.customers().save(existing.suspend(later(1)));
                    store.customers().save(newCustomer);
                    store.plans().save(existingPlan.retire());
                    store.plans().save(newPlan);
                    store.subscriptions().save(newSubscription);
                    store.serviceOrders().save(newOrder);
                    store.tickets().save(newTicket);
                    store.charges().save(existingCharge.billedBy(org.wispcrm.core.common.InvoiceId.newId()));
                    store.charges().save(newCharge);
                    assertThat(store.invoiceNumbers().next("FE")).isEqualTo(2);
                    store.outbox().enqueue(newMessage);
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(store.customers().findById(existing.id())).contains(existing);
        assertThat(store.customers().findById(newCustomer.id())).isEmpty();
        assertThat(store.customers().findByCode(newCustomer.code())).isEmpty();
        assertThat(store.plans().findById(existingPlan.id())).contains(existingPlan);
        assertThat(store.plans().findById(newPlan.id())).isEmpty();
        assertThat(store.subscriptions().findById(newSubscription.id())).isEmpty();
        assertThat(store.serviceOrders().findById(newOrder.id())).isEmpty();
        assertThat(store.tickets().findById(newTicket.id())).isEmpty();
        assertThat(store.charges().findById(existingCharge.id())).contains(existingCharge);
        assertThat(store.charges().findById(newCharge.id())).isEmpty();
        assertThat(store.charges().findBySourceReference("ref-new")).isEmpty();
        assertThat(store.invoiceNumbers().current("FE")).isEqualTo(1);
        assertThat(store.outbox().findByIdempotencyKey("k-rollback")).isEmpty();
    }

    @Test
    void afterARollbackTheStoreIsUsableAndFreedKeysCanBeTaken() {
        var customer = customer();
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.customers().save(customer);
                    throw new IllegalArgumentException("no");
                }))
                .isInstanceOf(IllegalArgumentException.class);

        var again = store.customers().save(customer);

        assertThat(again.version()).isEqualTo(1);
        assertThat(store.customers().findByCode(customer.code())).contains(again);
    }

    @Test
    void aRolledBackUpdateRestoresTheUniqueKeysItChanged() {
        var ana = savedCustomer();
        var fee = store.charges().save(charge(ana.id(), TODAY, 15_000, "late-fee:FE-000001"));

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.customers()
                            .save(new Customer(
                                    ana.id(),
                                    "CLI-RENAMED",
                                    ana.profile(),
                                    ana.status(),
                                    ana.createdAt(),
                                    ana.updatedAt(),
                                    ana.version()));
                    store.charges()
                            .save(new org.wispcrm.core.charge.Charge(
                                    fee.id(),
                                    fee.customerId(),
                                    null,
                                    fee.kind(),
                                    fee.description(),
                                    fee.amount(),
                                    fee.taxCategory(),
                                    fee.chargeDate(),
                                    "late-fee:FE-000002",
                                    null,
                                    fee.version()));
                    throw new IllegalStateException("undo the renames");
                }))
                .hasMessage("undo the renames");

        assertThat(store.customers().findByCode(ana.code())).contains(ana);
        assertThat(store.customers().findByCode("CLI-RENAMED")).isEmpty();
        assertThat(store.charges().findBySourceReference("late-fee:FE-000001")).contains(fee);
        assertThat(store.charges().findBySourceReference("late-fee:FE-000002")).isEmpty();
        // the old keys are still taken, the new ones are free
        assertFailsWith(
                org.wispcrm.core.common.ErrorCode.DUPLICATE,
                () -> store.customers().save(customer(ana.code(), "Otra Persona")));
        assertThat(store.customers()
                        .save(customer("CLI-RENAMED", "Otra Persona"))
                        .version())
                .isEqualTo(1);
        assertThat(store.charges()
                        .save(charge(ana.id(), TODAY, 15_000, "late-fee:FE-000002"))
                        .version())
                .isEqualTo(1);
    }

    @Test
    void anInnerUnitJoinsTheOuterOneAndRollsBackWithIt() {
        var inner = customer();
        var outer = customer();

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.customers().save(outer);
                    store.transactions().inTransaction(() -> store.customers().save(inner));
                    throw new IllegalStateException("outer fails after the inner unit finished");
                }))
                .hasMessage("outer fails after the inner unit finished");

        assertThat(store.customers().findById(inner.id())).isEmpty();
        assertThat(store.customers().findById(outer.id())).isEmpty();
    }

    @Test
    void anExceptionFromAnInnerUnitRollsBackEverythingWhenItPropagates() {
        var outer = customer();
        var failure = new UnsupportedOperationException("inner fails");

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.customers().save(outer);
                    store.transactions().inTransaction(() -> {
                        store.invoiceNumbers().next("FE");
                        throw failure;
                    });
                }))
                .isSameAs(failure);

        assertThat(store.customers().findById(outer.id())).isEmpty();
        assertThat(store.invoiceNumbers().current("FE")).isZero();
    }

    @Test
    void nestedUnitsCommitWhenTheOuterOneDoes() {
        var outer = customer();
        var inner = customer();

        var result = store.transactions().inTransaction(() -> {
            store.customers().save(outer);
            return store.transactions().inTransaction(() -> store.customers().save(inner));
        });

        assertThat(result.version()).isEqualTo(1);
        assertThat(store.customers().findById(outer.id())).isPresent();
        assertThat(store.customers().findById(inner.id())).contains(result);
    }

    @Test
    @Timeout(60)
    void aUnitBelongsToItsThreadAndEndsWithTheWork() throws Exception {
        var runner = store.transactions();
        assertThat(runner.inUnitOfWork()).isFalse();

        var seen = runner.inTransaction(() -> {
            boolean inner = runner.inTransaction(runner::inUnitOfWork);
            boolean otherThread =
                    CompletableFuture.supplyAsync(runner::inUnitOfWork).join();
            return List.of(runner.inUnitOfWork(), inner, otherThread);
        });
        assertThatThrownBy(() -> runner.inTransaction(() -> {
                    throw new IllegalStateException("work failed");
                }))
                .hasMessage("work failed");

        assertThat(seen).containsExactly(true, true, false);
        assertThat(runner.inUnitOfWork()).isFalse();
    }

    @Test
    void aFailedOptimisticLockInsideAUnitRollsBackItsEarlierWrites() {
        var customer = savedCustomer();
        var newer = store.customers().save(customer.suspend(later(1)));
        var ticket = ticket(customer.id(), null);

        assertFailsWith(
                org.wispcrm.core.common.ErrorCode.CONCURRENT_MODIFICATION,
                () -> store.transactions().inTransaction(() -> {
                    store.tickets().save(ticket);
                    return store.customers().save(customer.deactivate(later(2)));
                }));

        assertThat(store.tickets().findById(ticket.id())).isEmpty();
        assertThat(store.customers().findById(customer.id())).contains(newer);
        assertThat(newer.status()).isEqualTo(CustomerStatus.SUSPENDED);
    }

    @Test
    @Timeout(60)
    void otherThreadsNeverSeeUncommittedChanges() throws Exception {
        var customer = customer();
        var sawUncommitted = new AtomicBoolean();

        store.transactions().inTransaction(() -> {
            store.customers().save(customer);
            // a store may make the reader wait for the unit (locking) or show it the last committed state
            // (MVCC); either way the reader must not see the unsaved customer while the unit is open
            CompletableFuture<Optional<Customer>> reader =
                    CompletableFuture.supplyAsync(() -> store.customers().findById(customer.id()));
            try {
                sawUncommitted.set(reader.get(300, TimeUnit.MILLISECONDS).isPresent());
            } catch (TimeoutException blocked) {
                // the store serializes: fine
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(sawUncommitted).isFalse();
        assertThat(store.customers().findById(customer.id())).isPresent();
    }
}
