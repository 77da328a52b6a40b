package org.wispcrm.core.plan;

import java.math.BigDecimal;
import org.wispcrm.core.common.WispCrmException;

/**
 * A link speed in megabits per second; fractions are allowed (a 0.5 Mbps upload).
 *
 * @param value the speed, positive, at most 100000
 */
public record Mbps(BigDecimal value) {
    private static final BigDecimal MAX = BigDecimal.valueOf(100_000);

    /** Rejects zero, negative and absurd speeds, and strips trailing zeros. */
    public Mbps {
        if (value == null || value.signum() <= 0 || value.compareTo(MAX) > 0) {
            throw WispCrmException.invalid("speed", value, "must be more than 0 and at most 100000 Mbps");
        }
        value = value.stripTrailingZeros();
    }

    /** A whole number of Mbps. */
    public static Mbps of(long mbps) {
        return new Mbps(BigDecimal.valueOf(mbps));
    }

    @Override
    public String toString() {
        return value.toPlainString() + " Mbps";
    }
}
