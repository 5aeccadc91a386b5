package org.hymnsheet.surveys;

import java.time.OffsetDateTime;

/**
 * A young person's text a facilitator sent to the safeguarding lead, as the facilitator sees it afterwards: when it
 * went, and whether a lead has opened it yet (said they are dealing with it, or handled it).
 */
public record SentText(long flagId, String surveyTitle, String body, OffsetDateTime sentAt, boolean opened) {}
