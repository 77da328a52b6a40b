package org.wispcrm.core.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerProfile;
import org.wispcrm.core.customer.NotificationPreferences;
import org.wispcrm.core.inmemory.InMemoryPersistence;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

/** A careless channel puts the customer's address in its errors; neither the log nor the outbox keeps it whole. */
class DispatcherLogsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    /** Fails first with a retryable error, then with a bug, each naming the recipient's phone and email. */
    private static final class CarelessChannel implements NotificationChannel {
        private int calls;

        @Override
        public ChannelName name() {
            return ChannelName.WHATSAPP;
        }

        @Override
        public boolean canReach(Recipient recipient) {
            return true;
        }

        @Override
        public DeliveryReceipt send(OutgoingMessage message) {
            String who = message.recipient().phone().e164() + " / "
                    + message.recipient().email().value();
            if (calls++ == 0) {
                throw ChannelException.retryable("gateway busy for " + who, null, null);
            }
            throw new IllegalArgumentException("cannot format " + who.replace("+", ""));
        }
    }

    @Test
    void failure_reasons_are_logged_and_stored_with_the_address_masked() {
        var store = InMemoryPersistence.create();
        var clock = new MutableClock(NOW);
        var profile = new CustomerProfile(
                "Luis Gómez",
                null,
                EmailAddress.of("Luis.Gomez@Example.co"),
                PhoneNumber.parse("300 123 4567", "CO"),
                Address.of("Calle 1", "Villavicencio", "CO"),
                Locale.forLanguageTag("es-CO"),
                NotificationPreferences.defaults(),
                false,
                null);
        Customer customer = store.customers().save(Customer.register(CustomerId.newId(), "C-1", profile, NOW));
        var notification = Notification.pending(
                "restored:1", NotificationKind.SERVICE_RESTORED, customer.id(), Map.of(), List.of(), NOW);
        store.outbox().enqueue(notification);
        var dispatcher = NotificationDispatcher.builder(
                        store.outbox(),
                        store.customers(),
                        MessageTemplates.builder().ispName("ISP").build())
                .channel(new CarelessChannel())
                .clock(clock)
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .build();

        String log = capturingStandardError(() -> {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofHours(1));
            dispatcher.dispatchDue();
        });

        String stored = store.outbox().findById(notification.id()).orElseThrow().lastError();
        assertThat(log).contains("gateway busy for +57******4567", "cannot format +57******4567");
        assertThat(log + stored)
                .doesNotContain("+573001234567", "573001234567")
                .doesNotContainIgnoringCase("luis.gomez@example.co")
                .contains("L***@example.co");
    }

    private static String capturingStandardError(Runnable work) {
        PrintStream original = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
