package org.wispcrm.core.inmemory;

import java.util.Comparator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.TicketId;
import org.wispcrm.core.ticket.Ticket;
import org.wispcrm.core.ticket.TicketRepository;
import org.wispcrm.core.ticket.TicketStatus;

/** Tickets, comments included, in memory. */
final class InMemoryTicketRepository implements TicketRepository {
    private static final Comparator<Ticket> NEWEST_FIRST =
            Comparator.comparing((Ticket t) -> t.id().value(), Ids.ORDER).reversed();

    private final Table<TicketId, Ticket> table;

    InMemoryTicketRepository(InMemoryTransactionRunner tx) {
        this.table = new Table<>(tx, "Ticket", Ticket::id, Ticket::version, Ticket::withVersion);
    }

    @Override
    public Ticket save(Ticket ticket) {
        return table.save(ticket);
    }

    @Override
    public Optional<Ticket> findById(TicketId id) {
        return table.get(id);
    }

    @Override
    public Page<Ticket> find(@Nullable CustomerId customerId, @Nullable TicketStatus status, PageRequest page) {
        return Page.of(
                table.select(
                        t -> (customerId == null || customerId.equals(t.customerId()))
                                && (status == null || status == t.status()),
                        NEWEST_FIRST),
                page);
    }
}
