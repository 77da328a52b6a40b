package org.wispcrm.jpa;

import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.plan.PlanRepository;

/** Plans in {@code plans}, their price history in {@code plan_prices}. */
final class JpaPlanRepository implements PlanRepository {
    private final JpaTransactionRunner tx;

    JpaPlanRepository(JpaTransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public Plan save(Plan plan) {
        return tx.call(em -> {
            long version = Versioned.save(
                    em,
                    PlanEntity.class,
                    plan.id().value(),
                    plan.version(),
                    "Plan",
                    () -> PlanEntity.of(plan),
                    row -> row.copy(plan));
            return plan.withVersion(version);
        });
    }

    @Override
    public Optional<Plan> findById(PlanId id) {
        return tx.call(
                em -> Optional.ofNullable(em.find(PlanEntity.class, id.value())).map(PlanEntity::toDomain));
    }

    @Override
    public Optional<Plan> findByName(String name) {
        return tx.call(em -> em.createQuery("select e from PlanEntity e where e.name = :name", PlanEntity.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .map(PlanEntity::toDomain));
    }

    @Override
    public List<Plan> findAll() {
        return tx.call(em -> em
                .createQuery(
                        "select e from PlanEntity e order by case when e.active then 0 else 1 end, e.name, e.id",
                        PlanEntity.class)
                .getResultList()
                .stream()
                .map(PlanEntity::toDomain)
                .toList());
    }
}
