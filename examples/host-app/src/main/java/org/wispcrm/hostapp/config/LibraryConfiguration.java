package org.wispcrm.hostapp.config;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.javamoney.moneta.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.wispcrm.billing.Billing;
import org.wispcrm.billing.document.IspProfile;
import org.wispcrm.billing.document.PdfSettings;
import org.wispcrm.billing.document.store.DocumentService;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.billing.policy.BillingTiming;
import org.wispcrm.billing.policy.LateFee;
import org.wispcrm.core.WispCrm;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentStorage;
import org.wispcrm.core.document.LocalFileDocumentStorage;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.dispatch.MessageTemplates;
import org.wispcrm.core.notification.dispatch.NotificationDispatcher;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.jpa.JpaPersistence;
import org.wispcrm.notify.email.EmailConfig;
import org.wispcrm.notify.email.SesEmailChannel;
import org.wispcrm.notify.email.SmtpEmailChannel;
import org.wispcrm.notify.whatsapp.UltraMsgConfig;
import org.wispcrm.notify.whatsapp.UltraMsgWhatsAppChannel;
import org.wispcrm.storage.s3.S3DocumentStorage;
import org.wispcrm.storage.s3.S3StorageConfig;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Builds the library's objects explicitly from the {@code wispcrm.*} settings (application.yml, overridable by
 * environment variables such as {@code WISPCRM_STORAGE_TYPE}). Nothing of the library is found by scanning.
 */
@Configuration(proxyBeanMethods = false)
public class LibraryConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryConfiguration.class);

    /** The ISP's clock, in its time zone ({@code wispcrm.zone}). */
    @Bean
    public Clock clock(Environment env) {
        return Clock.system(ZoneId.of(env.getProperty("wispcrm.zone", "America/Bogota")));
    }

    /** Every persistence port over Boot's data source; wispcrm-jpa runs its own Flyway migrations. */
    @Bean(destroyMethod = "close")
    public JpaPersistence persistence(DataSource dataSource) {
        return JpaPersistence.create(dataSource);
    }

    /** Local disk ({@code wispcrm.storage.type=local}, the default) or S3 ({@code s3}). */
    @Bean
    public DocumentStorage documentStorage(Environment env) {
        String type = env.getProperty("wispcrm.storage.type", "local").strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "local" ->
                new LocalFileDocumentStorage(Path.of(env.getProperty("wispcrm.storage.local-dir", "./data/documents")));
            case "s3" -> s3Storage(env);
            default ->
                throw WispCrmException.configuration(
                        "wispcrm.storage.type must be 'local' or 's3', was '" + type + "'");
        };
    }

    private static DocumentStorage s3Storage(Environment env) {
        Region region = Region.of(env.getProperty("wispcrm.s3.region", "us-east-1"));
        var s3 = S3Client.builder().region(region);
        var presigner = S3Presigner.builder().region(region);
        String endpoint = env.getProperty("wispcrm.s3.endpoint");
        if (endpoint != null && !endpoint.isBlank()) {
            s3.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
            presigner.endpointOverride(URI.create(endpoint));
        }
        S3StorageConfig config = key -> env.getProperty("wispcrm.s3." + key);
        return new S3DocumentStorage(s3.build(), presigner.build(), config);
    }

    /** The billing policy from {@code wispcrm.billing.*}; unset keys keep the library's defaults. */
    @Bean
    public BillingPolicy billingPolicy(Environment env) {
        var b = BillingPolicy.builder();
        String currency = env.getProperty("wispcrm.billing.currency", "COP");
        b.currency(currency);
        ifSet(env, "wispcrm.billing.timing", v -> b.timing(BillingTiming.valueOf(v.toUpperCase(Locale.ROOT))));
        ifSet(env, "wispcrm.billing.due-days", v -> b.dueDays(Integer.parseInt(v)));
        ifSet(env, "wispcrm.billing.grace-days", v -> b.graceDays(Integer.parseInt(v)));
        ifSet(env, "wispcrm.billing.tax-rate", v -> b.taxRate(TaxCategory.STANDARD, new BigDecimal(v)));
        ifSet(env, "wispcrm.billing.prices-include-tax", v -> b.pricesIncludeTax(Boolean.parseBoolean(v)));
        ifSet(env, "wispcrm.billing.cash-rounding", v -> b.cashRounding(new BigDecimal(v)));
        ifSet(env, "wispcrm.billing.invoice-series", b::invoiceSeries);
        ifSet(env, "wispcrm.billing.credit-note-series", b::creditNoteSeries);
        ifSet(env, "wispcrm.billing.suspend-after-days-overdue", v -> b.suspendAfterDaysOverdue(Integer.parseInt(v)));
        ifSet(env, "wispcrm.billing.late-fee-percent", v -> b.lateFee(LateFee.percent(new BigDecimal(v))));
        ifSet(
                env,
                "wispcrm.billing.late-fee-fixed",
                v -> b.lateFee(LateFee.fixed(Money.of(new BigDecimal(v), currency))));
        ifSet(env, "wispcrm.billing.reconnection-fee", v -> b.reconnectionFee(Money.of(new BigDecimal(v), currency)));
        return b.build();
    }

    /** Customers, plans, service orders and tickets. */
    @Bean
    public WispCrm wispCrm(JpaPersistence persistence, Clock clock, DocumentStorage storage, Environment env) {
        return WispCrm.builder()
                .persistence(persistence)
                .clock(clock)
                .defaultPhoneRegion(env.getProperty("wispcrm.phone-region", "CO"))
                .documentStorage(storage)
                .build();
    }

    /** Invoicing, payments, credit notes, dunning, statements and reports. */
    @Bean
    public Billing billing(JpaPersistence persistence, Clock clock, BillingPolicy policy) {
        return Billing.builder()
                .persistence(persistence)
                .clock(clock)
                .policy(policy)
                .build();
    }

    /** The ISP as printed on its documents ({@code wispcrm.isp.*}). */
    @Bean
    public IspProfile ispProfile(Environment env) {
        var address = new Address(
                env.getProperty("wispcrm.isp.address", "Calle 1 # 2-3"),
                null,
                env.getProperty("wispcrm.isp.city", "Villavicencio"),
                null,
                null,
                env.getProperty("wispcrm.isp.country", "CO"));
        var profile = IspProfile.builder(
                env.getProperty("wispcrm.isp.name", "Mi ISP"),
                env.getProperty("wispcrm.isp.tax-id", "900000000-0"),
                address);
        ifSet(env, "wispcrm.isp.phone", profile::phone);
        ifSet(env, "wispcrm.isp.email", profile::email);
        ifSet(env, "wispcrm.isp.website", profile::website);
        ifSet(env, "wispcrm.isp.payment-instructions", profile::paymentInstructions);
        return profile.build();
    }

    /** Renders and stores invoice, credit-note, receipt and statement PDFs. */
    @Bean
    public DocumentService documentService(JpaPersistence persistence, DocumentStorage storage, IspProfile profile) {
        return new DocumentService(persistence, storage, PdfSettings.of(profile));
    }

    /** The channels configured: WhatsApp when an UltraMsg instance is set, email by SMTP or SES. */
    @Bean
    public NotificationChannels notificationChannels(Environment env) {
        List<NotificationChannel> channels = new ArrayList<>();
        String instance = env.getProperty("wispcrm.ultramsg.instanceId");
        if (instance != null && !instance.isBlank()) {
            UltraMsgConfig config = key -> env.getProperty("wispcrm." + key);
            channels.add(new UltraMsgWhatsAppChannel(
                    new OkHttpClient.Builder()
                            .callTimeout(Duration.ofSeconds(30))
                            .build(),
                    config));
        }
        EmailConfig email = key -> env.getProperty("wispcrm." + key);
        String emailType = env.getProperty("wispcrm.email.type", "none").strip().toLowerCase(Locale.ROOT);
        switch (emailType) {
            case "none" -> {}
            case "smtp" -> channels.add(new SmtpEmailChannel(smtpSession(env), email));
            case "ses" ->
                channels.add(new SesEmailChannel(
                        SesV2Client.builder()
                                .region(Region.of(env.getProperty("wispcrm.email.ses-region", "us-east-1")))
                                .build(),
                        email));
            default ->
                throw WispCrmException.configuration(
                        "wispcrm.email.type must be 'none', 'smtp' or 'ses', was '" + emailType + "'");
        }
        LOG.info(
                "Notification channels: {}",
                channels.stream().map(NotificationChannel::name).toList());
        return new NotificationChannels(channels);
    }

    private static Session smtpSession(Environment env) {
        var props = new Properties();
        props.put("mail.smtp.host", env.getProperty("wispcrm.smtp.host", "localhost"));
        props.put("mail.smtp.port", env.getProperty("wispcrm.smtp.port", "587"));
        props.put("mail.smtp.starttls.enable", env.getProperty("wispcrm.smtp.starttls", "true"));
        props.put("mail.smtp.starttls.required", env.getProperty("wispcrm.smtp.starttls", "true"));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        String user = env.getProperty("wispcrm.smtp.username");
        if (user == null || user.isBlank()) {
            return Session.getInstance(props);
        }
        props.put("mail.smtp.auth", "true");
        String password = env.getProperty("wispcrm.smtp.password", "");
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        });
    }

    /** Renders the customer messages, in the customer's language. */
    @Bean
    public MessageTemplates messageTemplates(IspProfile profile, Environment env) {
        var templates = MessageTemplates.builder().ispName(profile.name());
        ifSet(env, "wispcrm.notifications.payment-link", templates::paymentLink);
        return templates.build();
    }

    /**
     * Sends due outbox messages; safe on several instances (claims are leased). With no channel configured there is
     * no dispatcher: messages wait in the outbox until one is.
     */
    @Bean
    public Dispatch dispatch(
            JpaPersistence persistence,
            MessageTemplates templates,
            NotificationChannels channels,
            DocumentStorage storage,
            Clock clock) {
        if (channels.list().isEmpty()) {
            LOG.warn("No notification channel configured (wispcrm.ultramsg.instanceId, wispcrm.email.type): "
                    + "messages stay queued in the outbox");
            return new Dispatch(null);
        }
        var dispatcher = NotificationDispatcher.builder(persistence.outbox(), persistence.customers(), templates)
                .documentStorage(storage)
                .clock(clock);
        channels.list().forEach(dispatcher::channel);
        return new Dispatch(dispatcher.build());
    }

    private static void ifSet(Environment env, String key, java.util.function.Consumer<String> action) {
        String value = env.getProperty(key);
        if (value != null && !value.isBlank()) {
            try {
                action.accept(value.strip());
            } catch (IllegalArgumentException e) {
                throw WispCrmException.configuration(key + ": " + e.getMessage());
            }
        }
    }

    /** The dispatcher, absent when no channel is configured. */
    public record Dispatch(
            @org.jspecify.annotations.Nullable NotificationDispatcher dispatcher) {
        /** The dispatcher, if there is one. */
        public java.util.Optional<NotificationDispatcher> get() {
            return java.util.Optional.ofNullable(dispatcher);
        }
    }

    /** The configured channels, in order of preference. */
    public record NotificationChannels(List<NotificationChannel> list) {
        /** Copies the list. */
        public NotificationChannels {
            list = List.copyOf(list);
        }
    }
}
