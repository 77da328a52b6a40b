package org.wispcrm.notify.whatsapp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.wispcrm.testkit.NotificationChannelKit.Delivered;
import org.wispcrm.testkit.NotificationChannelKit.DeliveredFile;

/**
 * Speaks UltraMsg's API as its documentation and real answers show it: form-encoded POSTs to
 * {@code /{instance}/messages/chat|document}, answered with {@code {"sent":"true","message":"ok","id":N}}, a
 * {@code {"error":"Wrong token..."}} for a bad token, and 404 for an unknown instance. Scripted answers replace
 * the next ones, one each.
 */
final class FakeUltraMsg extends Dispatcher {
    static final String INSTANCE = "instance12345";
    static final String TOKEN = "tok-S3CR3T-9f8e7d6c";

    /** A request UltraMsg accepted, with the id it gave. */
    record Accepted(String path, Map<String, String> form, String id) {}

    private final Queue<MockResponse> scripted = new ConcurrentLinkedQueue<>();
    private final List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<RecordedRequest> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(41000);

    /** Answers the next request with {@code response} instead of UltraMsg's normal behaviour. */
    void answerNext(MockResponse response) {
        scripted.add(response);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        received.add(request);
        MockResponse next = scripted.poll();
        if (next != null) {
            return next;
        }
        String path = request.getUrl().encodedPath();
        if (!path.startsWith("/" + INSTANCE + "/")) {
            return json(404, "{\"error\":\"instance not found\"}");
        }
        if (!"POST".equals(request.getMethod())
                || !(path.endsWith("/messages/chat") || path.endsWith("/messages/document"))) {
            return json(404, "{\"error\":\"Not found\"}");
        }
        Map<String, String> form = form(request);
        if (!TOKEN.equals(form.get("token"))) {
            return json(200, "{\"error\":\"Wrong token. Please provide token as a GET parameter.\"}");
        }
        if (form.get("to") == null || !form.get("to").matches("\\+\\d{8,15}")) {
            return json(200, "{\"error\":[{\"to\":\"The to field is invalid\"}]}");
        }
        String id = String.valueOf(ids.incrementAndGet());
        accepted.add(new Accepted(path.substring(path.indexOf("/messages/") + 1), form, id));
        return json(200, "{\"sent\":\"true\",\"message\":\"ok\",\"id\":" + id + "}");
    }

    /** Every request that reached the server, accepted or not. */
    List<RecordedRequest> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests UltraMsg accepted, in order. */
    List<Accepted> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** What the recipient's phone got, for the kit. */
    List<Delivered> delivered() {
        List<Delivered> out = new ArrayList<>();
        for (Accepted a : accepted()) {
            if (a.path().equals("messages/chat")) {
                out.add(new Delivered(a.form().get("to"), a.form().get("body"), List.of(), a.id()));
            } else {
                String document = a.form().get("document");
                byte[] bytes = document.startsWith("http")
                        ? document.getBytes(StandardCharsets.UTF_8)
                        : Base64.getDecoder().decode(document);
                out.add(new Delivered(
                        a.form().get("to"),
                        a.form().getOrDefault("caption", ""),
                        List.of(new DeliveredFile(a.form().get("filename"), bytes)),
                        a.id()));
            }
        }
        return out;
    }

    /** Decodes an {@code application/x-www-form-urlencoded} body, keeping the order of the fields. */
    static Map<String, String> form(RecordedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }
}
