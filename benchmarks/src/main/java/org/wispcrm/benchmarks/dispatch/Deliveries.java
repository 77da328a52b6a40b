package org.wispcrm.benchmarks.dispatch;

import java.util.List;

/**
 * What the stub saw for one phase.
 *
 * @param requests requests with a reference
 * @param delivered seeded messages that arrived at least once
 * @param duplicates extra arrivals of a seeded message (a message received three times counts two)
 * @param missing seeded messages that never arrived
 * @param unexpected arrivals whose reference is not a seeded message, plus malformed requests
 */
public record Deliveries(long requests, long delivered, long duplicates, long missing, long unexpected) {
    /** Compares what the stub received with the ids that were due. */
    public static Deliveries of(List<String> ids, UltraMsgStub.Received received) {
        long delivered = 0;
        long duplicates = 0;
        long missing = 0;
        long known = 0;
        for (String id : ids) {
            Integer count = received.byReference().get(id);
            if (count == null) {
                missing++;
            } else {
                delivered++;
                duplicates += count - 1;
                known++;
            }
        }
        long unexpected = received.byReference().size() - known + received.malformed();
        return new Deliveries(received.requests(), delivered, duplicates, missing, unexpected);
    }

    /** Every id arrived once, and nothing else arrived. */
    public boolean exactlyOnce() {
        return duplicates == 0 && missing == 0 && unexpected == 0;
    }
}
