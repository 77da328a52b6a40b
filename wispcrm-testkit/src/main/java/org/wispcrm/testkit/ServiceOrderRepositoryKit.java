package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.testkit.Fixtures.NOW;
import static org.wispcrm.testkit.Fixtures.cop;
import static org.wispcrm.testkit.Fixtures.installationOrder;
import static org.wispcrm.testkit.Fixtures.later;
import static org.wispcrm.testkit.Fixtures.repairOrder;
import static org.wispcrm.testkit.Fixtures.subscription;
import static org.wispcrm.testkit.Fixtures.visitAt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.ServiceOrderId;
import org.wispcrm.core.order.ServiceOrder;
import org.wispcrm.core.order.ServiceOrderKind;
import org.wispcrm.core.order.ServiceOrderStatus;

/**
 * Compatibility kit for {@link org.wispcrm.core.order.ServiceOrderRepository}: every field round-trips through
 * the order's workflow, the optimistic-lock contract holds, and {@code find} filters and pages by id.
 */
public abstract class ServiceOrderRepositoryKit extends PersistenceKit {

    /** Creates the kit. */
    protected ServiceOrderRepositoryKit() {}

    @Test
    void insertOfAnOpenOrderKeepsEmptyFieldsEmpty() {
        var customer = savedCustomer();
        var order = repairOrder(customer.id());

        var saved = store.serviceOrders().save(order);

        assertThat(saved.version()).isEqualTo(1);
        var found = store.serviceOrders().findById(order.id()).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.subscriptionId()).isNull();
        assertThat(found.technician()).isNull();
        assertThat(found.scheduledFor()).isNull();
        assertThat(found.fee()).isNull();
        assertThat(found.resolution()).isNull();
        assertThat(found.completedOn()).isNull();
        assertThat(found.description()).isEqualTo("Sin señal desde ayer");
        assertThat(found.kind()).isEqualTo(ServiceOrderKind.REPAIR);
        assertThat(found.status()).isEqualTo(ServiceOrderStatus.OPEN);
    }

    @Test
    void everyFieldRoundTripsThroughTheWorkflow() {
        var customer = savedCustomer();
        var sub = store.subscriptions()
                .save(subscription(customer.id(), savedPlan().id()));
        var v1 = store.serviceOrders().save(installationOrder(customer.id(), sub.id()));

        var v2 = store.serviceOrders()
                .save(v1.schedule(visitAt(5, 9), later(10)).assignTo("Jhon Fredy Cárdenas", later(11)));
        assertThat(store.serviceOrders().findById(v1.id())).contains(v2);
        var v3 = store.serviceOrders().save(v2.start(later(20)));
        var v4 = store.serviceOrders()
                .save(v3.complete(LocalDate.of(2026, 11, 5), "Antena instalada, señal -58 dBm", later(30)));

        var found = store.serviceOrders().findById(v1.id()).orElseThrow();
        assertThat(found).isEqualTo(v4);
        assertThat(found.version()).isEqualTo(4);
        assertThat(found.subscriptionId()).isEqualTo(sub.id());
        assertThat(found.kind()).isEqualTo(ServiceOrderKind.INSTALLATION);
        assertThat(found.status()).isEqualTo(ServiceOrderStatus.COMPLETED);
        assertThat(found.technician()).isEqualTo("Jhon Fredy Cárdenas");
        assertThat(found.scheduledFor()).isEqualTo(visitAt(5, 9));
        assertThat(found.fee()).isEqualTo(cop(120_000));
        assertThat(found.resolution()).isEqualTo("Antena instalada, señal -58 dBm");
        assertThat(found.completedOn()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.updatedAt()).isEqualTo(later(30));
    }

    @Test
    void staleSavesMissingRowsAndRepeatedInsertsFail() {
        var customer = savedCustomer();
        var order = repairOrder(customer.id());
        var v1 = store.serviceOrders().save(order);
        var v2 = store.serviceOrders().save(v1.cancel("El cliente ya tiene señal", later(1)));

        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION,
                () -> store.serviceOrders().save(v1.schedule(visitAt(6, 8), later(2))));
        assertFailsWith(ErrorCode.DUPLICATE, () -> store.serviceOrders().save(order));
        var ghost = repairOrder(customer.id());
        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION,
                () -> store.serviceOrders()
                        .save(new ServiceOrder(
                                ghost.id(),
                                ghost.customerId(),
                                null,
                                ghost.kind(),
                                ghost.status(),
                                ghost.description(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                ghost.createdAt(),
                                ghost.updatedAt(),
                                2)));

        assertThat(store.serviceOrders().findById(order.id())).contains(v2);
        assertThat(store.serviceOrders().findById(ghost.id())).isEmpty();
        assertThat(store.serviceOrders().findById(ServiceOrderId.newId())).isEmpty();
    }

    @Test
    void findFiltersByCustomerAndStatusAndPagesById() {
        var ana = savedCustomer();
        var beto = savedCustomer();
        var random = new Random(7);
        var anas = new ArrayList<ServiceOrder>();
        for (int i = 0; i < 5; i++) {
            var order =
                    withId(new ServiceOrderId(new UUID(random.nextLong(), random.nextLong())), repairOrder(ana.id()));
            anas.add(store.serviceOrders().save(order));
        }
        var scheduled = store.serviceOrders().save(anas.get(2).schedule(visitAt(9, 14), later(5)));
        anas.set(2, scheduled);
        var betos = store.serviceOrders().save(repairOrder(beto.id()));
        anas.sort(Comparator.comparing(o -> o.id().value(), Ids.ORDER));
        var all = new ArrayList<>(anas);
        all.add(betos);
        all.sort(Comparator.comparing(o -> o.id().value(), Ids.ORDER));

        var page0 = store.serviceOrders().find(ana.id(), null, PageRequest.first(2));
        var page2 = store.serviceOrders().find(ana.id(), null, new PageRequest(2, 2));
        assertThat(page0.items()).containsExactlyElementsOf(anas.subList(0, 2));
        assertThat(page2.items()).containsExactly(anas.get(4));
        assertThat(page2.totalItems()).isEqualTo(5);
        assertThat(page2.hasNext()).isFalse();

        assertThat(store.serviceOrders().find(null, null, PageRequest.first(10)).items())
                .containsExactlyElementsOf(all);
        assertThat(store.serviceOrders()
                        .find(null, ServiceOrderStatus.SCHEDULED, PageRequest.first(10))
                        .items())
                .containsExactly(scheduled);
        assertThat(store.serviceOrders()
                        .find(beto.id(), ServiceOrderStatus.OPEN, PageRequest.first(10))
                        .items())
                .containsExactly(betos);
        assertThat(store.serviceOrders()
                        .find(beto.id(), ServiceOrderStatus.SCHEDULED, PageRequest.first(10))
                        .totalItems())
                .isZero();
    }

    private static ServiceOrder withId(ServiceOrderId id, ServiceOrder o) {
        return new ServiceOrder(
                id,
                o.customerId(),
                o.subscriptionId(),
                o.kind(),
                o.status(),
                o.description(),
                o.technician(),
                o.scheduledFor(),
                o.fee(),
                o.resolution(),
                o.completedOn(),
                o.createdAt(),
                o.updatedAt(),
                o.version());
    }
}
