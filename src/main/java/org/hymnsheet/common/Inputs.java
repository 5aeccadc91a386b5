package org.hymnsheet.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks for the short single-line texts staff type into forms (names, emails). */
public final class Inputs {
    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final int PASSWORD_MIN = 12;
    /** bcrypt reads at most 72 bytes of a password. */
    public static final int PASSWORD_MAX_BYTES = 72;

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private Inputs() {}

    /**
     * A name is stored exactly as typed; it must not be blank, too long, or hold control characters
     * (line breaks, NUL) that a one-line name cannot show.
     */
    public static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "validation.required");
        }
        if (value.length() > NAME_MAX) {
            throw new ValidationException(field, "validation.tooLong", NAME_MAX);
        }
        if (value.codePoints().anyMatch(Inputs::unusable)) {
            throw new ValidationException(field, "validation.controlCharacters");
        }
        return value;
    }

    /** Key used for uniqueness: the same name in another case, width or with extra spaces is a duplicate. */
    public static String nameKey(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        folded = folded.toLowerCase(Locale.ROOT);
        return folded.length() > NAME_MAX ? folded.substring(0, NAME_MAX) : folded;
    }

    public static String email(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "validation.required");
        }
        String email = value.strip().toLowerCase(Locale.ROOT);
        if (email.length() > EMAIL_MAX) {
            throw new ValidationException(field, "validation.tooLong", EMAIL_MAX);
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new ValidationException(field, "validation.email");
        }
        return email;
    }

    public static String password(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new ValidationException(field, "validation.required");
        }
        if (value.codePointCount(0, value.length()) < PASSWORD_MIN) {
            throw new ValidationException(field, "validation.passwordShort", PASSWORD_MIN);
        }
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            throw new ValidationException(field, "validation.passwordLong", PASSWORD_MAX_BYTES);
        }
        if (value.codePoints().anyMatch(Inputs::unusable)) {
            throw new ValidationException(field, "validation.controlCharacters");
        }
        return value;
    }

    public static <E extends Enum<E>> E required(String field, E value) {
        if (value == null) {
            throw new ValidationException(field, "validation.required");
        }
        return value;
    }

    private static boolean unusable(int cp) {
        int type = Character.getType(cp);
        // ISO controls (NUL, line breaks) and lone surrogates cannot be stored or shown as one line of text.
        return Character.isISOControl(cp) || type == Character.SURROGATE;
    }
}
