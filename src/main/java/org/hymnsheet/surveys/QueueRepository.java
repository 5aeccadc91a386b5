package org.hymnsheet.surveys;

import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;
import static org.hymnsheet.db.Tables.SURVEY;

import java.util.List;
import java.util.Optional;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.common.ResponseStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The moderation queue (free text awaiting a facilitator) and the safeguarding queue (possible disclosures). */
@Repository
class QueueRepository {
    private final DSLContext db;

    QueueRepository(DSLContext db) {
        this.db = db;
    }

    /** A row of the moderation queue; the service adds why a flagged text was flagged. */
    /** {@code categories}: the kinds of harm stored on the answer's flag (null when none, or an older flag). */
    record PendingRow(long id, long surveyId, String surveyTitle, String questionId, String body, boolean flagged,
                      String categories) {}

    /** One page of the texts waiting for moderation, newest first (all of them wait: there is nothing handled here). */
    List<PendingRow> pending(long partnershipId, int offset, int limit) {
        return db.select(ANSWER_TEXT.ID, SURVEY.ID, SURVEY.TITLE, ANSWER_TEXT.QUESTION_ID, ANSWER_TEXT.BODY, ANSWER_TEXT.FLAGGED,
                        SAFEGUARDING_FLAG.CATEGORIES)
                .from(ANSWER_TEXT).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID))
                .join(SURVEY).on(SURVEY.ID.eq(RESPONSE.SURVEY_ID))
                .leftJoin(SAFEGUARDING_FLAG).on(SAFEGUARDING_FLAG.RESPONSE_ID.eq(ANSWER_TEXT.RESPONSE_ID)
                        .and(SAFEGUARDING_FLAG.QUESTION_ID.eq(ANSWER_TEXT.QUESTION_ID)).and(SAFEGUARDING_FLAG.SLOT.eq(0L)))
                .where(waiting(partnershipId))
                .orderBy(ANSWER_TEXT.ID.desc()).offset(offset).limit(limit)
                .fetch(Records.mapping(PendingRow::new));
    }

    int pendingCount(long partnershipId) {
        return db.fetchCount(db.select(ANSWER_TEXT.ID).from(ANSWER_TEXT).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID))
                .join(SURVEY).on(SURVEY.ID.eq(RESPONSE.SURVEY_ID)).where(waiting(partnershipId)));
    }

    private static Condition waiting(long partnershipId) {
        return SURVEY.PARTNERSHIP_ID.eq(partnershipId).and(RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED))
                .and(ANSWER_TEXT.MODERATION.eq(Moderation.PENDING));
    }

    record TextState(String body, boolean flagged, Moderation moderation, boolean submitted) {}

    Optional<TextState> textState(long textId) {
        return db.select(ANSWER_TEXT.BODY, ANSWER_TEXT.FLAGGED, ANSWER_TEXT.MODERATION, RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED))
                .from(ANSWER_TEXT).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID))
                .where(ANSWER_TEXT.ID.eq(textId)).fetchOptional(Records.mapping(TextState::new));
    }

    /**
     * Approves the text only if it still says exactly what the facilitator was shown, still waits, belongs to a
     * submitted response, and (when flagged) the flag was acknowledged: one statement, so nothing can change in
     * between. Returns whether it did.
     */
    boolean approveAsShown(long textId, String shownBody, boolean flagAcknowledged, long accountId) {
        return db.update(ANSWER_TEXT).set(ANSWER_TEXT.MODERATION, Moderation.APPROVED).set(ANSWER_TEXT.MODERATED_BY, accountId)
                .where(ANSWER_TEXT.ID.eq(textId).and(ANSWER_TEXT.BODY.eq(shownBody)).and(ANSWER_TEXT.MODERATION.eq(Moderation.PENDING))
                        .and(flagAcknowledged ? DSL.trueCondition() : ANSWER_TEXT.FLAGGED.isFalse())
                        .and(DSL.exists(DSL.selectOne().from(RESPONSE).where(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID)
                                .and(RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED))))))
                .execute() == 1;
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

    void moderate(long textId, Moderation decision, long accountId) {
        db.update(ANSWER_TEXT).set(ANSWER_TEXT.MODERATION, decision).set(ANSWER_TEXT.MODERATED_BY, accountId)
                .where(ANSWER_TEXT.ID.eq(textId)).execute();
    }

    /**
     * Sends the text to the safeguarding lead if it still says exactly what the facilitator was shown and still
     * waits: it leaves the moderation queue and never reaches a board. Returns whether it did.
     */
    boolean escalateAsShown(long textId, String shownBody, long accountId) {
        return db.update(ANSWER_TEXT).set(ANSWER_TEXT.MODERATION, Moderation.ESCALATED).set(ANSWER_TEXT.MODERATED_BY, accountId)
                .where(ANSWER_TEXT.ID.eq(textId).and(ANSWER_TEXT.BODY.eq(shownBody)).and(ANSWER_TEXT.MODERATION.eq(Moderation.PENDING))
                        .and(DSL.exists(DSL.selectOne().from(RESPONSE).where(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID)
                                .and(RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED))))))
                .execute() == 1;
    }
}
