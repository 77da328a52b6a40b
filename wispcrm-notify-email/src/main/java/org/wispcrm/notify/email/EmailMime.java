package org.wispcrm.notify.email;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.notification.Attachment;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.OutgoingMessage;

/**
 * Builds the one MIME message both channels send, so SMTP and SES deliver the same bytes:
 *
 * <pre>
 * multipart/mixed                      (only when there are attachments)
 * ├── multipart/alternative            (only when there is an HTML body)
 * │   ├── text/plain; charset=UTF-8
 * │   └── text/html; charset=UTF-8     (the HTML as given: the template engine escaped it)
 * └── each attachment, with its file name and content type
 * </pre>
 *
 * <p>The subject and display names are encoded as UTF-8 words; the {@code Message-ID} is
 * {@code <notificationId@sender's domain>}, the same on every retry, so receivers that drop duplicates do.
 */
final class EmailMime {
    private static final String UTF_8 = "UTF-8";
    private static final int MAX_PROVIDER_TEXT = 300;

    private final EmailAddress from;
    private final InternetAddress fromAddress;
    private final InternetAddress @Nullable [] replyTo;
    private final Clock clock;

    EmailMime(EmailConfig config, Clock clock) {
        config.validate();
        this.from = config.fromAddress();
        this.fromAddress = address(from, config.fromName().orElse(null));
        this.replyTo = config.replyTo()
                .map(r -> new InternetAddress[] {address(r, null)})
                .orElse(null);
        this.clock = clock;
    }

    EmailAddress from() {
        return from;
    }

    /** The Message-ID the message will carry. */
    String messageId(OutgoingMessage message) {
        return "<" + message.notificationId()
                + from.value().substring(from.value().indexOf('@')) + ">";
    }

    /** The message, ready to send. */
    MimeMessage build(Session session, OutgoingMessage message, EmailAddress to) {
        try {
            var mime = new FixedIdMimeMessage(session, messageId(message));
            mime.setFrom(fromAddress);
            if (replyTo != null) {
                mime.setReplyTo(replyTo);
            }
            mime.setRecipient(
                    Message.RecipientType.TO, address(to, message.recipient().name()));
            mime.setSubject(message.subject(), UTF_8);
            mime.setSentDate(Date.from(clock.instant()));
            Locale locale = message.recipient().locale();
            if (!locale.toLanguageTag().equals("und")) {
                mime.setHeader("Content-Language", locale.toLanguageTag());
            }
            if (message.attachments().isEmpty()) {
                setBody(mime, message);
            } else {
                var mixed = new MimeMultipart("mixed");
                var body = new MimeBodyPart();
                setBody(body, message);
                mixed.addBodyPart(body);
                for (Attachment attachment : message.attachments()) {
                    mixed.addBodyPart(attachmentPart(attachment));
                }
                mime.setContent(mixed);
            }
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw ChannelException.permanent(
                    "Notification " + message.notificationId() + ": could not build the email: " + e.getMessage(), e);
        }
    }

    /** The message as the bytes of an RFC 5322 message (what SES's raw content wants). */
    byte[] bytes(Session session, OutgoingMessage message, EmailAddress to) {
        MimeMessage mime = build(session, message, to);
        try {
            var out = new ByteArrayOutputStream();
            mime.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw ChannelException.permanent(
                    "Notification " + message.notificationId() + ": could not write the email: " + e.getMessage(), e);
        }
    }

    private static void setBody(MimePart part, OutgoingMessage message) throws MessagingException {
        if (message.html() == null) {
            part.setText(message.text(), UTF_8, "plain");
            return;
        }
        var alternative = new MimeMultipart("alternative");
        var text = new MimeBodyPart();
        text.setText(message.text(), UTF_8, "plain");
        alternative.addBodyPart(text);
        var html = new MimeBodyPart();
        html.setText(message.html(), UTF_8, "html");
        alternative.addBodyPart(html);
        part.setContent(alternative);
    }

    private static MimeBodyPart attachmentPart(Attachment attachment) throws MessagingException {
        var part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.fileName());
        part.setDisposition(Part.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    private static InternetAddress address(EmailAddress email, @Nullable String personal) {
        try {
            return personal == null || personal.isBlank()
                    ? new InternetAddress(email.value(), true)
                    : new InternetAddress(email.value(), personal, UTF_8);
        } catch (UnsupportedEncodingException | MessagingException e) {
            throw new IllegalStateException("a valid EmailAddress was refused: " + email, e);
        }
    }

    /** A provider's text, shortened, on one line, with the recipient's address masked. */
    static String clean(String text, EmailAddress to) {
        String cleaned = text.replaceAll("(?i)" + Pattern.quote(to.value()), Matcher.quoteReplacement(to.masked()))
                .replaceAll("\\s+", " ")
                .strip();
        return cleaned.length() <= MAX_PROVIDER_TEXT ? cleaned : cleaned.substring(0, MAX_PROVIDER_TEXT) + "…";
    }

    /** Keeps its Message-ID: Jakarta Mail would otherwise make a new one each time the message is saved. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
