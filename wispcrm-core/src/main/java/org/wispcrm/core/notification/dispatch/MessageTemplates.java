package org.wispcrm.core.notification.dispatch;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.notification.NotificationKind;

/**
 * Renders notifications from Mustache templates, one per kind and language, bundled in Spanish and English and
 * overridable by the host.
 *
 * <p>A template is named {@code <kind>.<language>.mustache} (for example {@code invoice_issued.es.mustache}); its
 * first line is the subject, the rest (after one blank line) the plain-text body. The email's HTML part is the body's
 * paragraphs, HTML-escaped, placed in {@code layout.html.mustache}. Lookup order: the host's directory, then the
 * host's classpath prefix, then the bundled templates; a language without templates falls back to the default
 * language.
 *
 * <p>The model is the notification's data plus {@code customerName}, {@code ispName} and, when configured and the
 * message carries every value the link template names, {@code paymentLink}. Values in ISO form are formatted for the customer's locale: dates ({@code 2026-12-10}),
 * date-times ({@code 2026-12-10T09:30}) and amounts in Moneta's text form ({@code COP 150000.00}). A template
 * naming a value the model lacks fails with {@code INVALID_INPUT}, so a message never goes out with a blank where
 * an amount should be.
 */
public final class MessageTemplates {
    private static final String BUNDLED = "org/wispcrm/core/notification/templates/";
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
    private static final Pattern MONEY = Pattern.compile("([A-Z]{3}) (-?\\d+(\\.\\d+)?)");

    private final @Nullable Path overrideDirectory;
    private final @Nullable String overrideClasspathPrefix;
    private final ClassLoader classLoader;
    private final String defaultLanguage;
    private final String ispName;
    private final @Nullable Template paymentLink;
    private final Set<String> wholeUnitCurrencies;
    private final Mustache.Compiler textCompiler = Mustache.compiler().escapeHTML(false);
    private final Mustache.Compiler htmlCompiler = Mustache.compiler().escapeHTML(true);
    private final Map<String, Optional<Template>> cache = new ConcurrentHashMap<>();
    private final Map<Locale, DateTimeFormatter> dateFormats = new ConcurrentHashMap<>();
    private final Map<Locale, DateTimeFormatter> dateTimeFormats = new ConcurrentHashMap<>();
    private final Map<MoneyFormatKey, NumberFormat> moneyFormats = new ConcurrentHashMap<>();

    private MessageTemplates(Builder builder) {
        this.overrideDirectory = builder.overrideDirectory;
        this.overrideClasspathPrefix = builder.overrideClasspathPrefix;
        this.classLoader = builder.classLoader;
        this.defaultLanguage = builder.defaultLanguage;
        this.ispName = builder.ispName;
        this.paymentLink = builder.paymentLink == null ? null : textCompiler.compile(builder.paymentLink);
        this.wholeUnitCurrencies = Set.copyOf(builder.wholeUnitCurrencies);
    }

    /** A builder; {@link Builder#ispName(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renders a notification for a customer.
     *
     * @param kind which template
     * @param locale the customer's locale: picks the language and the formats
     * @param data the notification's model
     * @param customerName the customer's name
     */
    public RenderedMessage render(NotificationKind kind, Locale locale, Map<String, String> data, String customerName) {
        Map<String, Object> model = model(locale, data, customerName);
        String language = templateLanguage(kind, locale);
        String name = kind.name().toLowerCase(Locale.ROOT) + "." + language + ".mustache";
        Template template = find(name, textCompiler).orElseThrow(() -> missing(name));
        String rendered = execute(template, model, name).strip().replace("\r\n", "\n");
        int firstBreak = rendered.indexOf('\n');
        String subject = (firstBreak < 0 ? rendered : rendered.substring(0, firstBreak)).strip();
        String text = firstBreak < 0 ? "" : rendered.substring(firstBreak + 1).strip();
        if (subject.isEmpty() || text.isEmpty()) {
            throw WispCrmException.invalid("template", name, "must have a subject line, a blank line and a body");
        }
        return new RenderedMessage(subject, text, html(subject, text, language));
    }

    private Map<String, Object> model(Locale locale, Map<String, String> data, String customerName) {
        var model = new HashMap<String, Object>();
        data.forEach((key, value) -> model.put(key, format(value, locale)));
        model.put("customerName", customerName);
        model.put("ispName", ispName);
        if (paymentLink != null) {
            paymentLinkFor(data).ifPresent(link -> model.put("paymentLink", link));
        }
        return model;
    }

    /** The payment link, when the message carries every value the link names (an order message has no invoice). */
    private Optional<String> paymentLinkFor(Map<String, String> data) {
        try {
            return Optional.of(paymentLink.execute(data));
        } catch (MustacheException e) {
            return Optional.empty();
        }
    }

    private String html(String subject, String text, String language) {
        List<Map<String, Object>> paragraphs = new ArrayList<>();
        for (String paragraph : text.split("\n\\s*\n")) {
            paragraphs.add(Map.of("lines", List.of(paragraph.strip().split("\n"))));
        }
        Template layout = find("layout.html.mustache", htmlCompiler).orElseThrow(() -> missing("layout.html.mustache"));
        return execute(
                layout,
                Map.of("subject", subject, "paragraphs", paragraphs, "ispName", ispName, "lang", language),
                "layout.html.mustache");
    }

    private String templateLanguage(NotificationKind kind, Locale locale) {
        String language = locale.getLanguage();
        String name = kind.name().toLowerCase(Locale.ROOT) + "." + language + ".mustache";
        return find(name, textCompiler).isPresent() ? language : defaultLanguage;
    }

    private String format(String value, Locale locale) {
        if (ISO_DATE.matcher(value).matches()) {
            return LocalDate.parse(value)
                    .format(dateFormats.computeIfAbsent(
                            locale,
                            l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                    .withLocale(l)));
        }
        if (ISO_DATE_TIME.matcher(value).matches()) {
            return LocalDateTime.parse(value)
                    .format(dateTimeFormats.computeIfAbsent(
                            locale,
                            l -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                                    .withLocale(l)));
        }
        var money = MONEY.matcher(value);
        if (money.matches()) {
            return formatMoney(money.group(1), new BigDecimal(money.group(2)), locale);
        }
        return value;
    }

    private String formatMoney(String currencyCode, BigDecimal amount, Locale locale) {
        Currency currency = Currency.getInstance(currencyCode);
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        int digits = whole && wholeUnitCurrencies.contains(currencyCode) ? 0 : currency.getDefaultFractionDigits();
        // Building a currency format from the locale providers costs more than the rest of a message's rendering:
        // configure one per locale, currency and precision, and format with a clone (NumberFormat is not thread-safe).
        NumberFormat prototype = moneyFormats.computeIfAbsent(new MoneyFormatKey(locale, currency, digits), key -> {
            NumberFormat format = NumberFormat.getCurrencyInstance(key.locale());
            format.setCurrency(key.currency());
            format.setMinimumFractionDigits(key.digits());
            format.setMaximumFractionDigits(Math.max(key.digits(), 0));
            return format;
        });
        return ((NumberFormat) prototype.clone()).format(amount);
    }

    private record MoneyFormatKey(Locale locale, Currency currency, int digits) {}

    private Optional<Template> find(String name, Mustache.Compiler compiler) {
        return cache.computeIfAbsent(name, n -> load(n).map(compiler::compile));
    }

    private Optional<String> load(String name) {
        if (overrideDirectory != null) {
            Path file = overrideDirectory.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read template " + file, e);
                }
            }
        }
        if (overrideClasspathPrefix != null) {
            Optional<String> hostTemplate = classpath(overrideClasspathPrefix + name);
            if (hostTemplate.isPresent()) {
                return hostTemplate;
            }
        }
        return classpath(BUNDLED + name);
    }

    private Optional<String> classpath(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + resource, e);
        }
    }

    private static String execute(Template template, Object model, String name) {
        try {
            return template.execute(model);
        } catch (MustacheException e) {
            throw WispCrmException.invalid("template", name, "cannot be rendered: " + e.getMessage());
        }
    }

    private static WispCrmException missing(String name) {
        return WispCrmException.invalid("template", name, "does not exist");
    }

    /** Builds {@link MessageTemplates}. */
    public static final class Builder {
        private @Nullable Path overrideDirectory;
        private @Nullable String overrideClasspathPrefix;
        private ClassLoader classLoader = MessageTemplates.class.getClassLoader();
        private String defaultLanguage = "es";
        private @Nullable String ispName;
        private @Nullable String paymentLink;
        private Set<String> wholeUnitCurrencies = Set.of("COP");

        private Builder() {}

        /** The ISP's name as customers know it; required. */
        public Builder ispName(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("ispName must not be blank");
            }
            this.ispName = value.strip();
            return this;
        }

        /** A directory whose templates replace the bundled ones of the same name. */
        public Builder overrideDirectory(Path directory) {
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("template directory " + directory + " does not exist");
            }
            this.overrideDirectory = directory;
            return this;
        }

        /** A classpath prefix (such as {@code "templates/wispcrm/"}) whose templates replace the bundled ones. */
        public Builder overrideClasspath(ClassLoader loader, String prefix) {
            this.classLoader = loader;
            this.overrideClasspathPrefix = prefix.endsWith("/") ? prefix : prefix + "/";
            return this;
        }

        /** The language used when the customer's has no templates; default {@code es}. */
        public Builder defaultLanguage(String language) {
            if (!language.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException("defaultLanguage must be an ISO 639 code, was " + language);
            }
            this.defaultLanguage = language;
            return this;
        }

        /**
         * A Mustache template over the notification's data that builds the payment link, for example
         * {@code https://pagos.example.co/?factura={{invoiceNumber}}}. Without it, templates show no link.
         */
        public Builder paymentLink(String template) {
            this.paymentLink = template;
            return this;
        }

        /** Currencies whose whole amounts print without decimals (default COP, billed in whole pesos). */
        public Builder wholeUnitCurrencies(Set<String> codes) {
            this.wholeUnitCurrencies = Set.copyOf(codes);
            return this;
        }

        /** The templates; fails naming the missing ISP name. */
        public MessageTemplates build() {
            if (ispName == null) {
                throw WispCrmException.configuration("MessageTemplates needs ispName");
            }
            return new MessageTemplates(this);
        }
    }
}
