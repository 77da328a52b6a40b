package org.wispcrm.core.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;

/**
 * The transactional outbox. Producers enqueue inside their unit of work; dispatcher workers, possibly on several
 * hosts, claim due messages and record the outcome. A claim is a lease: a worker that dies mid-send leaves the
 * message to be claimed again once the lease ends, so nothing is lost.
 */
public interface NotificationOutbox {

    /**
     * Adds a message unless one with the same idempotency key exists.
     *
     * @return true if added, false if the key was already there (the existing message is kept untouched)
     */
    boolean enqueue(Notification notification);

    /**
     * {@link #enqueue(Notification)} for several messages at once, all or nothing. A billing run enqueues a chunk's
     * messages with one call. The messages are taken in list order: one whose idempotency key is already stored
     * (including by an earlier call in the same unit of work) or came earlier in the list is skipped, and the message
     * holding the key is kept untouched; every other message is added.
     *
     * <p>If a message cannot be added (its id is already stored under another key: {@code DUPLICATE}), none of the
     * list is: the call fails or, inside a unit of work, the unit does, at the latest when it commits.
     *
     * <p>The default enqueues one by one, which is all or nothing only inside a unit of work: an adapter overrides
     * it, at least to run it as a unit of its own (the adapters over a database check every key with one query).
     *
     * @return how many messages were added: 0 for an empty list
     */
    default int enqueueAll(List<Notification> notifications) {
        int added = 0;
        for (Notification notification : notifications) {
            if (enqueue(notification)) {
                added++;
            }
        }
        return added;
    }

    /**
     * Records that the attachments of the messages with these idempotency keys are stored, so the dispatcher links
     * them without asking the storage whether they are there (on S3, one request less per message). Whoever stores
     * the documents calls it in the unit of work that records them; keys without a message are ignored. Nothing
     * else about a message changes, and a message's flag never goes back to false.
     *
     * <p>The default records nothing: the dispatcher then asks the storage about each attachment, as it must for any
     * message not marked. An adapter over a database marks them with one statement.
     *
     * @return how many messages were marked now (not counting those marked before)
     */
    default int markAttachmentsStored(Collection<String> idempotencyKeys) {
        return 0;
    }

    /**
     * Claims up to {@code limit} {@code PENDING} messages due at {@code now} (their {@code nextAttemptAt} is not after
     * it), in order of {@code nextAttemptAt}, then of id in {@link org.wispcrm.core.common.Ids#ORDER}: oldest due
     * first, and messages due at the same instant in creation order, since ids are UUID v7. Each claimed
     * message's attempts go up by one, its {@code nextAttemptAt} moves to {@code now + lease}, so no other worker
     * claims it meanwhile, and its {@code lastError} is cleared, since this attempt's outcome is not known yet (a
     * message claimed again with attempts above one and no error was left by a worker that died mid-send).
     * Concurrent callers never receive the same message. The returned copies show the claimed state.
     */
    List<Notification> claimDue(Instant now, int limit, Duration lease);

    /** Records delivery; the message becomes {@code SENT}. */
    void markSent(NotificationId id, ChannelName channel, String providerMessageId, Instant sentAt);

    /** Records a transient failure; the message stays {@code PENDING} and is due again at {@code retryAt}. */
    void markRetry(NotificationId id, String reason, Instant retryAt);

    /** Gives the message up ({@code DEAD}) with the reason; an operator may requeue it. */
    void markDead(NotificationId id, String reason);

    /** Puts a {@code DEAD} message back to {@code PENDING}, due at {@code now}, with its attempts reset. */
    void requeue(NotificationId id, Instant now);

    /** The message with this id. */
    Optional<Notification> findById(NotificationId id);

    /** The message with this idempotency key. */
    Optional<Notification> findByIdempotencyKey(String idempotencyKey);

    /** One page of messages in a status, oldest first (for operators listing dead letters). */
    Page<Notification> findByStatus(NotificationStatus status, PageRequest page);
}
