package org.wispcrm.notify.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

/**
 * Email over SMTP with Jakarta Mail, through a host-supplied {@link Session}: the host sets the server, port,
 * TLS or STARTTLS, timeouts ({@code mail.smtp.connectiontimeout}, {@code mail.smtp.timeout} — set them, the
 * defaults wait forever) and an {@link jakarta.mail.Authenticator} for the credentials.
 *
 * <p>Each message is {@code multipart/alternative} (the text and, when given, the HTML) inside
 * {@code multipart/mixed} with the attachments, in UTF-8; the receipt's provider id is the {@code Message-ID},
 * {@code <notificationId@sender's domain>}.
 *
 * <p>How failures are classified: a connection that fails or times out, and any 4xx reply (451 local error, 452
 * insufficient storage, 421 closing), are retryable; any 5xx reply (550 mailbox unavailable, 553 bad address, 554
 * rejected, 535 authentication failed) and an address the library cannot parse are permanent. A failure the server
 * did not explain is retryable. Each message opens its own connection, so the channel is thread-safe.
 */
public final class SmtpEmailChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpEmailChannel.class);
    private static final Pattern REPLY_CODE = Pattern.compile("(?:^|response: ?)([2-5]\\d\\d)(?:[ -]|$)");

    private final Session session;
    private final EmailMime mime;
    private final Clock clock;

    /**
     * Creates the channel with the system clock.
     *
     * @param session the host's mail session (server, TLS, authentication)
     * @param config the sender; validated here
     * @throws org.wispcrm.core.common.WispCrmException with {@code CONFIGURATION} naming each bad key
     */
    public SmtpEmailChannel(Session session, EmailConfig config) {
        this(session, config, Clock.systemUTC());
    }

    private SmtpEmailChannel(Session session, EmailConfig config, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mime = new EmailMime(Objects.requireNonNull(config, "config"), clock);
    }

    /**
     * A builder for the optional collaborators (the clock for the {@code Date} header and receipts).
     *
     * @param session the host's mail session
     * @param config the sender
     * @return a builder
     */
    public static Builder builder(Session session, EmailConfig config) {
        return new Builder(session, config);
    }

    /** Builds a {@link SmtpEmailChannel} with optional collaborators. */
    public static final class Builder {
        private final Session session;
        private final EmailConfig config;
        private Clock clock = Clock.systemUTC();

        private Builder(Session session, EmailConfig config) {
            this.session = Objects.requireNonNull(session, "session");
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * The clock for the {@code Date} header and receipts; the system UTC clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Validates the settings and builds the channel.
         *
         * @return the channel
         */
        public SmtpEmailChannel build() {
            return new SmtpEmailChannel(session, config, clock);
        }
    }

    /** Always {@link ChannelName#EMAIL}. */
    @Override
    public ChannelName name() {
        return ChannelName.EMAIL;
    }

    /** True when the recipient has an email address. */
    @Override
    public boolean canReach(Recipient recipient) {
        return recipient.email() != null;
    }

    /**
     * Sends the message to the recipient's email address.
     *
     * @throws ChannelException permanent when the recipient has no email or the server refuses it for good (5xx),
     *     retryable when the server could not be reached or answered 4xx
     */
    @Override
    public DeliveryReceipt send(OutgoingMessage message) {
        EmailAddress to = message.recipient().email();
        if (to == null) {
            throw ChannelException.permanent(
                    "Notification " + message.notificationId() + ": the recipient has no email address", null);
        }
        MimeMessage email = mime.build(session, message, to);
        try {
            Transport.send(email);
        } catch (MessagingException e) {
            ChannelException failure = classify(e, "Notification " + message.notificationId() + " to " + to, to);
            LOG.warn(
                    "SMTP send to {} failed ({}): {}",
                    to,
                    failure.isRetryable() ? "retryable" : "permanent",
                    failure.getMessage());
            throw failure;
        }
        String id = mime.messageId(message);
        LOG.debug("SMTP server accepted notification {} to {} as {}", message.notificationId(), to, id);
        return new DeliveryReceipt(ChannelName.EMAIL, id, clock.instant());
    }

    /** Shows the sender and the server, never credentials. */
    @Override
    public String toString() {
        return "SmtpEmailChannel[from=" + mime.from() + ", host=" + session.getProperty("mail.smtp.host") + "]";
    }

    static ChannelException classify(MessagingException failure, String what, EmailAddress to) {
        List<Integer> codes = new ArrayList<>();
        boolean io = false;
        boolean badAddress = false;
        Set<Throwable> seen = new HashSet<>();
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            Integer code = replyCode(t);
            if (code != null) {
                codes.add(code);
            }
            io |= t instanceof IOException;
            badAddress |= t instanceof AddressException;
            pending.add(t.getCause());
            if (t instanceof MessagingException m) {
                pending.add(m.getNextException());
            }
        }
        String detail = EmailMime.clean(describe(failure), to);
        if (codes.stream().anyMatch(c -> c >= 500)) {
            int code = codes.stream().filter(c -> c >= 500).findFirst().orElseThrow();
            return ChannelException.permanent(what + ": the SMTP server refused it (" + code + "): " + detail, failure);
        }
        if (codes.stream().anyMatch(c -> c >= 400)) {
            int code = codes.stream().filter(c -> c >= 400).findFirst().orElseThrow();
            return ChannelException.retryable(
                    what + ": the SMTP server deferred it (" + code + "): " + detail, null, failure);
        }
        if (badAddress && !io) {
            return ChannelException.permanent(what + ": invalid address: " + detail, failure);
        }
        return ChannelException.retryable(
                what + (io ? ": could not talk to the SMTP server: " : ": sending failed: ") + detail, null, failure);
    }

    private static @Nullable Integer replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof AuthenticationFailedException || t instanceof MessagingException) {
            // Other failures carry the server's reply in their text: "535 5.7.8 ...", "...response: 421".
            String text = t.getMessage();
            if (text != null) {
                Matcher m = REPLY_CODE.matcher(text.strip());
                if (m.find()) {
                    return Integer.valueOf(m.group(1));
                }
            }
        }
        return null;
    }

    /** The messages along the chain, which is where the server's replies are. */
    private static String describe(MessagingException failure) {
        var text = new StringBuilder(String.valueOf(failure.getMessage()));
        Exception next = failure.getNextException();
        int depth = 0;
        while (next != null && depth++ < 5) {
            text.append("; ").append(next.getMessage());
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return text.toString();
    }
}
