package org.hymnsheet.live;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The wake-up signals of live pages. Services say {@link #changed(Topic)} inside their transaction; the signal goes
 * out only after the commit (a rolled-back change signals nothing), to the pages of this node at once and, through
 * the {@link Relay} (PostgreSQL NOTIFY), to the other nodes. Listeners are coalesced to at most
 * {@link #MAX_PER_SECOND} runs a second each, so a room of 60 answering at once costs a board four refreshes a second.
 */
@Component
public class LiveSignals {
    public static final int MAX_PER_SECOND = 4;
    static final long GAP_MILLIS = 1000 / MAX_PER_SECOND;
    /** The shortest gap a page may ask for: a projected board that must show a burst of answers soon after the last. */
    public static final long MIN_GAP_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(LiveSignals.class);

    /** Carries topics to the other nodes. */
    public interface Relay {
        void publish(Topic topic);
    }

    private final Map<String, Set<Coalescer>> listeners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler =
            Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("live-signal-", 0).factory());
    private volatile Relay relay = topic -> { };

    /** Says that a topic changed; sent after the current transaction commits, or now if there is none. */
    public void changed(Topic topic) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(topic);
                }
            });
        } else {
            send(topic);
        }
    }

    /**
     * Runs {@code listener} after each change of a topic, at most {@link #MAX_PER_SECOND} times a second; the run
     * happens on a background thread (a page must enter its UI with {@code ui.access}).
     */
    public Subscription subscribe(Set<Topic> topics, Runnable listener) {
        return subscribe(topics, GAP_MILLIS, listener);
    }

    /**
     * As {@link #subscribe(Set, Runnable)}, at most one run per {@code gapMillis} (at least {@link #MIN_GAP_MILLIS}). A
     * listener slower than the default also waits a random part of its first half-gap before a run that would
     * otherwise start at once, so many slow listeners spread their runs instead of all running at one instant.
     */
    public Subscription subscribe(Set<Topic> topics, long gapMillis, Runnable listener) {
        long gap = Math.max(MIN_GAP_MILLIS, gapMillis);
        LongSupplier spread = gap > GAP_MILLIS
                ? () -> ThreadLocalRandom.current().nextLong(TimeUnit.MILLISECONDS.toNanos(gap / 2))
                : () -> 0;
        var coalescer = new Coalescer(scheduler, gap, System::nanoTime, spread, () -> safely(listener));
        for (Topic t : topics) {
            listeners.computeIfAbsent(t.key(), k -> ConcurrentHashMap.newKeySet()).add(coalescer);
        }
        return () -> topics.forEach(t -> listeners.computeIfPresent(t.key(), (k, set) -> {
            set.remove(coalescer);
            return set.isEmpty() ? null : set;
        }));
    }

    /** How many listeners hear this topic on this node. */
    public int listeners(Topic topic) {
        return listeners.getOrDefault(topic.key(), Set.of()).size();
    }

    void connect(Relay relay) {
        this.relay = relay;
    }

    private void send(Topic topic) {
        deliver(topic.key());
        try {
            relay.publish(topic);
        } catch (RuntimeException e) {
            log.warn("Could not pass a change on to the other nodes: {}", e.toString());
        }
    }

    /** A topic heard from another node (or this one): wakes this node's listeners. */
    void deliver(String key) {
        listeners.getOrDefault(key, Set.of()).forEach(Coalescer::signal);
    }

    /** After signals may have been missed (the relay's connection dropped): every listener re-reads. */
    void deliverAll() {
        listeners.values().forEach(set -> set.forEach(Coalescer::signal));
    }

    private static void safely(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            log.warn("A live page failed to refresh: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
