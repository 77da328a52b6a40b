package org.wispcrm.core.common;

import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates application-assigned identifiers as UUID version 7 (RFC 9562): a millisecond timestamp followed by
 * random bits. They sort by creation time, which keeps database indexes compact, and need no database round trip,
 * which lets inserts be batched.
 */
public final class Ids {
    private Ids() {}

    /**
     * The order every adapter uses for ids: unsigned, byte by byte, which is also the order of their text form and
     * of PostgreSQL's {@code uuid} and a {@code BINARY(16)} column. ({@link UUID#compareTo} compares signed longs
     * and would disagree with the database.)
     */
    public static final Comparator<UUID> ORDER = Comparator.<UUID>comparingLong(
                    u -> u.getMostSignificantBits() ^ Long.MIN_VALUE)
            .thenComparingLong(u -> u.getLeastSignificantBits() ^ Long.MIN_VALUE);

    /**
     * The last (timestamp, counter) pair handed out, packed as {@code millis << 12 | counter}. RFC 9562 §6.2
     * method 1: the 12 {@code rand_a} bits are a counter, started at a random value below 2048 each new millisecond
     * and incremented within one, so ids made in the same millisecond still sort in creation order. Past 4096 ids
     * in a millisecond the stamp borrows the next millisecond, which the RFC allows.
     */
    private static final AtomicLong LAST_STAMP = new AtomicLong();

    /** A new UUID v7 stamped with the current time, greater than every id this JVM made before. */
    public static UUID newUuidV7() {
        long candidate =
                (System.currentTimeMillis() << 12) | ThreadLocalRandom.current().nextInt(2048);
        long stamp = LAST_STAMP.accumulateAndGet(candidate, (last, next) -> Math.max(last + 1, next));
        return uuidV7(stamp >>> 12, stamp & 0x0FFFL);
    }

    static UUID uuidV7(long epochMillis) {
        return uuidV7(epochMillis, ThreadLocalRandom.current().nextLong() & 0x0FFFL);
    }

    private static UUID uuidV7(long epochMillis, long counter) {
        var random = ThreadLocalRandom.current();
        long msb = (epochMillis << 16) | 0x7000L | counter;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** Parses an id's text form, reporting a bad one as invalid input of {@code field}. */
    public static UUID parse(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw WispCrmException.invalid(field, text, "is not a UUID");
        }
    }
}
