package org.wispcrm.jpa;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.TicketId;
import org.wispcrm.core.ticket.Ticket;
import org.wispcrm.core.ticket.TicketRepository;
import org.wispcrm.core.ticket.TicketStatus;

/** Tickets in {@code tickets}, their comments in {@code ticket_comments}. */
final class JpaTicketRepository implements TicketRepository {
    private final JpaTransactionRunner tx;

    JpaTicketRepository(JpaTransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public Ticket save(Ticket t) {
        return tx.call(em -> {
            long version = Versioned.save(
                    em,
                    TicketEntity.class,
                    t.id().value(),
                    t.version(),
                    "Ticket",
                    () -> TicketEntity.of(t),
                    row -> row.copy(t));
            return t.withVersion(version);
        });
    }

    @Override
    public Optional<Ticket> findById(TicketId id) {
        return tx.call(em ->
                Optional.ofNullable(em.find(TicketEntity.class, id.value())).map(TicketEntity::toDomain));
    }

    @Override
    public Page<Ticket> find(@Nullable CustomerId customerId, @Nullable TicketStatus status, PageRequest page) {
        return tx.call(em -> Queries.from("TicketEntity")
                .where("e.customerId = :customerId", "customerId", customerId == null ? null : customerId.value())
                .where("e.status = :status", "status", status)
                .page(em, TicketEntity.class, "e.id desc", page, TicketEntity::toDomain));
    }
}
