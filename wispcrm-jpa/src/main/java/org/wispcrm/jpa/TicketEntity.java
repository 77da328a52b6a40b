package org.wispcrm.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.common.TicketId;
import org.wispcrm.core.ticket.Ticket;
import org.wispcrm.core.ticket.TicketComment;
import org.wispcrm.core.ticket.TicketPriority;
import org.wispcrm.core.ticket.TicketStatus;

@Entity
@Table(name = "tickets")
class TicketEntity extends VersionedEntity {
    @Id
    UUID id = new UUID(0, 0);

    @Column(name = "customer_id")
    UUID customerId = new UUID(0, 0);

    @Column(name = "subscription_id")
    @Nullable
    UUID subscriptionId;

    String subject = "";

    String description = "";

    @Enumerated(EnumType.STRING)
    TicketPriority priority = TicketPriority.NORMAL;

    @Enumerated(EnumType.STRING)
    TicketStatus status = TicketStatus.OPEN;

    @Nullable
    String assignee;

    @ElementCollection
    @CollectionTable(name = "ticket_comments", joinColumns = @JoinColumn(name = "ticket_id"))
    @OrderColumn(name = "position")
    List<CommentColumns> comments = new ArrayList<>();

    @Column(name = "opened_at")
    Instant openedAt = Instant.EPOCH;

    @Column(name = "updated_at")
    Instant updatedAt = Instant.EPOCH;

    @Column(name = "resolved_at")
    @Nullable
    Instant resolvedAt;

    @Embeddable
    static class CommentColumns {
        String author = "";

        String body = "";

        boolean internal;

        @Column(name = "written_at")
        Instant writtenAt = Instant.EPOCH;

        CommentColumns() {}

        CommentColumns(TicketComment comment) {
            author = comment.author();
            body = comment.text();
            internal = comment.internal();
            writtenAt = comment.writtenAt();
        }

        TicketComment toDomain() {
            return new TicketComment(author, body, internal, writtenAt);
        }
    }

    TicketEntity() {}

    static TicketEntity of(Ticket ticket) {
        var row = new TicketEntity();
        row.id = ticket.id().value();
        row.copy(ticket);
        return row;
    }

    void copy(Ticket t) {
        customerId = t.customerId().value();
        subscriptionId = t.subscriptionId() == null ? null : t.subscriptionId().value();
        subject = t.subject();
        description = t.description();
        priority = t.priority();
        status = t.status();
        assignee = t.assignee();
        // comments are append-only in the domain: keep the stored prefix, add the new ones
        int keep = 0;
        while (keep < comments.size()
                && keep < t.comments().size()
                && comments.get(keep).toDomain().equals(t.comments().get(keep))) {
            keep++;
        }
        while (comments.size() > keep) {
            comments.remove(comments.size() - 1);
        }
        for (int i = keep; i < t.comments().size(); i++) {
            comments.add(new CommentColumns(t.comments().get(i)));
        }
        openedAt = t.openedAt();
        updatedAt = t.updatedAt();
        resolvedAt = t.resolvedAt();
    }

    Ticket toDomain() {
        return new Ticket(
                new TicketId(id),
                new CustomerId(customerId),
                subscriptionId == null ? null : new SubscriptionId(subscriptionId),
                subject,
                description,
                priority,
                status,
                assignee,
                comments.stream().map(CommentColumns::toDomain).toList(),
                openedAt,
                updatedAt,
                resolvedAt,
                domainVersion());
    }
}
