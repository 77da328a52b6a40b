package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.testkit.BillingFixtures.at;
import static org.wispcrm.testkit.BillingFixtures.uuid;
import static org.wispcrm.testkit.Fixtures.cop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
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
 * creation time, then id. The bulk {@code findByCustomers} finds each balance once, for more customers than one query
 * binds.
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

    @Test
    void findByCustomersReturnsEachStoredBalanceOnceInItsCurrency() {
        var ana = savedCustomer();
        var beto = savedCustomer();
        var carla = savedCustomer();
        var anaV1 = store.customerCredits()
                .save(CustomerCredit.none(ana.id(), cop(0).getCurrency()).add(cop(22_650)));
        var anaV2 = store.customerCredits().save(anaV1.use(cop(2_650)));
        var usd = Monetary.getCurrency("USD");
        var betoCredit = store.customerCredits()
                .save(CustomerCredit.none(beto.id(), usd).add(Money.of(new BigDecimal("12.75"), usd)));

        var found = store.customerCredits()
                .findByCustomers(List.of(ana.id(), carla.id(), beto.id(), CustomerId.newId(), ana.id(), beto.id()));

        // Carla never had credit and the unknown id has no customer: both are left out, not zero balances
        assertThat(found).containsExactlyInAnyOrder(anaV2, betoCredit);
        var betoFound = found.stream()
                .filter(c -> c.customerId().equals(beto.id()))
                .findFirst()
                .orElseThrow();
        assertThat(betoFound.balance().getCurrency()).isEqualTo(usd);
        assertThat(betoFound.balance().getNumber().numberValue(BigDecimal.class))
                .isEqualByComparingTo("12.75");
        assertThat(found.stream()
                        .filter(c -> c.customerId().equals(ana.id()))
                        .findFirst()
                        .orElseThrow()
                        .balance())
                .isEqualTo(cop(20_000));
        assertThat(store.customerCredits().findByCustomers(Set.of(carla.id()))).isEmpty();
        assertThat(store.customerCredits().findByCustomers(List.of())).isEmpty();
    }

    @Test
    void findByCustomersAnswersForMoreCustomersThanOneQueryBinds() {
        var saved = store.transactions().inTransaction(() -> {
            var credits = new ArrayList<CustomerCredit>();
            for (int i = 0; i < 250; i++) {
                var customer = savedCustomer();
                credits.add(store.customerCredits()
                        .save(CustomerCredit.none(customer.id(), cop(0).getCurrency())
                                .add(cop(1_000L + i))));
            }
            return credits;
        });
        // 1,250 ids, the stored ones spread among unknown ones: more than one IN list, fetch batch or JDBC batch
        var ids = new ArrayList<CustomerId>();
        for (var credit : saved) {
            ids.add(credit.customerId());
            for (int j = 0; j < 4; j++) {
                ids.add(CustomerId.newId());
            }
        }

        var found = store.customerCredits().findByCustomers(ids);

        assertThat(found).hasSize(250).containsExactlyInAnyOrderElementsOf(saved);
    }

    @Test
    void findByCustomersSeesBalancesSavedEarlierInTheSameUnit() {
        var customer = savedCustomer();
        var credit = CustomerCredit.none(customer.id(), cop(0).getCurrency()).add(cop(5_000));

        var found = store.transactions().inTransaction(() -> {
            store.customerCredits().save(credit);
            return store.customerCredits().findByCustomers(List.of(customer.id()));
        });

        assertThat(found).containsExactly(credit.withVersion(1));
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
