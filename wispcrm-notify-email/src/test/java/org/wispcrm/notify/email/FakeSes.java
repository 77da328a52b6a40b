package org.wispcrm.notify.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.wispcrm.testkit.NotificationChannelKit.Delivered;

/**
 * Speaks SES v2's REST-JSON API for SendEmail: {@code POST /v2/email/outbound-emails} answered with
 * {@code {"MessageId":"..."}}; errors carry their type in the {@code x-amzn-ErrorType} header and a
 * {@code {"message":...}} body, as AWS's REST-JSON protocol does. Scripted answers replace the next ones, one each.
 */
final class FakeSes extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A SendEmail call SES accepted: its JSON body and the id it gave. */
    record Accepted(JsonNode body, String messageId) {
        byte[] raw() {
            return Base64.getDecoder()
                    .decode(body.path("Content").path("Raw").path("Data").asText());
        }
    }

    private final Queue<MockResponse> scripted = new ConcurrentLinkedQueue<>();
    private final List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<RecordedRequest> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(1);

    void answerNext(MockResponse response) {
        scripted.add(response);
    }

    static MockResponse error(int code, String type, String message) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-RequestId", "req-" + code)
                .addHeader("x-amzn-ErrorType", type)
                .body("{\"message\":\"" + message + "\"}")
                .build();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        received.add(request);
        MockResponse next = scripted.poll();
        if (next != null) {
            return next;
        }
        if (!"POST".equals(request.getMethod())
                || !"/v2/email/outbound-emails".equals(request.getUrl().encodedPath())) {
            return error(404, "NotFoundException", "Unknown operation");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            return error(400, "BadRequestException", "Malformed JSON");
        }
        if (!body.path("Content").path("Raw").path("Data").isTextual()) {
            return error(400, "BadRequestException", "Content is required");
        }
        String id = String.format("0100019a-%012d-ses", ids.getAndIncrement());
        accepted.add(new Accepted(body, id));
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-RequestId", "req-ok")
                .body("{\"MessageId\":\"" + id + "\"}")
                .build();
    }

    List<RecordedRequest> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<Accepted> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** What the recipient's mailbox gets: the raw MIME message read back, with SES's id. */
    List<Delivered> delivered() {
        List<Delivered> out = new ArrayList<>();
        for (Accepted a : accepted()) {
            Delivered read = MimeReading.delivered(MimeReading.parse(a.raw()));
            out.add(new Delivered(read.address(), read.text(), read.attachments(), a.messageId()));
        }
        return out;
    }
}
