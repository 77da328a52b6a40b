package org.wispcrm.core.common;

import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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

    /** A new UUID v7 stamped with the current time. */
    public static UUID newUuidV7() {
        return uuidV7(System.currentTimeMillis());
    }

    static UUID uuidV7(long epochMillis) {
        var random = ThreadLocalRandom.current();
        long msb = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
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
