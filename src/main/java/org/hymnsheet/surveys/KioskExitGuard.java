package org.hymnsheet.surveys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks a kiosk's exit PIN; five wrong PINs in a row refuse every try on that kiosk for five minutes. */
@Component
class KioskExitGuard {
    static final int MAX_WRONG = 5;
    static final Duration PAUSE = Duration.ofMinutes(5);

    private record Tries(int wrong, Instant pausedUntil) {}

    private final Map<Long, Tries> tries = new ConcurrentHashMap<>();
    private final PasswordEncoder encoder;
    private final Clock clock;

    KioskExitGuard(PasswordEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
    }

    boolean check(long kioskId, String pin, String pinHash) {
        Instant now = clock.instant();
        Tries t = tries.get(kioskId);
        if (t != null && t.pausedUntil() != null && now.isBefore(t.pausedUntil())) {
            return false;
        }
        if (pin != null && pin.length() <= SurveyService.PIN_MAX && encoder.matches(pin, pinHash)) {
            tries.remove(kioskId);
            return true;
        }
        tries.compute(kioskId, (id, old) -> {
            int wrong = (old == null || old.pausedUntil() != null ? 0 : old.wrong()) + 1;
            return new Tries(wrong, wrong >= MAX_WRONG ? now.plus(PAUSE) : null);
        });
        return false;
    }
}
