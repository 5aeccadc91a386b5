package org.hymnsheet.surveys;

import java.time.OffsetDateTime;
import java.util.List;
import org.hymnsheet.common.FlagStatus;

/**
 * A possible disclosure for the safeguarding lead: where it came from (a survey, with the device, or a workshop),
 * when (the latest change), what was written and what the answer said before it was changed ({@code earlier}, null
 * when it never was), the kinds of harm in plain words, how it was found, who sent it and why (a person's flag),
 * who opened it, and who handled it, when and what was done.
 */
public record FlaggedText(long id, String surveyTitle, String workshopTitle, String deviceLabel, OffsetDateTime flaggedAt,
                          String body, String earlier, String indicators, List<String> categories, Found found,
                          String sentBy, OffsetDateTime sentAt, String reason, String openedBy, OffsetDateTime openedAt,
                          FlagStatus status, String handledBy, OffsetDateTime handledAt, String note) {

    /** How a flag was found: by the indicator list, by meaning (the model), by both, or sent by a person. */
    public enum Found { LIST, MEANING, BOTH, PERSON }

    public FlaggedText {
        categories = List.copyOf(categories);
    }

    public boolean open() {
        return status == FlagStatus.OPEN;
    }

    public boolean fromWorkshop() {
        return workshopTitle != null;
    }

    /** A person sent it (as well as, or instead of, the detector finding it). */
    public boolean sent() {
        return sentBy != null;
    }
}
