package org.wispcrm.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.NewSubscription;
import org.wispcrm.core.customer.RegisterCustomer;
import org.wispcrm.core.customer.RegisteredCustomer;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.order.OpenServiceOrder;
import org.wispcrm.core.order.ServiceOrder;
import org.wispcrm.core.plan.NewPlan;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.subscription.Subscription;

/**
 * One ISP for a test: an in-memory store, a router that records calls, and a {@link WispCrm} whose clock stands
 * still at a chosen local time in Bogotá until the test moves it.
 */
public final class TestWorld {
    /** The ISP's time zone. */
    public static final ZoneId ZONE = ZoneId.of("America/Bogota");

    /** The store every {@link WispCrm} of this world shares. */
    public final InMemoryPersistence persistence = InMemoryPersistence.create();
    /** The router. */
    public final RecordingNetworkAccessControl router = new RecordingNetworkAccessControl();

    private Clock clock;
    private WispCrm crm;

    /** A world whose clock shows {@code now}, local time. */
    public TestWorld(LocalDateTime now) {
        travelTo(now);
    }

    /** A world on 10 March 2026, 10:00. */
    public static TestWorld onTenthOfMarch() {
        return new TestWorld(LocalDateTime.of(2026, 3, 10, 10, 0));
    }

    /** Moves the clock; the store keeps everything. */
    public void travelTo(LocalDateTime now) {
        clock = Clock.fixed(now.atZone(ZONE).toInstant(), ZONE);
        crm = WispCrm.builder()
                .persistence(persistence)
                .clock(clock)
                .defaultPhoneRegion("CO")
                .networkAccessControl(router)
                .build();
    }

    /** The library as the host sees it. */
    public WispCrm crm() {
        return crm;
    }

    /** The instant the clock shows. */
    public Instant now() {
        return clock.instant();
    }

    /** The date the clock shows. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** An amount in Colombian pesos. */
    public static MonetaryAmount cop(long amount) {
        return Money.of(amount, "COP");
    }

    /** A plan at a monthly price in pesos. */
    public Plan plan(String name, long monthlyPesos) {
        return crm.plans().create(NewPlan.of(name, 10, 5, cop(monthlyPesos)));
    }

    /** A registration of a customer living in Medellín, with a WhatsApp number. */
    public static RegisterCustomer.Builder registration(String name) {
        return RegisterCustomer.builder()
                .fullName(name)
                .phone("300 123 4567")
                .address(Address.of("Calle 10 # 20-30", "Medellín", "CO"))
                .locale(Locale.forLanguageTag("es-CO"));
    }

    /** A customer without subscriptions. */
    public Customer customer(String name) {
        return crm.customers().register(registration(name).build()).customer();
    }

    /** A customer with one subscription on the plan, waiting for installation. */
    public RegisteredCustomer customerOn(String name, PlanId planId) {
        return crm.customers()
                .register(registration(name)
                        .firstSubscription(NewSubscription.onPlan(planId))
                        .build());
    }

    /** Opens, assigns and starts an installation order for a pending subscription. */
    public ServiceOrder startedInstallation(Subscription subscription, MonetaryAmount fee) {
        var orders = crm.serviceOrders();
        ServiceOrder order = orders.open(OpenServiceOrder.installation(
                subscription.customerId(), subscription.id(), "Install antenna and router", fee));
        orders.assignTechnician(order.id(), "Julián");
        return orders.start(order.id());
    }

    /** A pending subscription taken through its installation today, without a fee. */
    public Subscription installed(Subscription pending) {
        ServiceOrder order = startedInstallation(pending, cop(0));
        crm.serviceOrders().complete(order.id(), "Antenna aligned, 25 dBm");
        return crm.customers().getSubscription(pending.id());
    }

    /** A customer with one active subscription on the plan. */
    public Subscription activeSubscription(String name, PlanId planId) {
        return installed(customerOn(name, planId).subscription().orElseThrow());
    }

    /** Every notification in the outbox (all are pending: nothing dispatches in these tests). */
    public List<Notification> outbox() {
        return persistence
                .outbox()
                .findByStatus(NotificationStatus.PENDING, PageRequest.first(1000))
                .items();
    }

    /** The outbox messages of one kind. */
    public List<Notification> outbox(NotificationKind kind) {
        return outbox().stream().filter(n -> n.kind() == kind).toList();
    }

    /** The outbox messages for one customer. */
    public List<Notification> outboxFor(CustomerId customerId) {
        return outbox().stream().filter(n -> n.customerId().equals(customerId)).toList();
    }
}
