package org.hymnsheet.workshops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Join codes (readable off a projector) and participant tokens (stored only as a SHA-256 hash). */
final class WorkshopTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 6;

    private WorkshopTokens() {}

    static String joinCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** 192 random bits, URL- and cookie-safe. */
    static String participantToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token has enough entropy that a fast hash is enough: nobody can try 2^192 guesses. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** What a person typed as a code: spaces, dashes and case do not matter. */
    static String normaliseCode(String typed) {
        if (typed == null) {
            return "";
        }
        String code = typed.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
        return code.length() > 20 ? code.substring(0, 20) : code;
    }
}
