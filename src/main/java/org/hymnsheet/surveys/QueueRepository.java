package org.hymnsheet.surveys;

import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;
import static org.hymnsheet.db.Tables.SURVEY;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** The moderation queue (free text awaiting a facilitator) and the safeguarding queue (possible disclosures). */
@Repository
class QueueRepository {
    private final DSLContext db;

    QueueRepository(DSLContext db) {
        this.db = db;
    }

    List<PendingText> pending(long partnershipId) {
        return db.select(ANSWER_TEXT.ID, SURVEY.ID, SURVEY.TITLE, ANSWER_TEXT.QUESTION_ID, ANSWER_TEXT.BODY, ANSWER_TEXT.FLAGGED)
                .from(ANSWER_TEXT).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID))
                .join(SURVEY).on(SURVEY.ID.eq(RESPONSE.SURVEY_ID))
                .where(SURVEY.PARTNERSHIP_ID.eq(partnershipId).and(RESPONSE.STATUS.eq("SUBMITTED"))
                        .and(ANSWER_TEXT.MODERATION.eq("PENDING")))
                .orderBy(SURVEY.ID, ANSWER_TEXT.ID).limit(500)
                .fetch(Records.mapping(PendingText::new));
    }

    /** The partnership a text belongs to, for the access check. */
    Optional<Long> textPartnership(long textId) {
        return db.select(SURVEY.PARTNERSHIP_ID).from(ANSWER_TEXT).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID))
                .join(SURVEY).on(SURVEY.ID.eq(RESPONSE.SURVEY_ID)).where(ANSWER_TEXT.ID.eq(textId)).fetchOptional(r -> r.value1());
    }

    Optional<Long> textSurvey(long textId) {
        return db.select(RESPONSE.SURVEY_ID).from(ANSWER_TEXT).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID))
                .where(ANSWER_TEXT.ID.eq(textId)).fetchOptional(r -> r.value1());
    }

    void moderate(long textId, String decision, long accountId) {
        db.update(ANSWER_TEXT).set(ANSWER_TEXT.MODERATION, decision).set(ANSWER_TEXT.MODERATED_BY, accountId)
                .where(ANSWER_TEXT.ID.eq(textId)).execute();
    }

    List<FlaggedText> flags(long partnershipId) {
        return db.select(SAFEGUARDING_FLAG.ID, SURVEY.TITLE, SAFEGUARDING_FLAG.DEVICE_LABEL, SAFEGUARDING_FLAG.FLAGGED_AT,
                        SAFEGUARDING_FLAG.BODY, SAFEGUARDING_FLAG.INDICATORS, SAFEGUARDING_FLAG.STATUS, SAFEGUARDING_FLAG.NOTE)
                .from(SAFEGUARDING_FLAG).join(SURVEY).on(SURVEY.ID.eq(SAFEGUARDING_FLAG.SURVEY_ID))
                .where(SAFEGUARDING_FLAG.PARTNERSHIP_ID.eq(partnershipId))
                .orderBy(SAFEGUARDING_FLAG.STATUS.desc(), SAFEGUARDING_FLAG.FLAGGED_AT.desc()).limit(500)
                .fetch(Records.mapping(FlaggedText::new));
    }

    Optional<Long> flagPartnership(long flagId) {
        return db.select(SAFEGUARDING_FLAG.PARTNERSHIP_ID).from(SAFEGUARDING_FLAG).where(SAFEGUARDING_FLAG.ID.eq(flagId))
                .fetchOptional(r -> r.value1());
    }

    void handle(long flagId, long accountId, String note, OffsetDateTime at) {
        db.update(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.STATUS, "HANDLED").set(SAFEGUARDING_FLAG.HANDLED_BY, accountId)
                .set(SAFEGUARDING_FLAG.HANDLED_AT, at).set(SAFEGUARDING_FLAG.NOTE, note)
                .where(SAFEGUARDING_FLAG.ID.eq(flagId)).execute();
    }
}
