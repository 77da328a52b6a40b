package org.wispcrm.notify.email;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.Recipient;
import org.wispcrm.testkit.NotificationChannelKit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The channel kit against an HTTP server speaking SES v2's JSON API. */
class SesEmailChannelKitTest extends NotificationChannelKit {
    static final String ACCESS_KEY = "AKIAWISPCRMKITTEST01";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY1";

    private final FakeSes ses = new FakeSes();
    private MockWebServer server;
    private SesV2Client client;
    private SesEmailChannel channel;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(ses);
        server.start();
        client = client(server);
        channel = new SesEmailChannel(client, SmtpEmailChannelKitTest.config());
    }

    /** A client as a host would build it, pointed at the fake, with the SDK's own retries off. */
    static SesV2Client client(MockWebServer server) {
        return SesV2Client.builder()
                .endpointOverride(URI.create(server.url("/").toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stopServer() {
        client.close();
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
        ses.answerNext(FakeSes.error(429, "TooManyRequestsException", "Maximum sending rate exceeded."));
    }

    @Override
    protected void rejectPermanentlyOnNextSend() {
        // SES names the address it refuses: the channel must mask it.
        ses.answerNext(FakeSes.error(
                400,
                "MessageRejected",
                "Email address is not verified. The following identities failed the check in region US-EAST-1: "
                        + "jose.nunez@example.com"));
    }

    @Override
    protected List<Delivered> delivered() {
        return ses.delivered();
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(SECRET_KEY);
    }
}
