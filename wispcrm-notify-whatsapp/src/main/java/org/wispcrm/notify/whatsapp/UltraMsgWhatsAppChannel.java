package org.wispcrm.notify.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.notification.Attachment;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

/**
 * WhatsApp through <a href="https://ultramsg.com">UltraMsg</a>'s HTTP API, on a host-supplied {@link OkHttpClient}
 * (the host owns timeouts, connection pool, proxy and any retry interceptor).
 *
 * <p>What it sends:
 *
 * <ul>
 *   <li>A message without attachments is one {@code POST {baseUrl}/{instanceId}/messages/chat} with the form fields
 *       {@code token}, {@code to} (the E.164 phone), {@code body} and {@code referenceId} (the notification id).
 *   <li>Each attachment is one {@code POST {baseUrl}/{instanceId}/messages/document} with {@code token}, {@code to},
 *       {@code filename}, {@code document} (the attachment's {@link Attachment#link() link} when it has one, else
 *       the bytes in base64) and {@code referenceId}. The first document carries the text as its {@code caption}
 *       when the text fits WhatsApp's caption limit ({@value #MAX_CAPTION_LENGTH} characters); a longer text goes
 *       first as a chat message of its own. The receipt carries the id of the first message sent.
 *   <li>WhatsApp takes at most {@value #MAX_TEXT_LENGTH} characters of text: a longer text is cut there, ending
 *       with an ellipsis ({@code …}), never inside a surrogate pair.
 * </ul>
 *
 * <p>A message with several parts is not atomic: when a later part fails, a retry sends the earlier parts again.
 *
 * <p>How failures are classified: no answer (timeouts, refused or reset connections), HTTP 5xx, 408 and 429 are
 * retryable, with the {@code Retry-After} header (seconds or an HTTP date) as {@link ChannelException#retryAfter()};
 * 401, 403, 404 (unknown instance) and other 4xx are permanent. UltraMsg also answers HTTP 200 with a JSON body
 * that says {@code "sent":"false"} or carries an {@code "error"}: such an answer is permanent (wrong token, invalid
 * number, unsupported file) unless its text says the instance is disconnected, busy, rate-limited or asks to try
 * again. Only {@code {"sent":"true", "id": ...}} counts as accepted.
 *
 * <p>The token never appears in logs, exception messages or {@link #toString()}; phone numbers in logs and messages
 * are masked. Instances are immutable and thread-safe.
 */
public final class UltraMsgWhatsAppChannel implements NotificationChannel {

    /** The most characters of text WhatsApp (and UltraMsg) accepts in one message. */
    public static final int MAX_TEXT_LENGTH = 4096;

    /** The most characters UltraMsg accepts as a document's caption. */
    public static final int MAX_CAPTION_LENGTH = 1024;

    /** The longest base64 document UltraMsg accepts; larger files need a link. */
    static final int MAX_BASE64_LENGTH = 10_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(UltraMsgWhatsAppChannel.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELLIPSIS = "…";
    private static final int MAX_PROVIDER_TEXT = 300;
    private static final List<String> TRANSIENT_WORDS = List.of(
            "try again",
            "temporar",
            "timeout",
            "timed out",
            "too many",
            "rate limit",
            "busy",
            "not connected",
            "disconnected",
            "overload",
            "unavailable");

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final String instanceId;
    private final String token;
    private final Clock clock;

    /**
     * Creates the channel with the system clock.
     *
     * @param client the host's HTTP client
     * @param config the settings; validated here
     * @throws org.wispcrm.core.common.WispCrmException with {@code CONFIGURATION} naming each bad key
     */
    public UltraMsgWhatsAppChannel(OkHttpClient client, UltraMsgConfig config) {
        this(client, config, Clock.systemUTC());
    }

    private UltraMsgWhatsAppChannel(OkHttpClient client, UltraMsgConfig config, Clock clock) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(config, "config");
        config.validate();
        this.client = client;
        this.baseUrl = Objects.requireNonNull(HttpUrl.parse(config.baseUrl()), "baseUrl");
        this.instanceId = config.instanceId();
        this.token = config.token();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A builder for the optional collaborators (the clock that stamps receipts and reads {@code Retry-After} dates).
     *
     * @param client the host's HTTP client
     * @param config the settings
     * @return a builder
     */
    public static Builder builder(OkHttpClient client, UltraMsgConfig config) {
        return new Builder(client, config);
    }

    /** Builds an {@link UltraMsgWhatsAppChannel} with optional collaborators. */
    public static final class Builder {
        private final OkHttpClient client;
        private final UltraMsgConfig config;
        private Clock clock = Clock.systemUTC();

        private Builder(OkHttpClient client, UltraMsgConfig config) {
            this.client = Objects.requireNonNull(client, "client");
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * The clock for receipts and {@code Retry-After} dates; the system UTC clock by default.
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
        public UltraMsgWhatsAppChannel build() {
            return new UltraMsgWhatsAppChannel(client, config, clock);
        }
    }

    /** Always {@link ChannelName#WHATSAPP}. */
    @Override
    public ChannelName name() {
        return ChannelName.WHATSAPP;
    }

    /** True when the recipient has a phone number. */
    @Override
    public boolean canReach(Recipient recipient) {
        return recipient.phone() != null;
    }

    /**
     * Sends the text, and each attachment as a document, to the recipient's phone.
     *
     * @throws ChannelException permanent when the recipient has no phone or UltraMsg rejects the message, retryable
     *     when UltraMsg could not be reached or asked to try later
     */
    @Override
    public DeliveryReceipt send(OutgoingMessage message) {
        PhoneNumber phone = message.recipient().phone();
        if (phone == null) {
            throw ChannelException.permanent(
                    "Notification " + message.notificationId() + ": the recipient has no phone number for WhatsApp",
                    null);
        }
        String text = truncate(message.text(), MAX_TEXT_LENGTH);
        String reference = message.notificationId().toString();
        List<Attachment> attachments = message.attachments();
        String firstId;
        if (attachments.isEmpty()) {
            firstId = post("messages/chat", chatForm(phone, text, reference), phone, message);
        } else {
            boolean captionFits = text.length() <= MAX_CAPTION_LENGTH;
            firstId = captionFits ? null : post("messages/chat", chatForm(phone, text, reference), phone, message);
            for (int i = 0; i < attachments.size(); i++) {
                String caption = i == 0 && captionFits ? text : null;
                String id = post(
                        "messages/document",
                        documentForm(phone, attachments.get(i), caption, reference, message),
                        phone,
                        message);
                firstId = firstId == null ? id : firstId;
            }
        }
        LOG.debug("UltraMsg accepted notification {} to {} as message {}", message.notificationId(), phone, firstId);
        return new DeliveryReceipt(ChannelName.WHATSAPP, Objects.requireNonNull(firstId), clock.instant());
    }

    /** Shows the endpoint, never the token. */
    @Override
    public String toString() {
        return "UltraMsgWhatsAppChannel[baseUrl=" + baseUrl + ", instanceId=" + instanceId + ", token=****]";
    }

    /**
     * Cuts {@code text} to at most {@code max} characters, ending with an ellipsis when it was cut, and never
     * between the two halves of a surrogate pair.
     */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    private FormBody chatForm(PhoneNumber phone, String text, String reference) {
        return new FormBody.Builder()
                .add("token", token)
                .add("to", phone.e164())
                .add("body", text)
                .add("referenceId", reference)
                .build();
    }

    private FormBody documentForm(
            PhoneNumber phone, Attachment attachment, @Nullable String caption, String reference, OutgoingMessage m) {
        String document;
        if (attachment.link() != null) {
            document = attachment.link().toString();
        } else {
            document = Base64.getEncoder().encodeToString(attachment.content());
            if (document.length() > MAX_BASE64_LENGTH) {
                throw ChannelException.permanent(
                        "Notification " + m.notificationId() + ": attachment " + attachment.fileName() + " ("
                                + attachment.size() + " bytes) is too large for UltraMsg without a link",
                        null);
            }
        }
        var form = new FormBody.Builder()
                .add("token", token)
                .add("to", phone.e164())
                .add("filename", attachment.fileName())
                .add("document", document);
        if (caption != null) {
            form.add("caption", caption);
        }
        return form.add("referenceId", reference).build();
    }

    private String post(String path, FormBody form, PhoneNumber phone, OutgoingMessage message) {
        HttpUrl url = baseUrl.newBuilder()
                .addPathSegment(instanceId)
                .addPathSegments(path)
                .build();
        Request request = new Request.Builder().url(url).post(form).build();
        String what = "UltraMsg " + path + " for notification " + message.notificationId() + " to " + phone;
        try (Response response = client.newCall(request).execute()) {
            int status = response.code();
            String body = response.body().string();
            if (status == 408 || status == 429 || status >= 500) {
                Duration retryAfter = retryAfter(response.header("Retry-After"));
                throw failure(
                        ChannelException.retryable(
                                what + " failed with HTTP " + status + detail(body, phone), retryAfter, null),
                        phone);
            }
            if (status < 200 || status >= 300) {
                throw failure(
                        ChannelException.permanent(
                                what + " was rejected with HTTP " + status + detail(body, phone), null),
                        phone);
            }
            return accepted(body, what, phone);
        } catch (IOException e) {
            // The exception's text names the host and port at most; the token travels in the body only.
            throw failure(
                    ChannelException.retryable(
                            what + " got no answer: " + e.getClass().getSimpleName() + sanitisedCause(e, phone),
                            null,
                            e),
                    phone);
        }
    }

    private String accepted(String body, String what, PhoneNumber phone) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            // Not UltraMsg's JSON (a proxy's page, say): whether it was sent is unknown, so let the outbox retry.
            throw failure(
                    ChannelException.retryable(what + " got an unreadable answer" + detail(body, phone), null, null),
                    phone);
        }
        JsonNode error = json.get("error");
        if (error != null
                && !error.isNull()
                && !(error.isTextual() && error.asText().isBlank())) {
            String text = error.isTextual() ? error.asText() : error.toString();
            throw failure(classify(what + " was refused: " + clean(text, phone), text), phone);
        }
        JsonNode sent = json.get("sent");
        JsonNode id = json.get("id");
        boolean isSent = sent != null && "true".equalsIgnoreCase(sent.asText());
        if (isSent && id != null && !id.isNull() && !id.asText().isBlank()) {
            return id.asText();
        }
        JsonNode why = json.get("message");
        String text = why == null || why.isNull() ? json.toString() : why.asText();
        if (sent != null && "false".equalsIgnoreCase(sent.asText())) {
            throw failure(classify(what + " was not sent: " + clean(text, phone), text), phone);
        }
        throw failure(
                ChannelException.retryable(
                        what + " got an unexpected answer: " + clean(json.toString(), phone), null, null),
                phone);
    }

    private static ChannelException classify(String message, String providerText) {
        String lower = providerText.toLowerCase(Locale.ROOT);
        boolean transientFailure = TRANSIENT_WORDS.stream().anyMatch(lower::contains);
        return transientFailure
                ? ChannelException.retryable(message, null, null)
                : ChannelException.permanent(message, null);
    }

    private ChannelException failure(ChannelException failure, PhoneNumber phone) {
        LOG.warn(
                "WhatsApp send to {} failed ({}): {}",
                phone,
                failure.isRetryable() ? "retryable" : "permanent",
                failure.getMessage());
        return failure;
    }

    private @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private String detail(String body, PhoneNumber phone) {
        return body.isBlank() ? "" : ": " + clean(body, phone);
    }

    private String sanitisedCause(IOException e, PhoneNumber phone) {
        return e.getMessage() == null ? "" : " (" + clean(e.getMessage(), phone) + ")";
    }

    /** The provider's text, shortened, on one line, without the token or the whole phone number. */
    private String clean(String text, PhoneNumber phone) {
        String e164 = phone.e164();
        String cleaned = text.replace(token, "****")
                .replace(e164, phone.masked())
                .replace(e164.substring(1), phone.masked())
                .replaceAll("\\s+", " ")
                .strip();
        return cleaned.length() <= MAX_PROVIDER_TEXT ? cleaned : cleaned.substring(0, MAX_PROVIDER_TEXT) + ELLIPSIS;
    }
}
