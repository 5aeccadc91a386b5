package org.hymnsheet.retention;

import static org.hymnsheet.db.Tables.ANSWER_CHOICE;
import static org.hymnsheet.db.Tables.ANSWER_PLACE;
import static org.hymnsheet.db.Tables.ANSWER_SCALE;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.BOARD_SNAPSHOT;
import static org.hymnsheet.db.Tables.CARD_CONTEXT;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.DOT_VOTE;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PARTICIPANT;
import static org.hymnsheet.db.Tables.PARTNERSHIP;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.hymnsheet.db.Tables.RELEASE_GROUP;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SAFEGUARDING_ALERT;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;
import static org.hymnsheet.db.Tables.SPEAKING_TURN;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.hymnsheet.db.Tables.WORKSHOP;
import static org.hymnsheet.db.Tables.WORKSHOP_STAGE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hymnsheet.common.FlagStatus;
import org.hymnsheet.common.SurveyStatus;
import org.hymnsheet.common.WorkshopStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The retention rule's reads and deletes. Each delete names its table and says how many rows went, so the audit
 * line can give counts; children are deleted before their parents, so no foreign key is left dangling.
 */
@Repository
class RetentionRepository {
    /** A closed survey or an ended workshop still holding data, with its partnership's period. */
    record Candidate(long id, long partnershipId, String title, OffsetDateTime since, int days, int held) {
        Instant deleteAt() {
            return since.toInstant().plus(java.time.Duration.ofDays(days));
        }
    }

    /** Handled flags of a survey or workshop whose data the rule has deleted. */
    record HandledFlags(long partnershipId, Long surveyId, Long workshopId, List<Long> flagIds) {}

    private final DSLContext db;

    RetentionRepository(DSLContext db) {
        this.db = db;
    }

    RetentionPeriods periods(long partnershipId) {
        return db.select(PARTNERSHIP.SURVEY_RETENTION_DAYS, PARTNERSHIP.WORKSHOP_RETENTION_DAYS).from(PARTNERSHIP)
                .where(PARTNERSHIP.ID.eq(partnershipId))
                .fetchOptional(r -> new RetentionPeriods(r.value1(), r.value2()))
                .orElseThrow(() -> new org.hymnsheet.common.NotFoundException("partnership"));
    }

    void setPeriods(long partnershipId, RetentionPeriods periods) {
        db.update(PARTNERSHIP)
                .set(PARTNERSHIP.SURVEY_RETENTION_DAYS, periods.surveyDays())
                .set(PARTNERSHIP.WORKSHOP_RETENTION_DAYS, periods.workshopDays())
                .where(PARTNERSHIP.ID.eq(partnershipId)).execute();
    }

    /** Closed surveys whose responses are still kept: of one partnership, or of all when {@code partnershipId} is null. */
    List<Candidate> closedSurveys(Long partnershipId) {
        Field<Integer> held = DSL.field(DSL.selectCount().from(RESPONSE).where(RESPONSE.SURVEY_ID.eq(SURVEY.ID)));
        Condition where = SURVEY.STATUS.eq(SurveyStatus.CLOSED).and(SURVEY.CLOSED_AT.isNotNull())
                .and(SURVEY.DATA_DELETED_AT.isNull());
        if (partnershipId != null) {
            where = where.and(SURVEY.PARTNERSHIP_ID.eq(partnershipId));
        }
        return db.select(SURVEY.ID, SURVEY.PARTNERSHIP_ID, SURVEY.TITLE, SURVEY.CLOSED_AT,
                        PARTNERSHIP.SURVEY_RETENTION_DAYS, held)
                .from(SURVEY).join(PARTNERSHIP).on(PARTNERSHIP.ID.eq(SURVEY.PARTNERSHIP_ID))
                .where(where).orderBy(SURVEY.CLOSED_AT, SURVEY.ID)
                .fetch(r -> new Candidate(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** Ended workshops whose inputs are still kept: of one partnership, or of all when {@code partnershipId} is null. */
    List<Candidate> endedWorkshops(Long partnershipId) {
        Field<Integer> held = DSL.field(DSL.selectCount().from(PARTICIPANT).where(PARTICIPANT.WORKSHOP_ID.eq(WORKSHOP.ID)));
        Condition where = WORKSHOP.STATUS.eq(WorkshopStatus.ENDED).and(WORKSHOP.ENDED_AT.isNotNull())
                .and(WORKSHOP.DATA_DELETED_AT.isNull());
        if (partnershipId != null) {
            where = where.and(WORKSHOP.PARTNERSHIP_ID.eq(partnershipId));
        }
        return db.select(WORKSHOP.ID, WORKSHOP.PARTNERSHIP_ID, WORKSHOP.TITLE, WORKSHOP.ENDED_AT,
                        PARTNERSHIP.WORKSHOP_RETENTION_DAYS, held)
                .from(WORKSHOP).join(PARTNERSHIP).on(PARTNERSHIP.ID.eq(WORKSHOP.PARTNERSHIP_ID))
                .where(where).orderBy(WORKSHOP.ENDED_AT, WORKSHOP.ID)
                .fetch(r -> new Candidate(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /**
     * Marks the survey's data as deleted, if it is still closed since {@code since} and not yet deleted. Only one
     * transaction can do this (the row stays locked until it commits), so on several nodes the data is deleted once.
     */
    boolean claimSurvey(long surveyId, OffsetDateTime since, Instant now) {
        return db.update(SURVEY).set(SURVEY.DATA_DELETED_AT, now.atOffset(ZoneOffset.UTC))
                .where(SURVEY.ID.eq(surveyId).and(SURVEY.STATUS.eq(SurveyStatus.CLOSED))
                        .and(SURVEY.CLOSED_AT.eq(since)).and(SURVEY.DATA_DELETED_AT.isNull()))
                .execute() == 1;
    }

    boolean claimWorkshop(long workshopId, Instant now) {
        return db.update(WORKSHOP).set(WORKSHOP.DATA_DELETED_AT, now.atOffset(ZoneOffset.UTC))
                .where(WORKSHOP.ID.eq(workshopId).and(WORKSHOP.STATUS.eq(WorkshopStatus.ENDED))
                        .and(WORKSHOP.DATA_DELETED_AT.isNull()))
                .execute() == 1;
    }

    /** Deletes a survey's responses and everything hanging from them; the counts by kind, in deletion order. */
    Map<String, Integer> deleteSurveyData(long surveyId) {
        var ofSurvey = DSL.select(RESPONSE.ID).from(RESPONSE).where(RESPONSE.SURVEY_ID.eq(surveyId));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("answers", delete(ANSWER_CHOICE, ANSWER_CHOICE.RESPONSE_ID.in(ofSurvey))
                + delete(ANSWER_SCALE, ANSWER_SCALE.RESPONSE_ID.in(ofSurvey))
                + delete(ANSWER_PLACE, ANSWER_PLACE.RESPONSE_ID.in(ofSurvey)));
        counts.put("texts", delete(ANSWER_TEXT, ANSWER_TEXT.RESPONSE_ID.in(ofSurvey)));
        counts.put("responses", delete(RESPONSE, RESPONSE.SURVEY_ID.eq(surveyId)));
        counts.put("release groups", delete(RELEASE_GROUP, RELEASE_GROUP.SURVEY_ID.eq(surveyId)));
        return counts;
    }

    /** Deletes a workshop's participants, their inputs, its speaking turns and its saved boards. */
    Map<String, Integer> deleteWorkshopData(long workshopId) {
        var stages = DSL.select(WORKSHOP_STAGE.ID).from(WORKSHOP_STAGE).where(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("inputs", delete(DOT_VOTE, DOT_VOTE.STAGE_ID.in(stages))
                + delete(NEED, NEED.STAGE_ID.in(stages))
                + delete(FRAMING_INPUT, FRAMING_INPUT.STAGE_ID.in(stages))
                + delete(INFLUENCE_VOTE, INFLUENCE_VOTE.STAGE_ID.in(stages))
                + delete(CARD_PLACEMENT, CARD_PLACEMENT.STAGE_ID.in(stages))
                + delete(CARD_CONTEXT, CARD_CONTEXT.STAGE_ID.in(stages))
                + delete(PULSE_ANSWER, PULSE_ANSWER.STAGE_ID.in(stages))
                + delete(MAPPING_NOTE, MAPPING_NOTE.STAGE_ID.in(stages)));
        counts.put("participants", delete(PARTICIPANT, PARTICIPANT.WORKSHOP_ID.eq(workshopId)));
        counts.put("speaking turns", delete(SPEAKING_TURN, SPEAKING_TURN.WORKSHOP_ID.eq(workshopId)));
        counts.put("saved boards", delete(BOARD_SNAPSHOT, BOARD_SNAPSHOT.WORKSHOP_ID.eq(workshopId)));
        return counts;
    }

    /** Handled flags of surveys and workshops whose data has been deleted, grouped by survey or workshop. */
    List<HandledFlags> handledFlagsOfDeletedData() {
        var flags = db.select(SAFEGUARDING_FLAG.ID, SAFEGUARDING_FLAG.PARTNERSHIP_ID, SAFEGUARDING_FLAG.SURVEY_ID,
                        SAFEGUARDING_FLAG.WORKSHOP_ID)
                .from(SAFEGUARDING_FLAG)
                .leftJoin(SURVEY).on(SURVEY.ID.eq(SAFEGUARDING_FLAG.SURVEY_ID))
                .leftJoin(WORKSHOP).on(WORKSHOP.ID.eq(SAFEGUARDING_FLAG.WORKSHOP_ID))
                .where(SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.HANDLED))
                .and(SURVEY.DATA_DELETED_AT.isNotNull().or(WORKSHOP.DATA_DELETED_AT.isNotNull()))
                .orderBy(SAFEGUARDING_FLAG.ID).fetch();
        Map<List<Long>, HandledFlags> grouped = new LinkedHashMap<>();
        for (var f : flags) {
            Long survey = f.value3();
            Long workshop = survey == null ? f.value4() : null;
            grouped.computeIfAbsent(java.util.Arrays.asList(f.value2(), survey, workshop),
                    k -> new HandledFlags(f.value2(), survey, workshop, new java.util.ArrayList<>())).flagIds().add(f.value1());
        }
        return List.copyOf(grouped.values());
    }

    /** Deletes these flags, if still handled, with their alerts; the number of flags and of alerts deleted. */
    int[] deleteHandledFlags(List<Long> flagIds) {
        var handled = DSL.select(SAFEGUARDING_FLAG.ID).from(SAFEGUARDING_FLAG)
                .where(SAFEGUARDING_FLAG.ID.in(flagIds).and(SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.HANDLED)));
        int alerts = delete(SAFEGUARDING_ALERT, SAFEGUARDING_ALERT.FLAG_ID.in(handled));
        int flags = delete(SAFEGUARDING_FLAG, SAFEGUARDING_FLAG.ID.in(flagIds).and(SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.HANDLED)));
        return new int[] {flags, alerts};
    }

    /** Handled flags of this survey or workshop (one of the two ids is null), deleted with it. */
    List<Long> handledFlagsOf(Long surveyId, Long workshopId) {
        Condition of = surveyId != null ? SAFEGUARDING_FLAG.SURVEY_ID.eq(surveyId) : SAFEGUARDING_FLAG.WORKSHOP_ID.eq(workshopId);
        return db.select(SAFEGUARDING_FLAG.ID).from(SAFEGUARDING_FLAG)
                .where(of.and(SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.HANDLED))).fetch(SAFEGUARDING_FLAG.ID);
    }

    private int delete(Table<?> table, Condition where) {
        return db.deleteFrom(table).where(where).execute();
    }
}
