package org.wispcrm.core.notification.dispatch;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How the dispatcher retries transient failures: exponential backoff with jitter up to a cap, honouring a
 * provider's retry-after, and giving up after a number of attempts. Immutable; built with {@link #builder()}.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final double jitter;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.multiplier = builder.multiplier;
        this.maxBackoff = builder.maxBackoff;
        this.jitter = builder.jitter;
    }

    /** 8 attempts, 30 s doubling up to 1 h, ±20% jitter: about a day and a half before a message is dead. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Attempts (the first send included) after which a transiently failing message is dead-lettered. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * How long to wait after the given failed attempt (1-based): the provider's retry-after if it gave one (capped
     * at the maximum backoff), else {@code initial * multiplier^(attempt-1)}, capped, with random jitter so that
     * many messages failed together do not retry together.
     */
    public Duration delayAfter(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), maxBackoff);
        }
        double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxBackoff.toMillis());
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped * factor)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Builds a {@link RetryPolicy}; each setter rejects a bad value at once. */
    public static final class Builder {
        private int maxAttempts = 8;
        private Duration initialBackoff = Duration.ofSeconds(30);
        private double multiplier = 2.0;
        private Duration maxBackoff = Duration.ofHours(1);
        private double jitter = 0.2;

        private Builder() {}

        /** Attempts before giving up, at least 1. */
        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        /** Wait after the first failure, positive. */
        public Builder initialBackoff(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("initialBackoff must be positive, was " + value);
            }
            this.initialBackoff = value;
            return this;
        }

        /** Growth factor per attempt, at least 1. */
        public Builder multiplier(double value) {
            if (!(value >= 1.0)) {
                throw new IllegalArgumentException("multiplier must be at least 1, was " + value);
            }
            this.multiplier = value;
            return this;
        }

        /** Longest wait, positive. */
        public Builder maxBackoff(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("maxBackoff must be positive, was " + value);
            }
            this.maxBackoff = value;
            return this;
        }

        /** Random spread as a fraction of the wait, 0 to 1. */
        public Builder jitter(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, was " + value);
            }
            this.jitter = value;
            return this;
        }

        /** The policy; fails if the initial backoff exceeds the maximum. */
        public RetryPolicy build() {
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalArgumentException(
                        "initialBackoff " + initialBackoff + " must not exceed maxBackoff " + maxBackoff);
            }
            return new RetryPolicy(this);
        }
    }
}
