package org.hymnsheet.testing;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The authenticator app of the test JVM: it keeps the key each staff account enrolled with (read from the
 * enrolment page, as a person would type it into their app) and gives the RFC 6238 code for it. The app refuses
 * a code used twice within its 30 seconds, so a second sign-in of the same account soon after takes the next
 * step's code (accepted, since clocks drift by a step) or waits for a fresh one.
 */
public final class Authenticator {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    private static final Map<String, Deque<String>> RECOVERY = new ConcurrentHashMap<>();

    private Authenticator() {}

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Remembers the key an account has just enrolled with (replacing an older one of the same email). */
    public static void enrolled(String email, String secret) {
        SECRETS.put(key(email), secret.replace(" ", ""));
        LAST_STEP.remove(key(email));
        RECOVERY.remove(key(email));
    }

    public static boolean knows(String email) {
        return SECRETS.containsKey(key(email));
    }

    public static String secret(String email) {
        String secret = SECRETS.get(key(email));
        if (secret == null) {
            throw new IllegalStateException("No authenticator key known for " + email + " in this test JVM");
        }
        return secret;
    }

    public static void recoveryCodes(String email, List<String> codes) {
        RECOVERY.put(key(email), new ArrayDeque<>(codes));
    }

    /** An unused recovery code of this account, or null. */
    public static String recoveryCode(String email) {
        Deque<String> codes = RECOVERY.get(key(email));
        return codes == null ? null : codes.poll();
    }

    /** A code this account has not used yet; may wait up to 30 seconds when both usable steps are spent. */
    public static synchronized String nextCode(String email) {
        String secret = secret(email);
        long now = step(Instant.now());
        long step = Math.max(now, LAST_STEP.getOrDefault(key(email), Long.MIN_VALUE) + 1);
        while (step > now + 1) {
            sleepUntil((now + 1) * STEP.toSeconds() * 1000 + 200);
            now = step(Instant.now());
        }
        LAST_STEP.put(key(email), step);
        return code(secret, step);
    }

    /**
     * What a person in a hurry types: the app's next code when one is unused now, else one of their recovery
     * codes (so tests that sign the same account in many times do not wait for the clock), else the next code.
     */
    public static synchronized String nextCodeOrRecoveryCode(String email) {
        long now = step(Instant.now());
        boolean mustWait = LAST_STEP.getOrDefault(key(email), Long.MIN_VALUE) + 1 > now + 1;
        String recovery = mustWait ? recoveryCode(email) : null;
        return recovery != null ? recovery : nextCode(email);
    }

    /** Forgets that a code was used (for a test whose code the app refused on purpose). */
    public static void forgetLastStep(String email) {
        LAST_STEP.remove(key(email));
    }

    public static long step(Instant at) {
        return at.getEpochSecond() / STEP.toSeconds();
    }

    public static String code(String secret, long step) {
        var key = new SecretKeySpec(new Base32().decode(secret.toUpperCase(Locale.ROOT)), "HmacSHA1");
        try {
            int code = new TimeBasedOneTimePasswordGenerator(STEP, 6)
                    .generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
            return String.format(Locale.ROOT, "%06d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
