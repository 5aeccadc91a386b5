package org.hymnsheet.surveys;

import java.time.OffsetDateTime;

/**
 * A possible disclosure for the safeguarding lead: which survey, which device, when (the latest change), what was
 * written, and what the answer said before it was changed ({@code earlier}, null when it never was).
 */
public record FlaggedText(long id, String surveyTitle, String deviceLabel, OffsetDateTime flaggedAt, String body,
                          String earlier, String indicators, String status, String note) {
    public boolean open() {
        return "OPEN".equals(status);
    }
}
