package org.wispcrm.core.notification;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.common.Violations;

/**
 * A rendered message, ready for a channel.
 *
 * @param notificationId the outbox message it renders; providers that support it get this as idempotency key
 * @param kind what it tells
 * @param recipient to whom
 * @param subject subject line (email) or title
 * @param text plain-text body (WhatsApp, SMS, the email's text part)
 * @param html HTML body for email, or null for text-only
 * @param attachments files to send
 */
public record OutgoingMessage(
        NotificationId notificationId,
        NotificationKind kind,
        Recipient recipient,
        String subject,
        String text,
        @Nullable String html,
        List<Attachment> attachments) {

    /** Validates that there is something to send. */
    public OutgoingMessage {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        var violations = new Violations();
        violations.requireText("subject", subject);
        violations.requireText("text", text);
        violations.throwIfAny();
        attachments = List.copyOf(attachments);
    }
}
