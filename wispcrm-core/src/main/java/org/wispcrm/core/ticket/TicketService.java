package org.wispcrm.core.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.TicketId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.CustomerRepository;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationOutbox;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionRepository;
import org.wispcrm.core.tx.TransactionRunner;

/**
 * Support ticket use cases: open, assign, comment, change status, reprioritise, list. A status change and a staff
 * comment the customer may see enqueue a {@link NotificationKind#TICKET_UPDATED} message in the same unit of
 * work. Obtain it from {@code WispCrm.tickets()}.
 */
public final class TicketService {
    /** The author name of comments written by the customer; they are not notified of their own comments. */
    public static final String CUSTOMER_AUTHOR = "customer";

    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);
    // A comment equal to the last one within this window is a double submit or a retry, not a new comment.
    private static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);

    private final TransactionRunner transactions;
    private final CustomerRepository customers;
    private final SubscriptionRepository subscriptions;
    private final TicketRepository tickets;
    private final NotificationOutbox outbox;
    private final Clock clock;

    /**
     * Creates the service; {@code WispCrm} does this for hosts.
     *
     * @param transactions units of work; every use case runs in one
     * @param customers customers
     * @param subscriptions subscriptions
     * @param tickets tickets
     * @param outbox the notification outbox
     * @param clock the time source for every instant recorded
     */
    public TicketService(
            TransactionRunner transactions,
            CustomerRepository customers,
            SubscriptionRepository subscriptions,
            TicketRepository tickets,
            NotificationOutbox outbox,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens a ticket.
     *
     * @throws WispCrmException {@code NOT_FOUND} for an unknown customer or subscription; {@code INVALID_INPUT}
     *     naming every bad field (subject, description, another customer's subscriptionId)
     */
    public Ticket open(OpenTicket command) {
        Objects.requireNonNull(command, "command");
        return transactions.inTransaction(() -> {
            if (customers.findById(command.customerId()).isEmpty()) {
                throw WispCrmException.notFound("Customer", command.customerId());
            }
            if (command.subscriptionId() != null) {
                Subscription subscription = subscriptions
                        .findById(command.subscriptionId())
                        .orElseThrow(() -> WispCrmException.notFound("Subscription", command.subscriptionId()));
                if (!subscription.customerId().equals(command.customerId())) {
                    throw WispCrmException.invalid(
                            "subscriptionId", command.subscriptionId(), "belongs to another customer");
                }
            }
            Ticket ticket = Ticket.open(
                    TicketId.newId(),
                    command.customerId(),
                    command.subscriptionId(),
                    command.subject() == null ? null : command.subject().strip(),
                    command.description(),
                    command.priority() != null ? command.priority() : TicketPriority.NORMAL,
                    Instant.now(clock));
            Ticket saved = tickets.save(ticket);
            LOG.info("Opened ticket {} for customer {}", saved.id(), saved.customerId());
            return saved;
        });
    }

    /**
     * Gives the ticket to a staff member; an open ticket moves to {@code IN_PROGRESS}.
     *
     * @throws WispCrmException {@code INVALID_INPUT} for a blank name; {@code ILLEGAL_TRANSITION} once closed
     */
    public Ticket assign(TicketId ticketId, String staffMember) {
        return transactions.inTransaction(() -> tickets.save(get(ticketId).assignTo(staffMember, Instant.now(clock))));
    }

    /**
     * Adds a staff member's comment; unless it is internal, the customer is notified. Sending the same comment
     * again within ten minutes (a double submit, a retry) adds nothing and notifies nothing more.
     *
     * @param author the staff member
     * @param internal whether only staff may see it
     * @throws WispCrmException {@code INVALID_INPUT} for a blank author or text; {@code ILLEGAL_TRANSITION} once
     *     closed
     */
    public Ticket comment(TicketId ticketId, String author, String text, boolean internal) {
        return addComment(ticketId, author, text, internal);
    }

    /**
     * Adds the customer's own comment (author {@value #CUSTOMER_AUTHOR}); nobody is notified.
     *
     * @throws WispCrmException {@code INVALID_INPUT} for a blank text; {@code ILLEGAL_TRANSITION} once closed
     */
    public Ticket commentAsCustomer(TicketId ticketId, String text) {
        return addComment(ticketId, CUSTOMER_AUTHOR, text, false);
    }

    /**
     * Moves the ticket along its workflow ({@link TicketStatus#next()}) and notifies the customer. Asking for the
     * status the ticket already has changes nothing and notifies nothing (a retry).
     *
     * @throws WispCrmException {@code ILLEGAL_TRANSITION} for a move the workflow does not allow
     */
    public Ticket changeStatus(TicketId ticketId, TicketStatus target) {
        Objects.requireNonNull(target, "target");
        return transactions.inTransaction(() -> {
            Ticket ticket = get(ticketId);
            if (ticket.status() == target) {
                return ticket;
            }
            Ticket saved = tickets.save(ticket.changeStatus(target, Instant.now(clock)));
            var model = baseModel(saved);
            model.put("change", "STATUS");
            model.put("previousStatus", ticket.status().name());
            enqueue(saved, model);
            return saved;
        });
    }

    /**
     * Changes the urgency.
     *
     * @throws WispCrmException {@code ILLEGAL_TRANSITION} once closed
     */
    public Ticket reprioritise(TicketId ticketId, TicketPriority priority) {
        Objects.requireNonNull(priority, "priority");
        return transactions.inTransaction(() -> tickets.save(get(ticketId).reprioritise(priority, Instant.now(clock))));
    }

    /**
     * One page of tickets, newest first.
     *
     * @param customerId only this customer's tickets, or all when null
     * @param status only tickets in this status, or all when null
     */
    public Page<Ticket> list(@Nullable CustomerId customerId, @Nullable TicketStatus status, PageRequest page) {
        Objects.requireNonNull(page, "page");
        return transactions.inTransaction(() -> tickets.find(customerId, status, page));
    }

    /** The ticket with this id, comments included. */
    public Optional<Ticket> find(TicketId ticketId) {
        return transactions.inTransaction(() -> tickets.findById(ticketId));
    }

    /**
     * The ticket with this id, comments included.
     *
     * @throws WispCrmException {@code NOT_FOUND} if there is none
     */
    public Ticket get(TicketId ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        return find(ticketId).orElseThrow(() -> WispCrmException.notFound("Ticket", ticketId));
    }

    private Ticket addComment(TicketId ticketId, String author, String text, boolean internal) {
        return transactions.inTransaction(() -> {
            Ticket ticket = get(ticketId);
            var comment = new TicketComment(author, text, internal, Instant.now(clock));
            if (isRepeatOfLast(ticket, comment)) {
                return ticket;
            }
            Ticket saved = tickets.save(ticket.comment(comment));
            if (!internal && !CUSTOMER_AUTHOR.equals(author)) {
                var model = baseModel(saved);
                model.put("change", "COMMENT");
                model.put("author", author);
                model.put("comment", text);
                enqueue(saved, model);
            }
            return saved;
        });
    }

    private static boolean isRepeatOfLast(Ticket ticket, TicketComment comment) {
        List<TicketComment> comments = ticket.comments();
        if (comments.isEmpty()) {
            return false;
        }
        TicketComment last = comments.get(comments.size() - 1);
        return !last.writtenAt().isBefore(comment.writtenAt().minus(REPEAT_WINDOW))
                && last.author().equals(comment.author())
                && last.text().equals(comment.text())
                && last.internal() == comment.internal();
    }

    private static LinkedHashMap<String, String> baseModel(Ticket ticket) {
        var model = new LinkedHashMap<String, String>();
        model.put("ticketId", ticket.id().toString());
        model.put("subject", ticket.subject());
        model.put("status", ticket.status().name());
        model.put("priority", ticket.priority().name());
        return model;
    }

    /** The key names the ticket's saved version: one message per change, however often the change is retried. */
    private void enqueue(Ticket saved, LinkedHashMap<String, String> model) {
        String key = "ticket-updated:" + saved.id() + ":v" + saved.version();
        boolean added = outbox.enqueue(Notification.pending(
                key, NotificationKind.TICKET_UPDATED, saved.customerId(), model, List.of(), Instant.now(clock)));
        LOG.debug("Notification {} {}", key, added ? "enqueued" : "already enqueued");
    }
}
