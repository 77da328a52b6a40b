package org.wispcrm.core.notification.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

/**
 * A real channel whose provider fails on command: each send takes the next scripted outcome (accept when the
 * script is empty). Delivered messages are recorded as the provider would have them.
 */
final class ScriptedChannel implements NotificationChannel {
    /** What the provider does with the next message. */
    enum Outcome {
        ACCEPT,
        SERVER_ERROR,
        THROTTLED,
        TIMEOUT,
        REJECT,
        /** The provider accepts, then the process dies before the dispatcher records it. */
        CRASH_AFTER_ACCEPT
    }

    /** Thrown to simulate the process dying: an Error, which the dispatcher must not swallow. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("process died between send and mark");
        }
    }

    private final ChannelName name;
    private final Function<Recipient, Boolean> reach;
    private final Deque<Outcome> script = new ArrayDeque<>();
    private final List<OutgoingMessage> delivered = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    ScriptedChannel(ChannelName name, Function<Recipient, Boolean> reach) {
        this.name = name;
        this.reach = reach;
    }

    static ScriptedChannel whatsapp() {
        return new ScriptedChannel(ChannelName.WHATSAPP, r -> r.phone() != null);
    }

    static ScriptedChannel email() {
        return new ScriptedChannel(ChannelName.EMAIL, r -> r.email() != null);
    }

    synchronized ScriptedChannel then(Outcome... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    synchronized List<OutgoingMessage> delivered() {
        return List.copyOf(delivered);
    }

    @Override
    public ChannelName name() {
        return name;
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return reach.apply(recipient);
    }

    @Override
    public DeliveryReceipt send(OutgoingMessage message) {
        Outcome outcome;
        synchronized (this) {
            outcome = script.isEmpty() ? Outcome.ACCEPT : script.poll();
        }
        return switch (outcome) {
            case ACCEPT -> accept(message);
            case SERVER_ERROR -> throw ChannelException.retryable("HTTP 500 from provider", null, null);
            case THROTTLED -> throw ChannelException.retryable("HTTP 429 from provider", Duration.ofSeconds(120), null);
            case TIMEOUT -> throw ChannelException.retryable("read timed out", null, null);
            case REJECT -> throw ChannelException.permanent("invalid recipient number", null);
            case CRASH_AFTER_ACCEPT -> {
                accept(message);
                throw new SimulatedCrash();
            }
        };
    }

    private synchronized DeliveryReceipt accept(OutgoingMessage message) {
        delivered.add(message);
        return new DeliveryReceipt(name, name + "-" + ids.incrementAndGet(), Instant.parse("2026-11-24T12:00:00Z"));
    }
}
