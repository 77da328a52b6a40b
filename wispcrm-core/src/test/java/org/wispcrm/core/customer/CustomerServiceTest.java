package org.wispcrm.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.wispcrm.core.TestWorld.registration;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.TestWorld;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.FieldViolation;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.subscription.BillingDay;
import org.wispcrm.core.subscription.PlanAssignment;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionStatus;

class CustomerServiceTest {
    private final TestWorld world = TestWorld.onTenthOfMarch();
    private final CustomerService customers = world.crm().customers();

    private static List<String> fields(WispCrmException e) {
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    private long customerCount() {
        return customers.search(CustomerSearch.all(), PageRequest.first(10)).totalItems();
    }

    @Nested
    class Registration {

        @Test
        void registers_an_active_customer_with_normalised_contact_data_and_a_generated_code() {
            RegisteredCustomer result = customers.register(registration("Ana Pérez")
                    .nationalId(" 1.036.654.321 ")
                    .email(" Ana.Perez@Example.COM ")
                    .dataProcessingConsent(true)
                    .build());

            Customer ana = result.customer();
            assertThat(ana.status()).isEqualTo(CustomerStatus.ACTIVE);
            assertThat(ana.code()).matches("C-[0-9A-HJKMNP-TV-Z]{8}");
            assertThat(ana.profile().phone().e164()).isEqualTo("+573001234567");
            assertThat(ana.profile().email().value()).isEqualTo("Ana.Perez@example.com");
            assertThat(ana.profile().nationalId()).isEqualTo("1.036.654.321");
            assertThat(ana.profile().notificationPreferences()).isEqualTo(NotificationPreferences.defaults());
            assertThat(ana.profile().dataProcessingConsentAt()).isEqualTo(world.now());
            assertThat(ana.createdAt()).isEqualTo(world.now());
            assertThat(ana.updatedAt()).isEqualTo(world.now());
            assertThat(ana.version()).isEqualTo(1);
            assertThat(result.subscription()).isEmpty();
            assertThat(customers.findByCode(ana.code())).contains(ana);
            assertThat(customers.get(ana.id())).isEqualTo(ana);
        }

        @Test
        void generated_codes_differ() {
            String first = world.customer("Ana").code();
            String second = world.customer("Beto").code();
            assertThat(first).isNotEqualTo(second);
        }

        @Test
        void keeps_the_code_the_clerk_gave_and_refuses_it_a_second_time() {
            Customer ana = customers
                    .register(registration("Ana").code("CL-0042").build())
                    .customer();
            assertThat(ana.code()).isEqualTo("CL-0042");

            var e = catchThrowableOfType(
                    WispCrmException.class,
                    () -> customers.register(
                            registration("Beto").code("CL-0042").build()));
            assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE);
            assertThat(e.getMessage()).contains("CL-0042");
            assertThat(customerCount()).isEqualTo(1);
        }

        @Test
        void a_malformed_phone_and_a_malformed_email_are_reported_in_one_error() {
            var e = catchThrowableOfType(
                    WispCrmException.class,
                    () -> customers.register(registration("Ana")
                            .phone("12-AB")
                            .email("ana@@example")
                            .build()));

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(fields(e)).containsExactlyInAnyOrder("phone", "email");
            assertThat(e.violations())
                    .filteredOn(v -> v.field().equals("phone"))
                    .singleElement()
                    .satisfies(v -> assertThat(v.rejectedValue()).isEqualTo("12-AB"));
            assertThat(e.getMessage()).contains("phone", "email");
            assertThat(customerCount()).isZero();
        }

        @Test
        void every_bad_field_is_named_at_once() {
            Plan plan = world.plan("Hogar 10", 65_000);
            var e = catchThrowableOfType(
                    WispCrmException.class,
                    () -> customers.register(RegisterCustomer.builder()
                            .code("no spaces allowed")
                            .fullName("  ")
                            .nationalId("#")
                            .phone("300")
                            .email("not-an-email")
                            .firstSubscription(NewSubscription.onPlan(plan.id()).withBillingDay(31))
                            .build()));

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(fields(e))
                    .containsExactlyInAnyOrder(
                            "code", "address", "locale", "email", "phone", "billingDay", "fullName", "nationalId");
        }

        @Test
        void billing_day_31_is_rejected_naming_billingDay() {
            Plan plan = world.plan("Hogar 10", 65_000);
            var e = catchThrowableOfType(
                    WispCrmException.class,
                    () -> customers.register(registration("Ana")
                            .firstSubscription(NewSubscription.onPlan(plan.id()).withBillingDay(31))
                            .build()));

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("billingDay");
                assertThat(v.rejectedValue()).isEqualTo(31);
                assertThat(v.message()).isEqualTo("must be between 1 and 28");
            });
            assertThat(customerCount()).isZero();
        }

        @Test
        void registers_the_first_subscription_waiting_for_installation() {
            Plan plan = world.plan("Hogar 10", 65_000);
            var elsewhere = Address.of("Vereda El Rosal, finca 3", "Rionegro", "CO");

            RegisteredCustomer result = customers.register(registration("Ana")
                    .firstSubscription(
                            NewSubscription.onPlan(plan.id()).at(elsewhere).withBillingDay(5))
                    .build());

            Subscription subscription = result.subscription().orElseThrow();
            assertThat(subscription.customerId()).isEqualTo(result.customer().id());
            assertThat(subscription.status()).isEqualTo(SubscriptionStatus.PENDING_INSTALL);
            assertThat(subscription.plans()).containsExactly(new PlanAssignment(plan.id(), world.today()));
            assertThat(subscription.serviceAddress()).isEqualTo(elsewhere);
            assertThat(subscription.billingDay()).isEqualTo(BillingDay.of(5));
            assertThat(subscription.activatedOn()).isNull();
            assertThat(subscription.version()).isEqualTo(1);
            assertThat(customers.subscriptionsOf(result.customer().id())).containsExactly(subscription);
        }

        @Test
        void the_first_subscription_defaults_to_the_customer_address() {
            Plan plan = world.plan("Hogar 10", 65_000);
            RegisteredCustomer result = world.customerOn("Ana", plan.id());
            assertThat(result.subscription().orElseThrow().serviceAddress())
                    .isEqualTo(result.customer().profile().address());
        }

        @Test
        void an_unknown_plan_is_not_found_and_nothing_is_saved() {
            PlanId unknown = PlanId.newId();
            var e = catchThrowableOfType(
                    WispCrmException.class,
                    () -> customers.register(registration("Ana")
                            .firstSubscription(NewSubscription.onPlan(unknown))
                            .build()));

            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(e.context()).containsEntry("planId", unknown.toString());
            assertThat(e.getMessage()).contains(unknown.toString());
            assertThat(customerCount()).isZero();
        }

        @Test
        void a_retired_plan_is_invalid_along_with_other_bad_fields() {
            Plan plan = world.plan("Legacy 2", 30_000);
            world.crm().plans().retire(plan.id());

            var e = catchThrowableOfType(
                    WispCrmException.class,
                    () -> customers.register(registration("Ana")
                            .email("nope")
                            .firstSubscription(NewSubscription.onPlan(plan.id()))
                            .build()));

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(fields(e)).containsExactlyInAnyOrder("email", "planId");
            assertThat(e.getMessage()).contains("Legacy 2", "retired");
            assertThat(customerCount()).isZero();
        }
    }

    @Nested
    class ContactData {

        @Test
        void changes_what_is_given_clears_what_is_blank_and_keeps_the_rest() {
            Customer ana = customers
                    .register(registration("Ana").email("ana@example.com").build())
                    .customer();
            world.travelTo(LocalDateTime.of(2026, 3, 11, 9, 30));
            CustomerService later = world.crm().customers();

            Customer updated = later.updateContact(
                    ana.id(),
                    ContactUpdate.none()
                            .withPhone("+57 310 765 4321")
                            .withEmail(" ")
                            .withNotificationPreferences(NotificationPreferences.of(ChannelName.EMAIL)));

            assertThat(updated.profile().phone().e164()).isEqualTo("+573107654321");
            assertThat(updated.profile().email()).isNull();
            assertThat(updated.profile().fullName()).isEqualTo("Ana");
            assertThat(updated.profile().address()).isEqualTo(ana.profile().address());
            assertThat(updated.profile().notificationPreferences().channels()).containsExactly(ChannelName.EMAIL);
            assertThat(updated.updatedAt()).isEqualTo(world.now());
            assertThat(updated.createdAt()).isEqualTo(ana.createdAt());
            assertThat(updated.version()).isEqualTo(2);
        }

        @Test
        void reports_every_bad_field_and_changes_nothing() {
            Customer ana = world.customer("Ana");
            var e = catchThrowableOfType(
                    WispCrmException.class,
                    () -> customers.updateContact(
                            ana.id(),
                            ContactUpdate.none()
                                    .withFullName("")
                                    .withPhone("55")
                                    .withEmail("x@")));

            assertThat(fields(e)).containsExactlyInAnyOrder("fullName", "phone", "email");
            assertThat(customers.get(ana.id())).isEqualTo(ana);
        }

        @Test
        void an_unknown_customer_is_not_found() {
            var e = catchThrowableOfType(
                    WispCrmException.class, () -> customers.updateContact(CustomerId.newId(), ContactUpdate.none()));
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    @Nested
    class Subscriptions {

        @Test
        void adds_a_subscription_to_an_existing_customer() {
            Plan plan = world.plan("Hogar 10", 65_000);
            Customer ana = world.customer("Ana");

            Subscription second = customers.addSubscription(ana.id(), NewSubscription.onPlan(plan.id()));

            assertThat(second.status()).isEqualTo(SubscriptionStatus.PENDING_INSTALL);
            assertThat(second.currentPlanId()).isEqualTo(plan.id());
            assertThat(second.createdAt()).isEqualTo(world.now());
        }

        @Test
        void refuses_a_subscription_for_an_inactive_customer() {
            Plan plan = world.plan("Hogar 10", 65_000);
            Customer ana = world.customer("Ana");
            customers.deactivate(ana.id());

            var e = catchThrowableOfType(
                    WispCrmException.class,
                    () -> customers.addSubscription(ana.id(), NewSubscription.onPlan(plan.id())));
            assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(customers.subscriptionsOf(ana.id())).isEmpty();
        }

        @Test
        void changes_the_plan_from_a_date_keeping_the_history() {
            Plan basic = world.plan("Hogar 10", 65_000);
            Plan fast = world.plan("Hogar 30", 95_000);
            Subscription subscription = world.activeSubscription("Ana", basic.id());
            LocalDate fromApril = LocalDate.of(2026, 4, 1);
            int messagesBefore = world.outbox().size();

            Subscription changed = customers.changePlan(subscription.id(), fast.id(), fromApril);

            assertThat(changed.plans())
                    .containsExactly(
                            new PlanAssignment(basic.id(), world.today()), new PlanAssignment(fast.id(), fromApril));
            assertThat(changed.planOn(LocalDate.of(2026, 3, 31))).isEqualTo(basic.id());
            assertThat(changed.planOn(fromApril)).isEqualTo(fast.id());
            assertThat(changed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
            assertThat(world.outbox()).as("a plan change enqueues nothing yet").hasSize(messagesBefore);
        }

        @Test
        void a_plan_change_without_a_date_applies_from_today() {
            Plan basic = world.plan("Hogar 10", 65_000);
            Plan fast = world.plan("Hogar 30", 95_000);
            Subscription subscription = world.activeSubscription("Ana", basic.id());
            world.travelTo(LocalDateTime.of(2026, 3, 20, 8, 0));

            Subscription changed = world.crm().customers().changePlan(subscription.id(), fast.id(), null);

            assertThat(changed.plans()).last().isEqualTo(new PlanAssignment(fast.id(), LocalDate.of(2026, 3, 20)));
        }

        @Test
        void the_target_plan_must_exist_and_be_active() {
            Plan basic = world.plan("Hogar 10", 65_000);
            Plan legacy = world.plan("Legacy 2", 30_000);
            world.crm().plans().retire(legacy.id());
            Subscription subscription = world.activeSubscription("Ana", basic.id());

            var unknown = catchThrowableOfType(
                    WispCrmException.class, () -> customers.changePlan(subscription.id(), PlanId.newId(), null));
            var retired = catchThrowableOfType(
                    WispCrmException.class, () -> customers.changePlan(subscription.id(), legacy.id(), null));

            assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(retired.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(fields(retired)).containsExactly("planId");
            assertThat(customers.getSubscription(subscription.id())).isEqualTo(subscription);
        }

        @Test
        void a_cancelled_subscription_cannot_change_plan() {
            Plan basic = world.plan("Hogar 10", 65_000);
            Plan fast = world.plan("Hogar 30", 95_000);
            Subscription subscription = world.activeSubscription("Ana", basic.id());
            customers.deactivate(subscription.customerId());

            var e = catchThrowableOfType(
                    WispCrmException.class, () -> customers.changePlan(subscription.id(), fast.id(), null));
            assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(e.context()).containsEntry("status", "CANCELLED");
        }

        @Test
        void restoring_an_active_subscription_is_an_illegal_transition() {
            Plan basic = world.plan("Hogar 10", 65_000);
            Subscription active = world.activeSubscription("Ana", basic.id());

            assertThatThrownBy(() -> active.restore(world.today()))
                    .isInstanceOfSatisfying(
                            WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
        }
    }

    @Nested
    class SuspensionAndReactivation {

        @Test
        void suspension_cuts_every_active_subscription_at_the_router() {
            Plan plan = world.plan("Hogar 10", 65_000);
            Subscription home = world.activeSubscription("Ana", plan.id());
            CustomerId ana = home.customerId();
            Subscription shop = world.installed(customers.addSubscription(ana, NewSubscription.onPlan(plan.id())));
            Subscription pending = customers.addSubscription(ana, NewSubscription.onPlan(plan.id()));

            Customer suspended = customers.suspend(ana);

            assertThat(suspended.status()).isEqualTo(CustomerStatus.SUSPENDED);
            assertThat(suspended.updatedAt()).isEqualTo(world.now());
            assertThat(customers.getSubscription(home.id()).status()).isEqualTo(SubscriptionStatus.SUSPENDED);
            assertThat(customers.getSubscription(home.id()).suspendedOn()).isEqualTo(world.today());
            assertThat(customers.getSubscription(shop.id()).status()).isEqualTo(SubscriptionStatus.SUSPENDED);
            assertThat(customers.getSubscription(pending.id()).status()).isEqualTo(SubscriptionStatus.PENDING_INSTALL);
            assertThat(world.router.calls())
                    .containsExactlyInAnyOrder(
                            "suspend " + home.id() + " SUSPENDED", "suspend " + shop.id() + " SUSPENDED");
        }

        @Test
        void reactivation_restores_the_suspended_subscriptions_at_the_router() {
            Plan plan = world.plan("Hogar 10", 65_000);
            Subscription home = world.activeSubscription("Ana", plan.id());
            customers.suspend(home.customerId());
            world.travelTo(LocalDateTime.of(2026, 3, 15, 12, 0));

            Customer active = world.crm().customers().reactivate(home.customerId());

            assertThat(active.status()).isEqualTo(CustomerStatus.ACTIVE);
            assertThat(active.updatedAt()).isEqualTo(world.now());
            Subscription restored = customers.getSubscription(home.id());
            assertThat(restored.status()).isEqualTo(SubscriptionStatus.ACTIVE);
            assertThat(restored.suspendedOn()).isNull();
            assertThat(world.router.calls())
                    .containsExactly("suspend " + home.id() + " SUSPENDED", "restore " + home.id() + " ACTIVE");
        }

        @Test
        void suspending_twice_or_reactivating_an_active_customer_is_illegal() {
            Customer ana = world.customer("Ana");
            var reactivate = catchThrowableOfType(WispCrmException.class, () -> customers.reactivate(ana.id()));
            customers.suspend(ana.id());
            var suspendAgain = catchThrowableOfType(WispCrmException.class, () -> customers.suspend(ana.id()));

            assertThat(reactivate.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(suspendAgain.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(suspendAgain.context()).containsEntry("status", "SUSPENDED");
        }

        @Test
        void a_router_failure_rolls_back_the_whole_suspension_and_undoes_what_the_router_did() {
            Plan plan = world.plan("Hogar 10", 65_000);
            Subscription first = world.activeSubscription("Ana", plan.id());
            CustomerId ana = first.customerId();
            Subscription second = world.installed(customers.addSubscription(ana, NewSubscription.onPlan(plan.id())));
            Customer before = customers.get(ana);
            world.router.refuse(second.id());

            assertThatThrownBy(() -> customers.suspend(ana)).hasMessageContaining("router unreachable");

            assertThat(customers.get(ana)).isEqualTo(before);
            assertThat(customers.getSubscription(first.id())).isEqualTo(first);
            assertThat(customers.getSubscription(second.id())).isEqualTo(second);
            assertThat(world.router.calls())
                    .containsExactly("suspend " + first.id() + " SUSPENDED", "restore " + first.id() + " SUSPENDED");
        }

        @Test
        void a_router_failure_rolls_back_the_reactivation() {
            Plan plan = world.plan("Hogar 10", 65_000);
            Subscription home = world.activeSubscription("Ana", plan.id());
            Customer suspended = customers.suspend(home.customerId());
            Subscription cut = customers.getSubscription(home.id());
            world.router.refuse(home.id());

            assertThatThrownBy(() -> customers.reactivate(home.customerId())).isInstanceOf(IllegalStateException.class);

            assertThat(customers.get(home.customerId())).isEqualTo(suspended);
            assertThat(customers.getSubscription(home.id())).isEqualTo(cut);
        }

        @Test
        void deactivation_cancels_every_subscription_and_cuts_those_in_service() {
            Plan plan = world.plan("Hogar 10", 65_000);
            Subscription home = world.activeSubscription("Ana", plan.id());
            Subscription pending = customers.addSubscription(home.customerId(), NewSubscription.onPlan(plan.id()));
            world.travelTo(LocalDateTime.of(2026, 4, 2, 16, 0));

            Customer gone = world.crm().customers().deactivate(home.customerId());

            assertThat(gone.status()).isEqualTo(CustomerStatus.INACTIVE);
            assertThat(customers.subscriptionsOf(gone.id()))
                    .allSatisfy(s -> {
                        assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED);
                        assertThat(s.cancelledOn()).isEqualTo(LocalDate.of(2026, 4, 2));
                    })
                    .extracting(Subscription::id)
                    .containsExactlyInAnyOrder(home.id(), pending.id());
            assertThat(world.router.calls()).containsExactly("suspend " + home.id() + " CANCELLED");
            assertThat(catchThrowableOfType(WispCrmException.class, () -> customers.deactivate(gone.id()))
                            .code())
                    .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        }
    }

    @Nested
    class Search {

        @Test
        void finds_by_part_of_the_name_ignoring_case_ordered_by_name_and_paged() {
            world.customer("Carlos Gómez");
            world.customer("Ana Gómez");
            world.customer("Beatriz Gómez");
            world.customer("Diego Ruiz");

            var first = customers.search(CustomerSearch.byName("gómez"), PageRequest.first(2));
            var second = customers.search(
                    CustomerSearch.byName("GÓMEZ"), PageRequest.first(2).next());

            assertThat(first.items()).extracting(Customer::fullName).containsExactly("Ana Gómez", "Beatriz Gómez");
            assertThat(first.totalItems()).isEqualTo(3);
            assertThat(first.hasNext()).isTrue();
            assertThat(second.items()).extracting(Customer::fullName).containsExactly("Carlos Gómez");
            assertThat(second.hasNext()).isFalse();
        }

        @Test
        void finds_by_national_id_and_by_phone_as_typed() {
            Customer ana = customers
                    .register(registration("Ana")
                            .nationalId("1036654321")
                            .phone("3001234567")
                            .build())
                    .customer();
            customers.register(registration("Beto").phone("+57 310 000 0000").build());

            assertThat(customers
                            .search(CustomerSearch.byNationalId("1036654321"), PageRequest.first(10))
                            .items())
                    .containsExactly(ana);
            assertThat(customers
                            .search(CustomerSearch.byPhone("+57 300-123-4567"), PageRequest.first(10))
                            .items())
                    .containsExactly(ana);
            assertThat(customers
                            .search(CustomerSearch.byPhone("(300) 123 4567"), PageRequest.first(10))
                            .items())
                    .containsExactly(ana);
        }

        @Test
        void finds_by_status() {
            Customer ana = world.customer("Ana");
            world.customer("Beto");
            customers.suspend(ana.id());

            var suspended = customers.search(CustomerSearch.byStatus(CustomerStatus.SUSPENDED), PageRequest.first(10));
            var active = customers.search(CustomerSearch.byStatus(CustomerStatus.ACTIVE), PageRequest.first(10));

            assertThat(suspended.items()).extracting(Customer::fullName).containsExactly("Ana");
            assertThat(active.items()).extracting(Customer::fullName).containsExactly("Beto");
        }

        @Test
        void a_phone_that_is_not_a_phone_is_invalid_input() {
            var e = catchThrowableOfType(
                    WispCrmException.class,
                    () -> customers.search(CustomerSearch.byPhone("call me"), PageRequest.first(10)));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(fields(e)).containsExactly("phone");
        }
    }
}
