package org.hymnsheet.surveys;

/**
 * A young person's free text waiting for a facilitator: hidden from boards and findings until approved.
 * {@code flagReason} names the kinds of harm it was flagged for (empty when it was not flagged); approving a
 * flagged text needs that acknowledged.
 */
public record PendingText(long id, long surveyId, String surveyTitle, String questionId, String body, boolean flagged,
                          String flagReason) {}
