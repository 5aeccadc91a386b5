package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.AGENCY;
import static org.hymnsheet.db.Tables.CARD;
import static org.hymnsheet.db.Tables.CARD_CONTEXT;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.DOT_VOTE;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.hymnsheet.db.Tables.SPEAKING_TURN;
import static org.hymnsheet.db.Tables.WORKSHOP_STAGE;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.extract;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.round;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hymnsheet.db.tables.Agency;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record9;
import org.jooq.Records;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** The workshop record's counts, each one GROUP BY; free text only where a facilitator approved it. */
@Repository
class RecordRepository {
    private final DSLContext db;

    RecordRepository(DSLContext db) {
        this.db = db;
    }

    List<WorkshopRecord.ApprovedText> sentences(long workshopId) {
        return approved(workshopId, InputTable.FRAMING, castNull(SQLDataType.VARCHAR), FRAMING_INPUT.SENTENCE,
                FRAMING_INPUT.SENTENCE.isNotNull());
    }

    /** The anonymous pulse's approved comments: words only, in the order of their words. */
    List<WorkshopRecord.AnonymousText> comments(long workshopId) {
        return db.select(WORKSHOP_STAGE.POSITION, PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.COMMENT)
                .from(PULSE_ANSWER).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(PULSE_ANSWER.STAGE_ID))
                .where(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId))
                .and(InputTable.PULSE.approved()).and(PULSE_ANSWER.COMMENT.isNotNull())
                .orderBy(WORKSHOP_STAGE.POSITION, PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.COMMENT)
                .fetch(r -> new WorkshopRecord.AnonymousText(r.value1(), r.value2(), r.value3()));
    }

    List<WorkshopRecord.ApprovedText> notes(long workshopId) {
        return approved(workshopId, InputTable.NOTES, MAPPING_NOTE.COLUMN_ID, MAPPING_NOTE.TEXT,
                MAPPING_NOTE.TEXT.isNotNull());
    }

    private List<WorkshopRecord.ApprovedText> approved(long workshopId, InputTable t, Field<String> item,
                                                       Field<String> text, Condition has) {
        return db.select(WORKSHOP_STAGE.POSITION, AGENCY.NAME, t.workLevel(), item, text, t.at())
                .from(t.table()).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(t.stageId()))
                .join(AGENCY).on(AGENCY.ID.eq(t.agencyId()))
                .where(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId))
                .and(t.approved()).and(has)
                .orderBy(WORKSHOP_STAGE.POSITION, AGENCY.NAME_KEY, t.at())
                .fetch(r -> new WorkshopRecord.ApprovedText(r.value1(), r.value2(), Level.valueOf(r.value3()),
                        r.value4(), r.value5(), r.value6().toInstant()));
    }

    List<WorkshopRecord.Influence> influence(long workshopId) {
        Agency voted = AGENCY.as("voted");
        return db.select(WORKSHOP_STAGE.POSITION, INFLUENCE_VOTE.VOTED_AGENCY_ID, voted.NAME, count())
                .from(INFLUENCE_VOTE).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(INFLUENCE_VOTE.STAGE_ID))
                .join(voted).on(voted.ID.eq(INFLUENCE_VOTE.VOTED_AGENCY_ID))
                .where(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId))
                .groupBy(WORKSHOP_STAGE.POSITION, INFLUENCE_VOTE.VOTED_AGENCY_ID, voted.NAME, voted.NAME_KEY)
                .orderBy(WORKSHOP_STAGE.POSITION, count().desc(), voted.NAME_KEY)
                .fetch(r -> new WorkshopRecord.Influence(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Every card of the workshop, the ones the room disagrees on most first. */
    List<WorkshopRecord.CardSpread> cards(long workshopId) {
        Field<Integer> lo = min(CARD_PLACEMENT.POSITION).cast(SQLDataType.INTEGER);
        Field<Integer> hi = max(CARD_PLACEMENT.POSITION).cast(SQLDataType.INTEGER);
        Field<Integer> spread = hi.minus(lo);
        return db.select(CARD.ID, CARD.TEXT, count(CARD_PLACEMENT.POSITION),
                        round(avg(CARD_PLACEMENT.POSITION.cast(SQLDataType.DECIMAL(10, 2))), 1), lo, hi, spread)
                .from(CARD).leftJoin(CARD_PLACEMENT).on(CARD_PLACEMENT.CARD_ID.eq(CARD.ID))
                .where(CARD.WORKSHOP_ID.eq(workshopId))
                .groupBy(CARD.ID, CARD.TEXT)
                .orderBy(coalesce(spread, inline(-1)).desc(), CARD.ID)
                .fetch(r -> new WorkshopRecord.CardSpread(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7()));
    }

    List<WorkshopRecord.ContextCount> contexts(long workshopId) {
        return db.select(CARD.ID, CARD.TEXT, CARD_CONTEXT.CONTEXT_ID, count())
                .from(CARD_CONTEXT).join(CARD).on(CARD.ID.eq(CARD_CONTEXT.CARD_ID))
                .where(CARD.WORKSHOP_ID.eq(workshopId))
                .groupBy(CARD.ID, CARD.TEXT, CARD_CONTEXT.CONTEXT_ID)
                .orderBy(CARD.ID, count().desc(), CARD_CONTEXT.CONTEXT_ID)
                .fetch(r -> new WorkshopRecord.ContextCount(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Every stored input and speaking turn as one line, in the order they were made. */
    List<WorkshopRecord.Line> lines(long workshopId) {
        Agency voted = AGENCY.as("voted");
        Condition inWorkshop = WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId);
        Field<Integer> seconds = extract(SPEAKING_TURN.ENDED_AT, DatePart.EPOCH).coerce(BigDecimal.class)
                .minus(extract(SPEAKING_TURN.STARTED_AT, DatePart.EPOCH).coerce(BigDecimal.class))
                .cast(SQLDataType.DECIMAL(20, 3)).cast(SQLDataType.INTEGER);
        Select<Record9<Integer, String, String, String, String, String, Integer, String, OffsetDateTime>> union = part("FRAMING", InputTable.FRAMING, FRAMING_INPUT, none(), FRAMING_INPUT.POSITION.cast(SQLDataType.INTEGER),
                        approvedText(InputTable.FRAMING, FRAMING_INPUT.SENTENCE), inWorkshop, false)
                .unionAll(part("INFLUENCE", InputTable.INFLUENCE,
                        INFLUENCE_VOTE.join(voted).on(voted.ID.eq(INFLUENCE_VOTE.VOTED_AGENCY_ID)),
                        voted.NAME, castNull(SQLDataType.INTEGER), none(), inWorkshop, false))
                .unionAll(part("PLACEMENT", InputTable.PLACEMENT, CARD_PLACEMENT.join(CARD).on(CARD.ID.eq(CARD_PLACEMENT.CARD_ID)),
                        CARD.TEXT, CARD_PLACEMENT.POSITION.cast(SQLDataType.INTEGER), none(), inWorkshop, false))
                .unionAll(part("CONTEXT", InputTable.CONTEXT, CARD_CONTEXT.join(CARD).on(CARD.ID.eq(CARD_CONTEXT.CARD_ID)),
                        CARD.TEXT, castNull(SQLDataType.INTEGER), CARD_CONTEXT.CONTEXT_ID, inWorkshop, false))
                .unionAll(part("NEED", InputTable.NEEDS, NEED, NEED.CATEGORY, castNull(SQLDataType.INTEGER),
                        approvedText(InputTable.NEEDS, NEED.TEXT), inWorkshop, false))
                // a dot's line names the need it went on: the need's words, once approved
                .unionAll(part("DOTS", InputTable.DOTS, DOT_VOTE.join(NEED).on(NEED.ID.eq(DOT_VOTE.NEED_ID)),
                        approvedText(InputTable.NEEDS, NEED.TEXT), DOT_VOTE.DOTS.cast(SQLDataType.INTEGER), none(),
                        inWorkshop, false))
                .unionAll(part("NOTE", InputTable.NOTES, MAPPING_NOTE, MAPPING_NOTE.COLUMN_ID, castNull(SQLDataType.INTEGER),
                        approvedText(InputTable.NOTES, MAPPING_NOTE.TEXT), inWorkshop, false))
                .unionAll(part("SPEAKING", InputTable.SPEAKING, SPEAKING_TURN, none(), seconds, none(),
                        SPEAKING_TURN.WORKSHOP_ID.eq(workshopId), true));
        var lines = new ArrayList<WorkshopRecord.Line>(db.fetch(union).map(Records.mapping(
                (stage, title, kind, agency, level, item, value, text, at) -> new WorkshopRecord.Line(stage, title, kind,
                        agency, level == null ? null : Level.valueOf(level), item, value, text, at.toInstant(), null))));
        lines.addAll(pulseLines(workshopId));
        // the anonymous pulse has no time, so it comes last, by stage, question and answer, and comments by their words
        Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
        lines.sort(Comparator.comparing(WorkshopRecord.Line::at, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(WorkshopRecord.Line::stage, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(WorkshopRecord.Line::kind)
                .thenComparing(WorkshopRecord.Line::item, text)
                .thenComparing(WorkshopRecord.Line::value, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(WorkshopRecord.Line::text, text));
        return lines;
    }

    /** The anonymous pulse as CSV lines: how many gave each answer, and approved comments on their own. */
    private List<WorkshopRecord.Line> pulseLines(long workshopId) {
        var lines = new ArrayList<WorkshopRecord.Line>(db.select(WORKSHOP_STAGE.POSITION, WORKSHOP_STAGE.TITLE,
                        PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE.cast(SQLDataType.INTEGER), count())
                .from(PULSE_ANSWER).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(PULSE_ANSWER.STAGE_ID))
                .where(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId))
                .groupBy(WORKSHOP_STAGE.POSITION, WORKSHOP_STAGE.TITLE, PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE)
                .fetch(r -> new WorkshopRecord.Line(r.value1(), r.value2(), "PULSE", null, null, r.value3(), r.value4(),
                        null, null, r.value5())));
        lines.addAll(db.select(WORKSHOP_STAGE.POSITION, WORKSHOP_STAGE.TITLE, PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.COMMENT)
                .from(PULSE_ANSWER).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(PULSE_ANSWER.STAGE_ID))
                .where(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId))
                .and(InputTable.PULSE.approved()).and(PULSE_ANSWER.COMMENT.isNotNull())
                .fetch(r -> new WorkshopRecord.Line(r.value1(), r.value2(), "PULSE_COMMENT", null, null, r.value3(), null,
                        r.value4(), null, null)));
        return lines;
    }

    private Select<Record9<Integer, String, String, String, String, String, Integer, String, OffsetDateTime>> part(String kind, InputTable t, TableLike<?> from, Field<String> item, Field<Integer> value,
                                Field<String> text, Condition where, boolean stageOptional) {
        Table<?> joined = from.asTable();
        var stageJoin = stageOptional
                ? joined.leftJoin(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(t.stageId()))
                : joined.join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(t.stageId()));
        return db.select(WORKSHOP_STAGE.POSITION, WORKSHOP_STAGE.TITLE, inline(kind).cast(SQLDataType.VARCHAR(20)),
                        AGENCY.NAME, t.workLevel().cast(SQLDataType.VARCHAR(20)),
                        item.cast(SQLDataType.VARCHAR(1000)), value, text.cast(SQLDataType.VARCHAR(1000)), t.at())
                .from(stageJoin.join(AGENCY).on(AGENCY.ID.eq(t.agencyId())))
                .where(where);
    }

    private static Field<String> approvedText(InputTable t, Field<String> text) {
        return when(t.approved(), text).else_(castNull(SQLDataType.VARCHAR));
    }

    private static Field<String> none() {
        return castNull(SQLDataType.VARCHAR);
    }
}
