package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.testkit.Fixtures.NOW;
import static org.wispcrm.testkit.Fixtures.TODAY;
import static org.wispcrm.testkit.Fixtures.activeSubscription;
import static org.wispcrm.testkit.Fixtures.cop;
import static org.wispcrm.testkit.Fixtures.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.subscription.Discount;
import org.wispcrm.core.subscription.NetworkIdentity;
import org.wispcrm.core.subscription.PlanAssignment;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionQuery;
import org.wispcrm.core.subscription.SubscriptionStatus;

/**
 * Compatibility kit for {@link org.wispcrm.core.subscription.SubscriptionRepository}: every field round-trips,
 * including the plan history and the discount, the optimistic-lock contract holds, orders follow
 * {@link Ids#ORDER}, and the keyset cursor walks any number of customers exactly once.
 */
public abstract class SubscriptionRepositoryKit extends PersistenceKit {

    /** Creates the kit. */
    protected SubscriptionRepositoryKit() {}

    @Test
    void insertOfAPendingSubscriptionKeepsEmptyFieldsEmpty() {
        var customer = savedCustomer();
        var plan = savedPlan();
        var pending = Subscription.order(
                SubscriptionId.newId(), customer.id(), plan.id(), Fixtures.ruralAddress(), null, NOW, TODAY);

        var saved = store.subscriptions().save(pending);

        assertThat(saved.version()).isEqualTo(1);
        var found = store.subscriptions().findById(pending.id()).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.billingDay()).isNull();
        assertThat(found.activatedOn()).isNull();
        assertThat(found.suspendedOn()).isNull();
        assertThat(found.cancelledOn()).isNull();
        assertThat(found.discount()).isNull();
        assertThat(found.network()).isEqualTo(NetworkIdentity.none());
        assertThat(found.status()).isEqualTo(SubscriptionStatus.PENDING_INSTALL);
        assertThat(found.createdAt()).isEqualTo(NOW);
    }

    @Test
    void everyFieldRoundTripsThroughItsLifecycle() {
        var customer = savedCustomer();
        var hogar = savedPlan();
        var rural = savedPlan();
        var saved = store.subscriptions().save(subscription(customer.id(), hogar.id()));

        var active = saved.activate(LocalDate.of(2026, 11, 3))
                .withNetwork(new NetworkIdentity("10.20.30.40", "cliente.0042@wisp"))
                .changePlan(rural.id(), LocalDate.of(2026, 12, 5))
                .withDiscount(Discount.percent(
                        "Descuento adulto mayor", new BigDecimal("12.5"), TODAY, LocalDate.of(2027, 6, 30)));
        var v2 = store.subscriptions().save(active);
        assertThat(store.subscriptions().findById(saved.id())).contains(v2);
        var found = store.subscriptions().findById(saved.id()).orElseThrow();
        assertThat(found.plans())
                .containsExactly(
                        new PlanAssignment(hogar.id(), TODAY),
                        new PlanAssignment(rural.id(), LocalDate.of(2026, 12, 5)));
        assertThat(found.billingDay().value()).isEqualTo(5);
        assertThat(found.activatedOn()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(found.discount().percent()).isEqualByComparingTo("12.5");

        var suspended = store.subscriptions()
                .save(found.suspend(LocalDate.of(2027, 1, 20))
                        .withDiscount(Discount.fixed("Compensación por caída", cop(10_000), TODAY, null))
                        .withNetwork(new NetworkIdentity("2001:db8::42", null))
                        .relocate(new Address(
                                "Manzana 4 casa 12", "Junto a la escuela", "Puerto López", "Meta", null, "CO")));
        assertThat(suspended.version()).isEqualTo(3);
        assertThat(store.subscriptions().findById(saved.id())).contains(suspended);
        assertThat(suspended.suspendedOn()).isEqualTo(LocalDate.of(2027, 1, 20));

        var cancelled = store.subscriptions().save(suspended.cancel(LocalDate.of(2027, 2, 28)));
        var last = store.subscriptions().findById(saved.id()).orElseThrow();
        assertThat(last).isEqualTo(cancelled);
        assertThat(last.status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(last.cancelledOn()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(last.suspendedOn()).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(last.discount()).isEqualTo(Discount.fixed("Compensación por caída", cop(10_000), TODAY, null));
        assertThat(last.version()).isEqualTo(4);
    }

    @Test
    void staleSavesMissingRowsAndRepeatedInsertsFail() {
        var customer = savedCustomer();
        var plan = savedPlan();
        var sub = subscription(customer.id(), plan.id());
        var v1 = store.subscriptions().save(sub);
        var v2 = store.subscriptions().save(v1.activate(TODAY));

        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION, () -> store.subscriptions().save(v1.cancel(TODAY)));
        assertFailsWith(ErrorCode.DUPLICATE, () -> store.subscriptions().save(sub));
        var ghost = subscription(customer.id(), plan.id());
        var ghostV1 = new Subscription(
                ghost.id(),
                ghost.customerId(),
                ghost.plans(),
                ghost.serviceAddress(),
                ghost.network(),
                ghost.status(),
                ghost.billingDay(),
                null,
                null,
                null,
                null,
                ghost.createdAt(),
                1);
        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION, () -> store.subscriptions().save(ghostV1));

        assertThat(store.subscriptions().findById(sub.id())).contains(v2);
        assertThat(store.subscriptions().findById(ghost.id())).isEmpty();
    }

    @Test
    void findsACustomersSubscriptionsOrderedById() {
        var plan = savedPlan();
        var ana = savedCustomer();
        var beto = savedCustomer();
        var expected = new ArrayList<Subscription>();
        for (int i = 0; i < 5; i++) {
            expected.add(store.subscriptions().save(withId(randomId(i), subscription(ana.id(), plan.id()))));
        }
        store.subscriptions().save(subscription(beto.id(), plan.id()));
        expected.sort(Comparator.comparing(s -> s.id().value(), Ids.ORDER));

        assertThat(store.subscriptions().findByCustomer(ana.id())).containsExactlyElementsOf(expected);
        assertThat(store.subscriptions().findByCustomer(CustomerId.newId())).isEmpty();
        assertThat(store.subscriptions().findById(SubscriptionId.newId())).isEmpty();
    }

    @Test
    void findsSeveralCustomersSubscriptionsOrderedByCustomerThenId() {
        var plan = savedPlan();
        var low = store.customers()
                .save(Fixtures.customer(
                        new CustomerId(UUID.fromString("7fffffff-0000-7000-8000-000000000001")), "Ana"));
        var high = store.customers()
                .save(Fixtures.customer(
                        new CustomerId(UUID.fromString("80000000-0000-7000-8000-000000000001")), "Beto"));
        var other = savedCustomer();
        var highFirst = store.subscriptions()
                .save(withId(
                        new SubscriptionId(UUID.fromString("f0000000-0000-7000-8000-000000000000")),
                        subscription(high.id(), plan.id())));
        var highSecond = store.subscriptions()
                .save(withId(
                        new SubscriptionId(UUID.fromString("00000000-0000-7000-8000-000000000000")),
                        subscription(high.id(), plan.id())));
        var lowOnly = store.subscriptions().save(subscription(low.id(), plan.id()));
        store.subscriptions().save(subscription(other.id(), plan.id()));

        assertThat(store.subscriptions().findByCustomers(List.of(high.id(), low.id(), CustomerId.newId())))
                .containsExactly(lowOnly, highSecond, highFirst);
        assertThat(store.subscriptions().findByCustomers(List.of())).isEmpty();
    }

    @Test
    void keysetCursorWalksEveryMatchingCustomerOnceInIdOrder() {
        var plan = savedPlan();
        var random = new Random(20261102L);
        var expected = new TreeSet<UUID>(Ids.ORDER);
        for (int i = 0; i < 60; i++) {
            // random ids cover both halves of the unsigned order, which UUID.compareTo would get wrong
            var customer = store.customers()
                    .save(Fixtures.customer(
                            new CustomerId(new UUID(random.nextLong(), random.nextLong())), "Cliente " + i));
            var status = switch (i % 4) {
                case 0 -> SubscriptionStatus.ACTIVE;
                case 1 -> SubscriptionStatus.SUSPENDED;
                case 2 -> SubscriptionStatus.CANCELLED;
                default -> SubscriptionStatus.PENDING_INSTALL;
            };
            var sub = store.subscriptions().save(subscription(customer.id(), plan.id()));
            sub = switch (status) {
                case ACTIVE -> store.subscriptions().save(sub.activate(TODAY));
                case SUSPENDED -> store.subscriptions().save(sub.activate(TODAY).suspend(TODAY));
                case CANCELLED -> store.subscriptions().save(sub.cancel(TODAY));
                default -> sub;
            };
            if (status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.SUSPENDED) {
                expected.add(customer.id().value());
            }
            if (i % 5 == 0) {
                // a second matching subscription must not repeat the customer
                store.subscriptions().save(activeSubscription(customer.id(), plan.id()));
                expected.add(customer.id().value());
            }
        }
        var statuses = EnumSet.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.SUSPENDED);

        var walked = new ArrayList<UUID>();
        CustomerId after = null;
        int calls = 0;
        while (true) {
            var chunk = store.subscriptions().findCustomerIdsWithStatus(statuses, after, 7);
            assertThat(chunk).hasSizeLessThanOrEqualTo(7);
            if (chunk.isEmpty()) {
                break;
            }
            chunk.forEach(id -> walked.add(id.value()));
            after = chunk.get(chunk.size() - 1);
            assertThat(++calls).isLessThan(100);
        }

        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(new LinkedHashSet<>(walked)).hasSameSizeAs(walked);
        assertThat(store.subscriptions().findCustomerIdsWithStatus(Set.of(SubscriptionStatus.CANCELLED), null, 1000))
                .hasSize(15);
        assertThat(store.subscriptions().findCustomerIdsWithStatus(statuses, null, 3))
                .extracting(CustomerId::value)
                .containsExactlyElementsOf(expected.stream().limit(3).toList());
    }

    @Test
    void searchFiltersByCustomerCurrentPlanAndStatusAndPagesById() {
        var hogar = savedPlan();
        var rural = savedPlan();
        var ana = savedCustomer();
        var beto = savedCustomer();
        var all = new ArrayList<Subscription>();
        for (int i = 0; i < 5; i++) {
            all.add(store.subscriptions().save(withId(randomId(100 + i), activeSubscription(ana.id(), hogar.id()))));
        }
        var moved = store.subscriptions()
                .save(store.subscriptions()
                        .save(subscription(beto.id(), hogar.id()))
                        .changePlan(rural.id(), TODAY.plusDays(1)));
        all.add(moved);
        all.sort(Comparator.comparing(s -> s.id().value(), Ids.ORDER));

        var page0 = store.subscriptions().search(SubscriptionQuery.all(), PageRequest.first(4));
        var page1 = store.subscriptions().search(SubscriptionQuery.all(), new PageRequest(1, 4));
        assertThat(page0.items()).containsExactlyElementsOf(all.subList(0, 4));
        assertThat(page1.items()).containsExactlyElementsOf(all.subList(4, 6));
        assertThat(page1.totalItems()).isEqualTo(6);
        assertThat(page1.hasNext()).isFalse();

        assertThat(store.subscriptions()
                        .search(new SubscriptionQuery(beto.id(), null, null), PageRequest.first(10))
                        .items())
                .containsExactly(moved);
        assertThat(store.subscriptions()
                        .search(new SubscriptionQuery(null, rural.id(), null), PageRequest.first(10))
                        .items())
                .containsExactly(moved);
        assertThat(store.subscriptions()
                        .search(new SubscriptionQuery(null, hogar.id(), null), PageRequest.first(10))
                        .totalItems())
                .isEqualTo(5);
        assertThat(store.subscriptions()
                        .search(
                                new SubscriptionQuery(null, null, SubscriptionStatus.PENDING_INSTALL),
                                PageRequest.first(10))
                        .items())
                .containsExactly(moved);
        assertThat(store.subscriptions()
                        .search(new SubscriptionQuery(ana.id(), rural.id(), null), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    /** A deterministic id spread over the whole unsigned range. */
    private static SubscriptionId randomId(int seed) {
        var random = new Random(seed);
        return new SubscriptionId(new UUID(random.nextLong(), random.nextLong()));
    }

    private static Subscription withId(SubscriptionId id, Subscription s) {
        return new Subscription(
                id,
                s.customerId(),
                s.plans(),
                s.serviceAddress(),
                s.network(),
                s.status(),
                s.billingDay(),
                s.activatedOn(),
                s.suspendedOn(),
                s.cancelledOn(),
                s.discount(),
                s.createdAt(),
                s.version());
    }
}
