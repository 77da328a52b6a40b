package org.wispcrm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationStatus;

/** An outbox row; its version guards the outcome marks against a claim by another worker. */
@Entity
@Table(name = "notifications")
class NotificationEntity extends VersionedEntity {
    @Id
    UUID id = new UUID(0, 0);

    @org.hibernate.annotations.NaturalId
    @Column(name = "idempotency_key")
    String idempotencyKey = "";

    @Enumerated(EnumType.STRING)
    NotificationKind kind = NotificationKind.INVOICE_ISSUED;

    @Column(name = "customer_id")
    UUID customerId = new UUID(0, 0);

    String model = "{}";

    String attachments = "";

    // written on insert and by markAttachmentsStored only, so an entity saved from a stale copy never resets it
    @Column(name = "attachments_stored", updatable = false)
    boolean attachmentsStored;

    @Enumerated(EnumType.STRING)
    NotificationStatus status = NotificationStatus.PENDING;

    int attempts;

    @Column(name = "next_attempt_at")
    Instant nextAttemptAt = Instant.EPOCH;

    @Column(name = "last_error")
    @Nullable
    String lastError;

    @Column(name = "sent_via")
    @Nullable
    String sentVia;

    @Column(name = "provider_message_id")
    @Nullable
    String providerMessageId;

    @Column(name = "created_at")
    Instant createdAt = Instant.EPOCH;

    @Column(name = "sent_at")
    @Nullable
    Instant sentAt;

    NotificationEntity() {}

    static NotificationEntity of(Notification n) {
        var row = new NotificationEntity();
        row.id = n.id().value();
        row.idempotencyKey = n.idempotencyKey();
        row.kind = n.kind();
        row.customerId = n.customerId().value();
        row.model = ModelCodec.encode(n.model());
        row.attachments = ModelCodec.encodeKeys(n.attachments());
        row.attachmentsStored = n.attachmentsStored();
        row.status = n.status();
        row.attempts = n.attempts();
        row.nextAttemptAt = n.nextAttemptAt();
        row.lastError = n.lastError();
        row.sentVia = n.sentVia() == null ? null : n.sentVia().value();
        row.providerMessageId = n.providerMessageId();
        row.createdAt = n.createdAt();
        row.sentAt = n.sentAt();
        return row;
    }

    Notification toDomain() {
        return new Notification(
                new NotificationId(id),
                idempotencyKey,
                kind,
                new CustomerId(customerId),
                ModelCodec.decode(model),
                ModelCodec.decodeKeys(attachments),
                attachmentsStored,
                status,
                attempts,
                nextAttemptAt,
                lastError,
                sentVia == null ? null : new ChannelName(sentVia),
                providerMessageId,
                createdAt,
                sentAt);
    }
}
