package org.wispcrm.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.wispcrm.core.TestWorld.cop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.TestWorld;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.FieldViolation;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.WispCrmException;

class PlanServiceTest {
    private final TestWorld world = TestWorld.onTenthOfMarch();
    private final PlanService plans = world.crm().plans();

    @Test
    void creates_an_active_plan_priced_from_today() {
        Plan plan = plans.create(new NewPlan(
                "  Hogar 10 Mbps ", new BigDecimal("10"), new BigDecimal("2.50"), cop(65_000), TaxCategory.EXEMPT));

        assertThat(plan.name()).isEqualTo("Hogar 10 Mbps");
        assertThat(plan.download()).hasToString("10 Mbps");
        assertThat(plan.upload()).hasToString("2.5 Mbps");
        assertThat(plan.taxCategory()).isEqualTo(TaxCategory.EXEMPT);
        assertThat(plan.active()).isTrue();
        assertThat(plan.prices()).containsExactly(new PlanPrice(world.today(), cop(65_000)));
        assertThat(plan.priceOn(world.today())).isEqualTo(Money.of(new BigDecimal("65000"), "COP"));
        assertThat(plan.version()).isEqualTo(1);
        assertThat(plans.get(plan.id())).isEqualTo(plan);
        assertThat(plans.findByName("Hogar 10 Mbps")).contains(plan);
    }

    @Test
    void the_tax_category_defaults_to_standard() {
        assertThat(world.plan("Hogar 10", 65_000).taxCategory()).isEqualTo(TaxCategory.STANDARD);
    }

    @Test
    void a_negative_price_is_invalid_naming_monthlyPrice() {
        var e = catchThrowableOfType(
                WispCrmException.class, () -> plans.create(NewPlan.of("Hogar 10", 10, 5, cop(-1))));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("monthlyPrice");
            assertThat(v.message()).isEqualTo("must be zero or more");
        });
        assertThat(plans.list()).isEmpty();
    }

    @Test
    void every_bad_field_is_named_at_once() {
        var e = catchThrowableOfType(
                WispCrmException.class,
                () -> plans.create(new NewPlan(" ", BigDecimal.ZERO, null, Money.of(-5, "USD"), null)));

        assertThat(e.violations())
                .extracting(FieldViolation::field)
                .containsExactly("name", "downloadMbps", "uploadMbps", "monthlyPrice");
    }

    @Test
    void a_duplicate_name_is_refused() {
        world.plan("Hogar 10", 65_000);
        var e = catchThrowableOfType(WispCrmException.class, () -> world.plan("Hogar 10", 70_000));

        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE);
        assertThat(e.getMessage()).contains("Hogar 10");
        assertThat(plans.list()).hasSize(1);
    }

    @Test
    void a_price_change_applies_from_its_date_and_keeps_earlier_prices() {
        Plan plan = world.plan("Hogar 10", 65_000);
        LocalDate april = LocalDate.of(2026, 4, 1);

        Plan changed = plans.changePrice(plan.id(), cop(69_900), april);

        assertThat(changed.priceOn(LocalDate.of(2026, 3, 31))).isEqualTo(cop(65_000));
        assertThat(changed.priceOn(april)).isEqualTo(cop(69_900));
        assertThat(changed.prices())
                .containsExactly(new PlanPrice(world.today(), cop(65_000)), new PlanPrice(april, cop(69_900)));
        assertThat(changed.version()).isEqualTo(2);
    }

    @Test
    void a_price_change_cannot_reach_into_the_past() {
        Plan plan = world.plan("Hogar 10", 65_000);
        world.travelTo(LocalDateTime.of(2026, 5, 1, 9, 0));
        var later = world.crm().plans();

        var e = catchThrowableOfType(
                WispCrmException.class, () -> later.changePrice(plan.id(), cop(70_000), LocalDate.of(2026, 4, 1)));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("effectiveFrom");
        assertThat(later.get(plan.id()).priceOn(LocalDate.of(2026, 4, 15))).isEqualTo(cop(65_000));
    }

    @Test
    void a_price_change_from_today_is_allowed_without_a_date() {
        Plan plan = world.plan("Hogar 10", 65_000);
        world.travelTo(LocalDateTime.of(2026, 5, 1, 9, 0));

        Plan changed = world.crm().plans().changePrice(plan.id(), cop(70_000), null);

        assertThat(changed.priceOn(LocalDate.of(2026, 4, 30))).isEqualTo(cop(65_000));
        assertThat(changed.priceOn(LocalDate.of(2026, 5, 1))).isEqualTo(cop(70_000));
    }

    @Test
    void a_price_change_must_be_non_negative_and_in_the_plan_currency() {
        Plan plan = world.plan("Hogar 10", 65_000);

        var negative =
                catchThrowableOfType(WispCrmException.class, () -> plans.changePrice(plan.id(), cop(-100), null));
        var dollars = catchThrowableOfType(
                WispCrmException.class, () -> plans.changePrice(plan.id(), Money.of(20, "USD"), null));

        assertThat(negative.violations()).extracting(FieldViolation::field).containsExactly("monthlyPrice");
        assertThat(dollars.violations()).extracting(FieldViolation::field).containsExactly("monthlyPrice");
        assertThat(dollars.getMessage()).contains("COP");
        assertThat(plans.get(plan.id())).isEqualTo(plan);
    }

    @Test
    void an_unknown_plan_is_not_found() {
        var e = catchThrowableOfType(WispCrmException.class, () -> plans.changePrice(PlanId.newId(), cop(1), null));
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void retiring_closes_the_plan_and_lists_it_after_the_active_ones() {
        Plan alpha = world.plan("Alpha 5", 40_000);
        world.plan("Zeta 50", 120_000);
        world.plan("Hogar 10", 65_000);

        Plan retired = plans.retire(alpha.id());

        assertThat(retired.active()).isFalse();
        assertThat(plans.list()).extracting(Plan::name).containsExactly("Hogar 10", "Zeta 50", "Alpha 5");
        assertThat(plans.listActive()).extracting(Plan::name).containsExactly("Hogar 10", "Zeta 50");
        var again = catchThrowableOfType(WispCrmException.class, () -> plans.retire(alpha.id()));
        assertThat(again.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }
}
