package org.wispcrm.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.notification.Attachment;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;
import org.wispcrm.testkit.NotificationChannelKit.DeliveredFile;

/** What a customer's mail client shows, and how each SMTP failure is classified. */
class SmtpEmailChannelTest {
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final EmailAddress JOSE_EMAIL = EmailAddress.of("jose.nunez@example.com");
    private static final Recipient JOSE = new Recipient("José Núñez", null, JOSE_EMAIL, Locale.forLanguageTag("es-CO"));
    private static final NotificationId ID = NotificationId.of("0190a5f2-7c3e-7d4a-8b2c-1234567890ab");

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser(
                            "facturacion@mi-isp.example",
                            SmtpEmailChannelKitTest.USER,
                            SmtpEmailChannelKitTest.PASSWORD));

    private SmtpGate gate;
    private SmtpEmailChannel channel;

    @BeforeEach
    void openGate() throws Exception {
        gate = new SmtpGate(GREEN_MAIL.getSmtp().getPort());
        channel = SmtpEmailChannel.builder(
                        SmtpEmailChannelKitTest.session(gate.port()), SmtpEmailChannelKitTest.config())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    @AfterEach
    void closeGate() throws Exception {
        gate.close();
    }

    static OutgoingMessage invoice(String html, List<Attachment> attachments) {
        return new OutgoingMessage(
                ID,
                NotificationKind.INVOICE_ISSUED,
                JOSE,
                "Factura FE-000123 de diciembre: ¡ya está lista, José!",
                "Hola José Núñez,\nsu factura por $ 59.900 vence el 15/01. ¿Preguntas? ¡Escríbanos!",
                html,
                attachments);
    }

    static Attachment pdf() {
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (255 - i);
        }
        return new Attachment("FE-000123.pdf", "application/pdf", bytes, null);
    }

    @Test
    void theCustomerGetsSubjectTextHtmlAndTheAttachmentAsSent() throws Exception {
        String html = "<p>Hola Jos&eacute; N&uacute;&ntilde;ez, &lt;su factura&gt; est&aacute; lista. ¡Gracias!</p>";

        DeliveryReceipt receipt = channel.send(invoice(html, List.of(pdf())));

        MimeMessage got = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(got.getSubject()).isEqualTo("Factura FE-000123 de diciembre: ¡ya está lista, José!");
        assertThat(got.getHeader("Subject")[0])
                .as("raw header is an encoded word")
                .startsWith("=?UTF-8?");
        assertThat(((InternetAddress) got.getFrom()[0]).getAddress()).isEqualTo("facturacion@mi-isp.example");
        assertThat(((InternetAddress) got.getFrom()[0]).getPersonal()).isEqualTo("Mi ISP Facturación");
        assertThat(((InternetAddress) got.getReplyTo()[0]).getAddress()).isEqualTo("soporte@mi-isp.example");
        var to = (InternetAddress) got.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("jose.nunez@example.com");
        assertThat(to.getPersonal()).isEqualTo("José Núñez");
        assertThat(got.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(got.getHeader("Content-Language")).containsExactly("es-CO");

        assertThat(got.isMimeType("multipart/mixed")).isTrue();
        var mixed = (Multipart) got.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        var alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContentType())
                .startsWith("text/plain")
                .containsIgnoringCase("UTF-8");
        assertThat(((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n"))
                .isEqualTo("Hola José Núñez,\nsu factura por $ 59.900 vence el 15/01. ¿Preguntas? ¡Escríbanos!");
        assertThat(alternative.getBodyPart(1).getContentType())
                .startsWith("text/html")
                .containsIgnoringCase("UTF-8");
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo(html);
        assertThat(MimeReading.attachments(got)).containsExactly(new DeliveredFile("FE-000123.pdf", pdf().content()));
        assertThat(mixed.getBodyPart(1).getContentType()).startsWith("application/pdf");

        assertThat(receipt)
                .isEqualTo(new DeliveryReceipt(
                        ChannelName.EMAIL, "<0190a5f2-7c3e-7d4a-8b2c-1234567890ab@mi-isp.example>", NOW));
        assertThat(got.getMessageID()).isEqualTo(receipt.providerMessageId());
    }

    @Test
    void aTextOnlyMessageIsASinglePlainPart() throws Exception {
        channel.send(invoice(null, List.of()));

        MimeMessage got = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(got.getContentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");
        assertThat(new String(got.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"))
                .isEqualTo("Hola José Núñez,\nsu factura por $ 59.900 vence el 15/01. ¿Preguntas? ¡Escríbanos!");
    }

    @Test
    void htmlWithoutAttachmentsIsAnAlternativeAtTheTop() throws Exception {
        channel.send(invoice("<b>Hola</b>", List.of()));

        MimeMessage got = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(got.isMimeType("multipart/alternative")).isTrue();
        assertThat(MimeReading.firstPart(got, "text/html")).isEqualTo("<b>Hola</b>");
    }

    @Test
    void aRetryOfTheSameNotificationKeepsItsMessageId() {
        DeliveryReceipt first = channel.send(invoice(null, List.of()));
        DeliveryReceipt second = channel.send(invoice(null, List.of()));

        assertThat(second.providerMessageId()).isEqualTo(first.providerMessageId());
    }

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of(
                        "RCPT 550",
                        SmtpGate.Script.rcptTo("550 5.1.1 <jose.nunez@example.com>: User unknown"),
                        false,
                        "550"),
                Arguments.of(
                        "RCPT 553", SmtpGate.Script.rcptTo("553 5.1.3 Bad recipient address syntax"), false, "553"),
                Arguments.of("RCPT 451", SmtpGate.Script.rcptTo("451 4.3.0 Try again later"), true, "451"),
                Arguments.of("RCPT 452", SmtpGate.Script.rcptTo("452 4.2.2 Mailbox full"), true, "452"),
                Arguments.of("DATA 554", SmtpGate.Script.dataEnd("554 5.7.1 Message rejected as spam"), false, "554"),
                Arguments.of(
                        "DATA 451", SmtpGate.Script.dataEnd("451 4.7.1 Greylisted, retry in 5 minutes"), true, "451"),
                Arguments.of("greeting 421", SmtpGate.Script.greeting("421 4.3.2 Service not available"), true, "421"),
                Arguments.of(
                        "AUTH 535", SmtpGate.Script.auth("535 5.7.8 Authentication credentials invalid"), false, "535"),
                Arguments.of(
                        "AUTH 454", SmtpGate.Script.auth("454 4.7.0 Temporary authentication failure"), true, "454"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void eachServerReplyIsClassified(String name, SmtpGate.Script script, boolean retryable, String code) {
        gate.scriptNext(script);

        var failure = catchThrowableOfType(ChannelException.class, () -> channel.send(invoice(null, List.of())));

        assertThat(failure).as(name).isNotNull();
        assertThat(failure.isRetryable()).as(name + " retryable").isEqualTo(retryable);
        assertThat(failure.code()).isEqualTo(ErrorCode.NOTIFICATION_FAILURE);
        assertThat(failure.getMessage())
                .contains(code)
                .contains(ID.toString())
                .doesNotContain("jose.nunez@example.com")
                .doesNotContain(SmtpEmailChannelKitTest.PASSWORD);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsNotThereIsRetryable() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nowhere =
                new SmtpEmailChannel(SmtpEmailChannelKitTest.session(closedPort), SmtpEmailChannelKitTest.config());

        var failure = catchThrowableOfType(ChannelException.class, () -> nowhere.send(invoice(null, List.of())));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getMessage()).contains("could not talk to the SMTP server");
    }

    @Test
    void theConfigNamesEveryBadKey() {
        EmailConfig empty = key -> null;
        assertThatThrownBy(empty::validate)
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("email.fromAddress is required");
        EmailConfig bad = Map.of(
                        "email.fromAddress",
                        "not-an-address",
                        "email.replyTo",
                        "also bad",
                        "email.fromName",
                        "Two\nLines")::get;
        assertThatThrownBy(bad::validate)
                .hasMessageContaining("email.fromAddress is not an email address")
                .hasMessageContaining("email.replyTo is not an email address")
                .hasMessageContaining("email.fromName must be one line");
        assertThatThrownBy(() -> new SmtpEmailChannel(SmtpEmailChannelKitTest.session(25), empty))
                .hasMessageContaining("email.fromAddress is required");
        EmailConfig minimal = Map.of("email.fromAddress", "a@b.example")::get;
        assertThat(minimal.fromName()).isEmpty();
        assertThat(minimal.replyTo()).isEmpty();
    }

    @Test
    void toStringShowsTheSenderMaskedAndNoCredentials() {
        assertThat(channel.toString())
                .isEqualTo("SmtpEmailChannel[from=f***@mi-isp.example, host=127.0.0.1]")
                .doesNotContain(SmtpEmailChannelKitTest.PASSWORD);
    }
}
