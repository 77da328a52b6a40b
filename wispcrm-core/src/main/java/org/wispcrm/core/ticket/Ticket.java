package org.wispcrm.core.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.common.TicketId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;

/**
 * A customer's support request. Immutable: each change returns a new instance.
 *
 * @param id application-assigned id
 * @param customerId who asked
 * @param subscriptionId the service concerned, if any
 * @param subject one-line summary
 * @param description what the customer reported
 * @param priority urgency
 * @param status workflow state
 * @param assignee staff member working on it, if any
 * @param comments conversation, oldest first
 * @param openedAt when it was opened
 * @param updatedAt when it last changed
 * @param resolvedAt when it was last resolved, if it is resolved or closed
 * @param version optimistic-lock version: 0 until first saved
 */
public record Ticket(
        TicketId id,
        CustomerId customerId,
        @Nullable SubscriptionId subscriptionId,
        String subject,
        String description,
        TicketPriority priority,
        TicketStatus status,
        @Nullable String assignee,
        List<TicketComment> comments,
        Instant openedAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        long version) {

    /** Validates subject and description and copies the comments. */
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        var violations = new Violations();
        if (violations.requireText("subject", subject)) {
            violations.require(subject.length() <= 200, "subject", subject, "must be at most 200 characters");
        }
        violations.requireText("description", description);
        violations.throwIfAny();
        comments = List.copyOf(comments);
    }

    /** A new, open ticket. */
    public static Ticket open(
            TicketId id,
            CustomerId customerId,
            @Nullable SubscriptionId subscriptionId,
            String subject,
            String description,
            TicketPriority priority,
            Instant now) {
        return new Ticket(
                id,
                customerId,
                subscriptionId,
                subject,
                description,
                priority,
                TicketStatus.OPEN,
                null,
                List.of(),
                now,
                now,
                null,
                0);
    }

    /** Gives the ticket to a staff member; an open ticket moves to {@code IN_PROGRESS}. */
    public Ticket assignTo(String staffMember, Instant now) {
        if (status == TicketStatus.CLOSED) {
            throw WispCrmException.illegalTransition("Ticket", id, status, "assign");
        }
        if (staffMember == null || staffMember.isBlank()) {
            throw WispCrmException.invalid("assignee", staffMember, "must not be blank");
        }
        TicketStatus next = status == TicketStatus.OPEN ? TicketStatus.IN_PROGRESS : status;
        return new Ticket(
                id,
                customerId,
                subscriptionId,
                subject,
                description,
                priority,
                next,
                staffMember.strip(),
                comments,
                openedAt,
                now,
                resolvedAt,
                version);
    }

    /** Adds a comment; closed tickets take no more comments. */
    public Ticket comment(TicketComment comment) {
        if (status == TicketStatus.CLOSED) {
            throw WispCrmException.illegalTransition("Ticket", id, status, "comment on");
        }
        var all = new ArrayList<>(comments);
        all.add(comment);
        return new Ticket(
                id,
                customerId,
                subscriptionId,
                subject,
                description,
                priority,
                status,
                assignee,
                all,
                openedAt,
                comment.writtenAt(),
                resolvedAt,
                version);
    }

    /** Moves the ticket along its workflow ({@link TicketStatus#next()}). */
    public Ticket changeStatus(TicketStatus target, Instant now) {
        if (!status.next().contains(target)) {
            throw WispCrmException.illegalTransition("Ticket", id, status, "move to " + target);
        }
        Instant resolved = switch (target) {
            case RESOLVED -> now;
            case CLOSED -> resolvedAt != null ? resolvedAt : now;
            default -> null;
        };
        return new Ticket(
                id,
                customerId,
                subscriptionId,
                subject,
                description,
                priority,
                target,
                assignee,
                comments,
                openedAt,
                now,
                resolved,
                version);
    }

    /** Changes the urgency. */
    public Ticket reprioritise(TicketPriority newPriority, Instant now) {
        if (status == TicketStatus.CLOSED) {
            throw WispCrmException.illegalTransition("Ticket", id, status, "reprioritise");
        }
        return new Ticket(
                id,
                customerId,
                subscriptionId,
                subject,
                description,
                newPriority,
                status,
                assignee,
                comments,
                openedAt,
                now,
                resolvedAt,
                version);
    }

    /** This ticket at another optimistic-lock version: repositories assign versions on save. */
    public Ticket withVersion(long newVersion) {
        return new Ticket(
                id,
                customerId,
                subscriptionId,
                subject,
                description,
                priority,
                status,
                assignee,
                comments,
                openedAt,
                updatedAt,
                resolvedAt,
                newVersion);
    }
}
