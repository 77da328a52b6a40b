package org.wispcrm.core.plan;

import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.PlanId;

/** Persistence port for plans; saving follows the optimistic-lock contract of {@code CustomerRepository}. */
public interface PlanRepository {

    /** Inserts or updates; fails with {@code DUPLICATE} if another plan has the same name. */
    Plan save(Plan plan);

    /** The plan with this id. */
    Optional<Plan> findById(PlanId id);

    /** The plan with this exact name. */
    Optional<Plan> findByName(String name);

    /** Every plan, active first, then by name. Plans are few (tens), so no paging. */
    List<Plan> findAll();
}
