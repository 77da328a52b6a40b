package org.wispcrm.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock tests move by hand: it stands at noon of {@link #today(LocalDate)} in Bogotá. */
public final class MutableClock extends Clock {
    /** The ISP's zone. */
    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private Instant now;

    /** A clock at noon of {@code date}. */
    public MutableClock(LocalDate date) {
        today(date);
    }

    /** Moves the clock to noon of {@code date}. */
    public void today(LocalDate date) {
        now = date.atTime(12, 0).atZone(BOGOTA).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return BOGOTA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
