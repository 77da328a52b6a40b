package org.wispcrm.notify.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.Recipient;
import org.wispcrm.testkit.NotificationChannelKit;

/** The channel kit against GreenMail, behind a loopback SMTP gate that can defer or refuse the next message. */
class SmtpEmailChannelKitTest extends NotificationChannelKit {
    static final String USER = "wisp";
    static final String PASSWORD = "S3cret-Pa55-smtp";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("facturacion@mi-isp.example", USER, PASSWORD));

    private SmtpGate gate;
    private SmtpEmailChannel channel;

    @BeforeEach
    void openGate() throws Exception {
        gate = new SmtpGate(GREEN_MAIL.getSmtp().getPort());
        channel = new SmtpEmailChannel(session(gate.port()), config());
    }

    @AfterEach
    void closeGate() throws Exception {
        gate.close();
    }

    static Session session(int port) {
        var props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.auth.mechanisms", "PLAIN");
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(USER, PASSWORD);
            }
        });
    }

    static EmailConfig config() {
        Map<String, String> settings = Map.of(
                "email.fromAddress", "facturacion@mi-isp.example",
                "email.fromName", "Mi ISP Facturación",
                "email.replyTo", "soporte@mi-isp.example");
        return settings::get;
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
                EmailAddress.of("jose.nunez@example.com"),
                Locale.forLanguageTag("es-CO"));
    }

    @Override
    protected Recipient unreachableRecipient() {
        return new Recipient("Sin Correo", new PhoneNumber("+573009876543"), null, Locale.ROOT);
    }

    @Override
    protected String addressOf(Recipient recipient) {
        return recipient.email().value();
    }

    @Override
    protected void failTransientlyOnNextSend() {
        gate.scriptNext(SmtpGate.Script.rcptTo("451 4.3.0 Temporary local problem - please try again later"));
    }

    @Override
    protected void rejectPermanentlyOnNextSend() {
        // Real servers echo the address they refuse: the channel must mask it.
        gate.scriptNext(
                SmtpGate.Script.rcptTo("550 5.1.1 <jose.nunez@example.com>: Recipient address rejected: User unknown"));
    }

    @Override
    protected List<Delivered> delivered() {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages())
                .map(MimeReading::delivered)
                .collect(Collectors.toList());
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(PASSWORD);
    }
}
