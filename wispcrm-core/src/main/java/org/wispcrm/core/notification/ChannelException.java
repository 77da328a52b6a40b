package org.wispcrm.core.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;

/**
 * A channel could not deliver a message. It says whether trying again may help (timeouts, HTTP 5xx, throttling)
 * or not (an invalid number, a rejected address), and how long the provider asked to wait, if it did.
 */
public final class ChannelException extends WispCrmException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final @Nullable Duration retryAfter;

    private ChannelException(
            String message, boolean retryable, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(ErrorCode.NOTIFICATION_FAILURE, message, List.of(), Map.of(), cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A transient failure; {@code retryAfter} is the provider's requested wait, if it gave one. */
    public static ChannelException retryable(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        return new ChannelException(message, true, retryAfter, cause);
    }

    /** A failure that trying again will not fix. */
    public static ChannelException permanent(String message, @Nullable Throwable cause) {
        return new ChannelException(message, false, null, cause);
    }

    /** Whether trying again may succeed. */
    public boolean isRetryable() {
        return retryable;
    }

    /** How long the provider asked to wait before trying again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
