package org.hymnsheet.boards;

import static org.hymnsheet.db.Tables.AGENCY;
import static org.hymnsheet.db.Tables.CARD;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.PARTICIPANT;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.round;
import static org.jooq.impl.DSL.select;

import java.math.BigDecimal;
import java.util.List;
import org.hymnsheet.common.Moderation;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** The board's figures for one stage, each a GROUP BY; free text only where a facilitator approved it. */
@Repository
class BoardRepository {
    private final DSLContext db;

    BoardRepository(DSLContext db) {
        this.db = db;
    }

    record AgencyRow(long id, String name, String shortName, int people) {}

    record Point(long agencyId, int position, BigDecimal mean) {}

    record Votes(long agencyId, int votes, int voters) {}

    /**
     * The partnership's agencies with their short names and how many of each joined this workshop (0: absent), by
     * name: who is present, and the names speaking turns and votes may point at.
     */
    List<AgencyRow> agencies(long partnershipId, long workshopId) {
        Field<Integer> people = count(PARTICIPANT.ID);
        return db.select(AGENCY.ID, AGENCY.NAME, AGENCY.SHORT_NAME, people)
                .from(AGENCY).leftJoin(PARTICIPANT).on(PARTICIPANT.AGENCY_ID.eq(AGENCY.ID))
                .and(PARTICIPANT.WORKSHOP_ID.eq(workshopId))
                .where(AGENCY.PARTNERSHIP_ID.eq(partnershipId))
                .groupBy(AGENCY.ID, AGENCY.NAME, AGENCY.SHORT_NAME, AGENCY.NAME_KEY)
                .orderBy(AGENCY.NAME_KEY, AGENCY.ID)
                .fetch(Records.mapping(AgencyRow::new));
    }

    /** Every framing position by agency (agencies by name), each with its agency's mean, in one read. */
    List<Point> framingPoints(long stageId) {
        Field<Integer> position = FRAMING_INPUT.POSITION.cast(SQLDataType.INTEGER);
        Field<BigDecimal> mean = round(avg(FRAMING_INPUT.POSITION.cast(SQLDataType.DECIMAL(10, 2)))
                .over().partitionBy(FRAMING_INPUT.AGENCY_ID), 1);
        return db.select(FRAMING_INPUT.AGENCY_ID, position, mean)
                .from(FRAMING_INPUT).join(AGENCY).on(AGENCY.ID.eq(FRAMING_INPUT.AGENCY_ID))
                .where(FRAMING_INPUT.STAGE_ID.eq(stageId))
                .orderBy(AGENCY.NAME_KEY, FRAMING_INPUT.AGENCY_ID, FRAMING_INPUT.POSITION)
                .fetch(Records.mapping(Point::new));
    }

    List<String> approvedSentences(long stageId) {
        return db.select(FRAMING_INPUT.SENTENCE).from(FRAMING_INPUT)
                .where(FRAMING_INPUT.STAGE_ID.eq(stageId)).and(FRAMING_INPUT.MODERATION.eq(Moderation.APPROVED))
                .and(FRAMING_INPUT.SENTENCE.isNotNull())
                .orderBy(FRAMING_INPUT.CREATED_AT, FRAMING_INPUT.PARTICIPANT_ID).fetch(FRAMING_INPUT.SENTENCE);
    }

    /** Votes per agency named as most influential, each row with the number of people who voted at all. */
    List<Votes> influence(long stageId) {
        Field<Integer> voters = field(select(countDistinct(INFLUENCE_VOTE.PARTICIPANT_ID)).from(INFLUENCE_VOTE)
                .where(INFLUENCE_VOTE.STAGE_ID.eq(stageId)));
        return db.select(INFLUENCE_VOTE.VOTED_AGENCY_ID, count(), voters)
                .from(INFLUENCE_VOTE).where(INFLUENCE_VOTE.STAGE_ID.eq(stageId))
                .groupBy(INFLUENCE_VOTE.VOTED_AGENCY_ID)
                .fetch(Records.mapping(Votes::new));
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
                .fetch(Records.mapping(Board.CardSpread::new));
    }

    List<String> approvedComments(long stageId) {
        return db.select(PULSE_ANSWER.COMMENT).from(PULSE_ANSWER)
                .where(PULSE_ANSWER.STAGE_ID.eq(stageId)).and(PULSE_ANSWER.MODERATION.eq(Moderation.APPROVED))
                .and(PULSE_ANSWER.COMMENT.isNotNull())
                // in the order of their words: the order given would point at whoever answered last
                .orderBy(PULSE_ANSWER.COMMENT, PULSE_ANSWER.QUESTION_ID).fetch(PULSE_ANSWER.COMMENT);
    }

    record Note(String column, String text) {}

    List<Note> approvedNotes(long stageId) {
        return db.select(MAPPING_NOTE.COLUMN_ID, MAPPING_NOTE.TEXT).from(MAPPING_NOTE)
                .where(MAPPING_NOTE.STAGE_ID.eq(stageId)).and(MAPPING_NOTE.MODERATION.eq(Moderation.APPROVED))
                .orderBy(MAPPING_NOTE.CREATED_AT, MAPPING_NOTE.ID)
                .fetch(Records.mapping(Note::new));
    }
}
