package org.wispcrm.examples.quickstart;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import org.wispcrm.core.notification.Attachment;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

/**
 * A {@link NotificationChannel} that delivers into a folder instead of a provider, so a person can open what the
 * customers would have received: WhatsApp messages as {@code .txt} files, emails as {@code .eml} files (the MIME
 * message an SMTP server would get, with its text and HTML parts and the invoice PDF attached; any mail program
 * opens it).
 *
 * <p>Each message is one file named after its kind, the recipient and the outbox message id
 * ({@code whatsapp/invoice_issued-ana-perez-gomez-0196….txt}), written atomically; a message delivered again
 * replaces its own file, so the folder holds exactly one file per message sent.
 */
public final class FileOutboxChannel implements NotificationChannel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    private final ChannelName name;
    private final Path folder;
    private final Clock clock;
    private final InternetAddress from;
    private final Session session = Session.getInstance(new Properties());

    private FileOutboxChannel(ChannelName name, Path folder, Clock clock, InternetAddress from) {
        this.name = name;
        this.folder = folder;
        this.clock = clock;
        this.from = from;
    }

    /** WhatsApp messages as text files in {@code folder}, which is created if missing. */
    public static FileOutboxChannel whatsApp(Path folder, Clock clock) {
        return new FileOutboxChannel(
                ChannelName.WHATSAPP, createFolder(folder), clock, address("nobody@localhost", ""));
    }

    /** Emails as {@code .eml} files in {@code folder}, sent from {@code fromAddress} with a display name. */
    public static FileOutboxChannel email(Path folder, Clock clock, String fromAddress, String fromName) {
        return new FileOutboxChannel(ChannelName.EMAIL, createFolder(folder), clock, address(fromAddress, fromName));
    }

    /** The folder the files go to. */
    public Path folder() {
        return folder;
    }

    @Override
    public ChannelName name() {
        return name;
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return isEmail() ? recipient.email() != null : recipient.phone() != null;
    }

    @Override
    public DeliveryReceipt send(OutgoingMessage message) {
        if (!canReach(message.recipient())) {
            throw ChannelException.permanent(
                    "The recipient has no " + (isEmail() ? "email address" : "phone number") + " for " + name, null);
        }
        String fileName = message.kind().name().toLowerCase(Locale.ROOT) + "-"
                + slug(message.recipient().name()) + "-"
                + message.notificationId().value() + (isEmail() ? ".eml" : ".txt");
        byte[] content = isEmail() ? eml(message) : whatsAppText(message);
        try {
            write(folder.resolve(fileName), content);
        } catch (IOException e) {
            // A full disk or a folder removed under us may clear up: the dispatcher tries again later.
            throw ChannelException.retryable("Cannot write " + fileName + " into the outbox: " + e, null, e);
        }
        return new DeliveryReceipt(name, fileName, clock.instant());
    }

    @Override
    public String toString() {
        return "FileOutboxChannel[" + name + " -> " + folder + "]";
    }

    private boolean isEmail() {
        return name.equals(ChannelName.EMAIL);
    }

    private byte[] whatsAppText(OutgoingMessage message) {
        Recipient to = message.recipient();
        var text = new StringBuilder();
        text.append("WhatsApp para: ")
                .append(to.name())
                .append(" <")
                .append(to.phone() == null ? "" : to.phone().e164())
                .append(">\n");
        text.append("Fecha: ")
                .append(WHEN.format(OffsetDateTime.ofInstant(clock.instant(), clock.getZone())))
                .append('\n');
        for (Attachment attachment : message.attachments()) {
            text.append("Documento: ")
                    .append(attachment.fileName())
                    .append(" (")
                    .append(kilobytes(attachment.size()))
                    .append(")\n");
        }
        text.append('\n').append(message.text());
        if (!message.text().endsWith("\n")) {
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] eml(OutgoingMessage message) {
        Recipient to = message.recipient();
        try {
            var mime = new FixedIdMimeMessage(
                    session, "<" + message.notificationId().value() + "@wispcrm.quickstart>");
            mime.setFrom(from);
            mime.setRecipient(
                    jakarta.mail.Message.RecipientType.TO,
                    new InternetAddress(to.email().value(), to.name(), StandardCharsets.UTF_8.name()));
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setSentDate(Date.from(clock.instant()));
            mime.setHeader("Content-Language", to.locale().toLanguageTag());

            var body = new MimeMultipart("alternative");
            var plain = new MimeBodyPart();
            plain.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
            body.addBodyPart(plain);
            if (message.html() != null) {
                var html = new MimeBodyPart();
                html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
                body.addBodyPart(html);
            }
            if (message.attachments().isEmpty()) {
                mime.setContent(body);
            } else {
                var mixed = new MimeMultipart("mixed");
                var bodyPart = new MimeBodyPart();
                bodyPart.setContent(body);
                mixed.addBodyPart(bodyPart);
                for (Attachment attachment : message.attachments()) {
                    var part = new MimeBodyPart();
                    part.setDataHandler(
                            new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                    part.setFileName(attachment.fileName());
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                mime.setContent(mixed);
            }
            mime.saveChanges();
            var out = new ByteArrayOutputStream();
            mime.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw ChannelException.permanent("Cannot build the email: " + e.getMessage(), e);
        }
    }

    private static void write(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".sending-", ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot create the outbox folder " + folder + ": " + e, e);
        }
    }

    private static InternetAddress address(String email, String displayName) {
        try {
            return displayName.isEmpty()
                    ? new InternetAddress(email, true)
                    : new InternetAddress(email, displayName, StandardCharsets.UTF_8.name());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("Not an email address: " + email, e);
        }
    }

    /** Lower-case ASCII letters and digits joined by dashes, at most 40 characters: a name fit for a file. */
    static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (plain.length() > 40) {
            plain = plain.substring(0, 40).replaceAll("-+$", "");
        }
        return plain.isEmpty() ? "cliente" : plain;
    }

    private static String kilobytes(int bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 512) / 1024 + " KB";
    }

    /** A MIME message whose Message-ID is the outbox message's id, not one made from this machine's host name. */
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
