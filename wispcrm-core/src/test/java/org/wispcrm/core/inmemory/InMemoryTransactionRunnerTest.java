package org.wispcrm.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerProfile;
import org.wispcrm.core.customer.NotificationPreferences;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;

class InMemoryTransactionRunnerTest {
    private static final Instant NOW = Instant.parse("2026-11-01T13:00:00Z");

    private final InMemoryPersistence store = InMemoryPersistence.create();

    private static Customer customer(String code, String name) {
        var profile = new CustomerProfile(
                name,
                "1020304050",
                null,
                null,
                Address.of("Calle 10 # 5-20", "Villavicencio", "CO"),
                Locale.forLanguageTag("es-CO"),
                NotificationPreferences.defaults(),
                false,
                null);
        return Customer.register(CustomerId.newId(), code, profile, NOW);
    }

    @Test
    void aFailedUnitUndoesCustomerNumberAndNotificationAndRestoresTheUniqueCode() {
        var saved = store.customers().save(customer("C-1", "Ana Gómez"));
        var failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.customers().save(saved.suspend(NOW));
                    store.customers().save(customer("C-2", "Beto Ruiz"));
                    assertThat(store.invoiceNumbers().next("FE")).isEqualTo(1);
                    store.outbox()
                            .enqueue(Notification.pending(
                                    "k-1", NotificationKind.STATEMENT, saved.id(), Map.of(), List.of(), NOW));
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(store.customers().findById(saved.id())).contains(saved);
        assertThat(store.customers().findByCode("C-2")).isEmpty();
        assertThat(store.invoiceNumbers().current("FE")).isZero();
        assertThat(store.invoiceNumbers().next("FE")).isEqualTo(1);
        assertThat(store.outbox().findByIdempotencyKey("k-1")).isEmpty();
        // the code freed by the rollback can be taken again
        assertThat(store.customers().save(customer("C-2", "Carla Díaz")).version())
                .isEqualTo(1);
    }

    @Test
    void aNestedUnitJoinsTheOuterOneAndRollsBackWithIt() {
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.transactions().inTransaction(() -> store.customers().save(customer("C-1", "Ana Gómez")));
                    assertThat(store.transactionRunner().inUnitOfWork()).isTrue();
                    throw new IllegalArgumentException("outer fails");
                }))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.customers().findByCode("C-1")).isEmpty();
        assertThat(store.transactionRunner().inUnitOfWork()).isFalse();
    }

    @Test
    void aStaleSaveInsideAUnitLeavesEarlierWritesToTheCaller() {
        var saved = store.customers().save(customer("C-1", "Ana Gómez"));
        store.customers().save(saved.suspend(NOW));

        var error = org.junit.jupiter.api.Assertions.assertThrows(
                WispCrmException.class,
                () -> store.transactions().inTransaction(() -> {
                    store.invoiceNumbers().next("FE");
                    return store.customers().save(saved.deactivate(NOW));
                }));

        assertThat(error.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION);
        assertThat(store.invoiceNumbers().current("FE")).isZero();
    }
}
