package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.testkit.Fixtures.cop;
import static org.wispcrm.testkit.Fixtures.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.plan.Mbps;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.plan.PlanPrice;
import org.wispcrm.core.plan.TaxCategory;

/**
 * Compatibility kit for {@link org.wispcrm.core.plan.PlanRepository}: the price history round-trips in order, names
 * are unique, and the optimistic-lock contract holds (a second insert of an id is {@code DUPLICATE}).
 */
public abstract class PlanRepositoryKit extends PersistenceKit {

    /** Creates the kit. */
    protected PlanRepositoryKit() {}

    @Test
    void insertStoresEveryFieldIncludingThePriceHistory() {
        var plan = new Plan(
                PlanId.newId(),
                "Rural 6 Mbps",
                new Mbps(new BigDecimal("6.5")),
                new Mbps(new BigDecimal("0.5")),
                List.of(
                        new PlanPrice(LocalDate.of(2026, 7, 1), cop(59_900)),
                        new PlanPrice(LocalDate.of(2025, 1, 1), cop(49_900)),
                        new PlanPrice(LocalDate.of(2026, 1, 1), cop(55_000))),
                new TaxCategory("RURAL_EXEMPT"),
                true,
                0);

        var saved = store.plans().save(plan);

        assertThat(saved.version()).isEqualTo(1);
        var found = store.plans().findById(plan.id()).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.prices())
                .extracting(PlanPrice::effectiveFrom)
                .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1));
        assertThat(found.priceOn(LocalDate.of(2026, 3, 15))).isEqualTo(cop(55_000));
        assertThat(found.download()).isEqualTo(new Mbps(new BigDecimal("6.5")));
        assertThat(found.upload()).isEqualTo(new Mbps(new BigDecimal("0.5")));
        assertThat(found.taxCategory()).isEqualTo(new TaxCategory("RURAL_EXEMPT"));
        assertThat(found.active()).isTrue();
    }

    @Test
    void updateStoresANewPriceAndRetirementAndIncrementsTheVersion() {
        var saved = store.plans().save(plan("Hogar 20 Mbps", 85_000));

        var updated = store.plans()
                .save(saved.changePrice(cop(89_900), LocalDate.of(2027, 1, 1)).retire());

        assertThat(updated.version()).isEqualTo(2);
        var found = store.plans().findById(saved.id()).orElseThrow();
        assertThat(found).isEqualTo(updated);
        assertThat(found.active()).isFalse();
        assertThat(found.prices())
                .containsExactly(
                        new PlanPrice(LocalDate.of(2026, 1, 1), cop(85_000)),
                        new PlanPrice(LocalDate.of(2027, 1, 1), cop(89_900)));

        var replaced = store.plans().save(found.changePrice(cop(87_000), LocalDate.of(2027, 1, 1)));
        assertThat(store.plans().findById(saved.id()).orElseThrow().prices())
                .containsExactly(
                        new PlanPrice(LocalDate.of(2026, 1, 1), cop(85_000)),
                        new PlanPrice(LocalDate.of(2027, 1, 1), cop(87_000)));
        assertThat(replaced.version()).isEqualTo(3);
    }

    @Test
    void saveOfAStaleCopyFails() {
        var first = store.plans().save(plan("Hogar 30 Mbps", 105_000));
        var second = store.plans().save(first.changePrice(cop(110_000), LocalDate.of(2027, 1, 1)));

        assertFailsWith(ErrorCode.CONCURRENT_MODIFICATION, () -> store.plans().save(first.retire()));

        assertThat(store.plans().findById(first.id())).contains(second);
    }

    @Test
    void updateOfAPlanThatWasNeverSavedFails() {
        var ghost = plan("Fantasma", 1_000);
        var versioned = new Plan(
                ghost.id(),
                ghost.name(),
                ghost.download(),
                ghost.upload(),
                ghost.prices(),
                ghost.taxCategory(),
                true,
                1);

        assertFailsWith(ErrorCode.CONCURRENT_MODIFICATION, () -> store.plans().save(versioned));
        assertThat(store.plans().findById(ghost.id())).isEmpty();
    }

    @Test
    void namesAndIdsAreUnique() {
        var plan = plan("Empresarial 50 Mbps", 250_000);
        var saved = store.plans().save(plan);

        assertFailsWith(ErrorCode.DUPLICATE, () -> store.plans().save(plan));
        assertFailsWith(ErrorCode.DUPLICATE, () -> store.plans().save(plan("Empresarial 50 Mbps", 1)));

        assertThat(store.plans().findAll()).containsExactly(saved);
    }

    @Test
    void findsByExactNameAndReportsMissingPlansAsEmpty() {
        var saved = store.plans().save(plan("Hogar 10 Mbps", 65_000));

        assertThat(store.plans().findByName("Hogar 10 Mbps")).contains(saved);
        assertThat(store.plans().findByName("Hogar 10")).isEmpty();
        assertThat(store.plans().findById(PlanId.newId())).isEmpty();
    }

    @Test
    void findAllListsActivePlansFirstThenByName() {
        var zeta = store.plans().save(plan("Zeta 100 Mbps", 300_000));
        var basic = store.plans().save(plan("Basico 5 Mbps", 45_000));
        var oldPlan = store.plans().save(plan("Antiguo 2 Mbps", 30_000));
        oldPlan = store.plans().save(oldPlan.retire());
        var medium = store.plans().save(plan("Medio 20 Mbps", 85_000));
        var retiredToo = store.plans()
                .save(store.plans().save(plan("Cerrado 1 Mbps", 20_000)).retire());

        assertThat(store.plans().findAll()).containsExactly(basic, medium, zeta, oldPlan, retiredToo);
    }
}
