package org.wispcrm.core.notification;

import java.util.regex.Pattern;
import org.wispcrm.core.common.WispCrmException;

/**
 * Names a notification channel. The library ships {@link #WHATSAPP} and {@link #EMAIL}; a host may register its
 * own channel (an SMS gateway, say) under any other name.
 *
 * @param value lower-case name such as {@code "whatsapp"}
 */
public record ChannelName(String value) {
    // Declared before the constants below: static initializers run in order, and they validate against it.
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** WhatsApp through UltraMsg. */
    public static final ChannelName WHATSAPP = new ChannelName("whatsapp");
    /** Email through SMTP or AWS SES. */
    public static final ChannelName EMAIL = new ChannelName("email");

    /** Accepts lower-case letters, digits and dashes, starting with a letter, at most 32 characters. */
    public ChannelName {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw WispCrmException.invalid("channel", value, "must match " + SHAPE.pattern());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
