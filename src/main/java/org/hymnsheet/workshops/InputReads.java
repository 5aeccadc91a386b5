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

    // the union's columns: every part selects its own expressions under these names and types
    private static final Field<String> KIND = DSL.field(DSL.name("k"), String.class);
    private static final Field<Boolean> MINE = DSL.field(DSL.name("mine"), Boolean.class);
    private static final Field<String> ITEM = DSL.field(DSL.name("item"), String.class);
    private static final Field<Integer> VALUE = DSL.field(DSL.name("v"), Integer.class);
    private static final Field<String> TEXT = DSL.field(DSL.name("t"), String.class);
    private static final Field<Long> AGENCY_REF = DSL.field(DSL.name("ar"), Long.class);
    private static final Field<Long> REF = DSL.field(DSL.name("ref"), Long.class);
    private static final Field<Long> AGENCY = DSL.field(DSL.name("ag"), Long.class);
    private static final Field<String> LEVEL = DSL.field(DSL.name("lvl"), String.class);
    private static final Field<Long> PARTICIPANT = DSL.field(DSL.name("p"), Long.class);

    List<StageInput> inputs(long stageId, long readerId, boolean revealed) {
        Select<Record> union = part(InputTable.FRAMING, StageInput.Kind.FRAMING, stageId, readerId, revealed,
                castNull(SQLDataType.VARCHAR), FRAMING_INPUT.POSITION, text(InputTable.FRAMING, FRAMING_INPUT.SENTENCE, readerId),
                castNull(SQLDataType.BIGINT), castNull(SQLDataType.BIGINT), noCondition())
                .unionAll(part(InputTable.INFLUENCE, StageInput.Kind.INFLUENCE, stageId, readerId, revealed,
                        castNull(SQLDataType.VARCHAR), castNull(SQLDataType.SMALLINT), castNull(SQLDataType.VARCHAR),
                        INFLUENCE_VOTE.VOTED_AGENCY_ID, castNull(SQLDataType.BIGINT), noCondition()))
                .unionAll(part(InputTable.PLACEMENT, StageInput.Kind.PLACEMENT, stageId, readerId, revealed,
                        CARD_PLACEMENT.CARD_ID.cast(SQLDataType.VARCHAR(40)), CARD_PLACEMENT.POSITION,
                        castNull(SQLDataType.VARCHAR), castNull(SQLDataType.BIGINT), CARD_PLACEMENT.CARD_ID, noCondition()))
                .unionAll(part(InputTable.CONTEXT, StageInput.Kind.CONTEXT, stageId, readerId, revealed,
                        CARD_CONTEXT.CARD_ID.cast(SQLDataType.VARCHAR(40)), castNull(SQLDataType.SMALLINT),
                        CARD_CONTEXT.CONTEXT_ID, castNull(SQLDataType.BIGINT), CARD_CONTEXT.CARD_ID, noCondition()))
                .unionAll(part(InputTable.PULSE, StageInput.Kind.PULSE, stageId, readerId, revealed,
                        PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE, text(InputTable.PULSE, PULSE_ANSWER.COMMENT, readerId),
                        castNull(SQLDataType.BIGINT), castNull(SQLDataType.BIGINT), noCondition()))
                .unionAll(part(InputTable.NEEDS, StageInput.Kind.NEED, stageId, readerId, revealed,
                        NEED.CATEGORY, castNull(SQLDataType.SMALLINT), NEED.TEXT, NEED.OWNER_AGENCY_ID, NEED.ID,
                        approvedOrMine(InputTable.NEEDS, readerId)))
                .unionAll(part(InputTable.DOTS, StageInput.Kind.DOTS, stageId, readerId, revealed,
                        DOT_VOTE.NEED_ID.cast(SQLDataType.VARCHAR(40)), DOT_VOTE.DOTS, castNull(SQLDataType.VARCHAR),
                        castNull(SQLDataType.BIGINT), DOT_VOTE.NEED_ID, noCondition()))
                .unionAll(part(InputTable.NOTES, StageInput.Kind.NOTE, stageId, readerId, revealed,
                        MAPPING_NOTE.COLUMN_ID, castNull(SQLDataType.SMALLINT), MAPPING_NOTE.TEXT,
                        castNull(SQLDataType.BIGINT), MAPPING_NOTE.ID, approvedOrMine(InputTable.NOTES, readerId)));
        // in a stable order (by kind, then by who wrote it), so a phone redraws only what changed
        Table<Record> all = union.asTable("i");
        return db.select(all.fields()).from(all)
                .orderBy(all.field(KIND), all.field(PARTICIPANT), all.field(ITEM), all.field(VALUE), all.field(TEXT),
                        all.field(REF))
                .fetch(r -> new StageInput(StageInput.Kind.valueOf(r.get(KIND)), r.get(MINE), r.get(ITEM), r.get(VALUE),
                        r.get(TEXT), r.get(AGENCY_REF), r.get(REF), r.get(AGENCY), Level.valueOf(r.get(LEVEL))));
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
                .where(PULSE_ANSWER.STAGE_ID.eq(stageId)).and(InputTable.PULSE.approved()).and(PULSE_ANSWER.COMMENT.isNotNull())
                .orderBy(PULSE_ANSWER.COMMENT, PULSE_ANSWER.QUESTION_ID)
                .fetch(r -> new PulseRoom.Comment(r.value1(), r.value2()));
    }

    private Select<Record> part(InputTable t, StageInput.Kind kind, long stageId, long readerId, boolean revealed,
                                Field<String> item, Field<Short> value, Field<String> text, Field<Long> agencyRef,
                                Field<Long> ref, Condition visible) {
        // the anonymous pulse: a reader only ever reads their own answers; the room's come as totals (pulseTotals)
        Condition who = revealed && kind != StageInput.Kind.PULSE ? visible : t.madeBy(readerId);
        List<SelectField<?>> fields = List.of(inline(kind.name()).cast(SQLDataType.VARCHAR(20)).as(KIND),
                DSL.field(t.madeBy(readerId)).as(MINE), item.as(ITEM), value.cast(SQLDataType.INTEGER).as(VALUE),
                text.as(TEXT), agencyRef.as(AGENCY_REF), ref.as(REF), t.agencyId().as(AGENCY), t.workLevel().as(LEVEL),
                (kind == StageInput.Kind.PULSE ? castNull(SQLDataType.BIGINT) : t.participantId()).as(PARTICIPANT));
        return db.select(fields).from(t.table()).where(t.stageId().eq(stageId)).and(who);
    }

    /** Others' free text is shown only once approved; the writer always sees their own. */
    private static Field<String> text(InputTable t, Field<String> text, long readerId) {
        return when(approvedOrMine(t, readerId), text).else_(castNull(SQLDataType.VARCHAR));
    }

    private static Condition approvedOrMine(InputTable t, long readerId) {
        return t.madeBy(readerId).or(t.approved());
    }
}
