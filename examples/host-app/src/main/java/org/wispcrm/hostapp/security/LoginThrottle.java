package org.wispcrm.hostapp.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after {@code freeFailures} failed logins for one user name (or four times as many from one
 * address, which may be an office behind one NAT), each further attempt must wait twice as long as the one before
 * (1 s, 2 s, 4 s … up to {@code maxDelay}). A success clears the user name's count. Kept in memory per instance; behind a load balancer each instance slows down on its own.
 */
public class LoginThrottle {
    private static final int MAX_ENTRIES = 50_000;

    private final Clock clock;
    private final int freeFailures;
    private final Duration maxDelay;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** A throttle with these limits. */
    public LoginThrottle(Clock clock, int freeFailures, Duration maxDelay) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.maxDelay = maxDelay;
    }

    private record Failures(int count, Instant last) {}

    /** How long this user name or address must still wait, or empty if it may try now. */
    public Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : new String[] {userKey(username), "ip:" + address}) {
            Failures f = failures.get(key);
            int free = key.startsWith("ip:") ? freeFailures * 4 : freeFailures;
            if (f != null && f.count() >= free) {
                Instant until = f.last().plus(delay(f.count() - free));
                Duration left = Duration.between(now, until);
                if (left.compareTo(longest) > 0) {
                    longest = left;
                }
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a failed attempt against the user name and the address. */
    public void failed(String username, String address) {
        if (failures.size() > MAX_ENTRIES) {
            failures.clear(); // a flood of distinct names: start over rather than grow without bound
        }
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), "ip:" + address}) {
            failures.merge(key, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        }
    }

    /** Clears the user name's failures after a successful login. */
    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    Duration delay(int over) {
        Duration d = Duration.ofSeconds(1L << Math.min(over, 20));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private static String userKey(String username) {
        return "user:" + username.strip().toLowerCase(Locale.ROOT);
    }
}
