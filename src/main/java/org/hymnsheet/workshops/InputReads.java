package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.CARD_CONTEXT;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.DOT_VOTE;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.when;

import java.util.List;
import org.hymnsheet.common.Moderation;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Reads a stage's inputs in one UNION ALL query, as {@link StageInput} rows. Whose rows come back is decided here,
 * in SQL: only the reader's own until the stage is revealed; after that everyone's, with others' free text only
 * once a facilitator approved it.
 */
@Repository
class InputReads {
    private final DSLContext db;

    InputReads(DSLContext db) {
        this.db = db;
    }

    List<StageInput> inputs(long stageId, long readerId, boolean revealed) {
        Select<Record> union = part(FRAMING_INPUT, StageInput.Kind.FRAMING, stageId, readerId, revealed,
                castNull(SQLDataType.VARCHAR), FRAMING_INPUT.POSITION, text(FRAMING_INPUT, FRAMING_INPUT.SENTENCE, readerId),
                castNull(SQLDataType.BIGINT), castNull(SQLDataType.BIGINT), noCondition())
                .unionAll(part(INFLUENCE_VOTE, StageInput.Kind.INFLUENCE, stageId, readerId, revealed,
                        castNull(SQLDataType.VARCHAR), castNull(SQLDataType.SMALLINT), castNull(SQLDataType.VARCHAR),
                        INFLUENCE_VOTE.VOTED_AGENCY_ID, castNull(SQLDataType.BIGINT), noCondition()))
                .unionAll(part(CARD_PLACEMENT, StageInput.Kind.PLACEMENT, stageId, readerId, revealed,
                        CARD_PLACEMENT.CARD_ID.cast(SQLDataType.VARCHAR(40)), CARD_PLACEMENT.POSITION,
                        castNull(SQLDataType.VARCHAR), castNull(SQLDataType.BIGINT), CARD_PLACEMENT.CARD_ID, noCondition()))
                .unionAll(part(CARD_CONTEXT, StageInput.Kind.CONTEXT, stageId, readerId, revealed,
                        CARD_CONTEXT.CARD_ID.cast(SQLDataType.VARCHAR(40)), castNull(SQLDataType.SMALLINT),
                        CARD_CONTEXT.CONTEXT_ID, castNull(SQLDataType.BIGINT), CARD_CONTEXT.CARD_ID, noCondition()))
                .unionAll(part(PULSE_ANSWER, StageInput.Kind.PULSE, stageId, readerId, revealed,
                        PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE, text(PULSE_ANSWER, PULSE_ANSWER.COMMENT, readerId),
                        castNull(SQLDataType.BIGINT), castNull(SQLDataType.BIGINT), noCondition()))
                .unionAll(part(NEED, StageInput.Kind.NEED, stageId, readerId, revealed,
                        NEED.CATEGORY, castNull(SQLDataType.SMALLINT), NEED.TEXT, NEED.OWNER_AGENCY_ID, NEED.ID,
                        approvedOrMine(NEED, readerId)))
                .unionAll(part(DOT_VOTE, StageInput.Kind.DOTS, stageId, readerId, revealed,
                        DOT_VOTE.NEED_ID.cast(SQLDataType.VARCHAR(40)), DOT_VOTE.DOTS, castNull(SQLDataType.VARCHAR),
                        castNull(SQLDataType.BIGINT), DOT_VOTE.NEED_ID, noCondition()))
                .unionAll(part(MAPPING_NOTE, StageInput.Kind.NOTE, stageId, readerId, revealed,
                        MAPPING_NOTE.COLUMN_ID, castNull(SQLDataType.SMALLINT), MAPPING_NOTE.TEXT,
                        castNull(SQLDataType.BIGINT), MAPPING_NOTE.ID, approvedOrMine(MAPPING_NOTE, readerId)));
        // in a stable order (by kind, then by who wrote it), so a phone redraws only what changed
        Table<Record> all = union.asTable("i");
        return db.select(all.fields()).from(all)
                .orderBy(all.field("k"), all.field("p"), all.field("item"), all.field("v"), all.field("t"),
                        all.field("ref"))
                .fetch().map(r -> new StageInput(StageInput.Kind.valueOf(r.get(0, String.class)),
                r.get(1, Boolean.class), r.get(2, String.class), r.get(3, Integer.class), r.get(4, String.class),
                r.get(5, Long.class), r.get(6, Long.class), r.get(7, Long.class), Level.valueOf(r.get(8, String.class))));
    }

    /** How many gave each answer to each question of a pulse stage: counts only, never who. */
    List<PulseCount> pulseTotals(long stageId) {
        return db.select(PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE.cast(SQLDataType.INTEGER), DSL.count())
                .from(PULSE_ANSWER).where(PULSE_ANSWER.STAGE_ID.eq(stageId))
                .groupBy(PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE)
                .fetch(r -> new PulseCount(r.value1(), r.value2(), r.value3()));
    }

    record PulseCount(String question, int value, int count) {}

    /** A pulse stage's approved comments, words only, in the order of their words (which points at nobody). */
    List<PulseRoom.Comment> approvedPulseComments(long stageId) {
        return db.select(PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.COMMENT).from(PULSE_ANSWER)
                .where(PULSE_ANSWER.STAGE_ID.eq(stageId)).and(approved(PULSE_ANSWER)).and(PULSE_ANSWER.COMMENT.isNotNull())
                .orderBy(PULSE_ANSWER.COMMENT, PULSE_ANSWER.QUESTION_ID)
                .fetch(r -> new PulseRoom.Comment(r.value1(), r.value2()));
    }

    private Select<Record> part(Table<?> t, StageInput.Kind kind, long stageId, long readerId, boolean revealed,
                                Field<String> item, Field<Short> value, Field<String> text, Field<Long> agencyRef,
                                Field<Long> ref, Condition visible) {
        Field<Long> participant = t.field("participant_id", Long.class);
        // the anonymous pulse: a reader only ever reads their own answers; the room's come as totals (pulseTotals)
        Condition who = revealed && kind != StageInput.Kind.PULSE ? visible : participant.eq(readerId);
        List<SelectField<?>> fields = List.of(inline(kind.name()).cast(SQLDataType.VARCHAR(20)).as("k"),
                DSL.field(participant.eq(readerId)).as("mine"), item.as("item"), value.cast(SQLDataType.INTEGER).as("v"),
                text.as("t"), agencyRef.as("ar"), ref.as("ref"), t.field("agency_id", Long.class).as("ag"),
                t.field("work_level", String.class).as("lvl"),
                (kind == StageInput.Kind.PULSE ? castNull(SQLDataType.BIGINT) : participant).as("p"));
        return db.select(fields).from(t).where(t.field("stage_id", Long.class).eq(stageId)).and(who);
    }

    /** Others' free text is shown only once approved; the writer always sees their own. */
    private static Field<String> text(Table<?> t, Field<String> text, long readerId) {
        return when(t.field("participant_id", Long.class).eq(readerId).or(approved(t)), text)
                .else_(castNull(SQLDataType.VARCHAR));
    }

    private static Condition approvedOrMine(Table<?> t, long readerId) {
        return t.field("participant_id", Long.class).eq(readerId).or(approved(t));
    }

    private static Condition approved(Table<?> t) {
        return t.field("moderation", String.class).eq(Moderation.APPROVED.name());
    }
}
