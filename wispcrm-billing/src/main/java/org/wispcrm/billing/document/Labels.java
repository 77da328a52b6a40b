package org.wispcrm.billing.document;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.WispCrmException;

/** The labels of one locale: the host's bundle over the built-in one, merged once. Immutable. */
final class Labels {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Map<String, String> texts;
    private final DateTimeFormatter dates;

    private Labels(Map<String, String> texts, Locale locale) {
        this.texts = Map.copyOf(texts);
        String pattern = texts.get("format.date");
        this.dates = pattern == null || pattern.isBlank()
                ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                : DateTimeFormatter.ofPattern(pattern, locale);
    }

    static Labels load(Locale locale, String builtIn, @Nullable String host, @Nullable ClassLoader hostLoader) {
        var merged = new HashMap<String, String>();
        ResourceBundle ours = ResourceBundle.getBundle(builtIn, locale, Labels.class.getClassLoader(), NO_FALLBACK);
        for (String key : ours.keySet()) {
            merged.put(key, ours.getString(key));
        }
        if (host != null) {
            try {
                ResourceBundle theirs = ResourceBundle.getBundle(host, locale, hostLoader, NO_FALLBACK);
                for (String key : theirs.keySet()) {
                    merged.put(key, theirs.getString(key));
                }
            } catch (MissingResourceException e) {
                // The host overrides other languages only: the built-in labels stand.
            }
        }
        return new Labels(merged, locale);
    }

    /** Fails unless the host's bundle exists in at least one of the given languages or as a base bundle. */
    static void requireHostBundle(String host, ClassLoader loader, Locale... locales) {
        for (Locale locale : locales) {
            try {
                ResourceBundle.getBundle(host, locale, loader, NO_FALLBACK);
                return;
            } catch (MissingResourceException e) {
                // try the next one
            }
        }
        throw WispCrmException.configuration("The host's PDF label bundle " + host + " was not found: no "
                + host.replace('.', '/') + ".properties (nor _es, _en) on the class path");
    }

    /** The label; a missing key prints as {@code ?key?} rather than failing a document. */
    String get(String key) {
        String text = texts.get(key);
        return text != null ? text : "?" + key + "?";
    }

    /** The label with {@code {0}}, {@code {1}}… replaced by the arguments. */
    String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The label of an enum constant: {@code prefix.CONSTANT}. */
    String of(String prefix, Enum<?> constant) {
        return get(prefix + "." + constant.name());
    }

    DateTimeFormatter dates() {
        return dates;
    }
}
