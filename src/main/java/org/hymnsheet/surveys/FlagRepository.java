package org.hymnsheet.surveys;

import static org.hymnsheet.db.Tables.ACCOUNT;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.hymnsheet.db.Tables.WORKSHOP;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hymnsheet.common.FlagStatus;
import org.hymnsheet.db.tables.Account;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The safeguarding queue: flags from the detector and from people, read a page at a time with who sent, opened and
 * handled each one, and the lead's work on them (opening, handling). Flags of workshop texts are written by the
 * workshops feature; this reads them like the others.
 */
@Repository
class FlagRepository {
    private final DSLContext db;

    FlagRepository(DSLContext db) {
        this.db = db;
    }

    /** A flag as stored, with the names of the people involved; the service turns categories into words. */
    record FlagRow(long id, String surveyTitle, String workshopTitle, String deviceLabel, OffsetDateTime flaggedAt,
                   String body, String earlier, String indicators, String categories, String detection, String source,
                   String sentBy, OffsetDateTime sentAt, String reason, String openedBy, OffsetDateTime openedAt,
                   FlagStatus status, String handledBy, OffsetDateTime handledAt, String note) {}

    /** One page of the queue: open flags first, newest first within each, the id breaking ties. */
    List<FlagRow> flags(long partnershipId, QueueFilter filter, int offset, int limit) {
        Account sender = ACCOUNT.as("sender");
        Account opener = ACCOUNT.as("opener");
        Account handler = ACCOUNT.as("handler");
        return db.select(SAFEGUARDING_FLAG.ID, SURVEY.TITLE, WORKSHOP.TITLE, SAFEGUARDING_FLAG.DEVICE_LABEL,
                        SAFEGUARDING_FLAG.FLAGGED_AT, SAFEGUARDING_FLAG.BODY, SAFEGUARDING_FLAG.EARLIER,
                        SAFEGUARDING_FLAG.INDICATORS, SAFEGUARDING_FLAG.CATEGORIES, SAFEGUARDING_FLAG.DETECTION,
                        SAFEGUARDING_FLAG.SOURCE, sender.DISPLAY_NAME, SAFEGUARDING_FLAG.SENT_AT, SAFEGUARDING_FLAG.REASON,
                        opener.DISPLAY_NAME, SAFEGUARDING_FLAG.OPENED_AT, SAFEGUARDING_FLAG.STATUS, handler.DISPLAY_NAME,
                        SAFEGUARDING_FLAG.HANDLED_AT, SAFEGUARDING_FLAG.NOTE)
                .from(SAFEGUARDING_FLAG)
                .leftJoin(SURVEY).on(SURVEY.ID.eq(SAFEGUARDING_FLAG.SURVEY_ID))
                .leftJoin(WORKSHOP).on(WORKSHOP.ID.eq(SAFEGUARDING_FLAG.WORKSHOP_ID))
                .leftJoin(sender).on(sender.ID.eq(SAFEGUARDING_FLAG.SENT_BY))
                .leftJoin(opener).on(opener.ID.eq(SAFEGUARDING_FLAG.OPENED_BY))
                .leftJoin(handler).on(handler.ID.eq(SAFEGUARDING_FLAG.HANDLED_BY))
                .where(matching(partnershipId, filter))
                .orderBy(DSL.when(SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.OPEN), DSL.inline(0)).otherwise(DSL.inline(1)),
                        SAFEGUARDING_FLAG.FLAGGED_AT.desc(), SAFEGUARDING_FLAG.ID.desc())
                .offset(offset).limit(limit)
                .fetch(Records.mapping(FlagRow::new));
    }

    int count(long partnershipId, QueueFilter filter) {
        return db.fetchCount(SAFEGUARDING_FLAG, matching(partnershipId, filter));
    }

    private static Condition matching(long partnershipId, QueueFilter filter) {
        Condition where = SAFEGUARDING_FLAG.PARTNERSHIP_ID.eq(partnershipId);
        where = switch (filter.state()) {
            case OPEN -> where.and(SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.OPEN));
            case HANDLED -> where.and(SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.HANDLED));
            case ALL -> where;
        };
        if (filter.surveyId() != null) {
            where = where.and(SAFEGUARDING_FLAG.SURVEY_ID.eq(filter.surveyId()));
        }
        if (filter.workshopId() != null) {
            where = where.and(SAFEGUARDING_FLAG.WORKSHOP_ID.eq(filter.workshopId()));
        }
        return where;
    }

    /** The surveys and workshops that have flags in this partnership's queue, surveys first, by title. */
    List<QueueSource> sources(long partnershipId) {
        var surveys = db.selectDistinct(SURVEY.ID, DSL.castNull(SURVEY.ID), SURVEY.TITLE)
                .from(SAFEGUARDING_FLAG).join(SURVEY).on(SURVEY.ID.eq(SAFEGUARDING_FLAG.SURVEY_ID))
                .where(SAFEGUARDING_FLAG.PARTNERSHIP_ID.eq(partnershipId))
                .orderBy(SURVEY.TITLE, SURVEY.ID).fetch(Records.mapping(QueueSource::new));
        var workshops = db.selectDistinct(DSL.castNull(WORKSHOP.ID), WORKSHOP.ID, WORKSHOP.TITLE)
                .from(SAFEGUARDING_FLAG).join(WORKSHOP).on(WORKSHOP.ID.eq(SAFEGUARDING_FLAG.WORKSHOP_ID))
                .where(SAFEGUARDING_FLAG.PARTNERSHIP_ID.eq(partnershipId))
                .orderBy(WORKSHOP.TITLE, WORKSHOP.ID).fetch(Records.mapping(QueueSource::new));
        return java.util.stream.Stream.concat(surveys.stream(), workshops.stream()).toList();
    }

    SafeguardingSummary summary(long partnershipId, OffsetDateTime since) {
        return db.select(DSL.count(), DSL.count().filterWhere(SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.OPEN)),
                        DSL.count().filterWhere(SAFEGUARDING_FLAG.FLAGGED_AT.ge(since)))
                .from(SAFEGUARDING_FLAG).where(SAFEGUARDING_FLAG.PARTNERSHIP_ID.eq(partnershipId))
                .fetchOne(Records.mapping(SafeguardingSummary::new));
    }

    Optional<Long> flagPartnership(long flagId) {
        return db.select(SAFEGUARDING_FLAG.PARTNERSHIP_ID).from(SAFEGUARDING_FLAG).where(SAFEGUARDING_FLAG.ID.eq(flagId))
                .fetchOptional(r -> r.value1());
    }

    /** The first lead to say they are dealing with an open flag is named on it; a later click changes nothing. */
    void open(long flagId, long accountId, OffsetDateTime at) {
        db.update(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.OPENED_BY, accountId).set(SAFEGUARDING_FLAG.OPENED_AT, at)
                .where(SAFEGUARDING_FLAG.ID.eq(flagId).and(SAFEGUARDING_FLAG.OPENED_BY.isNull())).execute();
    }

    /**
     * Handling an open flag also counts as opening it, when nobody had. Returns whether it was open: a flag another
     * lead has just handled keeps what they wrote.
     */
    boolean handle(long flagId, long accountId, String note, OffsetDateTime at) {
        return db.update(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.STATUS, FlagStatus.HANDLED).set(SAFEGUARDING_FLAG.HANDLED_BY, accountId)
                .set(SAFEGUARDING_FLAG.HANDLED_AT, at).set(SAFEGUARDING_FLAG.NOTE, note)
                .set(SAFEGUARDING_FLAG.OPENED_BY, DSL.coalesce(SAFEGUARDING_FLAG.OPENED_BY, DSL.val(accountId)))
                .set(SAFEGUARDING_FLAG.OPENED_AT, DSL.coalesce(SAFEGUARDING_FLAG.OPENED_AT, DSL.val(at)))
                .where(SAFEGUARDING_FLAG.ID.eq(flagId).and(SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.OPEN))).execute() == 1;
    }

    /** Where a survey text was written, for its flag. */
    record TextOrigin(long partnershipId, long surveyId, String responseId, String questionId, String deviceLabel) {}

    Optional<TextOrigin> origin(long textId) {
        return db.select(SURVEY.PARTNERSHIP_ID, SURVEY.ID, RESPONSE.ID,
                        ANSWER_TEXT.QUESTION_ID, RESPONSE.DEVICE_LABEL)
                .from(ANSWER_TEXT)
                .join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID))
                .join(SURVEY).on(SURVEY.ID.eq(RESPONSE.SURVEY_ID))
                .where(ANSWER_TEXT.ID.eq(textId))
                .fetchOptional(Records.mapping(TextOrigin::new));
    }

    /** A person's words on a flag: who sent it, when and why. */
    record Sending(long accountId, OffsetDateTime at, String reason) {}

    /**
     * Writes a person's flag for a survey text: the flag of its response and question when the detector (or someone
     * before) already made one, updated with who sent it and why, open again and its text added when it is not in it
     * yet; otherwise a new flag. The unique key (response, question, slot 0) keeps it one flag. Returns its id.
     */
    long sendSurveyText(TextOrigin origin, String text, Sending sending, int bodyMax) {
        var existing = db.select(SAFEGUARDING_FLAG.ID, SAFEGUARDING_FLAG.BODY, SAFEGUARDING_FLAG.STATUS)
                .from(SAFEGUARDING_FLAG)
                .where(SAFEGUARDING_FLAG.RESPONSE_ID.eq(origin.responseId())
                        .and(SAFEGUARDING_FLAG.QUESTION_ID.eq(origin.questionId())).and(SAFEGUARDING_FLAG.SLOT.eq(0L)))
                .forUpdate().fetchOptional();
        if (existing.isPresent()) {
            long id = existing.get().value1();
            String body = existing.get().value2();
            boolean reopened = existing.get().value3() != FlagStatus.OPEN;
            var update = db.update(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.SENT_BY, sending.accountId())
                    .set(SAFEGUARDING_FLAG.SENT_AT, sending.at()).set(SAFEGUARDING_FLAG.REASON, sending.reason())
                    .set(SAFEGUARDING_FLAG.STATUS, FlagStatus.OPEN)
                    .set(SAFEGUARDING_FLAG.BODY, body.contains(text) ? body : FlagDraft.cut(body + FlagDraft.SEPARATOR + text, bodyMax));
            if (reopened) {
                // a handled flag arrives again, at the top, and waits for a lead to open it
                update = update.set(SAFEGUARDING_FLAG.FLAGGED_AT, sending.at())
                        .setNull(SAFEGUARDING_FLAG.OPENED_BY).setNull(SAFEGUARDING_FLAG.OPENED_AT);
            }
            update.where(SAFEGUARDING_FLAG.ID.eq(id)).execute();
            return id;
        }
        return db.insertInto(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.PARTNERSHIP_ID, origin.partnershipId())
                .set(SAFEGUARDING_FLAG.SURVEY_ID, origin.surveyId()).set(SAFEGUARDING_FLAG.RESPONSE_ID, origin.responseId())
                .set(SAFEGUARDING_FLAG.QUESTION_ID, origin.questionId()).set(SAFEGUARDING_FLAG.SLOT, 0L)
                .set(SAFEGUARDING_FLAG.BODY, FlagDraft.cut(text, bodyMax)).set(SAFEGUARDING_FLAG.DEVICE_LABEL, origin.deviceLabel())
                .set(SAFEGUARDING_FLAG.INDICATORS, "").set(SAFEGUARDING_FLAG.FLAGGED_AT, sending.at())
                .set(SAFEGUARDING_FLAG.SOURCE, "PERSON").set(SAFEGUARDING_FLAG.SENT_BY, sending.accountId())
                .set(SAFEGUARDING_FLAG.SENT_AT, sending.at()).set(SAFEGUARDING_FLAG.REASON, sending.reason())
                .returningResult(SAFEGUARDING_FLAG.ID).fetchSingle().value1();
    }

    /** The survey texts this person sent in this partnership, newest first. */
    List<SentText> sentBy(long partnershipId, long accountId, int limit) {
        return db.select(SAFEGUARDING_FLAG.ID, SURVEY.TITLE, SAFEGUARDING_FLAG.BODY, SAFEGUARDING_FLAG.SENT_AT,
                        DSL.field(SAFEGUARDING_FLAG.OPENED_AT.isNotNull().or(SAFEGUARDING_FLAG.STATUS.ne(FlagStatus.OPEN))))
                .from(SAFEGUARDING_FLAG).join(SURVEY).on(SURVEY.ID.eq(SAFEGUARDING_FLAG.SURVEY_ID))
                .where(SAFEGUARDING_FLAG.PARTNERSHIP_ID.eq(partnershipId).and(SAFEGUARDING_FLAG.SENT_BY.eq(accountId)))
                .orderBy(SAFEGUARDING_FLAG.SENT_AT.desc(), SAFEGUARDING_FLAG.ID.desc()).limit(limit)
                .fetch(Records.mapping(SentText::new));
    }
}
