package org.wispcrm.core.document;

import java.util.regex.Pattern;
import org.wispcrm.core.common.WispCrmException;

/**
 * Where a document is kept: a relative, slash-separated path such as {@code invoices/2026/11/FE-000123.pdf}.
 * Keys are deterministic (derived from what the document is), so producing a document again overwrites it with
 * the same content instead of creating another. The shape is strict so that no key can escape a storage root.
 *
 * @param value the key
 */
public record DocumentKey(String value) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** Rejects absolute paths, empty segments, {@code .} and {@code ..}, and characters outside A-Z a-z 0-9 . _ -. */
    public DocumentKey {
        if (value == null || value.isEmpty() || value.length() > 512) {
            throw WispCrmException.invalid("documentKey", value, "must be 1 to 512 characters");
        }
        for (String segment : value.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                throw WispCrmException.invalid(
                        "documentKey",
                        value,
                        "must be relative segments of letters, digits, '.', '_' or '-', each starting with a letter"
                                + " or digit and without '..'");
            }
        }
    }

    /** A key from path segments. */
    public static DocumentKey of(String first, String... more) {
        return new DocumentKey(more.length == 0 ? first : first + "/" + String.join("/", more));
    }

    /** The last segment, used as the file name when the document is attached. */
    public String fileName() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
