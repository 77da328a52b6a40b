package org.wispcrm.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.document.DocumentKey;

/**
 * A message in the transactional outbox: enqueued in the same unit of work as the change that causes it, sent
 * later by the dispatcher. It carries data, not rendered text, so it is rendered in the customer's language at
 * send time, and document keys, not document bytes.
 *
 * @param id application-assigned id
 * @param idempotencyKey unique key of the cause ("invoice-issued:FE-42"); enqueueing it twice keeps one message
 * @param kind what it tells
 * @param customerId to whom
 * @param model template data, such as {@code invoiceNumber} or {@code amount}, as plain strings
 * @param attachments keys of documents to attach, such as the invoice PDF
 * @param attachmentsStored whether the attachments are known to be stored: whoever stored them said so through
 *     {@link NotificationOutbox#markAttachmentsStored}, so the dispatcher links them without asking the storage
 * @param status where it stands
 * @param attempts how many times sending was tried
 * @param nextAttemptAt when it is due (or, while claimed, when the claim expires)
 * @param lastError why the last attempt failed, if it did
 * @param sentVia the channel that delivered it
 * @param providerMessageId the provider's id for the delivered message
 * @param createdAt when it was enqueued
 * @param sentAt when a provider accepted it
 */
public record Notification(
        NotificationId id,
        String idempotencyKey,
        NotificationKind kind,
        CustomerId customerId,
        Map<String, String> model,
        List<DocumentKey> attachments,
        boolean attachmentsStored,
        NotificationStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable ChannelName sentVia,
        @Nullable String providerMessageId,
        Instant createdAt,
        @Nullable Instant sentAt) {

    /** Validates the key and copies the collections. */
    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
        var violations = new Violations();
        if (violations.requireText("idempotencyKey", idempotencyKey)) {
            violations.require(
                    idempotencyKey.length() <= 200, "idempotencyKey", idempotencyKey, "must be at most 200 characters");
        }
        violations.require(attempts >= 0, "attempts", attempts, "must not be negative");
        violations.throwIfAny();
        model = Map.copyOf(model);
        attachments = List.copyOf(attachments);
    }

    /** A new message, due at once. */
    public static Notification pending(
            String idempotencyKey,
            NotificationKind kind,
            CustomerId customerId,
            Map<String, String> model,
            List<DocumentKey> attachments,
            Instant now) {
        return new Notification(
                NotificationId.newId(),
                idempotencyKey,
                kind,
                customerId,
                model,
                attachments,
                false,
                NotificationStatus.PENDING,
                0,
                now,
                null,
                null,
                null,
                now,
                null);
    }

    /** This message with its attachments known to be stored. */
    public Notification withAttachmentsStored() {
        return new Notification(
                id,
                idempotencyKey,
                kind,
                customerId,
                model,
                attachments,
                true,
                status,
                attempts,
                nextAttemptAt,
                lastError,
                sentVia,
                providerMessageId,
                createdAt,
                sentAt);
    }
}
