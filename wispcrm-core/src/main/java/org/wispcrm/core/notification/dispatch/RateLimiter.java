package org.wispcrm.core.notification.dispatch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces sends on one channel so the dispatcher stays under a provider's pace (UltraMsg and SES both throttle).
 * Each permit is reserved at a fixed interval after the previous one; callers sleep until their slot.
 */
final class RateLimiter {
    private final long intervalNanos;
    private long nextFreeSlot = System.nanoTime();

    RateLimiter(double permitsPerSecond) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive, was " + permitsPerSecond);
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
    }

    /** Blocks until the caller may send. */
    void acquire() {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextFreeSlot);
            nextFreeSlot = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            wait = slot - System.nanoTime();
        }
    }
}
