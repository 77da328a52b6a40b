package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.testkit.Fixtures.NOW;
import static org.wispcrm.testkit.Fixtures.later;
import static org.wispcrm.testkit.Fixtures.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationStatus;

/**
 * Compatibility kit for {@link org.wispcrm.core.notification.NotificationOutbox}: idempotent enqueue, one message at a
 * time or many at once ({@code enqueueAll}: stored and repeated keys skipped, all or nothing), claims of due
 * messages oldest due first (ties in id order) under a lease, the outcome transitions, listing by status, and exclusive claims under
 * concurrency. {@code requeue} of a message that is not {@code DEAD} fails with {@code ILLEGAL_TRANSITION}; marking
 * an unknown id fails with {@code NOT_FOUND}.
 */
public abstract class NotificationOutboxKit extends PersistenceKit {
    private static final Duration LEASE = Duration.ofMinutes(5);

    private Customer customer;

    /** Creates the kit. */
    protected NotificationOutboxKit() {}

    private CustomerId customerId() {
        if (customer == null) {
            customer = savedCustomer();
        }
        return customer.id();
    }

    @Test
    void enqueueStoresEveryField() {
        var message = new Notification(
                NotificationId.newId(),
                "invoice-issued:FE-000042",
                NotificationKind.INVOICE_ISSUED,
                customerId(),
                Map.of("invoiceNumber", "FE-000042", "amount", "$ 77.350", "customerName", "Ana María Gómez"),
                List.of(
                        DocumentKey.of("invoices", "2026", "11", "FE-000042.pdf"),
                        DocumentKey.of("statements", "2026", "11", "CLI-0001.pdf")),
                true,
                NotificationStatus.PENDING,
                0,
                NOW,
                null,
                null,
                null,
                NOW,
                null);

        assertThat(store.outbox().enqueue(message)).isTrue();

        var found = store.outbox().findById(message.id()).orElseThrow();
        assertThat(found).isEqualTo(message);
        assertThat(found.attachments())
                .containsExactly(
                        DocumentKey.of("invoices", "2026", "11", "FE-000042.pdf"),
                        DocumentKey.of("statements", "2026", "11", "CLI-0001.pdf"));
        assertThat(found.model())
                .containsEntry("customerName", "Ana María Gómez")
                .hasSize(3);
        assertThat(store.outbox().findByIdempotencyKey("invoice-issued:FE-000042"))
                .contains(message);
    }

    @Test
    void enqueueingTheSameKeyTwiceKeepsTheFirstMessage() {
        var first = notification(customerId(), "payment-received:PAY-7");
        var second = new Notification(
                NotificationId.newId(),
                "payment-received:PAY-7",
                NotificationKind.PAYMENT_RECEIVED,
                customerId(),
                Map.of("amount", "otro"),
                List.of(),
                false,
                NotificationStatus.PENDING,
                0,
                later(1),
                null,
                null,
                null,
                later(1),
                null);

        assertThat(store.outbox().enqueue(first)).isTrue();
        assertThat(store.outbox().enqueue(second)).isFalse();

        assertThat(store.outbox().findByIdempotencyKey("payment-received:PAY-7"))
                .contains(first);
        assertThat(store.outbox().findById(second.id())).isEmpty();
        assertThat(pendingMessages()).containsExactly(first);
    }

    @Test
    void enqueueAllAddsEveryMessageAndCountsThem() {
        var messages = List.of(
                notification(customerId(), "all-1", NOW),
                notification(customerId(), "all-2", later(1)),
                notification(customerId(), "all-3", later(2)));

        assertThat(store.outbox().enqueueAll(messages)).isEqualTo(3);

        for (var message : messages) {
            assertThat(store.outbox().findById(message.id())).contains(message);
            assertThat(store.outbox().findByIdempotencyKey(message.idempotencyKey()))
                    .contains(message);
        }
        assertThat(store.outbox().enqueueAll(List.of())).isZero();
        assertThat(pendingMessages()).containsExactlyElementsOf(messages);
    }

    @Test
    void enqueueAllSkipsKeysAlreadyStoredAndKeepsTheStoredMessages() {
        var stored = enqueue("skip-1", NOW);
        var sameKey = otherMessageWithKey("skip-1");
        var fresh = notification(customerId(), "skip-2", later(1));

        assertThat(store.outbox().enqueueAll(List.of(sameKey, fresh))).isEqualTo(1);

        assertThat(store.outbox().findByIdempotencyKey("skip-1")).contains(stored);
        assertThat(store.outbox().findById(sameKey.id())).isEmpty();
        assertThat(store.outbox().findById(fresh.id())).contains(fresh);
        // enqueuing the same list again adds nothing
        assertThat(store.outbox().enqueueAll(List.of(sameKey, fresh))).isZero();
        assertThat(pendingMessages()).containsExactly(stored, fresh);
    }

    @Test
    void enqueueAllKeepsTheFirstOfSeveralMessagesWithOneKey() {
        var first = notification(customerId(), "twice", NOW);
        var other = notification(customerId(), "once", NOW);
        var second = otherMessageWithKey("twice");

        assertThat(store.outbox().enqueueAll(List.of(first, other, second))).isEqualTo(2);

        assertThat(store.outbox().findByIdempotencyKey("twice")).contains(first);
        assertThat(store.outbox().findById(second.id())).isEmpty();
        assertThat(store.outbox().findById(other.id())).contains(other);
    }

    @Test
    void enqueueAllSeesMessagesEnqueuedEarlierInTheSameUnit() {
        var first = notification(customerId(), "unit-1", NOW);
        var fresh = notification(customerId(), "unit-2", NOW);

        int added = store.transactions().inTransaction(() -> {
            assertThat(store.outbox().enqueue(first)).isTrue();
            return store.outbox().enqueueAll(List.of(otherMessageWithKey("unit-1"), fresh));
        });

        assertThat(added).isEqualTo(1);
        assertThat(store.outbox().findByIdempotencyKey("unit-1")).contains(first);
        assertThat(store.outbox().findById(fresh.id())).contains(fresh);
    }

    @Test
    void enqueueAllHandlesMoreMessagesThanOneQueryBinds() {
        int total = 1_050;
        var earlier = new ArrayList<Notification>();
        var messages = new ArrayList<Notification>();
        for (int i = 0; i < total; i++) {
            var message = notification(customerId(), "bulk-" + i, NOW.minusSeconds(total - i));
            messages.add(message);
            if (i % 5 == 0) {
                earlier.add(message);
            }
        }
        assertThat(store.outbox().enqueueAll(earlier)).isEqualTo(210);
        // the earlier ones come back under new ids: they must be skipped, and the rest added
        var again = messages.stream()
                .map(m -> earlier.contains(m) ? otherMessageWithKey(m.idempotencyKey()) : m)
                .toList();

        assertThat(store.outbox().enqueueAll(again)).isEqualTo(total - 210);

        var pending = store.outbox().findByStatus(NotificationStatus.PENDING, PageRequest.first(1000));
        assertThat(pending.totalItems()).isEqualTo(total);
        assertThat(pending.items()).containsExactlyElementsOf(messages.subList(0, 1000));
        assertThat(store.outbox().findByIdempotencyKey("bulk-1045")).contains(messages.get(1045));
        assertThat(store.outbox().findByIdempotencyKey("bulk-1049")).contains(messages.get(1049));
    }

    @Test
    void enqueueAllThatFailsAddsNone() {
        var stored = enqueue("fail-0", NOW);
        var fresh = notification(customerId(), "fail-1", NOW);
        // a stored message's id under a new key cannot be added
        var clash = new Notification(
                stored.id(),
                "fail-2",
                NotificationKind.PAYMENT_RECEIVED,
                customerId(),
                Map.of(),
                List.of(),
                false,
                NotificationStatus.PENDING,
                0,
                NOW,
                null,
                null,
                null,
                NOW,
                null);
        var after = notification(customerId(), "fail-3", NOW);

        assertFailsWith(ErrorCode.DUPLICATE, () -> store.outbox().enqueueAll(List.of(fresh, clash, after)));

        assertThat(store.outbox().findByIdempotencyKey("fail-1")).isEmpty();
        assertThat(store.outbox().findByIdempotencyKey("fail-2")).isEmpty();
        assertThat(store.outbox().findByIdempotencyKey("fail-3")).isEmpty();
        assertThat(store.outbox().findById(stored.id())).contains(stored);
        assertThat(store.outbox().enqueueAll(List.of(fresh, after))).isEqualTo(2);
    }

    @Test
    void enqueueAllInAUnitThatRollsBackIsUndone() {
        var messages = List.of(notification(customerId(), "tx-1", NOW), notification(customerId(), "tx-2", NOW));

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    assertThat(store.outbox().enqueueAll(messages)).isEqualTo(2);
                    throw new IllegalStateException("invoice failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.outbox().findByIdempotencyKey("tx-1")).isEmpty();
        assertThat(store.outbox().findByIdempotencyKey("tx-2")).isEmpty();
        assertThat(store.outbox().enqueueAll(messages)).isEqualTo(2);
    }

    @Test
    void markAttachmentsStoredMarksTheNamedMessagesOnlyAndOnlyOnce() {
        var named = enqueue("invoice-issued:FE-1", NOW);
        var other = enqueue("invoice-issued:FE-2", NOW);
        assertThat(named.attachmentsStored()).as("a new message").isFalse();

        int marked = store.outbox().markAttachmentsStored(List.of("invoice-issued:FE-1", "invoice-issued:FE-404"));

        assertThat(marked).as("marked, the unknown key ignored").isEqualTo(1);
        assertThat(store.outbox().findById(named.id()))
                .as("the flag and nothing else changed")
                .contains(named.withAttachmentsStored());
        assertThat(store.outbox().findById(other.id())).contains(other);
        assertThat(store.outbox().markAttachmentsStored(List.of("invoice-issued:FE-1")))
                .as("marked before")
                .isZero();
        assertThat(store.outbox().markAttachmentsStored(List.of())).isZero();
        assertThat(store.outbox().claimDue(NOW, 10, LEASE))
                .filteredOn(n -> n.id().equals(named.id()))
                .singleElement()
                .satisfies(n -> assertThat(n.attachmentsStored()).isTrue());
    }

    @Test
    void markAttachmentsStoredSeesMessagesEnqueuedEarlierInTheUnitAndRollsBackWithIt() {
        assertThat(store.transactions().inTransaction(() -> {
                    store.outbox().enqueueAll(List.of(notification(customerId(), "in-unit", NOW)));
                    return store.outbox().markAttachmentsStored(List.of("in-unit"));
                }))
                .isEqualTo(1);
        assertThat(store.outbox().findByIdempotencyKey("in-unit").orElseThrow().attachmentsStored())
                .isTrue();

        var committed = enqueue("rolled-back-mark", NOW);
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.outbox().markAttachmentsStored(List.of("rolled-back-mark"));
                    throw new IllegalStateException("recording the documents failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.outbox().findById(committed.id())).contains(committed);
    }

    @Test
    void lookupsOfMissingMessagesAreEmpty() {
        assertThat(store.outbox().findById(NotificationId.newId())).isEmpty();
        assertThat(store.outbox().findByIdempotencyKey("nothing")).isEmpty();
        assertThat(store.outbox()
                        .findByStatus(NotificationStatus.DEAD, PageRequest.first(5))
                        .totalItems())
                .isZero();
    }

    @Test
    void claimTakesDueMessagesOldestDueFirstUpToTheLimit() {
        var dueLast = enqueue("k-3", NOW);
        var dueFirst = enqueue("k-1", NOW.minusSeconds(120));
        var dueSecond = enqueue("k-2", NOW.minusSeconds(60));
        var notYetDue = enqueue("k-4", later(1));

        var claimed = store.outbox().claimDue(NOW, 2, LEASE);

        assertThat(claimed).extracting(Notification::id).containsExactly(dueFirst.id(), dueSecond.id());
        assertThat(claimed).allSatisfy(n -> {
            assertThat(n.attempts()).isEqualTo(1);
            assertThat(n.nextAttemptAt()).isEqualTo(NOW.plus(LEASE));
            assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
        });
        assertThat(store.outbox().findById(dueFirst.id()).orElseThrow().attempts())
                .isEqualTo(1);
        assertThat(store.outbox().findById(dueFirst.id()).orElseThrow().nextAttemptAt())
                .isEqualTo(NOW.plus(LEASE));
        // due exactly now counts as due; not yet due does not
        assertThat(store.outbox().claimDue(NOW, 10, LEASE))
                .extracting(Notification::id)
                .containsExactly(dueLast.id());
        assertThat(store.outbox().findById(notYetDue.id()).orElseThrow().attempts())
                .isZero();
    }

    @Test
    void messagesDueAtTheSameInstantAreClaimedInIdOrder() {
        // created in the reverse of id order, so an adapter ordering ties by creation time fails; 7fff… before 8000…
        // is unsigned order, which UUID.compareTo gets wrong
        var high = enqueue(messageWithId("80000000", "tie-high", NOW.minusSeconds(1)));
        var low = enqueue(messageWithId("00000001", "tie-low", NOW));
        var middle = enqueue(messageWithId("7fffffff", "tie-middle", NOW.minusSeconds(2)));
        var earlierDue = enqueue("tie-earlier", NOW.minusSeconds(10));

        assertThat(store.outbox().claimDue(later(5), 3, LEASE))
                .extracting(Notification::id)
                .containsExactly(earlierDue.id(), low.id(), middle.id());
        assertThat(store.outbox().claimDue(later(5), 3, LEASE))
                .extracting(Notification::id)
                .containsExactly(high.id());
    }

    @Test
    void aClaimedMessageStaysHiddenUntilItsLeaseEnds() {
        var message = enqueue("k-lease", NOW);
        store.outbox().claimDue(NOW, 10, LEASE);

        assertThat(store.outbox().claimDue(NOW.plus(LEASE).minusSeconds(1), 10, LEASE))
                .isEmpty();

        var reclaimed = store.outbox().claimDue(NOW.plus(LEASE), 10, LEASE);
        assertThat(reclaimed).extracting(Notification::id).containsExactly(message.id());
        assertThat(reclaimed.get(0).attempts()).isEqualTo(2);
        assertThat(reclaimed.get(0).nextAttemptAt()).isEqualTo(NOW.plus(LEASE).plus(LEASE));
    }

    @Test
    void markSentRecordsTheDeliveryAndTheMessageIsNeverClaimedAgain() {
        var message = enqueue("k-sent", NOW);
        store.outbox().claimDue(NOW, 1, LEASE);

        store.outbox().markSent(message.id(), ChannelName.WHATSAPP, "ultramsg-98765", later(2));

        var sent = store.outbox().findById(message.id()).orElseThrow();
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.sentVia()).isEqualTo(ChannelName.WHATSAPP);
        assertThat(sent.providerMessageId()).isEqualTo("ultramsg-98765");
        assertThat(sent.sentAt()).isEqualTo(later(2));
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.idempotencyKey()).isEqualTo("k-sent");
        assertThat(sent.model()).isEqualTo(message.model());
        assertThat(store.outbox().claimDue(NOW.plus(Duration.ofDays(30)), 10, LEASE))
                .isEmpty();
    }

    @Test
    void markRetryRecordsTheReasonAndMakesTheMessageDueAtTheRetryTime() {
        var message = enqueue("k-retry", NOW);
        store.outbox().claimDue(NOW, 1, LEASE);

        store.outbox().markRetry(message.id(), "HTTP 503 del proveedor", later(30));

        var retrying = store.outbox().findById(message.id()).orElseThrow();
        assertThat(retrying.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(retrying.lastError()).isEqualTo("HTTP 503 del proveedor");
        assertThat(retrying.nextAttemptAt()).isEqualTo(later(30));
        assertThat(retrying.attempts()).isEqualTo(1);
        assertThat(store.outbox().claimDue(later(29), 10, LEASE)).isEmpty();
        var again = store.outbox().claimDue(later(30), 10, LEASE);
        assertThat(again).extracting(Notification::attempts).containsExactly(2);
        // the new attempt's outcome is unknown, so the claim clears the previous error, in the copy and the store
        assertThat(again.get(0).lastError()).isNull();
        assertThat(store.outbox().findById(message.id()).orElseThrow().lastError())
                .isNull();
    }

    @Test
    void markDeadGivesUpAndRequeueBringsTheMessageBack() {
        var message = enqueue("k-dead", NOW);
        store.outbox().claimDue(NOW, 1, LEASE);
        store.outbox().markRetry(message.id(), "timeout", later(10));
        store.outbox().claimDue(later(10), 1, LEASE);

        store.outbox().markDead(message.id(), "Número de WhatsApp no existe");

        var dead = store.outbox().findById(message.id()).orElseThrow();
        assertThat(dead.status()).isEqualTo(NotificationStatus.DEAD);
        assertThat(dead.lastError()).isEqualTo("Número de WhatsApp no existe");
        assertThat(dead.attempts()).isEqualTo(2);
        assertThat(store.outbox().claimDue(NOW.plus(Duration.ofDays(30)), 10, LEASE))
                .isEmpty();
        assertThat(store.outbox()
                        .findByStatus(NotificationStatus.DEAD, PageRequest.first(10))
                        .items())
                .containsExactly(dead);

        store.outbox().requeue(message.id(), later(100));

        var requeued = store.outbox().findById(message.id()).orElseThrow();
        assertThat(requeued.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(requeued.attempts()).isZero();
        assertThat(requeued.nextAttemptAt()).isEqualTo(later(100));
        assertThat(store.outbox().claimDue(later(99), 10, LEASE)).isEmpty();
        assertThat(store.outbox().claimDue(later(100), 10, LEASE))
                .extracting(Notification::id, Notification::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(message.id(), 1));
    }

    @Test
    void requeueOfAMessageThatIsNotDeadFails() {
        var message = enqueue("k-alive", NOW);

        assertFailsWith(ErrorCode.ILLEGAL_TRANSITION, () -> store.outbox().requeue(message.id(), NOW));

        assertThat(store.outbox().findById(message.id())).contains(message);
    }

    @Test
    void outcomesOfUnknownMessagesFail() {
        var unknown = NotificationId.newId();

        assertFailsWith(ErrorCode.NOT_FOUND, () -> store.outbox().markSent(unknown, ChannelName.EMAIL, "x", NOW));
        assertFailsWith(ErrorCode.NOT_FOUND, () -> store.outbox().markRetry(unknown, "x", NOW));
        assertFailsWith(ErrorCode.NOT_FOUND, () -> store.outbox().markDead(unknown, "x"));
        assertFailsWith(ErrorCode.NOT_FOUND, () -> store.outbox().requeue(unknown, NOW));
    }

    @Test
    void claimIgnoresSentAndDeadMessages() {
        var sent = enqueue("k-a", NOW.minusSeconds(10));
        var dead = enqueue("k-b", NOW.minusSeconds(9));
        var pending = enqueue("k-c", NOW.minusSeconds(8));
        store.outbox().markSent(sent.id(), ChannelName.EMAIL, "ses-1", NOW);
        store.outbox().markDead(dead.id(), "correo rebotado");

        assertThat(store.outbox().claimDue(NOW, 10, LEASE))
                .extracting(Notification::id)
                .containsExactly(pending.id());
    }

    @Test
    void findByStatusListsOldestFirstAndPages() {
        var messages = new ArrayList<Notification>();
        for (int i = 0; i < 7; i++) {
            // enqueued out of order: createdAt decides
            messages.add(enqueue("k-page-" + i, NOW.minusSeconds(1000 - ((i * 3) % 7) * 10L)));
        }
        store.outbox().markDead(messages.get(6).id(), "sin canal");
        var pending = messages.subList(0, 6).stream()
                .sorted(java.util.Comparator.comparing(Notification::createdAt))
                .toList();

        var page0 = store.outbox().findByStatus(NotificationStatus.PENDING, PageRequest.first(4));
        var page1 = store.outbox().findByStatus(NotificationStatus.PENDING, new PageRequest(1, 4));

        assertThat(page0.items())
                .extracting(Notification::id)
                .containsExactlyElementsOf(
                        pending.subList(0, 4).stream().map(Notification::id).toList());
        assertThat(page1.items())
                .extracting(Notification::id)
                .containsExactlyElementsOf(
                        pending.subList(4, 6).stream().map(Notification::id).toList());
        assertThat(page1.totalItems()).isEqualTo(6);
        assertThat(page1.hasNext()).isFalse();
        assertThat(store.outbox()
                        .findByStatus(NotificationStatus.DEAD, PageRequest.first(4))
                        .items())
                .extracting(Notification::id)
                .containsExactly(messages.get(6).id());
    }

    @Test
    void anEnqueueInAUnitThatRollsBackIsUndone() {
        var message = notification(customerId(), "k-tx");

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    assertThat(store.outbox().enqueue(message)).isTrue();
                    throw new IllegalStateException("invoice failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.outbox().findByIdempotencyKey("k-tx")).isEmpty();
        assertThat(store.outbox().enqueue(message)).isTrue();
    }

    @Test
    @Timeout(120)
    void concurrentClaimsNeverReturnTheSameMessage() throws Exception {
        int total = 150;
        for (int i = 0; i < total; i++) {
            enqueue("k-many-" + i, NOW.minusSeconds(i));
        }
        int workers = 4;
        var claimed = new ConcurrentLinkedQueue<NotificationId>();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(workers);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    while (true) {
                        var batch = store.outbox().claimDue(NOW, 7, LEASE);
                        if (batch.isEmpty()) {
                            return null;
                        }
                        batch.forEach(n -> claimed.add(n.id()));
                    }
                }));
            }
            start.countDown();
            for (var future : futures) {
                future.get(110, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(claimed).hasSize(total);
        assertThat(new HashSet<>(claimed)).hasSize(total);
        assertThat(store.outbox()
                        .findByStatus(NotificationStatus.PENDING, PageRequest.first(1000))
                        .items())
                .allSatisfy(n -> assertThat(n.attempts()).isEqualTo(1));
    }

    /** Another message (new id, other kind, model and times) under an existing key. */
    private Notification otherMessageWithKey(String key) {
        return new Notification(
                NotificationId.newId(),
                key,
                NotificationKind.PAYMENT_RECEIVED,
                customerId(),
                Map.of("amount", "otro"),
                List.of(),
                false,
                NotificationStatus.PENDING,
                0,
                later(60),
                null,
                null,
                null,
                later(60),
                null);
    }

    /** A message with a given id (its first 8 hex digits), due at {@link Fixtures#later later(1)}. */
    private Notification messageWithId(String first8Hex, String key, java.time.Instant createdAt) {
        return new Notification(
                new NotificationId(BillingFixtures.uuid(first8Hex)),
                key,
                NotificationKind.INVOICE_ISSUED,
                customerId(),
                Map.of("invoiceNumber", "FE-000042"),
                List.of(),
                false,
                NotificationStatus.PENDING,
                0,
                later(1),
                null,
                null,
                null,
                createdAt,
                null);
    }

    private Notification enqueue(Notification message) {
        assertThat(store.outbox().enqueue(message)).isTrue();
        return message;
    }

    private Notification enqueue(String key, java.time.Instant dueAt) {
        return enqueue(notification(customerId(), key, dueAt));
    }

    /** The first ten pending messages (every kit test that reads them has fewer). */
    private List<Notification> pendingMessages() {
        return store.outbox()
                .findByStatus(NotificationStatus.PENDING, PageRequest.first(10))
                .items();
    }
}
