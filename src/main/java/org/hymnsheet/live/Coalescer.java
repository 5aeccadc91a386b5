package org.hymnsheet.live;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Turns a burst of signals into at most one run per gap: the first signal runs at once (or after its own small
 * delay, see below), signals arriving within the gap after a run are merged into one run at the end of the gap. No
 * signal is ever left without a run after it, so the last change always reaches the page.
 *
 * <p>A coalescer may be given a delay for a signal that finds it idle. Slow listeners (60 phones showing the
 * room's answers every 5 s) each draw their own, so they do not all wake at the same instant and then keep waking
 * together, every gap, in one storm of reads and pushes that delays the board.
 */
final class Coalescer {
    private final ScheduledExecutorService scheduler;
    private final long gapNanos;
    private final LongSupplier nanoTime;
    private final Runnable action;
    private final LongSupplier idleDelayNanos;
    private boolean scheduled;
    private long lastRun = Long.MIN_VALUE;

    Coalescer(ScheduledExecutorService scheduler, long gapMillis, LongSupplier nanoTime, Runnable action) {
        this(scheduler, gapMillis, nanoTime, () -> 0, action);
    }

    /** As above; a signal that finds the coalescer idle runs after {@code idleDelayNanos} instead of at once. */
    Coalescer(ScheduledExecutorService scheduler, long gapMillis, LongSupplier nanoTime, LongSupplier idleDelayNanos,
              Runnable action) {
        this.idleDelayNanos = idleDelayNanos;
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
            long idle = idleDelayNanos.getAsLong();
            wait = lastRun == Long.MIN_VALUE ? idle : Math.max(idle, lastRun + gapNanos - now);
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
