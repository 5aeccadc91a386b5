package org.hymnsheet.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Short codes people type (survey access codes, workshop join codes), random tokens people never type (links,
 * kiosks, participant identities) and the one-way hash stored in place of a token or a client address.
 */
public final class Codes {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No look-alikes (0/O, 1/I/L), so a code can be read off a projector or a poster. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int CODE_LENGTH = 6;
    private static final int TYPED_MAX = 20;

    private Codes() {}

    public static String shortCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** {@code bytes} random bytes, URL- and cookie-safe. */
    public static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** What a person typed as a code: spaces, dashes and case do not matter; absurd lengths are cut. */
    public static String normaliseCode(String typed) {
        if (typed == null) {
            return "";
        }
        String code = typed.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
        return code.length() > TYPED_MAX ? code.substring(0, TYPED_MAX) : code;
    }

    /**
     * SHA-256 as hex. Enough for random tokens (nobody can try 2^128 guesses) and for keeping client addresses
     * out of memory in plain form; never for passwords.
     */
    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
