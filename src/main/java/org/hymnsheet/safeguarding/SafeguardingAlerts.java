package org.hymnsheet.safeguarding;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Subscription;
import org.hymnsheet.live.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns safeguarding flags into emails to the partnership's safeguarding leads, through the {@code safeguarding_alert}
 * outbox: whoever wrote a flag (the detector, a person from moderation) need not call this. Three steps, each safe
 * to run on several nodes at once: {@link #enqueue} owes one NEW alert per active lead for each flag arrival,
 * {@link #remind} owes one REMINDER per lead for a flag left unopened for {@code hymnsheet.safeguarding.remind-after},
 * and {@link #send} claims owed alerts (one node per row) and sends them, retrying failures with a growing wait.
 * They run every {@code hymnsheet.safeguarding.alert-interval} and at once when a partnership's queue changes.
 * Without a mail server ({@code spring.mail.host}) nothing is owed and nothing is sent.
 */
@Component
public class SafeguardingAlerts {
    /** Attempts before an alert is given up on (logged as an error); the waits between them add up to about 5 hours. */
    static final int MAX_ATTEMPTS = 10;
    /** Flags older than this when alerts first see them are not emailed: no flood of old flags at the first start. */
    static final Duration ARRIVAL_WINDOW = Duration.ofDays(1);
    /** How long a claimed, unsent alert belongs to its node before another may take it (the node may have died). */
    static final Duration CLAIM_HOLD = Duration.ofMinutes(2);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(SafeguardingAlerts.class);

    private final AlertRepository alerts;
    private final JavaMailSender mail;
    private final TransactionTemplate tx;
    private final LiveSignals signals;
    private final Clock clock;
    private final Duration remindAfter;
    private final AlertMail letters;
    private final ExecutorService runner =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("safeguarding-alerts").factory());
    private final AtomicBoolean runWaiting = new AtomicBoolean();
    private Set<Topic> heard = Set.of();
    private Subscription subscription;

    SafeguardingAlerts(AlertRepository alerts, ObjectProvider<JavaMailSender> mail, PlatformTransactionManager transactions,
                       LiveSignals signals, Clock clock,
                       @Value("${hymnsheet.safeguarding.remind-after:PT30M}") Duration remindAfter,
                       @Value("${hymnsheet.mail.from:hymnsheet@localhost}") String from,
                       @Value("${hymnsheet.public-url:}") String publicUrl,
                       @Value("${hymnsheet.time-zone:Europe/London}") String zone) {
        this.alerts = alerts;
        this.mail = mail.getIfAvailable();
        this.tx = new TransactionTemplate(transactions);
        this.signals = signals;
        this.clock = clock;
        this.remindAfter = remindAfter;
        String base = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        this.letters = new AlertMail(from, base.replaceAll("/+$", "") + "/safeguarding", ZoneId.of(zone));
        if (this.mail == null) {
            log.warn("Email alerts are off: no mail server is set up (spring.mail.host). Safeguarding leads see new "
                    + "flags in the safeguarding queue and as a count in the menu only.");
        } else {
            if (publicUrl == null || publicUrl.isBlank()) {
                log.warn("hymnsheet.public-url is not set: safeguarding alert emails link to {}", base);
            }
            log.info("Email alerts are on: safeguarding leads are emailed new flags, and reminded after {}", remindAfter);
        }
    }

    /** Whether alerts go out by email (a mail server is set up). */
    public boolean emailOn() {
        return mail != null;
    }

    /** On schedule: hears any new partnership's queue, and runs every step on this node's alert thread. */
    @Scheduled(fixedDelayString = "${hymnsheet.safeguarding.alert-interval:PT15S}")
    void onSchedule() {
        if (emailOn()) {
            hearPartnerships();
            runSoon();
        }
    }

    /** Asks for a run of every step; a request while one waits to start is merged into it. */
    void runSoon() {
        if (runWaiting.compareAndSet(false, true)) {
            try {
                runner.execute(() -> {
                    runWaiting.set(false);
                    runOnce();
                });
            } catch (RejectedExecutionException e) {
                runWaiting.set(false); // shutting down
            }
        }
    }

    /** Every step once, on the calling thread; a failing step is logged and the next one still runs. */
    public void runOnce() {
        if (!emailOn()) {
            return;
        }
        step("owe alerts", this::enqueue);
        step("owe reminders", this::remind);
        step("send alerts", this::send);
    }

    private static void step(String what, java.util.function.IntSupplier step) {
        try {
            step.getAsInt();
        } catch (RuntimeException e) {
            log.warn("Safeguarding alerts could not {}: {}", what, e.toString());
        }
    }

    /** Owes a NEW alert to each active lead for each flag arrival not alerted yet; returns how many. */
    public int enqueue() {
        if (!emailOn()) {
            return 0;
        }
        OffsetDateTime now = now();
        return inTransaction(() -> alerts.enqueueNew(now.minus(ARRIVAL_WINDOW), now));
    }

    /** Owes a REMINDER to each active lead for each flag left unopened too long; returns how many. */
    public int remind() {
        if (!emailOn()) {
            return 0;
        }
        OffsetDateTime now = now();
        OffsetDateTime arrivedBy = now.minus(remindAfter);
        return inTransaction(() -> {
            int owed = alerts.enqueueReminders(arrivedBy, now);
            alerts.markReminded(arrivedBy, now);
            return owed;
        });
    }

    /** Another node did the same at the same moment: its rows stand, and this transaction wrote nothing. */
    private int inTransaction(java.util.function.IntSupplier work) {
        try {
            Integer done = tx.execute(status -> work.getAsInt());
            return done == null ? 0 : done;
        } catch (DataIntegrityViolationException e) {
            log.debug("Another node owed the same safeguarding alerts first: {}", e.toString());
            return 0;
        }
    }

    /**
     * Claims the alerts that are owed and free (never claimed, or their wait is over) and sends each; returns how
     * many went out. A row is claimed by one caller only, so racing callers and nodes send each alert once.
     */
    public int send() {
        if (!emailOn()) {
            return 0;
        }
        int sent = 0;
        while (true) {
            OffsetDateTime now = now();
            List<AlertRepository.Outgoing> batch = tx.execute(status -> {
                List<Long> claimed = alerts.takeable(now, MAX_ATTEMPTS, SafeguardingAlerts::wait, BATCH).stream()
                        .filter(id -> alerts.claim(id, now, MAX_ATTEMPTS, SafeguardingAlerts::wait)).toList();
                return claimed.isEmpty() ? List.of() : alerts.outgoing(claimed);
            });
            if (batch == null || batch.isEmpty()) {
                return sent;
            }
            for (var alert : batch) {
                if (deliver(alert)) {
                    sent++;
                }
            }
            if (batch.size() < BATCH) {
                return sent;
            }
        }
    }

    private boolean deliver(AlertRepository.Outgoing alert) {
        try {
            mail.send(letters.message(alert, clock.instant()));
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            Integer attempts = tx.execute(status -> alerts.failed(alert.id(), error, now()));
            if (attempts != null && attempts >= MAX_ATTEMPTS) {
                log.error("Gave up sending safeguarding alert {} after {} attempts: {}", alert.id(), attempts, error);
            } else {
                log.warn("Could not send safeguarding alert {} (attempt {}), will try again: {}", alert.id(), attempts, error);
            }
            return false;
        }
        tx.executeWithoutResult(status -> alerts.sent(alert.id(), now()));
        return true;
    }

    /** How long a claimed row waits before it may be taken again, after this many failed attempts. */
    static Duration wait(int attempts) {
        if (attempts <= 1) {
            return CLAIM_HOLD;
        }
        Duration grown = CLAIM_HOLD.multipliedBy(1L << Math.min(attempts - 1, 10));
        return grown.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : grown;
    }

    /** Hears the safeguarding signal of every partnership, so a new flag is sent at once rather than on schedule. */
    private synchronized void hearPartnerships() {
        Set<Topic> topics;
        try {
            topics = tx.execute(status -> alerts.partnerships().stream().map(Topic::safeguarding).collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            log.warn("Safeguarding alerts could not list the partnerships: {}", e.toString());
            return;
        }
        if (topics == null || topics.equals(heard)) {
            return;
        }
        if (subscription != null) {
            subscription.close();
        }
        heard = topics;
        subscription = signals.subscribe(topics, this::runSoon);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    @PreDestroy
    synchronized void stop() {
        if (subscription != null) {
            subscription.close();
        }
        runner.shutdownNow();
    }
}
