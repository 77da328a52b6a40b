package org.wispcrm.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.testkit.NotificationChannelKit.DeliveredFile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** SES v2's own protocol details: the exact request, each error's classification. */
class SesEmailChannelTest {
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    private final FakeSes ses = new FakeSes();
    private MockWebServer server;
    private SesV2Client client;
    private SesEmailChannel channel;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(ses);
        server.start();
        client = SesEmailChannelKitTest.client(server);
        channel = SesEmailChannel.builder(client, SmtpEmailChannelKitTest.config())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
    }

    @Test
    void aMessageIsOneSignedSendEmailCallWithTheRawMimeAndItsAttachment() throws Exception {
        DeliveryReceipt receipt =
                channel.send(SmtpEmailChannelTest.invoice("<p>Hola</p>", List.of(SmtpEmailChannelTest.pdf())));

        assertThat(ses.received()).hasSize(1);
        var request = ses.received().get(0);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/email/outbound-emails");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getHeaders().get("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=" + SesEmailChannelKitTest.ACCESS_KEY + "/20")
                .contains("/us-east-1/ses/aws4_request")
                .doesNotContain(SesEmailChannelKitTest.SECRET_KEY);
        var body = ses.accepted().get(0).body();
        assertThat(body.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("FromEmailAddress", "Destination", "Content");
        assertThat(body.path("FromEmailAddress").asText()).isEqualTo("facturacion@mi-isp.example");
        assertThat(body.path("Destination").path("ToAddresses")).hasSize(1);
        assertThat(body.path("Destination").path("ToAddresses").get(0).asText()).isEqualTo("jose.nunez@example.com");
        assertThat(body.path("Content").fieldNames()).toIterable().containsExactly("Raw");

        MimeMessage mime = MimeReading.parse(ses.accepted().get(0).raw());
        assertThat(mime.getSubject()).isEqualTo("Factura FE-000123 de diciembre: ¡ya está lista, José!");
        assertThat(((InternetAddress) mime.getFrom()[0]).getPersonal()).isEqualTo("Mi ISP Facturación");
        assertThat(mime.isMimeType("multipart/mixed")).isTrue();
        assertThat(MimeReading.firstPart(mime, "text/plain").replace("\r\n", "\n"))
                .isEqualTo("Hola José Núñez,\nsu factura por $ 59.900 vence el 15/01. ¿Preguntas? ¡Escríbanos!");
        assertThat(MimeReading.firstPart(mime, "text/html")).isEqualTo("<p>Hola</p>");
        assertThat(MimeReading.attachments(mime))
                .containsExactly(new DeliveredFile(
                        "FE-000123.pdf", SmtpEmailChannelTest.pdf().content()));
        assertThat(mime.getSentDate().toInstant()).isEqualTo(NOW);

        assertThat(receipt)
                .isEqualTo(new DeliveryReceipt(
                        ChannelName.EMAIL, ses.accepted().get(0).messageId(), NOW));
    }

    @Test
    void aConfigurationSetIsSentWhenTheHostNamesOne() {
        var withSet = SesEmailChannel.builder(client, SmtpEmailChannelKitTest.config())
                .configurationSetName("facturacion-eventos")
                .build();

        withSet.send(SmtpEmailChannelTest.invoice(null, List.of()));

        assertThat(ses.accepted().get(0).body().path("ConfigurationSetName").asText())
                .isEqualTo("facturacion-eventos");
        assertThatThrownBy(() -> SesEmailChannel.builder(client, SmtpEmailChannelKitTest.config())
                        .configurationSetName(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configurationSetName");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(429, "TooManyRequestsException", true),
                Arguments.of(400, "LimitExceededException", true),
                Arguments.of(500, "InternalServiceErrorException", true),
                Arguments.of(503, "ServiceUnavailable", true),
                Arguments.of(400, "ThrottlingException", true),
                Arguments.of(400, "MessageRejected", false),
                Arguments.of(400, "MailFromDomainNotVerifiedException", false),
                Arguments.of(400, "AccountSuspendedException", false),
                Arguments.of(400, "BadRequestException", false),
                Arguments.of(400, "SendingPausedException", false),
                Arguments.of(404, "NotFoundException", false),
                Arguments.of(403, "AccessDeniedException", false));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errors")
    void eachSesErrorIsClassified(int status, String type, boolean retryable) {
        ses.answerNext(FakeSes.error(status, type, "Refused jose.nunez@example.com for a reason"));

        var failure = catchThrowableOfType(
                ChannelException.class, () -> channel.send(SmtpEmailChannelTest.invoice(null, List.of())));

        assertThat(failure).isNotNull();
        assertThat(failure.isRetryable()).as("retryable").isEqualTo(retryable);
        assertThat(failure.getMessage())
                .contains(String.valueOf(status))
                .contains(type)
                .contains("j***@example.com")
                .doesNotContain("jose.nunez@example.com")
                .doesNotContain(SesEmailChannelKitTest.SECRET_KEY);
        assertThat(ses.accepted()).isEmpty();
    }

    @Test
    void anAnswerWithoutAMessageIdIsRetryable() {
        ses.answerNext(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{}")
                .build());

        var failure = catchThrowableOfType(
                ChannelException.class, () -> channel.send(SmtpEmailChannelTest.invoice(null, List.of())));

        assertThat(failure.isRetryable()).isTrue();
    }

    @Test
    void sesThatCannotBeReachedIsRetryable() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var nowhere = SesV2Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SesEmailChannelKitTest.ACCESS_KEY, SesEmailChannelKitTest.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            var unreachable = new SesEmailChannel(nowhere, SmtpEmailChannelKitTest.config());

            var failure = catchThrowableOfType(
                    ChannelException.class, () -> unreachable.send(SmtpEmailChannelTest.invoice(null, List.of())));

            assertThat(failure.isRetryable()).isTrue();
            assertThat(failure.getMessage()).contains("could not reach SES");
        }
    }

    @Test
    void toStringShowsTheSenderMaskedAndNoCredentials() {
        assertThat(channel.toString())
                .isEqualTo("SesEmailChannel[from=f***@mi-isp.example, configurationSet=null]")
                .doesNotContain(SesEmailChannelKitTest.SECRET_KEY);
    }
}
