package org.wispcrm.notify.email;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.wispcrm.testkit.NotificationChannelKit.Delivered;
import org.wispcrm.testkit.NotificationChannelKit.DeliveredFile;

/** Reads a received MIME message back the way a mail client shows it. */
final class MimeReading {
    private MimeReading() {}

    static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recipient, text part, attachments and Message-ID, for the kit. */
    static Delivered delivered(MimeMessage message) {
        try {
            String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
            return new Delivered(to, firstPart(message, "text/plain"), attachments(message), message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content of the first part of the given type, or "" when there is none. */
    static String firstPart(Part part, String type) {
        try {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                        continue;
                    }
                    String found = firstPart(child, type);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
                return "";
            }
            return part.isMimeType(type) ? (String) part.getContent() : "";
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The attached files, in order. */
    static List<DeliveredFile> attachments(Part part) {
        List<DeliveredFile> files = new ArrayList<>();
        try {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    files.addAll(attachments(multipart.getBodyPart(i)));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                files.add(new DeliveredFile(
                        part.getFileName(), part.getInputStream().readAllBytes()));
            }
            return files;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
