package org.wispcrm.core.inmemory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationOutbox;
import org.wispcrm.core.notification.NotificationStatus;

/** The outbox in memory, unique by idempotency key. Claims are exclusive because every call takes the store lock. */
final class InMemoryNotificationOutbox implements NotificationOutbox {
    /** The claim order of the port (and of the JPA outbox's index): due time, then id, which is creation order. */
    private static final Comparator<Notification> DUE_FIRST =
            Comparator.comparing(Notification::nextAttemptAt).thenComparing(n -> n.id().value(), Ids.ORDER);

    private static final Comparator<Notification> OLDEST_FIRST =
            Comparator.comparing(Notification::createdAt).thenComparing(n -> n.id().value(), Ids.ORDER);

    private final Table<NotificationId, Notification> table;

    InMemoryNotificationOutbox(InMemoryTransactionRunner tx) {
        this.table = new Table<>(
                tx,
                "Notification",
                Notification::id,
                n -> 0L,
                (n, v) -> n,
                "idempotencyKey",
                Notification::idempotencyKey);
    }

    @Override
    public boolean enqueue(Notification notification) {
        return table.locked(() -> {
            if (table.getByUniqueKey(notification.idempotencyKey()).isPresent()) {
                return false;
            }
            table.insert(notification);
            return true;
        });
    }

    /** One unit under the store lock, so a message that fails part-way undoes those the call added before it. */
    @Override
    public int enqueueAll(List<Notification> notifications) {
        return table.locked(() -> NotificationOutbox.super.enqueueAll(notifications));
    }

    @Override
    public int markAttachmentsStored(Collection<String> idempotencyKeys) {
        return table.locked(() -> {
            int marked = 0;
            for (String key : new LinkedHashSet<>(idempotencyKeys)) {
                var message = table.getByUniqueKey(key);
                if (message.isPresent() && !message.get().attachmentsStored()) {
                    table.replace(message.get().withAttachmentsStored());
                    marked++;
                }
            }
            return marked;
        });
    }

    @Override
    public List<Notification> claimDue(Instant now, int limit, Duration lease) {
        var violations = new Violations();
        violations.require(limit >= 1, "limit", limit, "must be at least 1");
        violations.require(lease != null && !lease.isNegative() && !lease.isZero(), "lease", lease, "must be positive");
        violations.throwIfAny();
        return table.locked(() -> {
            var claimed = new ArrayList<Notification>();
            for (Notification due : table.select(
                    n -> n.status() == NotificationStatus.PENDING
                            && !n.nextAttemptAt().isAfter(now),
                    DUE_FIRST)) {
                if (claimed.size() == limit) {
                    break;
                }
                Notification leased = copy(
                        due,
                        due.status(),
                        due.attempts() + 1,
                        now.plus(lease),
                        null, // this attempt's outcome is not known until it is marked
                        due.sentVia(),
                        due.providerMessageId(),
                        due.sentAt());
                table.replace(leased);
                claimed.add(leased);
            }
            return List.copyOf(claimed);
        });
    }

    @Override
    public void markSent(NotificationId id, ChannelName channel, String providerMessageId, Instant sentAt) {
        table.locked(() -> {
            Notification n = require(id);
            table.replace(copy(
                    n,
                    NotificationStatus.SENT,
                    n.attempts(),
                    n.nextAttemptAt(),
                    n.lastError(),
                    channel,
                    providerMessageId,
                    sentAt));
            return null;
        });
    }

    @Override
    public void markRetry(NotificationId id, String reason, Instant retryAt) {
        table.locked(() -> {
            Notification n = require(id);
            table.replace(copy(
                    n,
                    NotificationStatus.PENDING,
                    n.attempts(),
                    retryAt,
                    reason,
                    n.sentVia(),
                    n.providerMessageId(),
                    n.sentAt()));
            return null;
        });
    }

    @Override
    public void markDead(NotificationId id, String reason) {
        table.locked(() -> {
            Notification n = require(id);
            table.replace(copy(
                    n,
                    NotificationStatus.DEAD,
                    n.attempts(),
                    n.nextAttemptAt(),
                    reason,
                    n.sentVia(),
                    n.providerMessageId(),
                    n.sentAt()));
            return null;
        });
    }

    @Override
    public void requeue(NotificationId id, Instant now) {
        table.locked(() -> {
            Notification n = require(id);
            if (n.status() != NotificationStatus.DEAD) {
                throw WispCrmException.illegalTransition("Notification", id, n.status(), "requeue");
            }
            table.replace(copy(
                    n, NotificationStatus.PENDING, 0, now, n.lastError(), n.sentVia(), n.providerMessageId(), null));
            return null;
        });
    }

    @Override
    public Optional<Notification> findById(NotificationId id) {
        return table.get(id);
    }

    @Override
    public Optional<Notification> findByIdempotencyKey(String idempotencyKey) {
        return table.getByUniqueKey(idempotencyKey);
    }

    @Override
    public Page<Notification> findByStatus(NotificationStatus status, PageRequest page) {
        return Page.of(table.select(n -> n.status() == status, OLDEST_FIRST), page);
    }

    private Notification require(NotificationId id) {
        return table.get(id).orElseThrow(() -> WispCrmException.notFound("Notification", id));
    }

    private static Notification copy(
            Notification n,
            NotificationStatus status,
            int attempts,
            Instant nextAttemptAt,
            @Nullable String lastError,
            @Nullable ChannelName sentVia,
            @Nullable String providerMessageId,
            @Nullable Instant sentAt) {
        return new Notification(
                n.id(),
                n.idempotencyKey(),
                n.kind(),
                n.customerId(),
                n.model(),
                n.attachments(),
                n.attachmentsStored(),
                status,
                attempts,
                nextAttemptAt,
                lastError,
                sentVia,
                providerMessageId,
                n.createdAt(),
                sentAt);
    }
}
