package org.hymnsheet.templates;

/**
 * One question of a survey template. The kinds are a closed set: each has its own input for the respondent
 * and its own rows for the answers.
 */
public sealed interface Question permits SingleChoice, MultipleChoice, Scale, FreeText, PlacesQuestion, TrustedPeople {

    /** Unique within the template; answers are stored under it, so it must not change once a survey runs. */
    String id();

    LocalizedText text();

    /** A hint under the question, or null. */
    LocalizedText help();

    /** The heading of the part of the survey this question belongs to (e.g. "Practice level: attunement"), or null. */
    LocalizedText section();

    /** When to show the question, or null to always show it. */
    Condition showIf();
}
