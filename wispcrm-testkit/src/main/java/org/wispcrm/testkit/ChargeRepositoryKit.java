package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.testkit.Fixtures.charge;
import static org.wispcrm.testkit.Fixtures.cop;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.charge.Charge;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.common.ChargeId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.plan.TaxCategory;

/**
 * Compatibility kit for {@link org.wispcrm.core.charge.ChargeRepository}: every field round-trips, a source
 * reference is unique when given (charges without one never collide), the optimistic-lock contract holds, and
 * pending charges come back by customer id, date and id.
 */
public abstract class ChargeRepositoryKit extends PersistenceKit {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    /** Creates the kit. */
    protected ChargeRepositoryKit() {}

    @Test
    void insertKeepsEmptyFieldsEmpty() {
        var customer = savedCustomer();
        var charge = charge(customer.id(), NOV_1, 35_000, null);

        var saved = store.charges().save(charge);

        assertThat(saved.version()).isEqualTo(1);
        var found = store.charges().findById(charge.id()).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.subscriptionId()).isNull();
        assertThat(found.sourceReference()).isNull();
        assertThat(found.billedOn()).isNull();
        assertThat(found.amount()).isEqualTo(cop(35_000));
        assertThat(found.description()).isEqualTo("Cambio de router");
    }

    @Test
    void everyFieldRoundTripsAndBillingIsAnUpdate() {
        var customer = savedCustomer();
        var sub = store.subscriptions()
                .save(Fixtures.subscription(customer.id(), savedPlan().id()));
        var charge = new Charge(
                ChargeId.newId(),
                customer.id(),
                sub.id(),
                ChargeKind.INSTALLATION,
                "Instalación y configuración de equipos",
                cop(120_000),
                TaxCategory.EXEMPT,
                LocalDate.of(2026, 11, 5),
                "order:0193-instalacion",
                null,
                0);
        var v1 = store.charges().save(charge);
        var invoice = InvoiceId.newId();

        var v2 = store.charges().save(v1.billedBy(invoice));

        var found = store.charges().findById(charge.id()).orElseThrow();
        assertThat(found).isEqualTo(v2);
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.billedOn()).isEqualTo(invoice);
        assertThat(found.isPending()).isFalse();
        assertThat(found.subscriptionId()).isEqualTo(sub.id());
        assertThat(found.kind()).isEqualTo(ChargeKind.INSTALLATION);
        assertThat(found.taxCategory()).isEqualTo(TaxCategory.EXEMPT);
        assertThat(found.chargeDate()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(found.sourceReference()).isEqualTo("order:0193-instalacion");
        assertThat(found.amount()).isEqualTo(cop(120_000));
    }

    @Test
    void staleSavesMissingRowsAndRepeatedInsertsFail() {
        var customer = savedCustomer();
        var charge = charge(customer.id(), NOV_1, 20_000, "late-fee:FE-000001");
        var v1 = store.charges().save(charge);
        var v2 = store.charges().save(v1.billedBy(InvoiceId.newId()));

        assertFailsWith(ErrorCode.CONCURRENT_MODIFICATION, () -> store.charges().save(v1.billedBy(InvoiceId.newId())));
        assertFailsWith(ErrorCode.DUPLICATE, () -> store.charges().save(charge));
        var ghost = charge(customer.id(), NOV_1, 1_000, null);
        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION,
                () -> store.charges()
                        .save(new Charge(
                                ghost.id(),
                                ghost.customerId(),
                                null,
                                ghost.kind(),
                                ghost.description(),
                                ghost.amount(),
                                ghost.taxCategory(),
                                ghost.chargeDate(),
                                null,
                                null,
                                1)));

        assertThat(store.charges().findById(charge.id())).contains(v2);
        assertThat(store.charges().findById(ghost.id())).isEmpty();
    }

    @Test
    void sourceReferenceIsUniqueWhenGiven() {
        var customer = savedCustomer();
        var first = store.charges().save(charge(customer.id(), NOV_1, 15_000, "late-fee:FE-000042"));

        assertFailsWith(
                ErrorCode.DUPLICATE,
                () -> store.charges().save(charge(customer.id(), NOV_1.plusDays(1), 15_000, "late-fee:FE-000042")));
        var withoutReference1 = store.charges().save(charge(customer.id(), NOV_1, 5_000, null));
        var withoutReference2 = store.charges().save(charge(customer.id(), NOV_1, 5_000, null));

        assertThat(store.charges().findBySourceReference("late-fee:FE-000042")).contains(first);
        assertThat(store.charges().findBySourceReference("late-fee:FE-000043")).isEmpty();
        assertThat(store.charges().findByCustomer(customer.id()))
                .containsExactlyInAnyOrder(first, withoutReference1, withoutReference2);
        assertThat(store.charges().findById(ChargeId.newId())).isEmpty();
    }

    @Test
    void findPendingReturnsUnbilledChargesUpToTheDateByCustomerDateAndId() {
        var low = store.customers()
                .save(Fixtures.customer(
                        new CustomerId(UUID.fromString("7fffffff-0000-7000-8000-000000000000")), "Ana"));
        var high = store.customers()
                .save(Fixtures.customer(
                        new CustomerId(UUID.fromString("80000000-0000-7000-8000-000000000000")), "Beto"));
        var other = savedCustomer();
        var highLate = store.charges()
                .save(withId(
                        "00000000-0000-7000-8000-000000000001", charge(high.id(), NOV_1.plusDays(4), 4_000, null)));
        var highEarlyB = store.charges()
                .save(withId("f0000000-0000-7000-8000-000000000001", charge(high.id(), NOV_1, 3_000, null)));
        var highEarlyA = store.charges()
                .save(withId("10000000-0000-7000-8000-000000000001", charge(high.id(), NOV_1, 2_000, null)));
        var lowOnTheDay = store.charges().save(charge(low.id(), NOV_1.plusDays(5), 1_000, null));
        store.charges().save(charge(low.id(), NOV_1.plusDays(6), 9_000, null)); // after asOf
        var billed = store.charges().save(charge(low.id(), NOV_1, 8_000, null));
        store.charges().save(billed.billedBy(InvoiceId.newId()));
        store.charges().save(charge(other.id(), NOV_1, 7_000, null)); // another customer

        var pending = store.charges().findPending(List.of(high.id(), low.id()), NOV_1.plusDays(5));

        assertThat(pending).containsExactly(lowOnTheDay, highEarlyA, highEarlyB, highLate);
        assertThat(store.charges().findPending(List.of(), NOV_1.plusDays(30))).isEmpty();
        assertThat(store.charges().findPending(List.of(high.id()), NOV_1.minusDays(1)))
                .isEmpty();
    }

    @Test
    void findByCustomerListsBilledAndPendingByDateThenId() {
        var customer = savedCustomer();
        var later = store.charges().save(charge(customer.id(), NOV_1.plusDays(10), 1_000, null));
        var earlyB = store.charges()
                .save(withId("ffffffff-0000-7000-8000-000000000001", charge(customer.id(), NOV_1, 2_000, null)));
        var earlyA = store.charges()
                .save(withId("0fffffff-0000-7000-8000-000000000001", charge(customer.id(), NOV_1, 3_000, null)));
        var billedEarlyA = store.charges().save(earlyA.billedBy(InvoiceId.newId()));

        assertThat(store.charges().findByCustomer(customer.id())).containsExactly(billedEarlyA, earlyB, later);
        assertThat(store.charges().findByCustomer(CustomerId.newId())).isEmpty();
    }

    private static Charge withId(String uuid, Charge c) {
        return new Charge(
                new ChargeId(UUID.fromString(uuid)),
                c.customerId(),
                c.subscriptionId(),
                c.kind(),
                c.description(),
                c.amount(),
                c.taxCategory(),
                c.chargeDate(),
                c.sourceReference(),
                c.billedOn(),
                c.version());
    }
}
