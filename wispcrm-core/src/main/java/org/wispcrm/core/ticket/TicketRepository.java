package org.wispcrm.core.ticket;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.TicketId;

/** Persistence port for tickets (with their comments); saving follows the contract of {@code CustomerRepository}. */
public interface TicketRepository {

    /** Inserts or updates, comments included. */
    Ticket save(Ticket ticket);

    /** The ticket with this id, comments included. */
    Optional<Ticket> findById(TicketId id);

    /**
     * One page of tickets, optionally one customer's and/or one status, newest first (id descending).
     *
     * @param customerId only this customer's tickets, or all when null
     * @param status only tickets in this status, or all when null
     */
    Page<Ticket> find(@Nullable CustomerId customerId, @Nullable TicketStatus status, PageRequest page);
}
