package org.hymnsheet.surveys;

/** A young person's free text waiting for a facilitator: hidden from boards and findings until approved. */
public record PendingText(long id, long surveyId, String surveyTitle, String questionId, String body, boolean flagged) {}
