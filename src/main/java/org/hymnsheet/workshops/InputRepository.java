package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.DOT_VOTE;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.sum;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.db.tables.records.DotVoteRecord;
import org.hymnsheet.db.tables.records.InfluenceVoteRecord;
import org.hymnsheet.db.tables.records.PulseAnswerRecord;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record2;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.springframework.stereotype.Repository;

/** Writes participants' inputs. Keyed inputs are upserts on their primary key, so a retry never duplicates. */
@Repository
class InputRepository {
    /** Who made an input: stored on every input row with the input. */
    record Author(long participantId, long agencyId, Level level) {
        static Author of(Participant p) {
            return new Author(p.id(), p.agencyId(), p.level());
        }
    }

    /** A need as dot voting needs it: its stage and whether the room may see it. */
    record NeedRow(long id, long stageId, Moderation moderation) {}

    private final DSLContext db;
    private final Clock clock;

    InputRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void framing(Author by, long stageId, int position, String sentence) {
        OffsetDateTime now = now();
        Moderation moderation = moderationAfter(db.select(FRAMING_INPUT.SENTENCE, FRAMING_INPUT.MODERATION).from(FRAMING_INPUT)
                .where(FRAMING_INPUT.PARTICIPANT_ID.eq(by.participantId()).and(FRAMING_INPUT.STAGE_ID.eq(stageId)))
                .forUpdate().fetchOptional(), sentence);
        db.insertInto(FRAMING_INPUT)
                .set(FRAMING_INPUT.PARTICIPANT_ID, by.participantId()).set(FRAMING_INPUT.STAGE_ID, stageId)
                .set(FRAMING_INPUT.AGENCY_ID, by.agencyId()).set(FRAMING_INPUT.WORK_LEVEL, by.level().name())
                .set(FRAMING_INPUT.POSITION, (short) position).set(FRAMING_INPUT.SENTENCE, sentence)
                .set(FRAMING_INPUT.MODERATION, moderation).set(FRAMING_INPUT.CREATED_AT, now)
                .onConflict(FRAMING_INPUT.PARTICIPANT_ID, FRAMING_INPUT.STAGE_ID).doUpdate()
                .set(FRAMING_INPUT.POSITION, (short) position).set(FRAMING_INPUT.SENTENCE, sentence)
                .set(FRAMING_INPUT.MODERATION, moderation)
                .set(FRAMING_INPUT.CREATED_AT, now)
                .execute();
    }

    /**
     * The decision a text keeps when its input is saved again: unchanged words keep theirs (moving a slider does
     * not send approved words back to the queue); changed words are new text and wait for the facilitator again.
     * The row is read locked, so a facilitator's decision on it lands wholly before or after this save.
     */
    private static Moderation moderationAfter(Optional<? extends Record2<String, Moderation>> before, String text) {
        return before.filter(b -> Objects.equals(b.value1(), text)).map(Record2::value2).orElse(Moderation.PENDING);
    }

    void influence(Author by, long stageId, Collection<Long> agencyIds) {
        db.deleteFrom(INFLUENCE_VOTE).where(INFLUENCE_VOTE.PARTICIPANT_ID.eq(by.participantId())
                .and(INFLUENCE_VOTE.STAGE_ID.eq(stageId))).execute();
        if (agencyIds.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        allRows(db, INFLUENCE_VOTE, agencyIds.stream().map(agency -> {
            var row = new InfluenceVoteRecord();
            row.setParticipantId(by.participantId());
            row.setStageId(stageId);
            row.setAgencyId(by.agencyId());
            row.setWorkLevel(by.level().name());
            row.setVotedAgencyId(agency);
            row.setCreatedAt(now);
            return row;
        }).toList()).execute();
    }

    /**
     * A pulse screen's answers in one upsert (INSERT … ON CONFLICT on PostgreSQL, MERGE on H2): one statement
     * for all the rows, after one locked read of the earlier comments (whose words decide each comment's moderation).
     */
    void pulse(Author by, long stageId, List<InputService.PulseAnswer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        Map<String, Record2<String, Moderation>> before = db.select(PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.COMMENT,
                        PULSE_ANSWER.MODERATION).from(PULSE_ANSWER)
                .where(PULSE_ANSWER.PARTICIPANT_ID.eq(by.participantId()).and(PULSE_ANSWER.STAGE_ID.eq(stageId)))
                .forUpdate()
                .fetchMap(PULSE_ANSWER.QUESTION_ID, r -> r.into(PULSE_ANSWER.COMMENT, PULSE_ANSWER.MODERATION));
        OffsetDateTime now = now();
        List<PulseAnswerRecord> rows = answers.stream().map(a -> {
            var row = new PulseAnswerRecord();
            row.setParticipantId(by.participantId());
            row.setStageId(stageId);
            row.setAgencyId(by.agencyId());
            row.setWorkLevel(by.level().name());
            row.setQuestionId(a.questionId());
            row.setScaleValue((short) a.value());
            row.setComment(a.comment());
            row.setModeration(moderationAfter(Optional.ofNullable(before.get(a.questionId())), a.comment()));
            row.setCreatedAt(now);
            return row;
        }).toList();
        allRows(db, PULSE_ANSWER, rows)
                .onConflict(PULSE_ANSWER.PARTICIPANT_ID, PULSE_ANSWER.STAGE_ID, PULSE_ANSWER.QUESTION_ID).doUpdate()
                .set(PULSE_ANSWER.SCALE_VALUE, excluded(PULSE_ANSWER.SCALE_VALUE))
                .set(PULSE_ANSWER.COMMENT, excluded(PULSE_ANSWER.COMMENT))
                .set(PULSE_ANSWER.MODERATION, excluded(PULSE_ANSWER.MODERATION))
                .set(PULSE_ANSWER.CREATED_AT, excluded(PULSE_ANSWER.CREATED_AT))
                .execute();
    }

    /**
     * Stores a need once per id its phone made: sent again (a double tap, a retry after a lost connection or a
     * restarted server), the need already stored is kept and its id returned.
     */
    long need(Author by, long stageId, String text, Long ownerAgencyId, String category, String clientId) {
        db.insertInto(NEED).set(NEED.PARTICIPANT_ID, by.participantId()).set(NEED.STAGE_ID, stageId)
                .set(NEED.AGENCY_ID, by.agencyId()).set(NEED.WORK_LEVEL, by.level().name()).set(NEED.TEXT, text)
                .set(NEED.OWNER_AGENCY_ID, ownerAgencyId).set(NEED.CATEGORY, category).set(NEED.CREATED_AT, now())
                .set(NEED.CLIENT_ID, clientId)
                .onConflict(NEED.PARTICIPANT_ID, NEED.CLIENT_ID).doNothing().execute();
        return db.select(NEED.ID).from(NEED)
                .where(NEED.PARTICIPANT_ID.eq(by.participantId()).and(NEED.CLIENT_ID.eq(clientId))).fetchOne(NEED.ID);
    }

    List<NeedRow> findNeeds(Collection<Long> needIds) {
        return db.select(NEED.ID, NEED.STAGE_ID, NEED.MODERATION).from(NEED).where(NEED.ID.in(needIds))
                .fetch(Records.mapping(NeedRow::new));
    }

    /** Dots this participant has put on the stage's needs, not counting those on {@code exceptNeedIds}. */
    int dotsUsed(long participantId, long stageId, Collection<Long> exceptNeedIds) {
        return db.select(coalesce(sum(DOT_VOTE.DOTS), java.math.BigDecimal.ZERO)).from(DOT_VOTE)
                .where(DOT_VOTE.PARTICIPANT_ID.eq(participantId).and(DOT_VOTE.STAGE_ID.eq(stageId))
                        .and(DOT_VOTE.NEED_ID.notIn(exceptNeedIds)))
                .fetchOne().value1().intValue();
    }

    /** Sets the dots on these needs: one delete for the needs left with none, one upsert for the rest. */
    void dots(Author by, long stageId, Map<Long, Integer> dotsByNeed) {
        List<Long> none = dotsByNeed.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        if (!none.isEmpty()) {
            db.deleteFrom(DOT_VOTE).where(DOT_VOTE.PARTICIPANT_ID.eq(by.participantId()).and(DOT_VOTE.NEED_ID.in(none)))
                    .execute();
        }
        OffsetDateTime now = now();
        List<DotVoteRecord> rows = dotsByNeed.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> {
            var row = new DotVoteRecord();
            row.setParticipantId(by.participantId());
            row.setNeedId(e.getKey());
            row.setStageId(stageId);
            row.setAgencyId(by.agencyId());
            row.setWorkLevel(by.level().name());
            row.setDots(e.getValue().shortValue());
            row.setCreatedAt(now);
            return row;
        }).toList();
        if (rows.isEmpty()) {
            return;
        }
        allRows(db, DOT_VOTE, rows).onConflict(DOT_VOTE.PARTICIPANT_ID, DOT_VOTE.NEED_ID).doUpdate()
                .set(DOT_VOTE.DOTS, excluded(DOT_VOTE.DOTS)).set(DOT_VOTE.CREATED_AT, excluded(DOT_VOTE.CREATED_AT))
                .execute();
    }

    /** Stores a note once per id its phone made, like {@link #need}. */
    long note(Author by, long stageId, String columnId, String text, String clientId) {
        db.insertInto(MAPPING_NOTE).set(MAPPING_NOTE.PARTICIPANT_ID, by.participantId())
                .set(MAPPING_NOTE.STAGE_ID, stageId).set(MAPPING_NOTE.AGENCY_ID, by.agencyId())
                .set(MAPPING_NOTE.WORK_LEVEL, by.level().name()).set(MAPPING_NOTE.COLUMN_ID, columnId)
                .set(MAPPING_NOTE.TEXT, text).set(MAPPING_NOTE.CREATED_AT, now()).set(MAPPING_NOTE.CLIENT_ID, clientId)
                .onConflict(MAPPING_NOTE.PARTICIPANT_ID, MAPPING_NOTE.CLIENT_ID).doNothing().execute();
        return db.select(MAPPING_NOTE.ID).from(MAPPING_NOTE)
                .where(MAPPING_NOTE.PARTICIPANT_ID.eq(by.participantId()).and(MAPPING_NOTE.CLIENT_ID.eq(clientId)))
                .fetchOne(MAPPING_NOTE.ID);
    }

    /** One INSERT of all these rows (a multi-row VALUES); {@code rows} must not be empty. */
    static <R extends TableRecord<R>> InsertSetMoreStep<R> allRows(DSLContext db, Table<R> table, List<R> rows) {
        InsertSetMoreStep<R> insert = db.insertInto(table).set(rows.getFirst());
        for (R row : rows.subList(1, rows.size())) {
            insert = insert.newRecord().set(row);
        }
        return insert;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
