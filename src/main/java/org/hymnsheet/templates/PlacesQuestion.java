package org.hymnsheet.templates;

import java.util.Objects;

/**
 * Contextual safety mapping: the respondent picks places from the partnership's list of local places (plus
 * "somewhere else") and rates each with a {@link PlaceRating}. The places come from the partnership when the
 * survey runs, not from the template.
 *
 * @param askWhy whether to offer an optional "why?" box for each rated place
 */
public record PlacesQuestion(String id, LocalizedText text, LocalizedText help, LocalizedText section,
                             Condition showIf, boolean askWhy) implements Question {
    public PlacesQuestion {
        Objects.requireNonNull(id);
        Objects.requireNonNull(text);
    }
}
