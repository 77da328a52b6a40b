package org.wispcrm.core.invoice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;

/**
 * A span of days billed together: from {@code start} (inclusive) to {@code end} (exclusive), so that consecutive
 * periods meet without overlap ({@code 2026-11-05..2026-12-05} then {@code 2026-12-05..2027-01-05}).
 *
 * @param start first day of the period
 * @param end the day after the last day of the period
 */
public record BillingPeriod(LocalDate start, LocalDate end) {

    /** Rejects missing dates and an end that is not after the start. */
    public BillingPeriod {
        var violations = new Violations();
        violations.require(start != null, "period.start", start, "must be present");
        violations.require(end != null, "period.end", end, "must be present");
        violations.throwIfAny();
        if (!end.isAfter(start)) {
            throw WispCrmException.invalid("period", start + ".." + end, "end must be after start " + start);
        }
    }

    /** The period from {@code start} to {@code end} (exclusive). */
    public static BillingPeriod of(LocalDate start, LocalDate end) {
        return new BillingPeriod(start, end);
    }

    /** The month-long period starting on {@code start}. */
    public static BillingPeriod monthStartingOn(LocalDate start) {
        return new BillingPeriod(start, start.plusMonths(1));
    }

    /** The number of days in the period. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    /** The last day of the period (the day before {@code end}). */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    /** Whether the date falls within the period. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }

    /** Whether the two periods share at least one day. */
    public boolean overlaps(BillingPeriod other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The days both periods share, if any. */
    public Optional<BillingPeriod> intersection(BillingPeriod other) {
        LocalDate from = start.isAfter(other.start) ? start : other.start;
        LocalDate to = end.isBefore(other.end) ? end : other.end;
        return to.isAfter(from) ? Optional.of(new BillingPeriod(from, to)) : Optional.empty();
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
