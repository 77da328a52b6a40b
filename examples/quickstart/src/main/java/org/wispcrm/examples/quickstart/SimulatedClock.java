package org.wispcrm.examples.quickstart;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A clock the demo moves by hand, so that last month's history (installations, a plan change, last month's
 * invoices) happens on the dates it says, and the month's run happens on its billing date, whatever today is.
 */
final class SimulatedClock extends Clock {
    private final ZoneId zone;
    private volatile Instant now;

    SimulatedClock(ZoneId zone, Instant start) {
        this.zone = zone;
        this.now = start;
    }

    /** Moves to a day and time in the clock's zone. */
    void set(LocalDate date, LocalTime time) {
        now = date.atTime(time).atZone(zone).toInstant();
    }

    /** Moves forward (or back) by some seconds, so that consecutive steps get distinct instants. */
    void advanceSeconds(long seconds) {
        now = now.plusSeconds(seconds);
    }

    /** Today, in the clock's zone. */
    LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SimulatedClock(other, now);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
