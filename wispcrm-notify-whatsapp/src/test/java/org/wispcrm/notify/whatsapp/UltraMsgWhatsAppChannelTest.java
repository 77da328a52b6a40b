package org.wispcrm.notify.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.notification.Attachment;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

/** UltraMsg's own protocol details: the exact requests, each failure's classification, masking. */
class UltraMsgWhatsAppChannelTest {
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final PhoneNumber PHONE = new PhoneNumber("+573001234567");
    private static final Recipient JOSE = new Recipient("José", PHONE, null, Locale.forLanguageTag("es-CO"));

    private final FakeUltraMsg ultraMsg = new FakeUltraMsg();
    private MockWebServer server;
    private UltraMsgWhatsAppChannel channel;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(ultraMsg);
        server.start();
        channel = channelWith(
                new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private UltraMsgWhatsAppChannel channelWith(OkHttpClient client) {
        return UltraMsgWhatsAppChannel.builder(
                        client,
                        settings(Map.of("ultramsg.baseUrl", server.url("/").toString())))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    private static UltraMsgConfig settings(Map<String, String> extra) {
        var map = new HashMap<String, String>();
        map.put("ultramsg.instanceId", FakeUltraMsg.INSTANCE);
        map.put("ultramsg.token", FakeUltraMsg.TOKEN);
        map.putAll(extra);
        return map::get;
    }

    private static OutgoingMessage message(String text, List<Attachment> attachments) {
        return new OutgoingMessage(
                NotificationId.of("0190a5f2-7c3e-7d4a-8b2c-1234567890ab"),
                NotificationKind.INVOICE_ISSUED,
                JOSE,
                "Factura FE-000123",
                text,
                null,
                attachments);
    }

    @Test
    void aTextIsOneFormPostToTheChatEndpoint() throws Exception {
        DeliveryReceipt receipt =
                channel.send(message("Hola José, ¿todo bien? ¡Su factura está lista! 100% & más", List.of()));

        assertThat(server.getRequestCount()).isEqualTo(1);
        RecordedRequest request = ultraMsg.received().get(0);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/instance12345/messages/chat");
        assertThat(request.getUrl().query()).isNull();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(FakeUltraMsg.form(request))
                .containsExactly(
                        Map.entry("token", FakeUltraMsg.TOKEN),
                        Map.entry("to", "+573001234567"),
                        Map.entry("body", "Hola José, ¿todo bien? ¡Su factura está lista! 100% & más"),
                        Map.entry("referenceId", "0190a5f2-7c3e-7d4a-8b2c-1234567890ab"));
        assertThat(receipt).isEqualTo(new DeliveryReceipt(ChannelName.WHATSAPP, "41001", NOW));
    }

    @Test
    void anAttachmentWithALinkGoesAsADocumentWithTheLinkAndTheTextAsCaption() {
        var pdf = new Attachment(
                "FE-000123.pdf",
                "application/pdf",
                new byte[] {1, 2, 3},
                URI.create("https://bucket.s3.amazonaws.com/FE-000123.pdf?X-Amz-Signature=abc&X-Amz-Expires=600"));

        DeliveryReceipt receipt = channel.send(message("Su factura de diciembre", List.of(pdf)));

        assertThat(ultraMsg.accepted()).hasSize(1);
        var sent = ultraMsg.accepted().get(0);
        assertThat(sent.path()).isEqualTo("messages/document");
        assertThat(sent.form())
                .containsExactly(
                        Map.entry("token", FakeUltraMsg.TOKEN),
                        Map.entry("to", "+573001234567"),
                        Map.entry("filename", "FE-000123.pdf"),
                        Map.entry(
                                "document",
                                "https://bucket.s3.amazonaws.com/FE-000123.pdf?X-Amz-Signature=abc&X-Amz-Expires=600"),
                        Map.entry("caption", "Su factura de diciembre"),
                        Map.entry("referenceId", "0190a5f2-7c3e-7d4a-8b2c-1234567890ab"));
        assertThat(receipt.providerMessageId()).isEqualTo(sent.id());
    }

    @Test
    void anAttachmentWithoutALinkGoesAsBase64() {
        byte[] bytes = {(byte) 0x25, (byte) 0x50, (byte) 0xff, 0, (byte) 0x80, 10, 13};

        channel.send(message("Adjunto", List.of(new Attachment("a.pdf", "application/pdf", bytes, null))));

        assertThat(ultraMsg.accepted().get(0).form().get("document"))
                .isEqualTo(Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void aTextTooLongForACaptionGoesFirstAsAChatAndTheDocumentsFollowWithoutCaption() {
        String text = "Detalle: " + "ñ".repeat(1100);
        var pdf = new Attachment("FE-1.pdf", "application/pdf", new byte[] {1}, null);
        var csv = new Attachment("FE-1.csv", "text/csv", new byte[] {2}, null);

        DeliveryReceipt receipt = channel.send(message(text, List.of(pdf, csv)));

        var sent = ultraMsg.accepted();
        assertThat(sent)
                .extracting(FakeUltraMsg.Accepted::path)
                .containsExactly("messages/chat", "messages/document", "messages/document");
        assertThat(sent.get(0).form().get("body")).isEqualTo(text);
        assertThat(sent.get(1).form()).doesNotContainKey("caption").containsEntry("filename", "FE-1.pdf");
        assertThat(sent.get(2).form()).doesNotContainKey("caption").containsEntry("filename", "FE-1.csv");
        assertThat(receipt.providerMessageId()).isEqualTo(sent.get(0).id());
    }

    @Test
    void aShortTextWithTwoAttachmentsCaptionsOnlyTheFirstDocument() {
        var pdf = new Attachment("FE-1.pdf", "application/pdf", new byte[] {1}, null);
        var csv = new Attachment("FE-1.csv", "text/csv", new byte[] {2}, null);

        channel.send(message("Su factura", List.of(pdf, csv)));

        var sent = ultraMsg.accepted();
        assertThat(sent)
                .extracting(FakeUltraMsg.Accepted::path)
                .containsExactly("messages/document", "messages/document");
        assertThat(sent.get(0).form()).containsEntry("caption", "Su factura");
        assertThat(sent.get(1).form()).doesNotContainKey("caption");
    }

    @Test
    void aTextLongerThanWhatsAppsLimitIsCutTo4096CharactersEndingWithAnEllipsis() {
        String text = "a".repeat(5000);

        channel.send(message(text, List.of()));

        String body = ultraMsg.accepted().get(0).form().get("body");
        assertThat(body).hasSize(4096).endsWith("a…").startsWith("a".repeat(4095));
    }

    @Test
    void aTextOfExactlyTheLimitIsSentWhole() {
        String text = "b".repeat(4096);

        channel.send(message(text, List.of()));

        assertThat(ultraMsg.accepted().get(0).form().get("body")).isEqualTo(text);
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String text = "x".repeat(4094) + "😀" + "tail";

        String cut = UltraMsgWhatsAppChannel.truncate(text, 4096);

        assertThat(cut).isEqualTo("x".repeat(4094) + "…");
        assertThat(UltraMsgWhatsAppChannel.truncate("corto", 4096)).isEqualTo("corto");
    }

    @Test
    void anAttachmentTooLargeForBase64WithoutALinkFailsPermanentlyBeforeCallingUltraMsg() {
        var huge = new Attachment("big.pdf", "application/pdf", new byte[7_500_003], null);

        var failure = catchThrowableOfType(ChannelException.class, () -> channel.send(message("x", List.of(huge))));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("big.pdf").contains("too large");
        assertThat(server.getRequestCount()).isZero();
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("HTTP 500", 500, null, "{\"error\":\"internal\"}", true, null),
                Arguments.of("HTTP 502", 502, null, "<html>Bad Gateway</html>", true, null),
                Arguments.of("HTTP 503 with Retry-After", 503, "30", "", true, Duration.ofSeconds(30)),
                Arguments.of(
                        "HTTP 429 with Retry-After",
                        429,
                        "120",
                        "{\"error\":\"Too many requests\"}",
                        true,
                        Duration.ofSeconds(120)),
                Arguments.of(
                        "HTTP 429 with an HTTP-date Retry-After",
                        429,
                        "Tue, 24 Nov 2026 15:01:30 GMT",
                        "",
                        true,
                        Duration.ofSeconds(90)),
                Arguments.of("HTTP 408", 408, null, "", true, null),
                Arguments.of("HTTP 401", 401, null, "{\"error\":\"Unauthorized\"}", false, null),
                Arguments.of("HTTP 403", 403, null, "{\"error\":\"instance expired\"}", false, null),
                Arguments.of("HTTP 404 unknown instance", 404, null, "{\"error\":\"instance not found\"}", false, null),
                Arguments.of("HTTP 400", 400, null, "{\"error\":\"bad request\"}", false, null),
                Arguments.of(
                        "200 wrong token",
                        200,
                        null,
                        "{\"error\":\"Wrong token. Please provide token as a GET parameter.\"}",
                        false,
                        null),
                Arguments.of(
                        "200 sent false invalid number",
                        200,
                        null,
                        "{\"sent\":\"false\",\"message\":\"invalid number\"}",
                        false,
                        null),
                Arguments.of(
                        "200 error list", 200, null, "{\"error\":[{\"to\":\"The to field is invalid\"}]}", false, null),
                Arguments.of(
                        "200 sent false disconnected",
                        200,
                        null,
                        "{\"sent\":\"false\",\"message\":\"WhatsApp not connected, try again later\"}",
                        true,
                        null),
                Arguments.of("200 not JSON", 200, null, "<html>captive portal</html>", true, null),
                Arguments.of(
                        "200 sent true without id", 200, null, "{\"sent\":\"true\",\"message\":\"ok\"}", true, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void eachAnswerIsClassified(
            String name, int code, String retryAfter, String body, boolean retryable, Duration wait) {
        var response = new MockResponse.Builder().code(code).body(body);
        if (retryAfter != null) {
            response.addHeader("Retry-After", retryAfter);
        }
        // Twice: OkHttp itself retries a 408 once before giving it to the channel.
        ultraMsg.answerNext(response.build());
        ultraMsg.answerNext(response.build());

        var failure = catchThrowableOfType(ChannelException.class, () -> channel.send(message("Hola", List.of())));

        assertThat(failure).as(name).isNotNull();
        assertThat(failure.isRetryable()).as(name + " retryable").isEqualTo(retryable);
        assertThat(failure.retryAfter()).as(name + " retry-after").isEqualTo(java.util.Optional.ofNullable(wait));
        assertThat(failure.code()).isEqualTo(ErrorCode.NOTIFICATION_FAILURE);
        assertThat(failure.getMessage()).doesNotContain(FakeUltraMsg.TOKEN).doesNotContain(PHONE.e164());
    }

    @Test
    void aWrongTokenAsTheRealServerAnswersItIsPermanent() {
        var wrong = UltraMsgWhatsAppChannel.builder(
                        new OkHttpClient(),
                        settings(Map.of("ultramsg.baseUrl", server.url("/").toString(), "ultramsg.token", "nope")))
                .build();

        var failure = catchThrowableOfType(ChannelException.class, () -> wrong.send(message("Hola", List.of())));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("Wrong token");
    }

    @Test
    void anUnknownInstanceAnswers404AndIsPermanent() {
        var wrong = UltraMsgWhatsAppChannel.builder(
                        new OkHttpClient(),
                        settings(Map.of(
                                "ultramsg.baseUrl", server.url("/").toString(), "ultramsg.instanceId", "instance999")))
                .build();

        var failure = catchThrowableOfType(ChannelException.class, () -> wrong.send(message("Hola", List.of())));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("HTTP 404").contains("instance not found");
    }

    @Test
    void aTimeoutIsRetryable() {
        ultraMsg.answerNext(new MockResponse.Builder()
                .headersDelay(3, TimeUnit.SECONDS)
                .body("{\"sent\":\"true\",\"message\":\"ok\",\"id\":1}")
                .build());
        var impatient = channelWith(
                new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build());

        var failure = catchThrowableOfType(ChannelException.class, () -> impatient.send(message("Hola", List.of())));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getCause()).isInstanceOf(InterruptedIOException.class);
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nowhere = UltraMsgWhatsAppChannel.builder(
                        new OkHttpClient(), settings(Map.of("ultramsg.baseUrl", "http://127.0.0.1:" + closedPort)))
                .build();

        var failure = catchThrowableOfType(ChannelException.class, () -> nowhere.send(message("Hola", List.of())));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getMessage()).contains("got no answer");
    }

    @Test
    void aRecipientWithoutPhoneFailsPermanentlyWithoutARequest() {
        var noPhone = new OutgoingMessage(
                NotificationId.newId(),
                NotificationKind.PAYMENT_REMINDER,
                new Recipient("Ana", null, null, Locale.ROOT),
                "Recordatorio",
                "Hola",
                null,
                List.of());

        assertThatThrownBy(() -> channel.send(noPhone))
                .isInstanceOfSatisfying(
                        ChannelException.class, e -> assertThat(e.isRetryable()).isFalse());
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theTokenAndTheWholeNumberNeverReachLogsMessagesOrToString() {
        // A provider that echoes what it got: the channel must mask it before it reaches a message or a log.
        ultraMsg.answerNext(FakeUltraMsg.json(
                200,
                "{\"sent\":\"false\",\"message\":\"token " + FakeUltraMsg.TOKEN
                        + " cannot send to 573001234567 (+573001234567)\"}"));
        PrintStream originalErr = System.err;
        var captured = new ByteArrayOutputStream();
        ChannelException failure;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            failure = catchThrowableOfType(ChannelException.class, () -> channel.send(message("Hola", List.of())));
            channel.send(message("Hola otra vez", List.of()));
        } finally {
            System.setErr(originalErr);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);

        assertThat(failure.getMessage())
                .contains("****")
                .contains(PHONE.masked())
                .doesNotContain(FakeUltraMsg.TOKEN)
                .doesNotContain("573001234567");
        assertThat(logs)
                .as("the logs were captured")
                .contains("WhatsApp send to " + PHONE.masked())
                .contains("UltraMsg accepted notification");
        assertThat(logs).doesNotContain(FakeUltraMsg.TOKEN).doesNotContain("573001234567");
        assertThat(channel.toString())
                .contains("instance12345")
                .contains("****")
                .doesNotContain(FakeUltraMsg.TOKEN);
    }

    @Test
    void theConfigDefaultsTheBaseUrlAndNamesEveryBadKey() {
        UltraMsgConfig empty = key -> null;
        assertThat(empty.baseUrl()).isEqualTo("https://api.ultramsg.com");

        assertThatThrownBy(empty::validate)
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("ultramsg.instanceId is required")
                .hasMessageContaining("ultramsg.token is required");
        UltraMsgConfig badUrl = Map.of(
                "ultramsg.baseUrl", "ftp:/nowhere", "ultramsg.instanceId", "instance 1", "ultramsg.token", "t")::get;
        assertThatThrownBy(badUrl::validate)
                .hasMessageContaining("ultramsg.baseUrl")
                .hasMessageContaining("ultramsg.instanceId must be letters and digits");
        assertThatThrownBy(() -> new UltraMsgWhatsAppChannel(new OkHttpClient(), empty))
                .hasMessageContaining("ultramsg.token is required")
                .hasMessageNotContaining("null");
    }

    @Test
    void aConfigCanOverrideTheTypedMethodsInsteadOfGet() {
        UltraMsgConfig typed = new UltraMsgConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String instanceId() {
                return "instance777";
            }

            @Override
            public String token() {
                return "secreto";
            }
        };

        typed.validate();
        assertThat(new UltraMsgWhatsAppChannel(new OkHttpClient(), typed).toString())
                .isEqualTo(
                        "UltraMsgWhatsAppChannel[baseUrl=https://api.ultramsg.com/, instanceId=instance777, token=****]");
    }
}
