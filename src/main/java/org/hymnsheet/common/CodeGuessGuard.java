package org.hymnsheet.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of short codes (workshop join codes, survey access codes): {@value #MAX_WRONG} wrong codes
 * from one client key within {@link #WINDOW} block that key for {@link #BLOCK}. Client keys come from
 * {@link ClientAddress} (an IPv6 client counts with its whole /64). In memory, per node, and bounded: at most
 * {@value #MAX_KEYS} keys are held (Caffeine evicts the least useful beyond that, and forgets a key once its
 * window and block are over), so a flood of made-up addresses cannot exhaust the memory. A restart forgets, which
 * costs an attacker little time against codes that live for one workshop.
 */
@Component
public class CodeGuessGuard {
    public static final int MAX_WRONG = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    public static final Duration BLOCK = Duration.ofMinutes(10);
    public static final int MAX_KEYS = 20_000;

    /** The times of recent wrong codes (never more than {@value #MAX_WRONG}) and the end of a block. */
    private static final class Tries {
        final Deque<Instant> wrong = new ArrayDeque<>(MAX_WRONG);
        Instant blockedUntil;
    }

    private final Cache<String, Tries> byKey;
    private final Clock clock;

    public CodeGuessGuard(Clock clock) {
        this.clock = clock;
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.byKey = Caffeine.newBuilder().maximumSize(MAX_KEYS)
                .expireAfterWrite(WINDOW.plus(BLOCK)).ticker(ticker).build();
    }

    public boolean blocked(String clientKey) {
        Tries t = byKey.getIfPresent(key(clientKey));
        if (t == null) {
            return false;
        }
        synchronized (t) {
            return t.blockedUntil != null && clock.instant().isBefore(t.blockedUntil);
        }
    }

    public void wrongCode(String clientKey) {
        Instant now = clock.instant();
        // compute is atomic per key, and writing the entry again restarts its expiry
        byKey.asMap().compute(key(clientKey), (k, t) -> {
            Tries tries = t == null ? new Tries() : t;
            synchronized (tries) {
                while (!tries.wrong.isEmpty() && !tries.wrong.peekFirst().isAfter(now.minus(WINDOW))) {
                    tries.wrong.removeFirst();
                }
                tries.wrong.addLast(now);
                if (tries.wrong.size() >= MAX_WRONG) {
                    tries.blockedUntil = now.plus(BLOCK);
                    tries.wrong.clear();
                }
            }
            return tries;
        });
    }

    /** How many client keys are held now (after pending evictions): for tests of the memory bound. */
    long trackedKeys() {
        byKey.cleanUp();
        return byKey.estimatedSize();
    }

    private static String key(String clientKey) {
        return clientKey == null || clientKey.isBlank() ? "unknown" : clientKey;
    }
}
