package org.hymnsheet.surveys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many survey starts and answer saves one client key (a hashed address, see {@code ClientKeys}) may make:
 * a bucket per key and kind that holds {@code limit} and refills at {@code limit} per {@code window}. Young people
 * answering at human speed never meet it, even a class of them behind one school address; a script that starts
 * responses and saves disclosure-like answers to flood the safeguarding queue does. In memory, per node, and
 * bounded: a restart forgets, which only gives a flood a fresh bucket.
 */
@Component
class RespondentLimits {
    enum Kind { START, SAVE }

    private static final int MAX_KEYS = 100_000;

    private static final class Bucket {
        double tokens;
        Instant at;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private record Key(Kind kind, String client) {}

    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int starts;
    private final int saves;
    private final Duration window;

    RespondentLimits(Clock clock,
                     @Value("${hymnsheet.survey.limits.starts:40}") int starts,
                     @Value("${hymnsheet.survey.limits.saves:600}") int saves,
                     @Value("${hymnsheet.survey.limits.window-minutes:10}") int windowMinutes) {
        this.clock = clock;
        this.starts = starts;
        this.saves = saves;
        this.window = Duration.ofMinutes(windowMinutes);
    }

    int limit(Kind kind) {
        return kind == Kind.START ? starts : saves;
    }

    /** Takes one from the client's bucket; false (and nothing taken) when it is empty. */
    boolean take(Kind kind, String clientKey) {
        Instant now = clock.instant();
        if (buckets.size() > MAX_KEYS) {
            forgetFull(now);
        }
        int limit = limit(kind);
        Bucket b = buckets.computeIfAbsent(new Key(kind, clientKey), k -> new Bucket(limit, now));
        synchronized (b) {
            refill(b, limit, now);
            if (b.tokens < 1) {
                return false;
            }
            b.tokens -= 1;
            return true;
        }
    }

    private void refill(Bucket b, int limit, Instant now) {
        long elapsed = Math.max(0, Duration.between(b.at, now).toMillis());
        b.tokens = Math.min(limit, b.tokens + (double) limit * elapsed / window.toMillis());
        b.at = now;
    }

    /** A bucket that has filled up again is the same as no bucket, so it can go. */
    private void forgetFull(Instant now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                int limit = limit(e.getKey().kind());
                refill(e.getValue(), limit, now);
                return e.getValue().tokens >= limit;
            }
        });
        if (buckets.size() > MAX_KEYS) {
            buckets.clear(); // so many live keys that they rotate anyway: memory stays bounded
        }
    }
}
