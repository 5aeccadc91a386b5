package org.hymnsheet.retention;

/**
 * How long a partnership keeps what people gave it: survey responses for {@code surveyDays} after the survey closes,
 * workshop inputs for {@code workshopDays} after the workshop ends.
 */
public record RetentionPeriods(int surveyDays, int workshopDays) {
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3650;
    public static final int DEFAULT_DAYS = 365;
}
