package org.hymnsheet.security;

/** What the audit log records. Names are stored as they are, so never rename one; add new ones at will. */
public enum AuditAction {
    FACTOR_ENROLLED,
    FACTOR_RESET,
    RECOVERY_CODE_USED,
    /** Findings read on the page or its print view; detail: the filter. */
    FINDINGS_VIEWED,
    /** Findings downloaded as CSV; detail: the filter (and the panel, when one panel was downloaded). */
    FINDINGS_EXPORTED_CSV,
    /** The findings report downloaded as PDF; detail: the filter. */
    FINDINGS_EXPORTED_PDF,
    /** A page of the safeguarding queue read; detail: which page. */
    SAFEGUARDING_QUEUE_VIEWED,
    /** A young person's text approved; detail: the text's id, never its words. */
    SURVEY_TEXT_APPROVED,
    SURVEY_TEXT_REJECTED,
    /** A workshop participant's text approved; detail: workshop, kind and ref, never the words. */
    WORKSHOP_TEXT_APPROVED,
    WORKSHOP_TEXT_REJECTED,
    /** A young person's text sent to the safeguarding lead from moderation; detail: the text's and the flag's ids. */
    SURVEY_TEXT_ESCALATED,
    /** A workshop text sent to the safeguarding lead; detail: workshop, kind, ref without the version, flag id. */
    WORKSHOP_TEXT_ESCALATED,
    /** An administrator changed the partnership's retention periods; detail: the periods before and after. */
    RETENTION_PERIODS_CHANGED,
    /**
     * The retention rule deleted data (no actor: the system did it); detail: which survey or workshop (by id), which
     * rule, and how many rows of each kind. Counts only, never anything a young person or participant gave.
     */
    RETENTION_DELETED
}
