package org.wispcrm.notify.email;

import jakarta.mail.Session;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
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
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.InternalServiceErrorException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Email through Amazon SES (API v2) with a host-supplied {@link SesV2Client}: the host sets the region, the
 * credentials, the HTTP client and the SDK's own retry policy. The channel sends the same MIME message as
 * {@link SmtpEmailChannel} as SES <em>raw</em> content, so the attachments travel with it; the receipt's provider
 * id is SES's {@code MessageId}.
 *
 * <p>How failures are classified: throttling ({@code TooManyRequestsException}, any error the SDK calls
 * throttling), {@code LimitExceededException} (the sending quota), {@code InternalServiceErrorException}, any 5xx,
 * and failures to reach SES (timeouts, connection errors) are retryable; {@code MessageRejected},
 * {@code MailFromDomainNotVerifiedException}, {@code AccountSuspendedException}, {@code BadRequestException},
 * {@code SendingPausedException}, {@code NotFoundException} and other 4xx are permanent. When the SDK's own retries
 * are on, a retryable failure reaches the channel only once they are spent.
 */
public final class SesEmailChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger(SesEmailChannel.class);
    private static final Set<Class<? extends AwsServiceException>> RETRYABLE =
            Set.of(TooManyRequestsException.class, LimitExceededException.class, InternalServiceErrorException.class);
    private static final Set<Class<? extends AwsServiceException>> PERMANENT = Set.of(
            MessageRejectedException.class,
            MailFromDomainNotVerifiedException.class,
            AccountSuspendedException.class,
            BadRequestException.class);

    private final SesV2Client ses;
    private final EmailMime mime;
    private final Clock clock;
    private final @Nullable String configurationSetName;
    // Only builds MIME: never connects anywhere.
    private final Session mimeSession = Session.getInstance(new Properties());

    /**
     * Creates the channel with the system clock and no configuration set.
     *
     * @param ses the host's SES v2 client
     * @param config the sender (a verified SES identity); validated here
     * @throws org.wispcrm.core.common.WispCrmException with {@code CONFIGURATION} naming each bad key
     */
    public SesEmailChannel(SesV2Client ses, EmailConfig config) {
        this(ses, config, Clock.systemUTC(), null);
    }

    private SesEmailChannel(SesV2Client ses, EmailConfig config, Clock clock, @Nullable String configurationSetName) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mime = new EmailMime(Objects.requireNonNull(config, "config"), clock);
        this.configurationSetName = configurationSetName;
    }

    /**
     * A builder for the optional collaborators and settings.
     *
     * @param ses the host's SES v2 client
     * @param config the sender
     * @return a builder
     */
    public static Builder builder(SesV2Client ses, EmailConfig config) {
        return new Builder(ses, config);
    }

    /** Builds a {@link SesEmailChannel} with optional collaborators. */
    public static final class Builder {
        private final SesV2Client ses;
        private final EmailConfig config;
        private Clock clock = Clock.systemUTC();
        private @Nullable String configurationSetName;

        private Builder(SesV2Client ses, EmailConfig config) {
            this.ses = Objects.requireNonNull(ses, "ses");
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
         * The SES configuration set to send with (event publishing, dedicated IPs); none by default.
         *
         * @param name the configuration set's name
         * @return this builder
         */
        public Builder configurationSetName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("configurationSetName must not be blank, was '" + name + "'");
            }
            this.configurationSetName = name;
            return this;
        }

        /**
         * Validates the settings and builds the channel.
         *
         * @return the channel
         */
        public SesEmailChannel build() {
            return new SesEmailChannel(ses, config, clock, configurationSetName);
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
     * Sends the message to the recipient's email address as SES raw content.
     *
     * @throws ChannelException permanent when the recipient has no email or SES rejects the message, retryable when
     *     SES throttles, fails internally or cannot be reached
     */
    @Override
    public DeliveryReceipt send(OutgoingMessage message) {
        EmailAddress to = message.recipient().email();
        if (to == null) {
            throw ChannelException.permanent(
                    "Notification " + message.notificationId() + ": the recipient has no email address", null);
        }
        byte[] raw = mime.bytes(mimeSession, message, to);
        var request = SendEmailRequest.builder()
                .fromEmailAddress(mime.from().value())
                .destination(d -> d.toAddresses(to.value()))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw))))
                .configurationSetName(configurationSetName)
                .build();
        SendEmailResponse response;
        try {
            response = ses.sendEmail(request);
        } catch (SdkException e) {
            ChannelException failure = classify(e, "Notification " + message.notificationId() + " to " + to, to);
            LOG.warn(
                    "SES send to {} failed ({}): {}",
                    to,
                    failure.isRetryable() ? "retryable" : "permanent",
                    failure.getMessage());
            throw failure;
        }
        String id = response.messageId();
        if (id == null || id.isBlank()) {
            // SES took the request but named no message: treat it as not sent, so the outbox tries again.
            throw ChannelException.retryable(
                    "Notification " + message.notificationId() + ": SES answered without a MessageId", null, null);
        }
        LOG.debug("SES accepted notification {} to {} as {}", message.notificationId(), to, id);
        return new DeliveryReceipt(ChannelName.EMAIL, id, clock.instant());
    }

    /** Shows the sender, never credentials. */
    @Override
    public String toString() {
        return "SesEmailChannel[from=" + mime.from() + ", configurationSet=" + configurationSetName + "]";
    }

    static ChannelException classify(SdkException failure, String what, EmailAddress to) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null
                    ? null
                    : service.awsErrorDetails().errorCode();
            String detail = EmailMime.clean(
                    service.awsErrorDetails() == null
                                    || service.awsErrorDetails().errorMessage() == null
                            ? String.valueOf(failure.getMessage())
                            : service.awsErrorDetails().errorMessage(),
                    to);
            String summary = what + ": SES answered " + service.statusCode() + " " + code + ": " + detail;
            if (PERMANENT.contains(service.getClass())) {
                return ChannelException.permanent(summary, failure);
            }
            if (RETRYABLE.contains(service.getClass())
                    || service.isThrottlingException()
                    || service.statusCode() >= 500
                    || service.statusCode() == 429) {
                return ChannelException.retryable(summary, null, failure);
            }
            return ChannelException.permanent(summary, failure);
        }
        if (failure instanceof SdkClientException) {
            return ChannelException.retryable(
                    what + ": could not reach SES: " + EmailMime.clean(String.valueOf(failure.getMessage()), to),
                    null,
                    failure);
        }
        return ChannelException.retryable(
                what + ": SES call failed: " + EmailMime.clean(String.valueOf(failure.getMessage()), to),
                null,
                failure);
    }
}
