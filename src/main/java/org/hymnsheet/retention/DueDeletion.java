package org.hymnsheet.retention;

import java.time.Instant;

/**
 * A closed survey or an ended workshop whose data the retention rule will delete: when it closed or ended, when the
 * data goes, and how much is held now (submitted and unfinished responses, or participants).
 */
public record DueDeletion(Kind kind, long id, String title, Instant since, Instant deleteAt, int held) {
    public enum Kind { SURVEY, WORKSHOP }
}
