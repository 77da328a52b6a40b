package org.wispcrm.notify.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.Recipient;
import org.wispcrm.testkit.NotificationChannelKit;

/** The channel kit against an HTTP server speaking UltraMsg's API. */
class UltraMsgWhatsAppChannelKitTest extends NotificationChannelKit {
    private final FakeUltraMsg ultraMsg = new FakeUltraMsg();
    private MockWebServer server;
    private UltraMsgWhatsAppChannel channel;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(ultraMsg);
        server.start();
        var client =
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
        Map<String, String> settings = Map.of(
                "ultramsg.baseUrl", server.url("/").toString(),
                "ultramsg.instanceId", FakeUltraMsg.INSTANCE,
                "ultramsg.token", FakeUltraMsg.TOKEN);
        channel = new UltraMsgWhatsAppChannel(client, settings::get);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    protected NotificationChannel channel() {
        return channel;
    }

    @Override
    protected Recipient reachableRecipient() {
        return new Recipient(
                "José Núñez",
                new PhoneNumber("+573001234567"),
                EmailAddress.of("jose@example.com"),
                Locale.forLanguageTag("es-CO"));
    }

    @Override
    protected Recipient unreachableRecipient() {
        return new Recipient("Sin Teléfono", null, EmailAddress.of("sin.telefono@example.com"), Locale.ROOT);
    }

    @Override
    protected String addressOf(Recipient recipient) {
        return recipient.phone().e164();
    }

    @Override
    protected void failTransientlyOnNextSend() {
        ultraMsg.answerNext(new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "7")
                .body("<html>Service Unavailable</html>")
                .build());
    }

    @Override
    protected void rejectPermanentlyOnNextSend() {
        // UltraMsg answers 200 and says in the body that it did not send; it echoes the number.
        ultraMsg.answerNext(
                FakeUltraMsg.json(200, "{\"sent\":\"false\",\"message\":\"+573001234567 is not a WhatsApp number\"}"));
    }

    @Override
    protected List<Delivered> delivered() {
        return ultraMsg.delivered();
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(FakeUltraMsg.TOKEN);
    }
}
