package org.hymnsheet.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Component;

/**
 * RFC 6238 codes as every authenticator app makes them: HMAC-SHA1, 6 digits, 30-second steps, a 160-bit secret
 * shown in Base32. A code is accepted for the step before and after the current one (clocks drift).
 */
@Component
class Totp {
    static final Duration STEP = Duration.ofSeconds(30);
    private static final int SECRET_BYTES = 20;
    private final SecureRandom random = new SecureRandom();
    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return new Base32().encodeAsString(bytes).replace("=", "");
    }

    /** The otpauth:// address an authenticator app reads from the QR code. */
    static String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
    }

    static long step(Instant now) {
        return now.getEpochSecond() / STEP.toSeconds();
    }

    /** The time step whose code this is (within one step of now, and after lastUsed), or -1. */
    long match(String secret, String code, Instant now, long lastUsed) {
        if (code == null || !code.matches("\\d{6}")) {
            return -1;
        }
        long current = step(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastUsed && code(secret, step).equals(code)) {
                return step;
            }
        }
        return -1;
    }

    String code(String secret, long step) {
        var key = new SecretKeySpec(new Base32().decode(secret.toUpperCase(Locale.ROOT)), "HmacSHA1");
        try {
            return String.format(Locale.ROOT, "%06d",
                    generator.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.toSeconds())));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("The stored second-factor secret is not a valid key", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
