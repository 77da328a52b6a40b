package org.wispcrm.examples.lambda;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.common.FieldViolation;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.jpa.JpaConfig;
import org.wispcrm.notify.email.EmailConfig;
import org.wispcrm.notify.whatsapp.UltraMsgConfig;
import org.wispcrm.storage.s3.S3StorageConfig;

/**
 * The functions' configuration, read from environment variables and checked at cold start: {@link #from(Map)}
 * either returns settings that are complete and valid, or throws one {@code CONFIGURATION} error naming every
 * missing or bad variable. Secrets (the database and SMTP passwords, the UltraMsg token) are kept here and given
 * to the adapters, never printed: {@link #toString()} masks them.
 *
 * <p>The variables, with their defaults, are listed in the module's README and declared in {@code template.yaml}.
 */
public final class LambdaSettings {
    /** How email leaves: AWS SES, an SMTP server, or not at all (WhatsApp only). */
    public enum EmailProvider {
        /** Amazon SES v2 in {@code SES_REGION} (default the function's region). */
        SES,
        /** An SMTP server ({@code SMTP_HOST}, {@code SMTP_PORT}, ...). */
        SMTP,
        /** No email channel: customers who prefer email fall back to their next channel. */
        NONE
    }

    /** Every variable the functions read (besides {@code JAVA_TOOL_OPTIONS}, which is the JVM's). */
    static final java.util.Set<String> VARIABLES = java.util.Set.of(
            "DB_URL",
            "DB_USER",
            "DB_PASSWORD",
            "DB_POOL_SIZE",
            "DB_MIGRATE",
            "ISP_ZONE",
            "PHONE_REGION",
            "AWS_REGION",
            "S3_ENDPOINT",
            "DOCUMENTS_BUCKET",
            "DOCUMENTS_PREFIX",
            "DOCUMENTS_SSE",
            "DOCUMENTS_KMS_KEY_ID",
            "ULTRAMSG_INSTANCE_ID",
            "ULTRAMSG_TOKEN",
            "ULTRAMSG_BASE_URL",
            "ULTRAMSG_RATE_PER_SECOND",
            "EMAIL_PROVIDER",
            "EMAIL_FROM",
            "EMAIL_FROM_NAME",
            "EMAIL_REPLY_TO",
            "SES_REGION",
            "SMTP_HOST",
            "SMTP_PORT",
            "SMTP_USER",
            "SMTP_PASSWORD",
            "SMTP_STARTTLS",
            "ISP_NAME",
            "ISP_TAX_ID",
            "ISP_ADDRESS",
            "ISP_CITY",
            "ISP_COUNTRY",
            "ISP_PHONE",
            "ISP_EMAIL",
            "ISP_WEBSITE",
            "ISP_PAYMENT_INSTRUCTIONS",
            "PAYMENT_LINK",
            "PDF_LOOKBACK_DAYS",
            "BILLING_CURRENCY",
            "BILLING_DUE_DAYS",
            "BILLING_GRACE_DAYS",
            "BILLING_SUSPEND_AFTER_DAYS",
            "BILLING_REMINDER_DAYS",
            "BILLING_INVOICE_SERIES",
            "BILLING_TAX_RATE",
            "BILLING_PRICES_INCLUDE_TAX",
            "BILLING_CASH_ROUNDING",
            "BILLING_DAY");

    private final Map<String, String> env;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final int dbPoolSize;
    private final ZoneId zone;
    private final String phoneRegion;
    private final String awsRegion;
    private final @Nullable URI s3Endpoint;
    private final EmailProvider emailProvider;
    private final int smtpPort;
    private final boolean smtpStartTls;
    private final @Nullable Double ultraMsgRatePerSecond;
    private final int pdfLookbackDays;
    private final BillingPolicy policy;

    private LambdaSettings(Reader r) {
        this.env = r.env;
        this.dbUrl = Objects.requireNonNull(r.dbUrl);
        this.dbUser = Objects.requireNonNull(r.dbUser);
        this.dbPassword = Objects.requireNonNull(r.dbPassword);
        this.dbPoolSize = r.dbPoolSize;
        this.zone = Objects.requireNonNull(r.zone);
        this.phoneRegion = Objects.requireNonNull(r.phoneRegion);
        this.awsRegion = Objects.requireNonNull(r.awsRegion);
        this.s3Endpoint = r.s3Endpoint;
        this.emailProvider = Objects.requireNonNull(r.emailProvider);
        this.smtpPort = r.smtpPort;
        this.smtpStartTls = r.smtpStartTls;
        this.ultraMsgRatePerSecond = r.ultraMsgRate;
        this.pdfLookbackDays = r.pdfLookbackDays;
        this.policy = Objects.requireNonNull(r.policy);
    }

    /**
     * Reads and checks every variable.
     *
     * @param environment the process environment ({@code System.getenv()} in a function)
     * @throws WispCrmException {@code CONFIGURATION} naming every missing or bad variable at once
     */
    public static LambdaSettings from(Map<String, String> environment) {
        var reader = new Reader(Map.copyOf(environment));
        reader.read();
        if (!reader.problems.isEmpty()) {
            throw WispCrmException.configuration("The function is not configured; fix these environment variables: "
                    + String.join("; ", reader.problems));
        }
        return new LambdaSettings(reader);
    }

    /** The JDBC URL, such as {@code jdbc:mariadb://db.example:3306/wispcrm} ({@code DB_URL}). */
    public String dbUrl() {
        return dbUrl;
    }

    /** The database user ({@code DB_USER}). */
    public String dbUser() {
        return dbUser;
    }

    /** The database password ({@code DB_PASSWORD}); a secret. */
    String dbPassword() {
        return dbPassword;
    }

    /** Connections kept per container ({@code DB_POOL_SIZE}, default 2: one invocation at a time per container). */
    public int dbPoolSize() {
        return dbPoolSize;
    }

    /** The JPA adapter's settings ({@code DB_MIGRATE}: whether Flyway migrates at cold start, default true). */
    public JpaConfig jpaConfig() {
        return key -> "migrate".equals(key) ? text("DB_MIGRATE") : null;
    }

    /** The ISP's time zone ({@code ISP_ZONE}, default America/Bogota): the scheduled day is a day there. */
    public ZoneId zone() {
        return zone;
    }

    /** Where phone numbers without a country code are read ({@code PHONE_REGION}, such as CO). */
    public String phoneRegion() {
        return phoneRegion;
    }

    /** The function's AWS region ({@code AWS_REGION}, set by Lambda). */
    public String awsRegion() {
        return awsRegion;
    }

    /** Another S3 endpoint ({@code S3_ENDPOINT}: S3Proxy or MinIO in tests), path-style; empty for AWS. */
    public java.util.Optional<URI> s3Endpoint() {
        return java.util.Optional.ofNullable(s3Endpoint);
    }

    /** The document storage's settings: {@code DOCUMENTS_BUCKET}, {@code DOCUMENTS_PREFIX}, {@code DOCUMENTS_SSE}. */
    public S3StorageConfig s3Config() {
        return s3Config(env);
    }

    private static S3StorageConfig s3Config(Map<String, String> env) {
        return key -> switch (key) {
            case "bucket" -> clean(env.get("DOCUMENTS_BUCKET"));
            case "keyPrefix" -> clean(env.get("DOCUMENTS_PREFIX"));
            case "serverSideEncryption" -> clean(env.get("DOCUMENTS_SSE"));
            case "kmsKeyId" -> clean(env.get("DOCUMENTS_KMS_KEY_ID"));
            default -> null;
        };
    }

    /** UltraMsg's settings: {@code ULTRAMSG_INSTANCE_ID}, {@code ULTRAMSG_TOKEN}, {@code ULTRAMSG_BASE_URL}. */
    public UltraMsgConfig ultraMsgConfig() {
        return ultraMsgConfig(env);
    }

    private static UltraMsgConfig ultraMsgConfig(Map<String, String> env) {
        return key -> switch (key) {
            case "ultramsg.instanceId" -> clean(env.get("ULTRAMSG_INSTANCE_ID"));
            case "ultramsg.token" -> clean(env.get("ULTRAMSG_TOKEN"));
            case "ultramsg.baseUrl" -> clean(env.get("ULTRAMSG_BASE_URL"));
            default -> null;
        };
    }

    /** WhatsApp sends per second per container ({@code ULTRAMSG_RATE_PER_SECOND}), if limited. */
    public java.util.Optional<Double> ultraMsgRatePerSecond() {
        return java.util.Optional.ofNullable(ultraMsgRatePerSecond);
    }

    /** How email is sent ({@code EMAIL_PROVIDER}: ses, smtp or none). */
    public EmailProvider emailProvider() {
        return emailProvider;
    }

    /** The sender: {@code EMAIL_FROM}, {@code EMAIL_FROM_NAME}, {@code EMAIL_REPLY_TO}. */
    public EmailConfig emailConfig() {
        return emailConfig(env);
    }

    private static EmailConfig emailConfig(Map<String, String> env) {
        return key -> switch (key) {
            case "email.fromAddress" -> clean(env.get("EMAIL_FROM"));
            case "email.fromName" -> clean(env.get("EMAIL_FROM_NAME"));
            case "email.replyTo" -> clean(env.get("EMAIL_REPLY_TO"));
            default -> null;
        };
    }

    /** SES's region ({@code SES_REGION}, default the function's). */
    public String sesRegion() {
        String region = text("SES_REGION");
        return region == null ? awsRegion : region;
    }

    /** The SMTP server's host ({@code SMTP_HOST}); required with {@code EMAIL_PROVIDER=smtp}. */
    public @Nullable String smtpHost() {
        return text("SMTP_HOST");
    }

    /** The SMTP port ({@code SMTP_PORT}, default 587). */
    public int smtpPort() {
        return smtpPort;
    }

    /** The SMTP user ({@code SMTP_USER}), or null to send without authentication. */
    public @Nullable String smtpUser() {
        return text("SMTP_USER");
    }

    /** The SMTP password ({@code SMTP_PASSWORD}); a secret. */
    @Nullable
    String smtpPassword() {
        return text("SMTP_PASSWORD");
    }

    /** Whether SMTP must upgrade to TLS with STARTTLS ({@code SMTP_STARTTLS}, default true). */
    public boolean smtpStartTls() {
        return smtpStartTls;
    }

    /** The ISP's name as customers know it ({@code ISP_NAME}). */
    public String ispName() {
        return Objects.requireNonNull(text("ISP_NAME"));
    }

    /** The ISP's tax id printed on documents ({@code ISP_TAX_ID}). */
    public String ispTaxId() {
        return Objects.requireNonNull(text("ISP_TAX_ID"));
    }

    /** The ISP's street address ({@code ISP_ADDRESS}). */
    public String ispAddress() {
        return Objects.requireNonNull(text("ISP_ADDRESS"));
    }

    /** The ISP's city ({@code ISP_CITY}). */
    public String ispCity() {
        return Objects.requireNonNull(text("ISP_CITY"));
    }

    /** The ISP's country ({@code ISP_COUNTRY}, default the phone region). */
    public String ispCountry() {
        String country = text("ISP_COUNTRY");
        return country == null ? phoneRegion : country.toUpperCase(Locale.ROOT);
    }

    /** A phone for customers, printed on documents ({@code ISP_PHONE}), if any. */
    public @Nullable String ispPhone() {
        return text("ISP_PHONE");
    }

    /** An email for customers, printed on documents ({@code ISP_EMAIL}), if any. */
    public @Nullable String ispEmail() {
        return text("ISP_EMAIL");
    }

    /** The ISP's website ({@code ISP_WEBSITE}), if any. */
    public @Nullable String ispWebsite() {
        return text("ISP_WEBSITE");
    }

    /** How to pay, printed on invoices ({@code ISP_PAYMENT_INSTRUCTIONS}), if any. */
    public @Nullable String paymentInstructions() {
        return text("ISP_PAYMENT_INSTRUCTIONS");
    }

    /** A Mustache template of the payment link in messages ({@code PAYMENT_LINK}), if any. */
    public @Nullable String paymentLink() {
        return text("PAYMENT_LINK");
    }

    /** How many days back the dispatcher looks for invoices without a PDF ({@code PDF_LOOKBACK_DAYS}, 35). */
    public int pdfLookbackDays() {
        return pdfLookbackDays;
    }

    /** The billing policy from the {@code BILLING_*} variables (every other option at its default). */
    public BillingPolicy policy() {
        return policy;
    }

    /** The settings with every secret masked. */
    @Override
    public String toString() {
        return "LambdaSettings[dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", dbPassword=****, dbPoolSize=" + dbPoolSize
                + ", zone=" + zone + ", phoneRegion=" + phoneRegion + ", awsRegion=" + awsRegion + ", bucket="
                + text("DOCUMENTS_BUCKET") + ", s3Endpoint=" + s3Endpoint + ", ultraMsgInstance="
                + text("ULTRAMSG_INSTANCE_ID") + ", ultraMsgToken=****, email=" + emailProvider
                + (emailProvider == EmailProvider.SMTP
                        ? ", smtp=" + smtpHost() + ":" + smtpPort + (smtpUser() == null ? "" : ", smtpPassword=****")
                        : "")
                + ", isp=" + text("ISP_NAME") + ", policy=" + policy + "]";
    }

    private @Nullable String text(String name) {
        return clean(env.get(name));
    }

    private static @Nullable String clean(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Reads every variable once, collecting each problem instead of stopping at the first. */
    private static final class Reader {
        final Map<String, String> env;
        final List<String> problems = new ArrayList<>();

        @Nullable
        String dbUrl;

        @Nullable
        String dbUser;

        @Nullable
        String dbPassword;

        int dbPoolSize;

        @Nullable
        ZoneId zone;

        @Nullable
        String phoneRegion;

        @Nullable
        String awsRegion;

        @Nullable
        URI s3Endpoint;

        @Nullable
        EmailProvider emailProvider;

        int smtpPort;
        boolean smtpStartTls;

        @Nullable
        Double ultraMsgRate;

        int pdfLookbackDays;

        @Nullable
        BillingPolicy policy;

        Reader(Map<String, String> env) {
            this.env = env;
        }

        void read() {
            dbUrl = required("DB_URL", "the JDBC URL, such as jdbc:mariadb://host:3306/wispcrm");
            if (dbUrl != null && !dbUrl.startsWith("jdbc:")) {
                problems.add("DB_URL '" + dbUrl + "' must be a JDBC URL starting with jdbc:");
            }
            dbUser = required("DB_USER", "the database user");
            // A password may be empty (an H2 file in a test), but it must be set on purpose.
            dbPassword = env.get("DB_PASSWORD");
            if (dbPassword == null) {
                problems.add("DB_PASSWORD is required (the database password)");
            }
            dbPoolSize = integer("DB_POOL_SIZE", 2, 1, 20);
            String migrate = text("DB_MIGRATE");
            if (migrate != null && !migrate.equalsIgnoreCase("true") && !migrate.equalsIgnoreCase("false")) {
                problems.add("DB_MIGRATE '" + migrate + "' must be true or false");
            }

            String zoneId = text("ISP_ZONE");
            try {
                zone = ZoneId.of(zoneId == null ? "America/Bogota" : zoneId);
            } catch (DateTimeException e) {
                problems.add("ISP_ZONE '" + zoneId + "' is not a time zone (such as America/Bogota)");
            }
            phoneRegion = required("PHONE_REGION", "the ISO 3166-1 country of phone numbers without a country code");
            if (phoneRegion != null) {
                phoneRegion = phoneRegion.toUpperCase(Locale.ROOT);
                if (!PhoneNumber.isKnownRegion(phoneRegion)) {
                    problems.add("PHONE_REGION '" + phoneRegion + "' is not a known phone region (such as CO)");
                }
            }
            awsRegion = required("AWS_REGION", "set by Lambda; the region of S3 and SES");

            String endpoint = text("S3_ENDPOINT");
            if (endpoint != null) {
                try {
                    s3Endpoint = URI.create(endpoint);
                    if (!"http".equals(s3Endpoint.getScheme()) && !"https".equals(s3Endpoint.getScheme())) {
                        throw new IllegalArgumentException("not http");
                    }
                } catch (IllegalArgumentException e) {
                    s3Endpoint = null;
                    problems.add("S3_ENDPOINT '" + endpoint + "' must be an http or https URL");
                }
            }
            adapter(
                    "DOCUMENTS_BUCKET/DOCUMENTS_PREFIX/DOCUMENTS_SSE",
                    () -> s3Config(env).validate());

            adapter(
                    "ULTRAMSG_INSTANCE_ID/ULTRAMSG_TOKEN/ULTRAMSG_BASE_URL",
                    () -> ultraMsgConfig(env).validate());
            String rate = text("ULTRAMSG_RATE_PER_SECOND");
            if (rate != null) {
                try {
                    ultraMsgRate = Double.parseDouble(rate);
                    if (!(ultraMsgRate > 0) || ultraMsgRate.isInfinite()) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    ultraMsgRate = null;
                    problems.add("ULTRAMSG_RATE_PER_SECOND '" + rate + "' must be a number above 0");
                }
            }

            String provider = text("EMAIL_PROVIDER");
            if (provider == null) {
                problems.add("EMAIL_PROVIDER is required (ses, smtp or none)");
            } else {
                try {
                    emailProvider = EmailProvider.valueOf(provider.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add("EMAIL_PROVIDER '" + provider + "' must be ses, smtp or none");
                }
            }
            smtpPort = integer("SMTP_PORT", 587, 1, 65535);
            smtpStartTls = bool("SMTP_STARTTLS", true);
            if (emailProvider == EmailProvider.SES || emailProvider == EmailProvider.SMTP) {
                adapter(
                        "EMAIL_FROM/EMAIL_FROM_NAME/EMAIL_REPLY_TO",
                        () -> emailConfig(env).validate());
            }
            if (emailProvider == EmailProvider.SMTP) {
                required("SMTP_HOST", "the SMTP server with EMAIL_PROVIDER=smtp");
                if (text("SMTP_USER") != null && env.get("SMTP_PASSWORD") == null) {
                    problems.add("SMTP_PASSWORD is required when SMTP_USER is set");
                }
            }

            required("ISP_NAME", "the ISP's name as customers know it");
            required("ISP_TAX_ID", "the ISP's tax id (NIT) printed on invoices");
            required("ISP_ADDRESS", "the ISP's street address printed on invoices");
            required("ISP_CITY", "the ISP's city printed on invoices");
            String country = text("ISP_COUNTRY");
            if (country != null && !country.toUpperCase(Locale.ROOT).matches("[A-Z]{2}")) {
                problems.add("ISP_COUNTRY '" + country + "' must be an ISO 3166-1 alpha-2 code such as CO");
            }
            pdfLookbackDays = integer("PDF_LOOKBACK_DAYS", 35, 1, 3650);
            policy = policy();
        }

        private @Nullable BillingPolicy policy() {
            var builder = BillingPolicy.builder();
            int before = problems.size();
            option("BILLING_CURRENCY", v -> builder.currency(v.toUpperCase(Locale.ROOT)));
            option("BILLING_DUE_DAYS", v -> builder.dueDays(parseInt(v)));
            option("BILLING_GRACE_DAYS", v -> builder.graceDays(parseInt(v)));
            option(
                    "BILLING_SUSPEND_AFTER_DAYS",
                    v -> builder.suspendAfterDaysOverdue(v.equalsIgnoreCase("never") ? null : parseInt(v)));
            option("BILLING_REMINDER_DAYS", v -> builder.reminderDaysBeforeDue(parseInt(v)));
            option("BILLING_INVOICE_SERIES", builder::invoiceSeries);
            option("BILLING_TAX_RATE", v -> builder.taxRate(TaxCategory.STANDARD, new BigDecimal(v)));
            option("BILLING_PRICES_INCLUDE_TAX", v -> builder.pricesIncludeTax(parseBool(v)));
            option("BILLING_CASH_ROUNDING", v -> builder.cashRounding(new BigDecimal(v)));
            option("BILLING_DAY", v -> builder.fixedBillingDay(parseInt(v)));
            if (problems.size() > before) {
                return null;
            }
            try {
                return builder.build();
            } catch (WispCrmException e) {
                problems.add("BILLING_*: " + describe(e));
                return null;
            }
        }

        private void option(String name, Consumer<String> apply) {
            String value = text(name);
            if (value == null) {
                return;
            }
            try {
                apply.accept(value);
            } catch (NumberFormatException e) {
                problems.add(name + " '" + value + "' must be a number");
            } catch (IllegalArgumentException e) {
                problems.add(name + " '" + value + "' " + e.getMessage());
            } catch (WispCrmException e) {
                problems.add(name + " '" + value + "' " + describe(e));
            }
        }

        private void adapter(String names, Runnable validate) {
            try {
                validate.run();
            } catch (WispCrmException e) {
                problems.add(names + ": " + e.getMessage());
            }
        }

        private @Nullable String required(String name, String what) {
            String value = text(name);
            if (value == null) {
                problems.add(name + " is required (" + what + ")");
            }
            return value;
        }

        private int integer(String name, int defaultValue, int min, int max) {
            String value = text(name);
            if (value == null) {
                return defaultValue;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(name + " '" + value + "' must be a whole number from " + min + " to " + max);
            return defaultValue;
        }

        private boolean bool(String name, boolean defaultValue) {
            String value = text(name);
            if (value == null) {
                return defaultValue;
            }
            try {
                return parseBool(value);
            } catch (IllegalArgumentException e) {
                problems.add(name + " '" + value + "' must be true or false");
                return defaultValue;
            }
        }

        private @Nullable String text(String name) {
            return clean(env.get(name));
        }
    }

    private static int parseInt(String value) {
        return Integer.parseInt(value.strip());
    }

    private static boolean parseBool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("must be true or false");
    }

    private static String describe(WispCrmException e) {
        if (e.violations().isEmpty()) {
            return String.valueOf(e.getMessage());
        }
        var messages = new LinkedHashMap<String, String>();
        for (FieldViolation v : e.violations()) {
            messages.put(v.field(), v.message());
        }
        return String.join(", ", messages.values());
    }
}
