package org.wispcrm.examples.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

/**
 * A host's own channel: SMS through an HTTP gateway that takes {@code POST /messages} with a JSON body
 * {@code {"to": "+57...", "text": "..."}} and a bearer token, and answers {@code {"id": "..."}}.
 */
public final class SmsGatewayChannel implements NotificationChannel {
    static final ChannelName SMS = new ChannelName("sms");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http;
    private final URI messages;
    private final String token;

    /** The gateway's base URL (its {@code /messages} endpoint is used) and API token. */
    public SmsGatewayChannel(HttpClient http, URI baseUrl, String token) {
        this.http = http;
        this.messages = baseUrl.resolve("/messages");
        this.token = token;
    }

    @Override
    public ChannelName name() {
        return SMS;
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return recipient.phone() != null;
    }

    @Override
    public DeliveryReceipt send(OutgoingMessage message) {
        var phone = message.recipient().phone();
        if (phone == null) {
            throw ChannelException.permanent("SMS needs a phone number; the recipient has none", null);
        }
        String body = "{\"to\":\"" + phone.e164() + "\",\"text\":\"" + json(message.text()) + "\"}";
        var request = HttpRequest.newBuilder(messages)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ChannelException.retryable(
                    "SMS gateway unreachable: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChannelException.retryable("interrupted while sending SMS", null, e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw ChannelException.retryable("SMS gateway answered HTTP " + status, null, null);
        }
        var id = ID.matcher(response.body());
        if (status >= 300 || !id.find()) {
            throw ChannelException.permanent("SMS gateway rejected the message: HTTP " + status, null);
        }
        return new DeliveryReceipt(SMS, id.group(1), Instant.now());
    }

    private static String json(String text) {
        var out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "SmsGatewayChannel[" + messages + "]";
    }
}
