package org.wispcrm.billing.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.billing.BillingWorld.cop;
import static org.wispcrm.billing.BillingWorld.summary;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerStatus;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionStatus;

/** Reminders and notices, suspension after N days overdue, and reactivation when a payment clears what is overdue. */
class SuspensionAndReactivationScenarioTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    BillingWorld world = new BillingWorld(
            BillingPolicy.builder()
                    .suspendAfterDaysOverdue(15)
                    .reconnectionFee(cop("10000"))
                    .build(),
            OCT_1);
    Customer ana = world.customer("Ana Gómez");
    Subscription home;
    Subscription shop;

    SuspensionAndReactivationScenarioTest() {
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        home = world.subscribe(ana, plan, OCT_1, null);
        shop = world.subscribe(ana, plan, OCT_1, null);
        world.runOn(OCT_1); // FE-000001: 154,700 due Oct 11
    }

    long messages(NotificationKind kind) {
        return world.store.outbox().findByStatus(NotificationStatus.PENDING, PageRequest.first(100)).items().stream()
                .filter(n -> n.kind() == kind)
                .count();
    }

    SubscriptionStatus status(Subscription subscription) {
        return world.store
                .subscriptions()
                .findById(subscription.id())
                .orElseThrow()
                .status();
    }

    @Test
    void reminder_before_due_and_notices_on_and_after_due_each_sent_once() {
        assertThat(world.dunOn(LocalDate.of(2026, 10, 7)).reminders()).isZero(); // 4 days before
        assertThat(world.dunOn(LocalDate.of(2026, 10, 8)).reminders()).isEqualTo(1); // 3 days before
        assertThat(world.dunOn(LocalDate.of(2026, 10, 9)).reminders()).isZero();
        assertThat(world.dunOn(LocalDate.of(2026, 10, 11)).overdueNotices()).isEqualTo(1); // due date: day 0
        assertThat(world.dunOn(LocalDate.of(2026, 10, 11)).overdueNotices()).isZero();
        assertThat(world.dunOn(LocalDate.of(2026, 10, 17)).overdueNotices()).isZero();
        assertThat(world.dunOn(LocalDate.of(2026, 10, 18)).overdueNotices()).isEqualTo(1); // day 7

        assertThat(world.store.outbox().findByIdempotencyKey("payment-reminder:FE-000001"))
                .isPresent();
        assertThat(world.store.outbox().findByIdempotencyKey("overdue-notice:FE-000001:0"))
                .isPresent();
        var notice = world.store
                .outbox()
                .findByIdempotencyKey("overdue-notice:FE-000001:7")
                .orElseThrow();
        assertThat(notice.model()).containsEntry("balance", "COP 154700.00").containsEntry("daysOverdue", "7");
        assertThat(messages(NotificationKind.PAYMENT_REMINDER)).isEqualTo(1);
        assertThat(messages(NotificationKind.OVERDUE_NOTICE)).isEqualTo(2);
    }

    @Test
    void suspension_after_15_days_overdue_cuts_every_active_subscription_once() {
        assertThat(world.dunOn(LocalDate.of(2026, 10, 25)).suspensions()).isZero(); // 14 days
        var report = world.dunOn(LocalDate.of(2026, 10, 26)); // 15 days

        assertThat(report.suspensions()).isEqualTo(1);
        assertThat(world.store.customers().findById(ana.id()).orElseThrow().status())
                .isEqualTo(CustomerStatus.SUSPENDED);
        assertThat(status(home)).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(status(shop)).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(world.router.blocked).containsExactlyInAnyOrder(home.id(), shop.id());
        assertThat(messages(NotificationKind.SERVICE_SUSPENDED)).isEqualTo(1);

        var again = world.dunOn(LocalDate.of(2026, 10, 26));
        assertThat(again.suspensions()).isZero();
        assertThat(again.overdueNotices() + again.reminders() + again.lateFees())
                .isZero();
        assertThat(world.router.commands).hasSize(2);
        assertThat(messages(NotificationKind.SERVICE_SUSPENDED)).isEqualTo(1);

        // suspended subscriptions are not invoiced under the default policy
        assertThat(world.runOn(LocalDate.of(2026, 11, 1)).invoiced()).isZero();
    }

    @Test
    void a_payment_that_clears_what_is_overdue_restores_service_at_once_with_a_reconnection_fee() {
        world.dunOn(LocalDate.of(2026, 10, 26));

        world.pay(ana, cop("100000"), "PARCIAL-1", LocalDate.of(2026, 10, 27)); // still 54,700 overdue
        assertThat(status(home)).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(world.router.blocked).hasSize(2);

        world.pay(ana, cop("54700"), "SALDO-1", LocalDate.of(2026, 10, 28));

        assertThat(world.store.customers().findById(ana.id()).orElseThrow().status())
                .isEqualTo(CustomerStatus.ACTIVE);
        assertThat(status(home)).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(status(shop)).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(world.router.blocked).isEmpty();
        assertThat(world.router.commands)
                .filteredOn(c -> c.startsWith("restore"))
                .hasSize(2);
        assertThat(messages(NotificationKind.SERVICE_RESTORED)).isEqualTo(1);
        assertThat(world.dunOn(LocalDate.of(2026, 10, 29)).suspensions()).isZero();

        world.runOn(LocalDate.of(2026, 11, 1));
        assertThat(summary(world.invoice("FE-000002")))
                .containsExactlyInAnyOrder(
                        "RECURRING 65000.00 12350.00",
                        "RECURRING 65000.00 12350.00",
                        "ONE_TIME_CHARGE 10000.00 1900.00");
    }
}
