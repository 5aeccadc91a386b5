package org.hymnsheet.surveys;

import java.security.SecureRandom;
import java.util.Base64;

/** Random codes and tokens. Access codes avoid look-alike characters so they can be read off a projector. */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 6;

    private Tokens() {}

    static String accessCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** 128 random bits, URL-safe. */
    static String linkToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a person typed as a code: spaces, dashes and case do not matter. */
    static String normaliseCode(String typed) {
        if (typed == null) {
            return "";
        }
        String code = typed.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "").replace("-", "");
        return code.length() > 20 ? code.substring(0, 20) : code;
    }
}
