package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.DOT_VOTE;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.sum;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;
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
    record NeedRow(long id, long stageId, String moderation) {}

    private final DSLContext db;
    private final Clock clock;

    InputRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void framing(Author by, long stageId, int position, String sentence) {
        OffsetDateTime now = now();
        String moderation = moderationAfter(db.select(FRAMING_INPUT.SENTENCE, FRAMING_INPUT.MODERATION).from(FRAMING_INPUT)
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
    private static String moderationAfter(Optional<? extends Record2<String, String>> before, String text) {
        return before.filter(b -> Objects.equals(b.value1(), text)).map(Record2::value2).orElse("PENDING");
    }

    void influence(Author by, long stageId, Collection<Long> agencyIds) {
        db.deleteFrom(INFLUENCE_VOTE).where(INFLUENCE_VOTE.PARTICIPANT_ID.eq(by.participantId())
                .and(INFLUENCE_VOTE.STAGE_ID.eq(stageId))).execute();
        OffsetDateTime now = now();
        for (long agency : agencyIds) {
            db.insertInto(INFLUENCE_VOTE).set(INFLUENCE_VOTE.PARTICIPANT_ID, by.participantId())
                    .set(INFLUENCE_VOTE.STAGE_ID, stageId).set(INFLUENCE_VOTE.AGENCY_ID, by.agencyId())
                    .set(INFLUENCE_VOTE.WORK_LEVEL, by.level().name()).set(INFLUENCE_VOTE.VOTED_AGENCY_ID, agency)
                    .set(INFLUENCE_VOTE.CREATED_AT, now).execute();
        }
    }

    void pulse(Author by, long stageId, String questionId, int value, String comment) {
        OffsetDateTime now = now();
        String moderation = moderationAfter(db.select(PULSE_ANSWER.COMMENT, PULSE_ANSWER.MODERATION).from(PULSE_ANSWER)
                .where(PULSE_ANSWER.PARTICIPANT_ID.eq(by.participantId()).and(PULSE_ANSWER.STAGE_ID.eq(stageId))
                        .and(PULSE_ANSWER.QUESTION_ID.eq(questionId)))
                .forUpdate().fetchOptional(), comment);
        db.insertInto(PULSE_ANSWER)
                .set(PULSE_ANSWER.PARTICIPANT_ID, by.participantId()).set(PULSE_ANSWER.STAGE_ID, stageId)
                .set(PULSE_ANSWER.AGENCY_ID, by.agencyId()).set(PULSE_ANSWER.WORK_LEVEL, by.level().name())
                .set(PULSE_ANSWER.QUESTION_ID, questionId).set(PULSE_ANSWER.SCALE_VALUE, (short) value)
                .set(PULSE_ANSWER.COMMENT, comment).set(PULSE_ANSWER.MODERATION, moderation)
                .set(PULSE_ANSWER.CREATED_AT, now)
                .onConflict(PULSE_ANSWER.PARTICIPANT_ID, PULSE_ANSWER.STAGE_ID, PULSE_ANSWER.QUESTION_ID).doUpdate()
                .set(PULSE_ANSWER.SCALE_VALUE, (short) value).set(PULSE_ANSWER.COMMENT, comment)
                .set(PULSE_ANSWER.MODERATION, moderation).set(PULSE_ANSWER.CREATED_AT, now)
                .execute();
    }

    long need(Author by, long stageId, String text, Long ownerAgencyId, String category) {
        return db.insertInto(NEED).set(NEED.PARTICIPANT_ID, by.participantId()).set(NEED.STAGE_ID, stageId)
                .set(NEED.AGENCY_ID, by.agencyId()).set(NEED.WORK_LEVEL, by.level().name()).set(NEED.TEXT, text)
                .set(NEED.OWNER_AGENCY_ID, ownerAgencyId).set(NEED.CATEGORY, category).set(NEED.CREATED_AT, now())
                .returning(NEED.ID).fetchOne().getId();
    }

    Optional<NeedRow> findNeed(long needId) {
        return db.select(NEED.ID, NEED.STAGE_ID, NEED.MODERATION).from(NEED).where(NEED.ID.eq(needId))
                .fetchOptional(r -> new NeedRow(r.value1(), r.value2(), r.value3()));
    }

    /** Dots this participant has put on the stage's needs, not counting {@code exceptNeedId}. */
    int dotsUsed(long participantId, long stageId, long exceptNeedId) {
        return db.select(coalesce(sum(DOT_VOTE.DOTS), java.math.BigDecimal.ZERO)).from(DOT_VOTE)
                .where(DOT_VOTE.PARTICIPANT_ID.eq(participantId).and(DOT_VOTE.STAGE_ID.eq(stageId))
                        .and(DOT_VOTE.NEED_ID.ne(exceptNeedId)))
                .fetchOne().value1().intValue();
    }

    void dots(Author by, long needId, long stageId, int dots) {
        if (dots == 0) {
            db.deleteFrom(DOT_VOTE).where(DOT_VOTE.PARTICIPANT_ID.eq(by.participantId()).and(DOT_VOTE.NEED_ID.eq(needId)))
                    .execute();
            return;
        }
        OffsetDateTime now = now();
        db.insertInto(DOT_VOTE).set(DOT_VOTE.PARTICIPANT_ID, by.participantId()).set(DOT_VOTE.NEED_ID, needId)
                .set(DOT_VOTE.STAGE_ID, stageId).set(DOT_VOTE.AGENCY_ID, by.agencyId())
                .set(DOT_VOTE.WORK_LEVEL, by.level().name()).set(DOT_VOTE.DOTS, (short) dots).set(DOT_VOTE.CREATED_AT, now)
                .onConflict(DOT_VOTE.PARTICIPANT_ID, DOT_VOTE.NEED_ID).doUpdate()
                .set(DOT_VOTE.DOTS, (short) dots).set(DOT_VOTE.CREATED_AT, now)
                .execute();
    }

    long note(Author by, long stageId, String columnId, String text) {
        return db.insertInto(MAPPING_NOTE).set(MAPPING_NOTE.PARTICIPANT_ID, by.participantId())
                .set(MAPPING_NOTE.STAGE_ID, stageId).set(MAPPING_NOTE.AGENCY_ID, by.agencyId())
                .set(MAPPING_NOTE.WORK_LEVEL, by.level().name()).set(MAPPING_NOTE.COLUMN_ID, columnId)
                .set(MAPPING_NOTE.TEXT, text).set(MAPPING_NOTE.CREATED_AT, now())
                .returning(MAPPING_NOTE.ID).fetchOne().getId();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
