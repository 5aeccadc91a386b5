package org.hymnsheet.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hymnsheet.common.Codes;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Several app nodes on one PostgreSQL: topics travel as NOTIFY on one channel ("node|topic"), outside the
 * transactions that made the change and batched every {@link #FLUSH_MILLIS} ms, so a write never waits for it.
 * Each node LISTENs on a connection of its own; when that connection drops it reconnects and wakes every
 * listener of the node, so nothing missed meanwhile stays missed. On H2 (one node) the relay stays off.
 */
@Component
class PostgresRelay implements SmartLifecycle, LiveSignals.Relay {
    static final String CHANNEL = "hymnsheet_changes";
    static final long FLUSH_MILLIS = 20;
    private static final int WAIT_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(PostgresRelay.class);

    private final DataSource dataSource;
    private final LiveSignals signals;
    private final boolean postgres;
    private final String node = Codes.randomToken(9);
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService flusher;
    private Thread listener;
    private volatile boolean running;
    private volatile boolean listening;

    PostgresRelay(DataSource dataSource, LiveSignals signals, DSLContext db) {
        this.dataSource = dataSource;
        this.signals = signals;
        this.postgres = db.dialect().family() == SQLDialect.POSTGRES;
    }

    @Override
    public void start() {
        if (!postgres) {
            return;
        }
        running = true;
        signals.connect(this);
        flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("live-notify").factory());
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        listener = Thread.ofPlatform().daemon().name("live-listen").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (flusher != null) {
            flusher.shutdown();
        }
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether this node is listening to the other nodes now. */
    boolean listening() {
        return listening;
    }

    @Override
    public void publish(Topic topic) {
        pending.add(topic.key());
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<String> batch = new ArrayList<>(pending);
        pending.removeAll(batch);
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (String key : batch) {
                s.setString(1, CHANNEL);
                s.setString(2, node + "|" + key);
                s.addBatch();
            }
            s.executeBatch();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            log.warn("Could not notify the other nodes ({} topics): {}", batch.size(), e.toString());
        }
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("LISTEN " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                if (!first) {
                    signals.deliverAll(); // changes made while we were not listening
                }
                first = false;
                while (running) {
                    PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
                    if (heard == null) {
                        continue;
                    }
                    for (PGNotification n : heard) {
                        String payload = n.getParameter();
                        int bar = payload.indexOf('|');
                        if (bar > 0 && !payload.substring(0, bar).equals(node)) {
                            signals.deliver(payload.substring(bar + 1));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.warn("Lost the connection that listens to the other nodes; trying again: {}", e.toString());
                    pause();
                }
            }
        }
        listening = false;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
