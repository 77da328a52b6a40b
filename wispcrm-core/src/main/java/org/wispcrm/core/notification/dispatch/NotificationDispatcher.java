package org.wispcrm.core.notification.dispatch;

import java.net.URI;
import java.net.URLConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerRepository;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.document.DocumentStorage;
import org.wispcrm.core.document.StoredDocument;
import org.wispcrm.core.notification.Attachment;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.NotificationOutbox;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

/**
 * Sends the outbox. Each pass claims due messages in batches, renders each in the customer's language, sends it on
 * the customer's first preferred channel that can reach them, and records the outcome: sent (with the provider's
 * id), due again later after a transient failure (exponential backoff with jitter, or the provider's retry-after),
 * or dead with the reason after a permanent failure or exhausted retries. Nothing is deleted.
 *
 * <p>Safe to run from several threads and several hosts at once: the outbox's claim lease gives each message to
 * one worker. A worker that dies mid-send leaves its messages to be claimed again when the lease ends; such a
 * message is sent again and counted in {@link DispatchReport#redelivered()}, since the provider may have accepted
 * the first attempt: that is the only way a customer gets a message twice.
 */
public final class NotificationDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationOutbox outbox;
    private final CustomerRepository customers;
    private final MessageTemplates templates;
    private final Map<ChannelName, NotificationChannel> channels;
    private final @Nullable DocumentStorage documents;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final int batchSize;
    private final Duration lease;
    private final Duration linkTtl;

    private NotificationDispatcher(Builder builder) {
        this.outbox = builder.outbox;
        this.customers = builder.customers;
        this.templates = builder.templates;
        this.documents = builder.documents;
        this.clock = builder.clock;
        this.retryPolicy = builder.retryPolicy;
        this.batchSize = builder.batchSize;
        this.lease = builder.lease;
        this.linkTtl = builder.linkTtl;
        var byName = new LinkedHashMap<ChannelName, NotificationChannel>();
        for (NotificationChannel channel : builder.channels) {
            Double rate = builder.rateLimits.get(channel.name());
            byName.put(channel.name(), rate == null ? channel : new RateLimitedChannel(channel, rate));
        }
        this.channels = Map.copyOf(byName);
    }

    /** A builder over the outbox, the customers (for addresses and preferences) and the templates. */
    public static Builder builder(NotificationOutbox outbox, CustomerRepository customers, MessageTemplates templates) {
        return new Builder(outbox, customers, templates);
    }

    /**
     * One pass: sends every message due now, batch by batch, and returns what happened. Call it from a scheduler
     * (see {@link #scheduleOn}) or once per invocation (AWS Lambda).
     */
    public DispatchReport dispatchDue() {
        return dispatchDue(null);
    }

    /**
     * One pass that claims no new batch once {@code budget} has passed (the batch in hand is finished), so a caller
     * with a deadline, such as an AWS Lambda invocation, stops in time; what is left is due on the next pass. The
     * budget should leave room for one batch of sends.
     */
    public DispatchReport dispatchDue(@Nullable Duration budget) {
        long deadline = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
        DispatchReport total = DispatchReport.empty();
        while (true) {
            List<Notification> batch = outbox.claimDue(clock.instant(), batchSize, lease);
            Map<CustomerId, Customer> recipients = customersOf(batch);
            for (Notification notification : batch) {
                total = total.plus(deliver(notification, recipients.get(notification.customerId())));
            }
            if (batch.size() < batchSize || System.nanoTime() - deadline >= 0) {
                return total;
            }
        }
    }

    /** Runs {@link #dispatchDue()} on the host's scheduler every {@code interval}; cancel the future to stop. */
    public ScheduledFuture<?> scheduleOn(ScheduledExecutorService scheduler, Duration interval) {
        return scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        dispatchDue();
                    } catch (RuntimeException e) {
                        LOG.warn("Notification dispatch pass failed; the next pass retries", e);
                    }
                },
                0,
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * The customers of a claimed batch in one lookup instead of one per message. If the lookup fails, each message
     * looks its customer up on its own, so the failure is recorded per message as before.
     */
    private Map<CustomerId, Customer> customersOf(List<Notification> batch) {
        if (batch.isEmpty()) {
            return Map.of();
        }
        var ids = new LinkedHashSet<CustomerId>();
        for (Notification notification : batch) {
            ids.add(notification.customerId());
        }
        try {
            var byId = new HashMap<CustomerId, Customer>();
            for (Customer customer : customers.findAllById(ids)) {
                byId.put(customer.id(), customer);
            }
            return byId;
        } catch (RuntimeException e) {
            LOG.warn(
                    "Looking up the customers of {} claimed notifications failed; each is looked up alone",
                    ids.size(),
                    e);
            return Map.of();
        }
    }

    private DispatchReport deliver(Notification notification, @Nullable Customer prefetched) {
        // Claiming counted this attempt; an earlier attempt with no recorded outcome means a worker died mid-send.
        int redelivered = notification.attempts() > 1 && notification.lastError() == null ? 1 : 0;
        Customer customer = null;
        try {
            customer = prefetched != null
                    ? prefetched
                    : customers
                            .findById(notification.customerId())
                            .orElseThrow(() -> ChannelException.permanent(
                                    "Customer " + notification.customerId() + " not found", null));
            OutgoingMessage message = render(notification, customer);
            NotificationChannel channel = preferredChannels(customer);
            DeliveryReceipt receipt = channel.send(message);
            outbox.markSent(notification.id(), receipt.channel(), receipt.providerMessageId(), receipt.acceptedAt());
            LOG.debug("Sent notification {} ({}) via {}", notification.id(), notification.kind(), receipt.channel());
            return new DispatchReport(1, 0, 0, redelivered);
        } catch (ChannelException e) {
            return failed(notification, e.isRetryable(), redact(e.getMessage(), customer), e.retryAfter(), redelivered);
        } catch (WispCrmException e) {
            boolean transientFailure =
                    e.code() == ErrorCode.STORAGE_FAILURE || e.code() == ErrorCode.PERSISTENCE_FAILURE;
            return failed(
                    notification, transientFailure, redact(e.getMessage(), customer), Optional.empty(), redelivered);
        } catch (RuntimeException e) {
            String why = redact(e.toString(), customer);
            // The stack is worth keeping for a bug in a channel; its message may hold an address, so it is redacted.
            var redacted = new IllegalStateException(why);
            redacted.setStackTrace(e.getStackTrace());
            LOG.warn("Unexpected failure sending notification {}", notification.id(), redacted);
            return failed(notification, true, why, Optional.empty(), redelivered);
        }
    }

    /**
     * The text with the customer's phone and email masked. Our channels never put them in a failure, but a host's
     * channel or a provider's error body may, and the reason is both logged and stored for operators.
     */
    private static @Nullable String redact(@Nullable String text, @Nullable Customer customer) {
        if (text == null || customer == null) {
            return text;
        }
        String redacted = text;
        var phone = customer.profile().phone();
        if (phone != null) {
            redacted = redacted.replace(phone.e164(), phone.masked())
                    .replace(phone.e164().substring(1), phone.masked());
        }
        var email = customer.profile().email();
        if (email != null) {
            redacted = Pattern.compile(Pattern.quote(email.value()), Pattern.CASE_INSENSITIVE)
                    .matcher(redacted)
                    .replaceAll(Matcher.quoteReplacement(email.masked()));
        }
        return redacted;
    }

    private DispatchReport failed(
            Notification notification,
            boolean retryable,
            @Nullable String reason,
            Optional<Duration> retryAfter,
            int redelivered) {
        String why = reason == null ? "unknown failure" : reason;
        if (retryable && notification.attempts() < retryPolicy.maxAttempts()) {
            Duration delay = retryPolicy.delayAfter(notification.attempts(), retryAfter, ThreadLocalRandom.current());
            outbox.markRetry(notification.id(), why, clock.instant().plus(delay));
            LOG.info(
                    "Notification {} failed (attempt {}), retry in {}: {}",
                    notification.id(),
                    notification.attempts(),
                    delay,
                    why);
            return new DispatchReport(0, 1, 0, redelivered);
        }
        String deadReason = retryable ? "gave up after " + notification.attempts() + " attempts: " + why : why;
        outbox.markDead(notification.id(), deadReason);
        LOG.warn("Notification {} dead-lettered: {}", notification.id(), deadReason);
        return new DispatchReport(0, 0, 1, redelivered);
    }

    private OutgoingMessage render(Notification notification, Customer customer) {
        var profile = customer.profile();
        var recipient = new Recipient(profile.fullName(), profile.phone(), profile.email(), profile.locale());
        RenderedMessage rendered =
                templates.render(notification.kind(), profile.locale(), notification.model(), profile.fullName());
        return new OutgoingMessage(
                notification.id(),
                notification.kind(),
                recipient,
                rendered.subject(),
                rendered.text(),
                rendered.html(),
                attachments(notification));
    }

    private NotificationChannel preferredChannels(Customer customer) {
        List<NotificationChannel> preferred = new ArrayList<>();
        for (ChannelName name : customer.profile().notificationPreferences().channels()) {
            NotificationChannel channel = channels.get(name);
            if (channel != null) {
                preferred.add(channel);
            }
        }
        return new OrderedChannels(preferred);
    }

    private List<Attachment> attachments(Notification notification) {
        if (notification.attachments().isEmpty()) {
            return List.of();
        }
        if (documents == null) {
            throw ChannelException.permanent("The message has attachments but no DocumentStorage is configured", null);
        }
        List<Attachment> attachments = new ArrayList<>();
        for (DocumentKey key : notification.attachments()) {
            URI link = webLink(key, notification.attachmentsStored());
            if (link != null) {
                // A channel that sends the link (WhatsApp) never needs the bytes: fetch them only if asked (email).
                attachments.add(Attachment.fetchedOnUse(
                        key.fileName(),
                        contentTypeOf(key),
                        link,
                        () -> stored(key).content()));
            } else {
                StoredDocument document = stored(key);
                attachments.add(new Attachment(key.fileName(), document.contentType(), document.content(), null));
            }
        }
        return attachments;
    }

    /** The stored document; until it is there (it is stored after its invoice commits), try again later. */
    private StoredDocument stored(DocumentKey key) {
        return Objects.requireNonNull(documents).get(key).orElseThrow(() -> notStoredYet(key));
    }

    /**
     * A link a provider can fetch, or null: a file: URI from local storage is of no use to WhatsApp. Unless the
     * outbox says the document is stored, the storage is asked first, so no customer gets a link to nothing. The
     * library never deletes a document; one removed from storage by hand after it was recorded is linked anyway.
     */
    private @Nullable URI webLink(DocumentKey key, boolean knownStored) {
        DocumentStorage storage = Objects.requireNonNull(documents);
        URI uri;
        try {
            uri = knownStored ? storage.urlOfStored(key, linkTtl) : storage.url(key, linkTtl);
        } catch (WispCrmException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw notStoredYet(key);
            }
            throw e;
        }
        return uri != null && uri.getScheme() != null && uri.getScheme().startsWith("http") ? uri : null;
    }

    private static ChannelException notStoredYet(DocumentKey key) {
        return ChannelException.retryable("Document " + key + " is not stored yet", null, null);
    }

    /** The MIME type a document's name implies; every document the library stores is a PDF. */
    private static String contentTypeOf(DocumentKey key) {
        String type = URLConnection.guessContentTypeFromName(key.fileName());
        return type != null ? type : "application/octet-stream";
    }

    /** Builds a {@link NotificationDispatcher}. */
    public static final class Builder {
        private final NotificationOutbox outbox;
        private final CustomerRepository customers;
        private final MessageTemplates templates;
        private final List<NotificationChannel> channels = new ArrayList<>();
        private final Map<ChannelName, Double> rateLimits = new HashMap<>();
        private @Nullable DocumentStorage documents;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int batchSize = 50;
        private Duration lease = Duration.ofMinutes(5);
        private Duration linkTtl = Duration.ofDays(7);

        private Builder(NotificationOutbox outbox, CustomerRepository customers, MessageTemplates templates) {
            this.outbox = outbox;
            this.customers = customers;
            this.templates = templates;
        }

        /** Adds a channel; customers' preferences pick among the channels by name. */
        public Builder channel(NotificationChannel channel) {
            channels.add(channel);
            return this;
        }

        /** Keeps a channel under {@code permitsPerSecond} sends per second (per dispatcher instance). */
        public Builder rateLimit(ChannelName channel, double permitsPerSecond) {
            if (!(permitsPerSecond > 0)) {
                throw new IllegalArgumentException(
                        "rate limit of " + channel + " must be positive, was " + permitsPerSecond);
            }
            rateLimits.put(channel, permitsPerSecond);
            return this;
        }

        /** Where attachments (invoice PDFs) are read from; needed when messages carry attachments. */
        public Builder documentStorage(DocumentStorage storage) {
            this.documents = storage;
            return this;
        }

        /** The clock; default UTC system clock. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** The retry policy; default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = value;
            return this;
        }

        /** Messages claimed per round trip, 1 to 1000; default 50. */
        public Builder batchSize(int value) {
            if (value < 1 || value > 1000) {
                throw new IllegalArgumentException("batchSize must be between 1 and 1000, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /** How long a claim keeps other workers off a message; longer than a send can take. Default 5 minutes. */
        public Builder lease(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("lease must be positive, was " + value);
            }
            this.lease = value;
            return this;
        }

        /** How long attachment links stay valid; default 7 days. */
        public Builder linkTtl(Duration value) {
            this.linkTtl = value;
            return this;
        }

        /** The dispatcher; fails naming the problem if no channel is given or two share a name. */
        public NotificationDispatcher build() {
            if (channels.isEmpty()) {
                throw WispCrmException.configuration("NotificationDispatcher needs at least one channel");
            }
            long distinct =
                    channels.stream().map(NotificationChannel::name).distinct().count();
            if (distinct != channels.size()) {
                throw WispCrmException.configuration("NotificationDispatcher channels must have distinct names: "
                        + channels.stream().map(c -> c.name().value()).toList());
            }
            for (ChannelName limited : rateLimits.keySet()) {
                if (channels.stream().noneMatch(c -> c.name().equals(limited))) {
                    throw WispCrmException.configuration(
                            "rateLimit names channel '" + limited + "', which is not added");
                }
            }
            return new NotificationDispatcher(this);
        }
    }
}
