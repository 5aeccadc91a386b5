package org.hymnsheet.surveys;

import java.time.OffsetDateTime;

/** "We did": one short entry a lead wrote about what the partnership did after a survey, plain text as typed. */
public record SurveyAction(long id, long surveyId, String body, OffsetDateTime createdAt) {}
