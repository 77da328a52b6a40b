package org.wispcrm.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.wispcrm.core.TestWorld.cop;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.TestWorld;
import org.wispcrm.core.charge.Charge;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.FieldViolation;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.ServiceOrderId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.NewSubscription;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.core.subscription.BillingDay;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionStatus;

class ServiceOrderServiceTest {
    private final TestWorld world = TestWorld.onTenthOfMarch();
    private final Plan plan = world.plan("Hogar 10", 65_000);

    private ServiceOrderService orders() {
        return world.crm().serviceOrders();
    }

    private Subscription pending(String name) {
        return world.customerOn(name, plan.id()).subscription().orElseThrow();
    }

    @Test
    void an_installation_completed_on_the_31st_activates_the_subscription_with_billing_day_28() {
        Subscription pending = pending("Ana");
        ServiceOrder order = world.startedInstallation(pending, cop(120_000));
        world.travelTo(LocalDateTime.of(2026, 3, 31, 16, 45));

        ServiceOrder completed = orders().complete(order.id(), " Antenna aligned, -58 dBm ");

        assertThat(completed.status()).isEqualTo(ServiceOrderStatus.COMPLETED);
        assertThat(completed.completedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(completed.resolution()).isEqualTo("Antenna aligned, -58 dBm");
        assertThat(completed.updatedAt()).isEqualTo(world.now());
        Subscription active = world.crm().customers().getSubscription(pending.id());
        assertThat(active.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(active.activatedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(active.billingDay()).isEqualTo(BillingDay.of(28));
    }

    @Test
    void an_installation_keeps_the_billing_day_agreed_at_sale() {
        Subscription pending = world.crm()
                .customers()
                .register(TestWorld.registration("Ana")
                        .firstSubscription(NewSubscription.onPlan(plan.id()).withBillingDay(5))
                        .build())
                .subscription()
                .orElseThrow();

        Subscription active = world.installed(pending);

        assertThat(active.billingDay()).isEqualTo(BillingDay.of(5));
        assertThat(active.activatedOn()).isEqualTo(world.today());
    }

    @Test
    void the_installation_fee_becomes_one_pending_charge_referencing_the_order() {
        Subscription pending = pending("Ana");
        ServiceOrder order = world.startedInstallation(pending, cop(120_000));

        orders().complete(order.id(), "Installed");

        Charge charge = world.persistence
                .charges()
                .findBySourceReference("service-order:" + order.id())
                .orElseThrow();
        assertThat(charge.kind()).isEqualTo(ChargeKind.INSTALLATION);
        assertThat(charge.amount()).isEqualTo(cop(120_000));
        assertThat(charge.customerId()).isEqualTo(pending.customerId());
        assertThat(charge.subscriptionId()).isEqualTo(pending.id());
        assertThat(charge.chargeDate()).isEqualTo(world.today());
        assertThat(charge.taxCategory()).isEqualTo(TaxCategory.STANDARD);
        assertThat(charge.description()).isEqualTo("Install antenna and router");
        assertThat(charge.isPending()).isTrue();
        assertThat(world.persistence.charges().findByCustomer(pending.customerId()))
                .containsExactly(charge);
    }

    @Test
    void an_order_without_a_fee_charges_nothing() {
        Subscription pending = pending("Ana");
        world.installed(pending);
        assertThat(world.persistence.charges().findByCustomer(pending.customerId()))
                .isEmpty();
    }

    @Test
    void other_kinds_of_fee_are_charged_as_equipment_or_other() {
        Subscription active = world.installed(pending("Ana"));
        CustomerId ana = active.customerId();
        ServiceOrder repair = orders().open(new OpenServiceOrder(
                ana, active.id(), ServiceOrderKind.REPAIR, "No signal since the storm", cop(35_000)));
        ServiceOrder pickup = orders().open(new OpenServiceOrder(
                ana, active.id(), ServiceOrderKind.EQUIPMENT_PICKUP, "Collect the router", cop(180_000)));
        for (ServiceOrder order : new ServiceOrder[] {repair, pickup}) {
            orders().assignTechnician(order.id(), "Julián");
            orders().start(order.id());
            orders().complete(order.id(), "Done");
        }

        assertThat(world.persistence.charges().findByCustomer(ana))
                .extracting(Charge::kind, Charge::amount, Charge::sourceReference)
                .containsExactlyInAnyOrder(
                        tuple(ChargeKind.OTHER, cop(35_000), "service-order:" + repair.id()),
                        tuple(ChargeKind.EQUIPMENT, cop(180_000), "service-order:" + pickup.id()));
    }

    @Test
    void scheduling_enqueues_one_notification_even_when_retried() {
        Subscription pending = pending("Ana");
        ServiceOrder order =
                orders().open(OpenServiceOrder.installation(pending.customerId(), pending.id(), "Install", null));
        LocalDateTime visit = LocalDateTime.of(2026, 3, 12, 14, 30);

        ServiceOrder scheduled = orders().schedule(order.id(), visit);
        ServiceOrder retried = orders().schedule(order.id(), visit);

        assertThat(scheduled.status()).isEqualTo(ServiceOrderStatus.SCHEDULED);
        assertThat(scheduled.scheduledFor()).isEqualTo(visit);
        assertThat(retried).isEqualTo(scheduled);
        assertThat(world.outbox(NotificationKind.ORDER_SCHEDULED))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.idempotencyKey()).isEqualTo("order-scheduled:" + order.id() + ":2026-03-12T14:30");
                    assertThat(n.customerId()).isEqualTo(pending.customerId());
                    assertThat(n.createdAt()).isEqualTo(world.now());
                    assertThat(n.model())
                            .containsAllEntriesOf(Map.of(
                                    "orderId", order.id().toString(),
                                    "orderKind", "INSTALLATION",
                                    "date", "2026-03-12",
                                    "time", "14:30",
                                    "scheduledFor", "2026-03-12T14:30"));
                });
    }

    @Test
    void rescheduling_to_another_time_tells_the_customer_again() {
        Subscription pending = pending("Ana");
        ServiceOrder order =
                orders().open(OpenServiceOrder.installation(pending.customerId(), pending.id(), "Install", null));
        orders().assignTechnician(order.id(), "Julián");

        orders().schedule(order.id(), LocalDateTime.of(2026, 3, 12, 14, 30));
        orders().schedule(order.id(), LocalDateTime.of(2026, 3, 13, 8, 0));

        assertThat(world.outbox(NotificationKind.ORDER_SCHEDULED))
                .extracting(n -> n.model().get("time"), n -> n.model().get("technician"))
                .containsExactlyInAnyOrder(tuple("14:30", "Julián"), tuple("08:00", "Julián"));
    }

    @Test
    void a_visit_in_the_past_is_invalid() {
        Subscription pending = pending("Ana");
        ServiceOrder order =
                orders().open(OpenServiceOrder.installation(pending.customerId(), pending.id(), "Install", null));

        var e = catchThrowableOfType(
                WispCrmException.class, () -> orders().schedule(order.id(), LocalDateTime.of(2026, 3, 10, 9, 59)));

        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("scheduledFor");
        assertThat(world.outbox(NotificationKind.ORDER_SCHEDULED)).isEmpty();
    }

    @Test
    void completion_enqueues_one_order_completed_notification() {
        Subscription pending = pending("Ana");
        ServiceOrder order = world.startedInstallation(pending, cop(0));

        orders().complete(order.id(), "Installed");

        assertThat(world.outbox(NotificationKind.ORDER_COMPLETED))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.idempotencyKey()).isEqualTo("order-completed:" + order.id());
                    assertThat(n.model())
                            .containsEntry("completedOn", "2026-03-10")
                            .containsEntry("resolution", "Installed")
                            .containsEntry("technician", "Julián");
                });
        var again = catchThrowableOfType(WispCrmException.class, () -> orders().complete(order.id(), "Installed"));
        assertThat(again.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(world.outbox(NotificationKind.ORDER_COMPLETED)).hasSize(1);
    }

    @Test
    void completing_an_open_order_is_an_illegal_transition_and_changes_nothing() {
        Subscription pending = pending("Ana");
        ServiceOrder order = orders().open(
                        OpenServiceOrder.installation(pending.customerId(), pending.id(), "Install", cop(120_000)));

        var e = catchThrowableOfType(WispCrmException.class, () -> orders().complete(order.id(), "Installed"));

        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(e.context()).containsEntry("status", "OPEN");
        assertThat(orders().get(order.id())).isEqualTo(order);
        assertThat(world.crm().customers().getSubscription(pending.id())).isEqualTo(pending);
        assertThat(world.persistence.charges().findByCustomer(pending.customerId()))
                .isEmpty();
        assertThat(world.outbox(NotificationKind.ORDER_COMPLETED)).isEmpty();
    }

    @Test
    void a_failing_activation_leaves_the_order_in_progress_with_no_charge_and_no_message() {
        Subscription pending = pending("Ana");
        ServiceOrder order = world.startedInstallation(pending, cop(120_000));
        world.crm().customers().deactivate(pending.customerId());

        var e = catchThrowableOfType(WispCrmException.class, () -> orders().complete(order.id(), "Installed"));

        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(orders().get(order.id())).isEqualTo(order);
        assertThat(orders().get(order.id()).status()).isEqualTo(ServiceOrderStatus.IN_PROGRESS);
        assertThat(world.persistence.charges().findBySourceReference("service-order:" + order.id()))
                .isEmpty();
        assertThat(world.outbox(NotificationKind.ORDER_COMPLETED)).isEmpty();
    }

    @Test
    void an_order_starts_only_with_a_technician() {
        Subscription pending = pending("Ana");
        ServiceOrder order =
                orders().open(OpenServiceOrder.installation(pending.customerId(), pending.id(), "Install", null));

        var e = catchThrowableOfType(WispCrmException.class, () -> orders().start(order.id()));

        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("technician");
        ServiceOrder assigned = orders().assignTechnician(order.id(), "  Julián ");
        assertThat(assigned.technician()).isEqualTo("Julián");
        assertThat(orders().start(order.id()).status()).isEqualTo(ServiceOrderStatus.IN_PROGRESS);
    }

    @Test
    void cancelling_records_the_reason_and_a_cancelled_order_is_final() {
        Subscription pending = pending("Ana");
        ServiceOrder order =
                orders().open(OpenServiceOrder.installation(pending.customerId(), pending.id(), "Install", null));

        ServiceOrder cancelled = orders().cancel(order.id(), " Customer moved away ");

        assertThat(cancelled.status()).isEqualTo(ServiceOrderStatus.CANCELLED);
        assertThat(cancelled.resolution()).isEqualTo("Customer moved away");
        assertThat(catchThrowableOfType(
                                WispCrmException.class,
                                () -> orders().schedule(order.id(), LocalDateTime.of(2026, 3, 12, 8, 0)))
                        .code())
                .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(catchThrowableOfType(WispCrmException.class, () -> orders().cancel(order.id(), "again"))
                        .code())
                .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
    }

    @Test
    void a_relocation_moves_the_subscription_to_the_new_address() {
        Subscription active = world.installed(pending("Ana"));
        var newHome = Address.of("Carrera 43A # 1-50", "Envigado", "CO");
        ServiceOrder order = orders().open(new OpenServiceOrder(
                active.customerId(), active.id(), ServiceOrderKind.RELOCATION, "Moving to Envigado", null));
        orders().assignTechnician(order.id(), "Julián");
        orders().start(order.id());

        orders().complete(order.id(), "Antenna moved", newHome);

        Subscription moved = world.crm().customers().getSubscription(active.id());
        assertThat(moved.serviceAddress()).isEqualTo(newHome);
        assertThat(moved.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void only_a_relocation_takes_a_new_address() {
        Subscription active = world.installed(pending("Ana"));
        ServiceOrder repair = orders().open(
                        new OpenServiceOrder(active.customerId(), active.id(), ServiceOrderKind.REPAIR, "Fix", null));
        orders().assignTechnician(repair.id(), "Julián");
        ServiceOrder started = orders().start(repair.id());

        var e = catchThrowableOfType(
                WispCrmException.class,
                () -> orders().complete(repair.id(), "Fixed", Address.of("Calle 1", "Bello", "CO")));

        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("newAddress");
        assertThat(orders().get(repair.id())).isEqualTo(started);
        assertThat(world.crm().customers().getSubscription(active.id()).serviceAddress())
                .isEqualTo(active.serviceAddress());
    }

    @Test
    void opening_checks_the_customer_and_the_subscription() {
        Subscription ana = pending("Ana");
        Subscription beto = pending("Beto");
        Subscription installed = world.installed(pending("Carla"));

        var unknownCustomer = catchThrowableOfType(
                WispCrmException.class,
                () -> orders().open(OpenServiceOrder.installation(CustomerId.newId(), ana.id(), "Install", null)));
        var foreign = catchThrowableOfType(
                WispCrmException.class,
                () -> orders().open(OpenServiceOrder.installation(ana.customerId(), beto.id(), "Install", null)));
        var reinstall = catchThrowableOfType(
                WispCrmException.class,
                () -> orders().open(OpenServiceOrder.installation(
                        installed.customerId(), installed.id(), "Install", null)));
        var blankAndNegative = catchThrowableOfType(
                WispCrmException.class,
                () -> orders().open(new OpenServiceOrder(
                        ana.customerId(), null, ServiceOrderKind.INSTALLATION, " ", cop(-1))));

        assertThat(unknownCustomer.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(foreign.violations()).extracting(FieldViolation::field).containsExactly("subscriptionId");
        assertThat(reinstall.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(blankAndNegative.violations())
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("description", "subscriptionId", "fee");
    }

    @Test
    void lists_orders_by_customer_and_status_oldest_first() {
        Subscription ana = pending("Ana");
        Subscription beto = pending("Beto");
        ServiceOrder first = orders().open(OpenServiceOrder.installation(ana.customerId(), ana.id(), "Install", null));
        ServiceOrder second = orders().open(new OpenServiceOrder(
                ana.customerId(), null, ServiceOrderKind.EQUIPMENT_PICKUP, "Old router", null));
        orders().open(OpenServiceOrder.installation(beto.customerId(), beto.id(), "Install", null));
        orders().cancel(second.id(), "Found it");

        var anas = orders().list(ana.customerId(), null, PageRequest.first(10));
        var anasOpen = orders().list(ana.customerId(), ServiceOrderStatus.OPEN, PageRequest.first(10));
        var all = orders().list(null, null, PageRequest.first(2));

        // Ordered by id; two ids made in the same millisecond need not follow creation order (random low bits).
        var byId = Stream.of(first.id(), second.id())
                .sorted(Comparator.comparing(ServiceOrderId::value, Ids.ORDER))
                .toList();
        assertThat(anas.items()).extracting(ServiceOrder::id).containsExactlyElementsOf(byId);
        assertThat(anasOpen.items()).extracting(ServiceOrder::id).containsExactly(first.id());
        assertThat(all.totalItems()).isEqualTo(3);
        assertThat(all.hasNext()).isTrue();
    }
}
