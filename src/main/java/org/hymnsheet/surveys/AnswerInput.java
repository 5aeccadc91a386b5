package org.hymnsheet.surveys;

import java.util.List;
import java.util.Set;
import org.hymnsheet.templates.PlaceRating;

/** What a respondent gives for one question. Each kind maps to its own answer rows. */
public sealed interface AnswerInput {

    /** Skipped on purpose: any earlier answer to the question is removed. */
    record Skip() implements AnswerInput {}

    /** Single or multiple choice: the chosen option ids. */
    record Choice(Set<String> optionIds) implements AnswerInput {}

    record ScaleValue(int value) implements AnswerInput {}

    record Text(String body) implements AnswerInput {}

    /** Places question: each chosen place rated, with an optional "why". */
    record Places(List<PlaceAnswer> places) implements AnswerInput {}

    /** placeRef is a place id, or {@link #ELSEWHERE} for "somewhere else". */
    record PlaceAnswer(String placeRef, PlaceRating rating, String why) {
        public static final String ELSEWHERE = "elsewhere";
    }

    /** Trusted people: chosen role ids plus, optionally, someone else in their own words. */
    record Trusted(Set<String> roleIds, String other) implements AnswerInput {}
}
