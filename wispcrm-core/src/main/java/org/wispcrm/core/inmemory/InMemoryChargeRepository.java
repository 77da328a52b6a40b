package org.wispcrm.core.inmemory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.charge.Charge;
import org.wispcrm.core.charge.ChargeRepository;
import org.wispcrm.core.common.ChargeId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Ids;

/** One-time charges in memory, unique by source reference when one is given. */
final class InMemoryChargeRepository implements ChargeRepository {
    private static final Comparator<Charge> BY_DATE_THEN_ID =
            Comparator.comparing(Charge::chargeDate).thenComparing(c -> c.id().value(), Ids.ORDER);
    private static final Comparator<Charge> BY_CUSTOMER_DATE_ID = Comparator.comparing(
                    (Charge c) -> c.customerId().value(), Ids.ORDER)
            .thenComparing(BY_DATE_THEN_ID);

    private final Table<ChargeId, Charge> table;

    InMemoryChargeRepository(InMemoryTransactionRunner tx) {
        this.table = new Table<>(
                tx,
                "Charge",
                Charge::id,
                Charge::version,
                Charge::withVersion,
                "sourceReference",
                Charge::sourceReference);
    }

    @Override
    public Charge save(Charge charge) {
        return table.save(charge);
    }

    @Override
    public Optional<Charge> findById(ChargeId id) {
        return table.get(id);
    }

    @Override
    public Optional<Charge> findBySourceReference(String sourceReference) {
        return table.getByUniqueKey(sourceReference);
    }

    @Override
    public List<Charge> findPending(Collection<CustomerId> customerIds, LocalDate asOf) {
        var wanted = new HashSet<>(customerIds);
        return table.select(
                c -> c.isPending()
                        && wanted.contains(c.customerId())
                        && !c.chargeDate().isAfter(asOf),
                BY_CUSTOMER_DATE_ID);
    }

    @Override
    public List<Charge> findByCustomer(CustomerId customerId) {
        return table.select(c -> c.customerId().equals(customerId), BY_DATE_THEN_ID);
    }
}
