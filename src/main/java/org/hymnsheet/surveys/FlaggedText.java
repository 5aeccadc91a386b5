package org.hymnsheet.surveys;

import java.time.OffsetDateTime;

/** A possible disclosure for the safeguarding lead: which survey, which device, when, and what was written. */
public record FlaggedText(long id, String surveyTitle, String deviceLabel, OffsetDateTime flaggedAt, String body,
                          String indicators, String status, String note) {
    public boolean open() {
        return "OPEN".equals(status);
    }
}
