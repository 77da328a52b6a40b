package org.wispcrm.core.inmemory;

import java.util.HashMap;
import java.util.Map;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.invoice.InvoiceNumberSequence;

/**
 * Gap-free numbers per series in memory. Units of work are serialized, so undoing a rolled-back {@link #next}
 * (putting the counter back) can never skip or repeat a number another unit took.
 */
final class InMemoryInvoiceNumberSequence implements InvoiceNumberSequence {
    private final InMemoryTransactionRunner tx;
    private final Map<String, Long> last = new HashMap<>();

    InMemoryInvoiceNumberSequence(InMemoryTransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public long next(String series) {
        requireSeries(series);
        return tx.inTransaction(() -> {
            Long previous = last.get(series);
            long number = (previous == null ? 0 : previous) + 1;
            last.put(series, number);
            tx.onRollback(() -> {
                if (previous == null) {
                    last.remove(series);
                } else {
                    last.put(series, previous);
                }
            });
            return number;
        });
    }

    @Override
    public long current(String series) {
        requireSeries(series);
        return tx.inTransaction(() -> last.getOrDefault(series, 0L));
    }

    private static void requireSeries(String series) {
        var violations = new Violations();
        if (violations.requireText("series", series)) {
            violations.require(series.length() <= 20, "series", series, "must be at most 20 characters");
        }
        violations.throwIfAny();
    }
}
