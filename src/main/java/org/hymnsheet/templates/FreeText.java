package org.hymnsheet.templates;

import java.util.Objects;

/** An answer in the respondent's own words, held for review before anyone else sees it. */
public record FreeText(String id, LocalizedText text, LocalizedText help, LocalizedText section, Condition showIf,
                       int maxLength) implements Question {
    public static final int DEFAULT_MAX_LENGTH = 500;
    public static final int LONGEST = 2000;

    public FreeText {
        Objects.requireNonNull(id);
        Objects.requireNonNull(text);
        if (maxLength < 1 || maxLength > LONGEST) {
            throw new IllegalArgumentException("maxLength must be 1 to " + LONGEST);
        }
    }
}
