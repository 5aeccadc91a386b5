package org.hymnsheet.surveys;

/** A survey or a workshop that has flags in the safeguarding queue, for the lead's filter. */
public record QueueSource(Long surveyId, Long workshopId, String title) {
    public boolean workshop() {
        return workshopId != null;
    }
}
