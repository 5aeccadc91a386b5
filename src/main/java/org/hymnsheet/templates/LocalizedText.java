package org.hymnsheet.templates;

import java.util.Map;
import java.util.Objects;

/**
 * A text of a template in each of its languages, keyed by language code ("en", "cy"). Every loaded template
 * has English, so {@link #in} can always fall back to it.
 */
public record LocalizedText(Map<String, String> byLanguage) {
    public static final String FALLBACK = "en";

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
        if (byLanguage.isEmpty()) {
            throw new IllegalArgumentException("A text needs at least one language");
        }
    }

    /** A text in English only. */
    public static LocalizedText english(String text) {
        return new LocalizedText(Map.of(FALLBACK, text));
    }

    /** The text in this language, or in English when the template has no translation into it. */
    public String in(String language) {
        return Objects.requireNonNullElse(byLanguage.get(language), byLanguage.get(FALLBACK));
    }
}
