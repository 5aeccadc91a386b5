package org.hymnsheet.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Coalescing on a hand-driven clock and scheduler: no sleeping, no timing in the assertions. */
class CoalescerTest {
    static final long GAP = 250;

    /** A scheduler that only remembers what it was asked to run, and when; the test runs it. */
    static final class ManualScheduler extends ScheduledThreadPoolExecutor {
        record Job(long atNanos, Runnable task) {}

        final List<Job> jobs = new ArrayList<>();
        final AtomicLong now;

        ManualScheduler(AtomicLong now) {
            super(1);
            this.now = now;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            jobs.add(new Job(now.get() + unit.toNanos(delay), command));
            return null;
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        /** Moves the clock to the next job and runs it. */
        void runNext() {
            Job job = jobs.removeFirst();
            now.set(Math.max(now.get(), job.atNanos()));
            job.task().run();
        }

        long delayOfNextMillis() {
            return TimeUnit.NANOSECONDS.toMillis(jobs.getFirst().atNanos() - now.get());
        }
    }

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final ManualScheduler scheduler = new ManualScheduler(now);
    final AtomicInteger runs = new AtomicInteger();
    final Coalescer coalescer = new Coalescer(scheduler, GAP, now::get, runs::incrementAndGet);

    @Test
    void the_first_signal_runs_at_once() {
        coalescer.signal();
        assertThat(scheduler.jobs).hasSize(1);
        assertThat(scheduler.delayOfNextMillis()).isZero();
        scheduler.runNext();
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_burst_of_a_hundred_signals_costs_one_run_now_and_one_at_the_end_of_the_gap() {
        coalescer.signal();
        scheduler.runNext();
        for (int i = 0; i < 100; i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
            coalescer.signal();
        }
        assertThat(scheduler.jobs).as("merged into one pending run").hasSize(1);
        assertThat(scheduler.delayOfNextMillis()).as("due when the gap after the last run ends").isEqualTo(GAP - 100);
        scheduler.runNext();
        assertThat(runs).hasValue(2);
        assertThat(scheduler.jobs).isEmpty();
    }

    @Test
    void at_most_four_runs_a_second_however_many_signals_arrive() {
        // a signal every 10 ms for 10 seconds
        for (int i = 0; i < 1000; i++) {
            coalescer.signal();
            while (!scheduler.jobs.isEmpty() && scheduler.jobs.getFirst().atNanos() <= now.get()) {
                scheduler.runNext();
            }
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
        }
        while (!scheduler.jobs.isEmpty()) {
            scheduler.runNext();
        }
        assertThat(runs.get()).isBetween(38, 41);
    }

    @Test
    void a_signal_during_a_run_gets_a_run_of_its_own_afterwards() {
        AtomicInteger inner = new AtomicInteger();
        Coalescer[] self = new Coalescer[1];
        self[0] = new Coalescer(scheduler, GAP, now::get, () -> {
            if (inner.incrementAndGet() == 1) {
                self[0].signal(); // a change lands while the page is re-reading
            }
        });
        self[0].signal();
        scheduler.runNext();
        assertThat(scheduler.jobs).hasSize(1);
        scheduler.runNext();
        assertThat(inner).hasValue(2);
    }

    @Test
    void a_quiet_signal_after_a_long_pause_runs_at_once() {
        coalescer.signal();
        scheduler.runNext();
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        coalescer.signal();
        assertThat(scheduler.delayOfNextMillis()).isZero();
    }

    @Test
    void a_slow_listener_waits_its_own_delay_when_idle_and_still_keeps_the_gap_afterwards() {
        long delay = TimeUnit.MILLISECONDS.toNanos(300);
        var slow = new Coalescer(scheduler, 2000, now::get, () -> delay, runs::incrementAndGet);
        slow.signal();
        assertThat(scheduler.delayOfNextMillis()).as("its own delay, not at once").isEqualTo(300);
        scheduler.runNext();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        slow.signal();
        assertThat(scheduler.delayOfNextMillis()).as("the rest of the gap after its run").isEqualTo(1900);
        scheduler.runNext();
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        slow.signal();
        assertThat(scheduler.delayOfNextMillis()).as("idle again: its own delay").isEqualTo(300);
        assertThat(runs).hasValue(2);
    }

    @Test
    void slow_listeners_woken_together_spread_their_runs() {
        var signals = new LiveSignals();
        var times = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
        var latch = new java.util.concurrent.CountDownLatch(20);
        var topic = Topic.workshop(1);
        var subscriptions = new ArrayList<Subscription>();
        for (int i = 0; i < 20; i++) {
            subscriptions.add(signals.subscribe(java.util.Set.of(topic), 2000, () -> {
                times.add(System.nanoTime());
                latch.countDown();
            }));
        }
        signals.changed(topic);
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            subscriptions.forEach(Subscription::close);
            signals.stop();
        }
        assertThat(java.util.Collections.max(times) - java.util.Collections.min(times))
                .as("spread over part of the first second").isGreaterThan(TimeUnit.MILLISECONDS.toNanos(50));
    }

}
