package org.wispcrm.billing.document;

import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.WispCrmException;

/**
 * What every document shares, configured once: the ISP's letterhead, the fonts, the paper, and where labels come
 * from. Immutable and thread-safe; build it once and give it to every renderer, so fonts, the decoded logo and the
 * labels are loaded once.
 *
 * <p><b>Labels</b> come from the resource bundle {@value #LABELS}, in English ({@code labels.properties}) and
 * Spanish ({@code labels_es.properties}). A host may override any key, or add a language, with a bundle of its own
 * ({@link Builder#hostLabels(String)}): for each key the host's bundle is asked first. Bundles never fall back to the
 * JVM's default locale: a language with no bundle gets English.
 */
public final class PdfSettings {
    /** The base name of the built-in label bundles. */
    public static final String LABELS = "org.wispcrm.billing.document.labels";

    private final IspProfile profile;
    private final PdfFonts fonts;
    private final Paper paper;
    private final @Nullable String hostLabels;
    private final @Nullable ClassLoader hostLoader;
    private final Set<String> wholeAmountCurrencies;
    private final @Nullable Image logo;
    private final ConcurrentMap<Locale, Labels> labels = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Formats.Prototypes> formats = new ConcurrentHashMap<>();

    private PdfSettings(Builder builder) {
        this.profile = builder.profile;
        this.fonts = builder.fonts != null ? builder.fonts : PdfFonts.standard();
        this.paper = builder.paper;
        this.hostLabels = builder.hostLabels;
        this.hostLoader = builder.hostLoader;
        this.wholeAmountCurrencies = Set.copyOf(builder.wholeAmountCurrencies);
        this.logo = decodeLogo(profile.logo());
        if (hostLabels != null && hostLoader != null) {
            // A misspelt bundle name fails here, at start-up, not as silently English documents.
            Labels.requireHostBundle(hostLabels, hostLoader, Locale.ROOT, Locale.forLanguageTag("es"), Locale.ENGLISH);
        }
    }

    /** A builder for the ISP's profile. */
    public static Builder builder(IspProfile profile) {
        return new Builder(profile);
    }

    /** The settings with the defaults: standard fonts, Letter paper, built-in labels. */
    public static PdfSettings of(IspProfile profile) {
        return builder(profile).build();
    }

    /** The ISP's letterhead. */
    public IspProfile profile() {
        return profile;
    }

    /** The fonts. */
    public PdfFonts fonts() {
        return fonts;
    }

    /** The paper size. */
    public Paper paper() {
        return paper;
    }

    /** The labels for a locale (the host's over the built-in ones), loaded once per locale. */
    Labels labels(Locale locale) {
        return labels.computeIfAbsent(locale, l -> Labels.load(l, LABELS, hostLabels, hostLoader));
    }

    /** The number formats for a locale, currency and precision, configured once. */
    Formats.Prototypes prototypes(Locale locale, CurrencyUnit currency, boolean whole) {
        String key = locale.toLanguageTag() + '|' + currency.getCurrencyCode() + '|' + whole;
        return formats.computeIfAbsent(key, k -> new Formats.Prototypes(locale, currency, whole));
    }

    /** Whether amounts in this currency print without decimals on a document whose amounts are all whole. */
    boolean printsWholeAmounts(String currencyCode) {
        return wholeAmountCurrencies.contains(currencyCode);
    }

    /** A copy of the decoded logo for one document (images carry layout state), if there is a logo. */
    @Nullable
    Image logo() {
        return logo == null ? null : Image.getInstance(logo);
    }

    private static @Nullable Image decodeLogo(byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            Image image = Image.getInstance(bytes);
            image.scaleToFit(160, 60);
            return image;
        } catch (IOException | RuntimeException e) {
            throw WispCrmException.configuration("The ISP logo is not a PNG or JPEG image OpenPDF can read: " + e);
        }
    }

    @Override
    public String toString() {
        return "PdfSettings[" + profile.name() + ", " + fonts + ", " + paper
                + (hostLabels == null ? "" : ", labels " + hostLabels) + "]";
    }

    /** The paper documents are printed on. */
    public enum Paper {
        /** US Letter, 8.5 x 11 in (carta): usual in the Americas. */
        LETTER(PageSize.LETTER),
        /** ISO A4, 210 x 297 mm. */
        A4(PageSize.A4);

        private final Rectangle size;

        Paper(Rectangle size) {
            this.size = size;
        }

        Rectangle size() {
            return size;
        }
    }

    /** Builds {@link PdfSettings}. */
    public static final class Builder {
        private final IspProfile profile;
        private @Nullable PdfFonts fonts;
        private Paper paper = Paper.LETTER;
        private @Nullable String hostLabels;
        private @Nullable ClassLoader hostLoader;
        private Set<String> wholeAmountCurrencies = Set.of("COP");

        private Builder(IspProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
        }

        /** The fonts; default {@link PdfFonts#standard()}. */
        public Builder fonts(PdfFonts value) {
            fonts = Objects.requireNonNull(value, "fonts");
            return this;
        }

        /** The paper; default {@link Paper#LETTER}. */
        public Builder paper(Paper value) {
            paper = Objects.requireNonNull(value, "paper");
            return this;
        }

        /**
         * The base name of the host's own label bundles (such as {@code com.example.isp.pdf-labels}), loaded with the
         * thread's context class loader; its keys win over the built-in ones.
         */
        public Builder hostLabels(String baseName) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return hostLabels(baseName, loader != null ? loader : PdfSettings.class.getClassLoader());
        }

        /** The base name of the host's own label bundles and the class loader that finds them. */
        public Builder hostLabels(String baseName, ClassLoader loader) {
            if (baseName == null || baseName.isBlank()) {
                throw new IllegalArgumentException("hostLabels must be a bundle base name, not '" + baseName + "'");
            }
            hostLabels = baseName;
            hostLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Currencies whose amounts print without decimals when every amount on the document is whole (a Colombian
         * invoice reads {@code $ 59.500}, not {@code $ 59.500,00}); default {@code COP}. Currencies without minor
         * units (CLP, PYG) never print decimals anyway.
         */
        public Builder wholeAmountCurrencies(Set<String> currencyCodes) {
            for (String code : currencyCodes) {
                if (code == null || !code.matches("[A-Z]{3}")) {
                    throw new IllegalArgumentException(
                            "wholeAmountCurrencies must hold ISO 4217 codes such as COP, not '" + code + "'");
                }
            }
            wholeAmountCurrencies = Set.copyOf(currencyCodes);
            return this;
        }

        /**
         * The settings.
         *
         * @throws WispCrmException {@code CONFIGURATION} if the logo is not an image or the host's bundle is missing
         */
        public PdfSettings build() {
            return new PdfSettings(this);
        }
    }
}
