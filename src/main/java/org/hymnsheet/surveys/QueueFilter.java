package org.hymnsheet.surveys;

/**
 * Which flags of the safeguarding queue a lead reads: by state, and optionally those of one survey or one workshop
 * (at most one of the two is set).
 */
public record QueueFilter(State state, Long surveyId, Long workshopId) {
    public enum State { OPEN, HANDLED, ALL }

    public static final QueueFilter ALL = new QueueFilter(State.ALL, null, null);

    public QueueFilter {
        state = state == null ? State.ALL : state;
        if (surveyId != null && workshopId != null) {
            throw new IllegalArgumentException("A survey or a workshop, not both");
        }
    }

    /** How the audit line names the filter: ids only. */
    String detail() {
        return "state=" + state + (surveyId == null ? "" : " survey=" + surveyId)
                + (workshopId == null ? "" : " workshop=" + workshopId);
    }
}
