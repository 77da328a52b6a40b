package org.wispcrm.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.plan.PlanRepository;

/** Plans in memory, unique by name. */
final class InMemoryPlanRepository implements PlanRepository {
    private static final Comparator<Plan> ACTIVE_FIRST_THEN_NAME = Comparator.comparing((Plan p) -> !p.active())
            .thenComparing(Plan::name)
            .thenComparing(p -> p.id().value(), Ids.ORDER);

    private final Table<PlanId, Plan> table;

    InMemoryPlanRepository(InMemoryTransactionRunner tx) {
        this.table = new Table<>(tx, "Plan", Plan::id, Plan::version, Plan::withVersion, "name", Plan::name);
    }

    @Override
    public Plan save(Plan plan) {
        return table.save(plan);
    }

    @Override
    public Optional<Plan> findById(PlanId id) {
        return table.get(id);
    }

    @Override
    public Optional<Plan> findByName(String name) {
        return table.getByUniqueKey(name);
    }

    @Override
    public List<Plan> findAll() {
        return table.select(p -> true, ACTIVE_FIRST_THEN_NAME);
    }
}
