package org.hymnsheet.workshops;

/**
 * One input of a stage in one shape for every kind, as participants read it back.
 *
 * @param mine whether the reader made it (others' inputs are readable only once the stage is revealed)
 * @param item what the input is about: a card id, a pulse question id, a need category, a mapping column,
 *             a need id (for dots), or null
 * @param value a position 0..100, a 1..5 answer, a number of dots, or null
 * @param text a sentence, comment, need or note (others' only once approved), or a card's context id
 * @param agencyRef the agency named as influential, or a need's owner agency
 * @param ref the row of a need or note, so a participant can vote on it
 */
public record StageInput(Kind kind, boolean mine, String item, Integer value, String text, Long agencyRef,
                         Long ref, long agencyId, Level level) {

    public enum Kind { FRAMING, INFLUENCE, PLACEMENT, CONTEXT, PULSE, NEED, DOTS, NOTE }
}
