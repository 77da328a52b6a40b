package org.wispcrm.core.invoice;

import java.util.regex.Pattern;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;

/**
 * A document number: a series and a gap-free sequence number, printed as {@code FE-000123} (at least six digits).
 * Invoices and credit notes use different series.
 *
 * @param series upper-case letters and digits, 1 to 10, starting with a letter ({@code FE}, {@code NC})
 * @param sequence the number within the series, from 1
 */
public record InvoiceNumber(String series, long sequence) {
    private static final Pattern SERIES = Pattern.compile("[A-Z][A-Z0-9]{0,9}");
    private static final Pattern TEXT = Pattern.compile("([A-Z][A-Z0-9]{0,9})-(\\d{1,18})");
    private static final int MIN_DIGITS = 6;
    private static final String ZEROS = "0".repeat(MIN_DIGITS);

    /** Validates the series and that the sequence is positive. */
    public InvoiceNumber {
        var violations = new Violations();
        violations.require(
                series != null && SERIES.matcher(series).matches(),
                "series",
                series,
                "must be 1 to 10 upper-case letters or digits, starting with a letter");
        violations.require(sequence >= 1, "sequence", sequence, "must be 1 or more");
        violations.throwIfAny();
    }

    /** Whether the text is a valid series code. */
    public static boolean isValidSeries(String series) {
        return series != null && SERIES.matcher(series).matches();
    }

    /** Parses the printed form ({@code FE-000123}). */
    public static InvoiceNumber parse(String text) {
        var matcher = text == null ? null : TEXT.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw WispCrmException.invalid("number", text, "must look like FE-000123");
        }
        return new InvoiceNumber(matcher.group(1), Long.parseLong(matcher.group(2)));
    }

    /** The printed form, such as {@code FE-000123}. */
    public String value() {
        // by hand, not String.format: numbers are printed for every key, message and PDF of a billing run
        String digits = Long.toString(sequence);
        return digits.length() >= MIN_DIGITS
                ? series + "-" + digits
                : series + "-" + ZEROS.substring(digits.length()) + digits;
    }

    @Override
    public String toString() {
        return value();
    }
}
