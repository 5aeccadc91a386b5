package org.hymnsheet.surveys;

import org.hymnsheet.common.SurveyStatus;
/** A survey template run for one partnership, with its short access code and unguessable link token. */
public record Survey(long id, long partnershipId, String templateId, String title, SurveyStatus status,
                     String accessCode, String linkToken, int submitted, int version) {}
