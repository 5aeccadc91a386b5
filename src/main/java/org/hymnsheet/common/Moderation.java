package org.hymnsheet.common;

/**
 * Where a piece of free text stands with the facilitator (the {@code moderation} column of answer_text,
 * framing_input, pulse_answer, need and mapping_note): only {@link #APPROVED} text reaches a board, a finding or
 * a record. Shared because surveys, workshops and boards all read it.
 */
public enum Moderation {
    /** Written (or changed) and not yet read by a facilitator. */
    PENDING,
    /** A facilitator let it be shown. */
    APPROVED,
    /** A facilitator kept it off every screen. */
    REJECTED,
    /** A facilitator sent it to the safeguarding lead: like a rejected text, it is never shown. */
    ESCALATED
}
