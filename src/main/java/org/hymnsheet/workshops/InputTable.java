package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.CARD_CONTEXT;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.DOT_VOTE;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.hymnsheet.db.Tables.SPEAKING_TURN;

import java.time.OffsetDateTime;
import org.hymnsheet.common.Moderation;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The columns the workshop input tables share (V0003: every input row carries its participant, the participant's
 * agency and level, its stage and its time), as the generated fields of one table, so a query written once for
 * "an input table" stays typed. One constant per table.
 *
 * @param participantId null for speaking turns, which are tapped by agency, not made by a participant
 * @param moderation null for tables without free text
 * @param at when the row was made (placed, for a card placement; started, for a speaking turn)
 */
record InputTable(Table<?> table, Field<Long> participantId, Field<Long> stageId, Field<Long> agencyId,
                  Field<String> workLevel, Field<Moderation> moderation, Field<OffsetDateTime> at) {
    static final InputTable FRAMING = new InputTable(FRAMING_INPUT, FRAMING_INPUT.PARTICIPANT_ID,
            FRAMING_INPUT.STAGE_ID, FRAMING_INPUT.AGENCY_ID, FRAMING_INPUT.WORK_LEVEL, FRAMING_INPUT.MODERATION,
            FRAMING_INPUT.CREATED_AT);
    static final InputTable INFLUENCE = new InputTable(INFLUENCE_VOTE, INFLUENCE_VOTE.PARTICIPANT_ID,
            INFLUENCE_VOTE.STAGE_ID, INFLUENCE_VOTE.AGENCY_ID, INFLUENCE_VOTE.WORK_LEVEL, null,
            INFLUENCE_VOTE.CREATED_AT);
    static final InputTable PLACEMENT = new InputTable(CARD_PLACEMENT, CARD_PLACEMENT.PARTICIPANT_ID,
            CARD_PLACEMENT.STAGE_ID, CARD_PLACEMENT.AGENCY_ID, CARD_PLACEMENT.WORK_LEVEL, null,
            CARD_PLACEMENT.PLACED_AT);
    static final InputTable CONTEXT = new InputTable(CARD_CONTEXT, CARD_CONTEXT.PARTICIPANT_ID, CARD_CONTEXT.STAGE_ID,
            CARD_CONTEXT.AGENCY_ID, CARD_CONTEXT.WORK_LEVEL, null, CARD_CONTEXT.CREATED_AT);
    static final InputTable PULSE = new InputTable(PULSE_ANSWER, PULSE_ANSWER.PARTICIPANT_ID, PULSE_ANSWER.STAGE_ID,
            PULSE_ANSWER.AGENCY_ID, PULSE_ANSWER.WORK_LEVEL, PULSE_ANSWER.MODERATION, PULSE_ANSWER.CREATED_AT);
    static final InputTable NEEDS = new InputTable(NEED, NEED.PARTICIPANT_ID, NEED.STAGE_ID, NEED.AGENCY_ID,
            NEED.WORK_LEVEL, NEED.MODERATION, NEED.CREATED_AT);
    static final InputTable DOTS = new InputTable(DOT_VOTE, DOT_VOTE.PARTICIPANT_ID, DOT_VOTE.STAGE_ID,
            DOT_VOTE.AGENCY_ID, DOT_VOTE.WORK_LEVEL, null, DOT_VOTE.CREATED_AT);
    static final InputTable NOTES = new InputTable(MAPPING_NOTE, MAPPING_NOTE.PARTICIPANT_ID, MAPPING_NOTE.STAGE_ID,
            MAPPING_NOTE.AGENCY_ID, MAPPING_NOTE.WORK_LEVEL, MAPPING_NOTE.MODERATION, MAPPING_NOTE.CREATED_AT);
    static final InputTable SPEAKING = new InputTable(SPEAKING_TURN, null, SPEAKING_TURN.STAGE_ID,
            SPEAKING_TURN.AGENCY_ID, SPEAKING_TURN.WORK_LEVEL, null, SPEAKING_TURN.STARTED_AT);

    /** The rows a facilitator approved: only their words may be shown to anyone but their writer. */
    Condition approved() {
        if (moderation == null) {
            throw new IllegalStateException(table.getName() + " has no free text to approve");
        }
        return moderation.eq(Moderation.APPROVED);
    }

    /** The rows this participant made. */
    Condition madeBy(long participant) {
        if (participantId == null) {
            throw new IllegalStateException(table.getName() + " has no participant");
        }
        return participantId.eq(participant);
    }
}
