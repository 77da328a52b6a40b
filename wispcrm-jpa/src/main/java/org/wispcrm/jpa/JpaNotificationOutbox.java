package org.wispcrm.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.Session;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationOutbox;
import org.wispcrm.core.notification.NotificationStatus;

/**
 * The outbox in {@code notifications}. Claims lock the due rows with {@code SELECT ... FOR UPDATE SKIP LOCKED} on
 * MariaDB and PostgreSQL, so concurrent workers (threads or hosts) each take different rows without waiting; on H2
 * each candidate is taken with a conditional update on its version, so a row another worker took is skipped.
 */
final class JpaNotificationOutbox implements NotificationOutbox {
    /**
     * Due rows, oldest due first; ties go by id, which is time-ordered (UUID v7). The order is that of the index
     * {@code ix_notifications_due (status, next_attempt_at, id)}, so the database reads only the rows it returns:
     * ordering by {@code created_at} as well made it sort (and, FOR UPDATE, lock) every due row on each claim.
     */
    private static final String DUE = "status = 'PENDING' AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id";

    /** Claims taken again after losing a deadlock, before the failure reaches the dispatcher. */
    private static final int CLAIM_ATTEMPTS = 5;

    private final JpaTransactionRunner tx;
    private final Database database;

    JpaNotificationOutbox(JpaTransactionRunner tx, Database database) {
        this.tx = tx;
        this.database = database;
    }

    @Override
    public boolean enqueue(Notification notification) {
        return tx.call(em -> {
            // the natural-id lookup sees rows enqueued earlier in this unit without flushing the session
            var existing = em.unwrap(Session.class)
                    .bySimpleNaturalId(NotificationEntity.class)
                    .load(notification.idempotencyKey());
            if (existing != null) {
                return false;
            }
            em.persist(NotificationEntity.of(notification));
            tx.local(EnqueuedInUnit.class, EnqueuedInUnit::new).keys.add(notification.idempotencyKey());
            return true;
        });
    }

    /**
     * The idempotency keys this unit has enqueued and not yet written. {@link #enqueueAll} asks the database for
     * the keys that exist without flushing the session first (an auto-flush would dirty-check every entity of the
     * unit, a whole billing chunk, only to find nothing of this table to write) and adds these instead.
     */
    private static final class EnqueuedInUnit implements JpaTransactionRunner.BeforeCommit {
        final Set<String> keys = new HashSet<>();

        @Override
        public void beforeCommit(EntityManager em) {
            // nothing deferred: the entities are persisted and flushed with the unit
        }
    }

    /**
     * One query finds which keys exist, plus those enqueued earlier in the unit; the other messages are persisted
     * and go out in JDBC batches.
     */
    @Override
    public int enqueueAll(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return 0;
        }
        var keys = notifications.stream()
                .map(Notification::idempotencyKey)
                .distinct()
                .toList();
        return tx.call(em -> {
            var enqueued = tx.local(EnqueuedInUnit.class, EnqueuedInUnit::new).keys;
            var taken = new HashSet<>(enqueued);
            for (int from = 0; from < keys.size(); from += Queries.MAX_IN) {
                taken.addAll(existingKeys(em, keys.subList(from, Math.min(keys.size(), from + Queries.MAX_IN))));
            }
            int added = 0;
            for (Notification notification : notifications) {
                if (taken.add(notification.idempotencyKey())) {
                    em.persist(NotificationEntity.of(notification));
                    enqueued.add(notification.idempotencyKey());
                    added++;
                }
            }
            return added;
        });
    }

    /**
     * Through the unique index (see {@link JpaTransactionRunner#lookUpByIndex}); on PostgreSQL the keys go as one
     * array parameter.
     */
    @SuppressWarnings("unchecked")
    private List<String> existingKeys(EntityManager em, List<String> keys) {
        if (database == Database.POSTGRESQL) {
            return tx.lookUpByIndex(
                    em,
                    () -> em.createNativeQuery(
                                    "SELECT idempotency_key FROM notifications WHERE idempotency_key = ANY(?1)",
                                    String.class)
                            .unwrap(org.hibernate.query.NativeQuery.class)
                            .addSynchronizedEntityClass(NotificationEntity.class)
                            .setFlushMode(FlushModeType.COMMIT)
                            .setParameter(1, keys.toArray(String[]::new))
                            .getResultList());
        }
        return em.createQuery(
                        "select e.idempotencyKey from NotificationEntity e where e.idempotencyKey in :keys",
                        String.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("keys", keys)
                .getResultList();
    }

    /**
     * One JDBC batch of updates by idempotency key (the unique index). The version is left alone: the flag only ever
     * goes to true, and the entity never writes it after the insert, so it commutes with the dispatcher's marks.
     */
    @Override
    public int markAttachmentsStored(Collection<String> idempotencyKeys) {
        if (idempotencyKeys.isEmpty()) {
            return 0;
        }
        var keys = new LinkedHashSet<>(idempotencyKeys);
        return tx.call(em -> {
            em.flush(); // messages this unit enqueued are written first, so they are marked too
            return em.unwrap(Session.class).doReturningWork(connection -> {
                try (var update = connection.prepareStatement("UPDATE notifications SET attachments_stored = TRUE"
                        + " WHERE idempotency_key = ? AND attachments_stored = FALSE")) {
                    for (String key : keys) {
                        update.setString(1, key);
                        update.addBatch();
                    }
                    int marked = 0;
                    for (int count : update.executeBatch()) {
                        // a driver that batches without counts (SUCCESS_NO_INFO) is not counted
                        marked += Math.max(count, 0);
                    }
                    return marked;
                }
            });
        });
    }

    @Override
    public List<Notification> claimDue(Instant now, int limit, Duration lease) {
        var violations = new Violations();
        violations.require(limit >= 1, "limit", limit, "must be at least 1");
        violations.require(lease != null && !lease.isNegative() && !lease.isZero(), "lease", lease, "must be positive");
        violations.throwIfAny();
        Instant until = now.plus(lease);
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.call(em -> database.skipLocked()
                        ? claimLocking(em, now, limit, until)
                        : claimOptimistic(em, now, limit, until));
            } catch (WispCrmException e) {
                // InnoDB can pick a claim as a deadlock victim when workers lock index ranges in different orders.
                // A claim in its own unit rolled back whole, so taking it again is safe; inside a caller's unit it
                // is not, and the caller decides.
                if (e.code() != ErrorCode.CONCURRENT_MODIFICATION || attempt == CLAIM_ATTEMPTS || tx.inUnitOfWork()) {
                    throw e;
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5L * attempt, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WispCrmException.adapterFailure(ErrorCode.PERSISTENCE_FAILURE, "Interrupted while claiming", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Notification> claimLocking(EntityManager em, Instant now, int limit, Instant until) {
        // a month's messages arrive at once, before the table has statistics: without this, PostgreSQL sorts every
        // due row on each claim, and a claim costs as much as the backlog
        tx.readInIndexOrder(em);
        List<NotificationEntity> rows = em.createNativeQuery(
                        "SELECT * FROM notifications WHERE " + DUE + " LIMIT ?2 FOR UPDATE SKIP LOCKED",
                        NotificationEntity.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        var claimed = new ArrayList<Notification>(rows.size());
        for (var row : rows) {
            row.attempts++;
            row.nextAttemptAt = until;
            row.lastError = null;
            claimed.add(row.toDomain());
        }
        em.flush();
        return claimed;
    }

    private List<Notification> claimOptimistic(EntityManager em, Instant now, int limit, Instant until) {
        List<NotificationEntity> candidates = em.createQuery(
                        "select e from NotificationEntity e where e.status = :pending and e.nextAttemptAt <= :now"
                                + " order by e.nextAttemptAt, e.id",
                        NotificationEntity.class)
                .setParameter("pending", NotificationStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit * 2)
                .getResultList();
        var claimed = new ArrayList<Notification>();
        for (var row : candidates) {
            if (claimed.size() == limit) {
                break;
            }
            int updated = em.createQuery("update NotificationEntity e set e.attempts = e.attempts + 1,"
                            + " e.nextAttemptAt = :until, e.lastError = null, e.version = e.version + 1"
                            + " where e.id = :id and e.version = :version and e.status = :pending"
                            + " and e.nextAttemptAt <= :now")
                    .setParameter("until", until)
                    .setParameter("id", row.id)
                    .setParameter("version", row.version)
                    .setParameter("pending", NotificationStatus.PENDING)
                    .setParameter("now", now)
                    .executeUpdate();
            if (updated == 1) {
                em.detach(row);
                row.attempts++;
                row.nextAttemptAt = until;
                row.lastError = null;
                claimed.add(row.toDomain());
            }
        }
        return claimed;
    }

    @Override
    public void markSent(NotificationId id, ChannelName channel, String providerMessageId, Instant sentAt) {
        if (!tx.inUnitOfWork()) {
            // the dispatcher's case, once per message: one UPDATE instead of a SELECT and an UPDATE
            int updated = tx.call(em -> em.createQuery("update NotificationEntity e set e.status = :sent,"
                            + " e.sentVia = :via, e.providerMessageId = :providerId, e.sentAt = :sentAt,"
                            + " e.version = e.version + 1 where e.id = :id")
                    .setParameter("sent", NotificationStatus.SENT)
                    .setParameter("via", channel.value())
                    .setParameter("providerId", providerMessageId)
                    .setParameter("sentAt", sentAt)
                    .setParameter("id", id.value())
                    .executeUpdate());
            if (updated == 0) {
                throw WispCrmException.notFound("Notification", id);
            }
            return;
        }
        // inside a unit the row may be loaded in its session: change it there, so the unit sees its own change
        tx.call(em -> {
            var row = require(em, id);
            row.status = NotificationStatus.SENT;
            row.sentVia = channel.value();
            row.providerMessageId = providerMessageId;
            row.sentAt = sentAt;
            return null;
        });
    }

    @Override
    public void markRetry(NotificationId id, String reason, Instant retryAt) {
        tx.call(em -> {
            var row = require(em, id);
            row.status = NotificationStatus.PENDING;
            row.lastError = reason;
            row.nextAttemptAt = retryAt;
            return null;
        });
    }

    @Override
    public void markDead(NotificationId id, String reason) {
        tx.call(em -> {
            var row = require(em, id);
            row.status = NotificationStatus.DEAD;
            row.lastError = reason;
            return null;
        });
    }

    @Override
    public void requeue(NotificationId id, Instant now) {
        tx.call(em -> {
            var row = require(em, id);
            if (row.status != NotificationStatus.DEAD) {
                throw WispCrmException.illegalTransition("Notification", id, row.status, "requeue");
            }
            row.status = NotificationStatus.PENDING;
            row.attempts = 0;
            row.nextAttemptAt = now;
            row.sentAt = null;
            return null;
        });
    }

    @Override
    public Optional<Notification> findById(NotificationId id) {
        return tx.call(em -> Optional.ofNullable(em.find(NotificationEntity.class, id.value()))
                .map(NotificationEntity::toDomain));
    }

    @Override
    public Optional<Notification> findByIdempotencyKey(String idempotencyKey) {
        return tx.call(em -> Optional.ofNullable(em.unwrap(Session.class)
                        .bySimpleNaturalId(NotificationEntity.class)
                        .load(idempotencyKey))
                .map(NotificationEntity::toDomain));
    }

    @Override
    public Page<Notification> findByStatus(NotificationStatus status, PageRequest page) {
        return tx.call(em -> Queries.from("NotificationEntity")
                .where("e.status = :status", "status", status)
                .page(em, NotificationEntity.class, "e.createdAt, e.id", page, NotificationEntity::toDomain));
    }

    private static NotificationEntity require(EntityManager em, NotificationId id) {
        var row = em.find(NotificationEntity.class, id.value());
        if (row == null) {
            throw WispCrmException.notFound("Notification", id);
        }
        return row;
    }
}
