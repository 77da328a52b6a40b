package org.wispcrm.examples.lambda;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** UltraMsg's API as a MockWebServer dispatcher: accepts chat and document messages for one instance and token. */
final class FakeUltraMsg extends Dispatcher {
    static final String INSTANCE = "instance12345";
    static final String TOKEN = "tok-9f8e7d6c5b4a";

    /** One message UltraMsg accepted. */
    record Sent(String endpoint, Map<String, String> form) {
        String to() {
            return form.get("to");
        }

        /** The text the phone shows: the chat body or the document's caption. */
        String text() {
            return endpoint.equals("chat") ? form.get("body") : form.getOrDefault("caption", "");
        }
    }

    private final AtomicInteger ids = new AtomicInteger(1000);
    private final List<RecordedRequest> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        received.add(request);
        String path = request.getUrl().encodedPath();
        Map<String, String> form = form(request);
        if (!path.startsWith("/" + INSTANCE + "/messages/") || !TOKEN.equals(form.get("token"))) {
            return json(200, "{\"error\":\"Wrong token. Please provide token as a GET parameter.\"}");
        }
        sent.add(new Sent(path.substring(path.lastIndexOf('/') + 1), form));
        return json(200, "{\"sent\":\"true\",\"message\":\"ok\",\"id\":" + ids.incrementAndGet() + "}");
    }

    /** Every request that reached the server. */
    List<RecordedRequest> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Every accepted message, in order. */
    List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }
}
