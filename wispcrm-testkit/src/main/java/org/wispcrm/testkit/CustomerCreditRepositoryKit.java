package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.testkit.BillingFixtures.at;
import static org.wispcrm.testkit.BillingFixtures.uuid;
import static org.wispcrm.testkit.Fixtures.cop;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.CreditMovementId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.payment.CreditMovement;
import org.wispcrm.core.payment.CreditMovementKind;
import org.wispcrm.core.payment.CustomerCredit;

/**
 * Compatibility kit for {@link org.wispcrm.core.payment.CustomerCreditRepository}: one balance row per customer under
 * the optimistic-lock contract (a second insert is {@code DUPLICATE}), and an append-only ledger ordered by date,
 * creation time, then id.
 */
public abstract class CustomerCreditRepositoryKit extends PersistenceKit {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    /** Creates the kit. */
    protected CustomerCreditRepositoryKit() {}

    @Test
    void balanceIsInsertedThenUpdatedUnderTheLock() {
        var customer = savedCustomer();
        var v1 = store.customerCredits()
                .save(CustomerCredit.none(customer.id(), cop(0).getCurrency()).add(cop(22_650)));
        var v2 = store.customerCredits().save(v1.use(cop(20_000)));

        assertThat(v1.version()).isEqualTo(1);
        assertThat(store.customerCredits().findByCustomer(customer.id())).contains(v2);
        assertThat(v2.balance()).isEqualTo(cop(2_650));
        assertThat(v2.version()).isEqualTo(2);
        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION, () -> store.customerCredits().save(v1.use(cop(1))));
        assertFailsWith(
                ErrorCode.DUPLICATE,
                () -> store.customerCredits().save(CustomerCredit.none(customer.id(), cop(0).getCurrency())));
        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION,
                () -> store.customerCredits()
                        .save(new CustomerCredit(savedCustomer().id(), cop(5), 4)));
        assertThat(store.customerCredits().findByCustomer(customer.id())).contains(v2);
        assertThat(store.customerCredits().findByCustomer(CustomerId.newId())).isEmpty();
    }

    @Test
    void movementsAreAppendedAndListedByDateCreationAndId() {
        var customer = savedCustomer();
        var other = savedCustomer();
        var late = movement(uuid("00000001"), customer.id(), NOV_1.plusDays(5), at(1), 10_000);
        var sameTimeHigh = movement(uuid("80000000"), customer.id(), NOV_1, at(5), -3_000);
        var sameTimeLow = movement(uuid("7fffffff"), customer.id(), NOV_1, at(5), 2_000);
        var earliest = movement(uuid("ffffffff"), customer.id(), NOV_1, at(2), 1_000);
        for (var m : new CreditMovement[] {late, sameTimeHigh, sameTimeLow, earliest}) {
            store.customerCredits().addMovement(m);
        }
        store.customerCredits().addMovement(movement(uuid("00000002"), other.id(), NOV_1, at(1), 9_000));

        assertThat(store.customerCredits().findMovements(customer.id()))
                .containsExactly(earliest, sameTimeLow, sameTimeHigh, late);
        assertFailsWith(ErrorCode.DUPLICATE, () -> store.customerCredits().addMovement(late));
        assertThat(store.customerCredits().findMovements(customer.id())).hasSize(4);
        assertThat(store.customerCredits().findMovements(CustomerId.newId())).isEmpty();
        var found = store.customerCredits().findMovements(other.id()).get(0);
        assertThat(found.kind()).isEqualTo(CreditMovementKind.OVERPAYMENT);
        assertThat(found.reference()).isEqualTo("payment:REF-1");
        assertThat(found.amount()).isEqualTo(cop(9_000));
    }

    private static CreditMovement movement(
            java.util.UUID id, CustomerId customerId, LocalDate date, java.time.Instant createdAt, long pesos) {
        return new CreditMovement(
                new CreditMovementId(id),
                customerId,
                pesos > 0 ? CreditMovementKind.OVERPAYMENT : CreditMovementKind.APPLIED_TO_INVOICE,
                cop(pesos),
                date,
                pesos > 0 ? "payment:REF-1" : "FE-000001",
                createdAt);
    }
}
