package org.hymnsheet.live;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Turns a burst of signals into at most one run per gap: the first signal runs at once, signals arriving within
 * the gap after a run are merged into one run at the end of the gap. No signal is ever left without a run after
 * it, so the last change always reaches the page.
 */
final class Coalescer {
    private final ScheduledExecutorService scheduler;
    private final long gapNanos;
    private final LongSupplier nanoTime;
    private final Runnable action;
    private boolean scheduled;
    private long lastRun = Long.MIN_VALUE;

    Coalescer(ScheduledExecutorService scheduler, long gapMillis, LongSupplier nanoTime, Runnable action) {
        this.scheduler = scheduler;
        this.gapNanos = TimeUnit.MILLISECONDS.toNanos(gapMillis);
        this.nanoTime = nanoTime;
        this.action = action;
    }

    void signal() {
        long wait;
        synchronized (this) {
            if (scheduled) {
                return;
            }
            scheduled = true;
            long now = nanoTime.getAsLong();
            wait = lastRun == Long.MIN_VALUE ? 0 : Math.max(0, lastRun + gapNanos - now);
        }
        scheduler.schedule(this::run, wait, TimeUnit.NANOSECONDS);
    }

    private void run() {
        synchronized (this) {
            scheduled = false;
            lastRun = nanoTime.getAsLong();
        }
        action.run();
    }
}
