package org.wispcrm.examples.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.Recipient;
import org.wispcrm.testkit.NotificationChannelKit;

/** The host's SMS channel passes the same kit as the library's channels, against a real HTTP gateway stand-in. */
class SmsGatewayChannelTest extends NotificationChannelKit {
    private static final String TOKEN = "sms-secret-token-42";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Delivered> accepted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger nextFailure = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private HttpServer gateway;
    private SmsGatewayChannel channel;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/messages", this::handle);
        gateway.setExecutor(Executors.newFixedThreadPool(4));
        gateway.start();
        URI base = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());
        channel = new SmsGatewayChannel(HttpClient.newHttpClient(), base, TOKEN);
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int failure = nextFailure.getAndSet(0);
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        boolean authorised =
                ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        int status = !authorised ? 401 : failure != 0 ? failure : 200;
        String answer = "{\"error\":\"rejected\"}";
        if (status == 200) {
            String id = "sms-" + ids.incrementAndGet();
            accepted.add(new Delivered(body.get("to").asText(), body.get("text").asText(), List.of(), id));
            answer = "{\"id\":\"" + id + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    protected NotificationChannel channel() {
        return channel;
    }

    @Override
    protected Recipient reachableRecipient() {
        return new Recipient(
                "José Núñez", PhoneNumber.parse("300 123 4567", "CO"), null, Locale.forLanguageTag("es-CO"));
    }

    @Override
    protected Recipient unreachableRecipient() {
        return new Recipient("Sin Teléfono", null, null, Locale.forLanguageTag("es-CO"));
    }

    @Override
    protected String addressOf(Recipient recipient) {
        return recipient.phone().e164();
    }

    @Override
    protected void failTransientlyOnNextSend() {
        nextFailure.set(503);
    }

    @Override
    protected void rejectPermanentlyOnNextSend() {
        nextFailure.set(400);
    }

    @Override
    protected List<Delivered> delivered() {
        return List.copyOf(accepted);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOKEN);
    }

    @Override
    protected boolean sendsAttachments() {
        return false;
    }
}
