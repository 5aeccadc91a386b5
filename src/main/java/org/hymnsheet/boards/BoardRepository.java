package org.hymnsheet.boards;

import static org.hymnsheet.db.Tables.AGENCY;
import static org.hymnsheet.db.Tables.CARD;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.DOT_VOTE;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.round;
import static org.jooq.impl.DSL.select;

import java.util.List;
import java.util.Map;
import org.hymnsheet.db.tables.Agency;
import org.hymnsheet.workshops.StageKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** The board's figures for one stage, each a GROUP BY; free text only where a facilitator approved it. */
@Repository
class BoardRepository {
    private static final String APPROVED = "APPROVED";

    private final DSLContext db;

    BoardRepository(DSLContext db) {
        this.db = db;
    }

    record AgencyCount(long agencyId, String agency, int count) {}

    record Point(long agencyId, String agency, int position) {}

    /** Participants who have put anything into this stage. */
    int answered(long stageId, StageKind kind) {
        Table<?> t = switch (kind) {
            case FRAMING -> FRAMING_INPUT;
            case VOICE -> INFLUENCE_VOTE;
            case CARD_SORT -> CARD_PLACEMENT;
            case PULSE -> PULSE_ANSWER;
            case NEEDS -> NEED;
            case MAPPING -> MAPPING_NOTE;
        };
        Field<Long> participant = t.field("participant_id", Long.class);
        Field<Long> stage = t.field("stage_id", Long.class);
        if (kind == StageKind.NEEDS) {
            // a participant who only placed dots has answered too
            var people = select(NEED.PARTICIPANT_ID.as("p")).from(NEED).where(NEED.STAGE_ID.eq(stageId))
                    .union(select(DOT_VOTE.PARTICIPANT_ID.as("p")).from(DOT_VOTE).where(DOT_VOTE.STAGE_ID.eq(stageId)))
                    .asTable("people");
            return db.selectCount().from(people).fetchOne(0, int.class);
        }
        return db.select(countDistinct(participant)).from(t).where(stage.eq(stageId)).fetchOne(0, int.class);
    }

    /** Names of the partnership's agencies (speaking turns may name an agency nobody joined as). */
    Map<Long, String> agencyNames(long partnershipId) {
        return db.select(AGENCY.ID, AGENCY.NAME).from(AGENCY).where(AGENCY.PARTNERSHIP_ID.eq(partnershipId))
                .fetchMap(AGENCY.ID, AGENCY.NAME);
    }

    List<Point> framingPoints(long stageId) {
        return db.select(FRAMING_INPUT.AGENCY_ID, AGENCY.NAME, FRAMING_INPUT.POSITION.cast(SQLDataType.INTEGER))
                .from(FRAMING_INPUT).join(AGENCY).on(AGENCY.ID.eq(FRAMING_INPUT.AGENCY_ID))
                .where(FRAMING_INPUT.STAGE_ID.eq(stageId))
                .orderBy(AGENCY.NAME_KEY, FRAMING_INPUT.AGENCY_ID, FRAMING_INPUT.POSITION)
                .fetch(r -> new Point(r.value1(), r.value2(), r.value3()));
    }

    List<String> approvedSentences(long stageId) {
        return db.select(FRAMING_INPUT.SENTENCE).from(FRAMING_INPUT)
                .where(FRAMING_INPUT.STAGE_ID.eq(stageId)).and(FRAMING_INPUT.MODERATION.eq(APPROVED))
                .and(FRAMING_INPUT.SENTENCE.isNotNull())
                .orderBy(FRAMING_INPUT.CREATED_AT, FRAMING_INPUT.PARTICIPANT_ID).fetch(FRAMING_INPUT.SENTENCE);
    }

    /** Votes per agency named as most influential, and (as the last element's complement) the number of voters. */
    List<AgencyCount> influence(long stageId) {
        Agency voted = AGENCY.as("voted");
        return db.select(INFLUENCE_VOTE.VOTED_AGENCY_ID, voted.NAME, count())
                .from(INFLUENCE_VOTE).join(voted).on(voted.ID.eq(INFLUENCE_VOTE.VOTED_AGENCY_ID))
                .where(INFLUENCE_VOTE.STAGE_ID.eq(stageId))
                .groupBy(INFLUENCE_VOTE.VOTED_AGENCY_ID, voted.NAME)
                .fetch(r -> new AgencyCount(r.value1(), r.value2(), r.value3()));
    }

    int voters(long stageId) {
        return db.select(countDistinct(INFLUENCE_VOTE.PARTICIPANT_ID)).from(INFLUENCE_VOTE)
                .where(INFLUENCE_VOTE.STAGE_ID.eq(stageId)).fetchOne(0, int.class);
    }

    /** The workshop's cards with this stage's placements, the widest spread first (unplaced cards last). */
    List<Board.CardSpread> cards(long workshopId, long stageId) {
        Field<Integer> lo = min(CARD_PLACEMENT.POSITION).cast(SQLDataType.INTEGER);
        Field<Integer> hi = max(CARD_PLACEMENT.POSITION).cast(SQLDataType.INTEGER);
        Field<Integer> spread = hi.minus(lo);
        return db.select(CARD.TEXT, count(CARD_PLACEMENT.POSITION),
                        round(avg(CARD_PLACEMENT.POSITION.cast(SQLDataType.DECIMAL(10, 2))), 1), lo, hi, spread)
                .from(CARD).leftJoin(CARD_PLACEMENT)
                .on(CARD_PLACEMENT.CARD_ID.eq(CARD.ID)).and(CARD_PLACEMENT.STAGE_ID.eq(stageId))
                .where(CARD.WORKSHOP_ID.eq(workshopId))
                .groupBy(CARD.ID, CARD.TEXT)
                .orderBy(coalesce(spread, inline(-1)).desc(), CARD.ID)
                .fetch(r -> new Board.CardSpread(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    List<String> approvedComments(long stageId) {
        return db.select(PULSE_ANSWER.COMMENT).from(PULSE_ANSWER)
                .where(PULSE_ANSWER.STAGE_ID.eq(stageId)).and(PULSE_ANSWER.MODERATION.eq(APPROVED))
                .and(PULSE_ANSWER.COMMENT.isNotNull())
                // in the order of their words: the order given would point at whoever answered last
                .orderBy(PULSE_ANSWER.COMMENT, PULSE_ANSWER.QUESTION_ID).fetch(PULSE_ANSWER.COMMENT);
    }

    record Note(String column, String text) {}

    List<Note> approvedNotes(long stageId) {
        return db.select(MAPPING_NOTE.COLUMN_ID, MAPPING_NOTE.TEXT).from(MAPPING_NOTE)
                .where(MAPPING_NOTE.STAGE_ID.eq(stageId)).and(MAPPING_NOTE.MODERATION.eq(APPROVED))
                .orderBy(MAPPING_NOTE.CREATED_AT, MAPPING_NOTE.ID)
                .fetch(r -> new Note(r.value1(), r.value2()));
    }
}
