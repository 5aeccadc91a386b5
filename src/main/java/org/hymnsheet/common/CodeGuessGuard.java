package org.hymnsheet.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of short codes (workshop join codes, survey access codes): {@value #MAX_WRONG} wrong codes from one client key within
 * {@link #WINDOW} block that key for {@link #BLOCK}. In memory, per node: a restart forgets, which costs an
 * attacker little time against codes that live for one workshop.
 */
@Component
public class CodeGuessGuard {
    public static final int MAX_WRONG = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    public static final Duration BLOCK = Duration.ofMinutes(10);
    private static final int MAX_KEYS = 100_000;

    private static final class Tries {
        final Deque<Instant> wrong = new ArrayDeque<>();
        Instant blockedUntil;
    }

    private final Map<String, Tries> byKey = new ConcurrentHashMap<>();
    private final Clock clock;

    public CodeGuessGuard(Clock clock) {
        this.clock = clock;
    }

    public boolean blocked(String clientKey) {
        Tries t = byKey.get(key(clientKey));
        if (t == null) {
            return false;
        }
        synchronized (t) {
            return t.blockedUntil != null && clock.instant().isBefore(t.blockedUntil);
        }
    }

    public void wrongCode(String clientKey) {
        Instant now = clock.instant();
        if (byKey.size() > MAX_KEYS) {
            forgetOld(now);
        }
        Tries t = byKey.computeIfAbsent(key(clientKey), k -> new Tries());
        synchronized (t) {
            while (!t.wrong.isEmpty() && !t.wrong.peekFirst().isAfter(now.minus(WINDOW))) {
                t.wrong.removeFirst();
            }
            t.wrong.addLast(now);
            if (t.wrong.size() >= MAX_WRONG) {
                t.blockedUntil = now.plus(BLOCK);
                t.wrong.clear();
            }
        }
    }

    private void forgetOld(Instant now) {
        byKey.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Instant last = e.getValue().wrong.peekLast();
                Instant until = e.getValue().blockedUntil;
                return (until == null || !now.isBefore(until)) && (last == null || last.isBefore(now.minus(WINDOW)));
            }
        });
    }

    private static String key(String clientKey) {
        return clientKey == null || clientKey.isBlank() ? "unknown" : clientKey;
    }
}
