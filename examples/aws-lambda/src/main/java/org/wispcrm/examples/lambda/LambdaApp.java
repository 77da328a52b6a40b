package org.wispcrm.examples.lambda;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.billing.Billing;
import org.wispcrm.billing.document.IspProfile;
import org.wispcrm.billing.document.PdfSettings;
import org.wispcrm.billing.document.store.DocumentService;
import org.wispcrm.core.WispCrm;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.dispatch.MessageTemplates;
import org.wispcrm.core.notification.dispatch.NotificationDispatcher;
import org.wispcrm.jpa.JpaPersistence;
import org.wispcrm.notify.email.SesEmailChannel;
import org.wispcrm.notify.email.SmtpEmailChannel;
import org.wispcrm.notify.whatsapp.UltraMsgWhatsAppChannel;
import org.wispcrm.storage.s3.S3DocumentStorage;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The object graph both functions share, built once per container from {@link LambdaSettings}: a two-connection
 * HikariCP pool and the JPA adapter, S3 document storage, the UltraMsg and email channels, the billing services,
 * the PDF {@link DocumentService} and the {@link NotificationDispatcher}. Lambda runs one invocation at a time per
 * container, and a container lives for many invocations, so everything here is reused; nothing holds per-invocation
 * state.
 *
 * <p>{@link #shared()} builds the graph on the first invocation (the cold start) from {@code System.getenv()}. If
 * the environment is incomplete, that invocation fails with one error naming every missing or bad variable, and the
 * next invocation tries again.
 */
public final class LambdaApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaApp.class);
    private static final Object LOCK = new Object();
    private static volatile @Nullable LambdaApp shared;

    private final LambdaSettings settings;
    private final Clock clock;
    private final Deque<AutoCloseable> resources;
    private final JpaPersistence persistence;
    private final WispCrm crm;
    private final Billing billing;
    private final DocumentService documents;
    private final NotificationDispatcher dispatcher;

    private LambdaApp(LambdaSettings settings, Clock clock, Deque<AutoCloseable> resources, Parts parts) {
        this.settings = settings;
        this.clock = clock;
        this.resources = resources;
        this.persistence = parts.persistence;
        this.crm = parts.crm;
        this.billing = parts.billing;
        this.documents = parts.documents;
        this.dispatcher = parts.dispatcher;
    }

    /** The container's graph, built from the environment on first use and reused by every later invocation. */
    public static LambdaApp shared() {
        LambdaApp app = shared;
        if (app == null) {
            synchronized (LOCK) {
                app = shared;
                if (app == null) {
                    app = create(System.getenv(), Clock.systemUTC());
                    shared = app;
                }
            }
        }
        return app;
    }

    /**
     * Builds a graph from an environment. The clock is used in the ISP's zone ({@code ISP_ZONE}).
     *
     * @param environment the variables, as {@code System.getenv()} gives them
     * @param clock the time source (the system clock in a function; a controlled one in tests)
     * @throws org.wispcrm.core.common.WispCrmException {@code CONFIGURATION} naming every missing or bad variable,
     *     or the adapter's failure if the database cannot be reached or migrated
     */
    public static LambdaApp create(Map<String, String> environment, Clock clock) {
        LambdaSettings settings = LambdaSettings.from(environment);
        Clock zoned = clock.withZone(settings.zone());
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Parts parts = wire(settings, zoned, resources);
            LOG.info("WISP CRM Lambda ready: {}", settings);
            return new LambdaApp(settings, zoned, resources, parts);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static Parts wire(LambdaSettings settings, Clock clock, Deque<AutoCloseable> resources) {
        var pool = new HikariConfig();
        pool.setPoolName("wispcrm-lambda");
        pool.setJdbcUrl(settings.dbUrl());
        pool.setUsername(settings.dbUser());
        pool.setPassword(settings.dbPassword());
        pool.setMaximumPoolSize(settings.dbPoolSize());
        // A frozen container cannot keep connections warm: open them when needed, retire idle ones early.
        pool.setMinimumIdle(0);
        pool.setIdleTimeout(Duration.ofMinutes(2).toMillis());
        pool.setMaxLifetime(Duration.ofMinutes(10).toMillis());
        pool.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        HikariDataSource dataSource = remember(resources, new HikariDataSource(pool));
        JpaPersistence persistence = remember(resources, JpaPersistence.create(dataSource, settings.jpaConfig()));

        AwsCredentialsProvider credentials =
                remember(resources, DefaultCredentialsProvider.builder().build());
        SdkHttpClient awsHttp = remember(
                resources,
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30))
                        .build());
        Region region = Region.of(settings.awsRegion());
        var s3Builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(awsHttp);
        var presignerBuilder = S3Presigner.builder().region(region).credentialsProvider(credentials);
        settings.s3Endpoint().ifPresent(endpoint -> {
            s3Builder.endpointOverride(endpoint).forcePathStyle(true);
            presignerBuilder
                    .endpointOverride(endpoint)
                    .serviceConfiguration(S3Configuration.builder()
                            .pathStyleAccessEnabled(true)
                            .build());
        });
        S3Client s3 = remember(resources, s3Builder.build());
        S3Presigner presigner = remember(resources, presignerBuilder.build());
        var storage = new S3DocumentStorage(s3, presigner, settings.s3Config());

        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .build();
        resources.push(() -> {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        });
        List<NotificationChannel> channels = new ArrayList<>();
        channels.add(UltraMsgWhatsAppChannel.builder(http, settings.ultraMsgConfig())
                .clock(clock)
                .build());
        switch (settings.emailProvider()) {
            case SES -> {
                SesV2Client ses = remember(
                        resources,
                        SesV2Client.builder()
                                .region(Region.of(settings.sesRegion()))
                                .credentialsProvider(credentials)
                                .httpClient(awsHttp)
                                .build());
                channels.add(SesEmailChannel.builder(ses, settings.emailConfig())
                        .clock(clock)
                        .build());
            }
            case SMTP ->
                channels.add(SmtpEmailChannel.builder(smtpSession(settings), settings.emailConfig())
                        .clock(clock)
                        .build());
            case NONE -> {}
        }

        WispCrm crm = WispCrm.builder()
                .persistence(persistence)
                .clock(clock)
                .defaultPhoneRegion(settings.phoneRegion())
                .documentStorage(storage)
                .notificationChannels(channels)
                .build();
        Billing billing = Billing.builder()
                .persistence(persistence)
                .clock(clock)
                .policy(settings.policy())
                .networkAccessControl(crm.networkAccessControl())
                .build();

        var profile = IspProfile.builder(
                settings.ispName(),
                settings.ispTaxId(),
                Address.of(settings.ispAddress(), settings.ispCity(), settings.ispCountry()));
        if (settings.ispPhone() != null) {
            profile.phone(settings.ispPhone());
        }
        if (settings.ispEmail() != null) {
            profile.email(settings.ispEmail());
        }
        if (settings.ispWebsite() != null) {
            profile.website(settings.ispWebsite());
        }
        if (settings.paymentInstructions() != null) {
            profile.paymentInstructions(settings.paymentInstructions());
        }
        var documents = new DocumentService(persistence, storage, PdfSettings.of(profile.build()));

        var templates = MessageTemplates.builder().ispName(settings.ispName());
        if (settings.paymentLink() != null) {
            templates.paymentLink(settings.paymentLink());
        }
        var dispatcher = NotificationDispatcher.builder(
                        persistence.outbox(), persistence.customers(), templates.build())
                .documentStorage(storage)
                .clock(clock);
        channels.forEach(dispatcher::channel);
        settings.ultraMsgRatePerSecond().ifPresent(rate -> dispatcher.rateLimit(ChannelName.WHATSAPP, rate));

        return new Parts(persistence, crm, billing, documents, dispatcher.build());
    }

    private static Session smtpSession(LambdaSettings settings) {
        var props = new Properties();
        props.put("mail.smtp.host", settings.smtpHost());
        props.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
        props.put("mail.smtp.starttls.enable", String.valueOf(settings.smtpStartTls()));
        props.put("mail.smtp.starttls.required", String.valueOf(settings.smtpStartTls()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.smtp.writetimeout", "30000");
        String user = settings.smtpUser();
        if (user == null) {
            return Session.getInstance(props);
        }
        props.put("mail.smtp.auth", "true");
        String password = settings.smtpPassword() == null ? "" : settings.smtpPassword();
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        });
    }

    /**
     * The day a scheduled event is for, in the ISP's zone: EventBridge's {@code time} is the UTC instant the rule
     * fired (06:00 in Bogotá is 11:00Z of the same day). An event without a time is for today.
     */
    public LocalDate dayOf(@Nullable ScheduledEvent event) {
        Instant at = event != null && event.getTime() != null
                ? Instant.ofEpochMilli(event.getTime().getMillis())
                : clock.instant();
        return at.atZone(settings.zone()).toLocalDate();
    }

    /** The settings the graph was built from. */
    public LambdaSettings settings() {
        return settings;
    }

    /** The time source, in the ISP's zone. */
    public Clock clock() {
        return clock;
    }

    /** The JPA adapter over the pool. */
    public JpaPersistence persistence() {
        return persistence;
    }

    /** The library's services (customers, plans, orders, tickets) over the same store. */
    public WispCrm crm() {
        return crm;
    }

    /** The billing services under the configured policy. */
    public Billing billing() {
        return billing;
    }

    /** Renders and stores invoice PDFs in S3. */
    public DocumentService documents() {
        return documents;
    }

    /** Sends the outbox over WhatsApp and email. */
    public NotificationDispatcher dispatcher() {
        return dispatcher;
    }

    /** Closes the adapter, the pool and the clients (a container's end; tests). */
    @Override
    public void close() {
        closeAll(resources);
    }

    private static <T extends AutoCloseable> T remember(Deque<AutoCloseable> resources, T resource) {
        resources.push(resource);
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", e.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    private record Parts(
            JpaPersistence persistence,
            WispCrm crm,
            Billing billing,
            DocumentService documents,
            NotificationDispatcher dispatcher) {}
}
