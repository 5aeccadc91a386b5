package org.hymnsheet.surveys;

import org.hymnsheet.common.SurveyStatus;
import static org.hymnsheet.db.Tables.KIOSK;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hymnsheet.common.Codes;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.common.ResponseStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
class SurveyRepository {
    /** What a kiosk needs to run and to be left: its survey, label and PIN hash. */
    record KioskAccess(long kioskId, long surveyId, String label, String pinHash) {}

    private final DSLContext db;
    private final Clock clock;

    SurveyRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private static Field<Integer> submittedCount() {
        return field(select(count()).from(RESPONSE)
                .where(RESPONSE.SURVEY_ID.eq(SURVEY.ID).and(RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED))));
    }

    private List<Survey> surveys(Condition condition) {
        return db.select(SURVEY.ID, SURVEY.PARTNERSHIP_ID, SURVEY.TEMPLATE_ID, SURVEY.TITLE,
                        SURVEY.STATUS, SURVEY.ACCESS_CODE, SURVEY.LINK_TOKEN,
                        submittedCount(), SURVEY.VERSION)
                .from(SURVEY).where(condition).orderBy(SURVEY.CREATED_AT.desc(), SURVEY.ID.desc())
                .fetch(Records.mapping(Survey::new));
    }

    List<Survey> list(long partnershipId) {
        return surveys(SURVEY.PARTNERSHIP_ID.eq(partnershipId));
    }

    Optional<Survey> find(long id) {
        return surveys(SURVEY.ID.eq(id)).stream().findFirst();
    }

    Optional<Survey> byCode(String code) {
        return surveys(SURVEY.ACCESS_CODE.eq(code)).stream().findFirst();
    }

    Optional<Survey> byLink(String token) {
        return surveys(SURVEY.LINK_TOKEN.eq(token)).stream().findFirst();
    }

    /** The survey whose "you said, we did" page this secret opens. */
    Optional<Survey> byResultsToken(String token) {
        return surveys(SURVEY.RESULTS_TOKEN.eq(token)).stream().findFirst();
    }

    /** The survey's results token, set to {@code fresh} first if it has none yet (surveys from before it existed). */
    String resultsToken(long surveyId, String fresh) {
        db.update(SURVEY).set(SURVEY.RESULTS_TOKEN, fresh)
                .where(SURVEY.ID.eq(surveyId)).and(SURVEY.RESULTS_TOKEN.isNull()).execute();
        return db.select(SURVEY.RESULTS_TOKEN).from(SURVEY).where(SURVEY.ID.eq(surveyId)).fetchOne(SURVEY.RESULTS_TOKEN);
    }

    boolean codeTaken(String code) {
        return db.fetchExists(SURVEY, SURVEY.ACCESS_CODE.eq(code));
    }

    long insert(long partnershipId, String templateId, String title, String code, String token, long createdBy) {
        return db.insertInto(SURVEY)
                .set(SURVEY.PARTNERSHIP_ID, partnershipId)
                .set(SURVEY.CREATED_BY, createdBy)
                .set(SURVEY.TEMPLATE_ID, templateId)
                .set(SURVEY.TITLE, title)
                .set(SURVEY.STATUS, SurveyStatus.DRAFT)
                .set(SURVEY.ACCESS_CODE, code)
                .set(SURVEY.LINK_TOKEN, token)
                .set(SURVEY.RESULTS_TOKEN, Codes.randomToken(16))
                .set(SURVEY.CREATED_AT, OffsetDateTime.now(clock))
                .returning(SURVEY.ID).fetchOne().getId();
    }

    /** Changes the survey's state; closing it starts the retention period, opening it again stops it. */
    void setStatus(long id, SurveyStatus status) {
        db.update(SURVEY).set(SURVEY.STATUS, status).set(SURVEY.VERSION, SURVEY.VERSION.plus(1))
                .set(SURVEY.CLOSED_AT, status == SurveyStatus.CLOSED ? OffsetDateTime.now(clock) : null)
                .where(SURVEY.ID.eq(id)).execute();
    }

    /** Whether the retention rule has deleted the survey's responses. */
    boolean dataDeleted(long id) {
        return db.fetchExists(SURVEY, SURVEY.ID.eq(id).and(SURVEY.DATA_DELETED_AT.isNotNull()));
    }

    long insertKiosk(long surveyId, String label, String token, String pinHash) {
        return db.insertInto(KIOSK)
                .set(KIOSK.SURVEY_ID, surveyId)
                .set(KIOSK.LABEL, label)
                .set(KIOSK.LABEL_KEY, Inputs.nameKey(label).length() > 100 ? Inputs.nameKey(label).substring(0, 100) : Inputs.nameKey(label))
                .set(KIOSK.TOKEN, token)
                .set(KIOSK.PIN_HASH, pinHash)
                .set(KIOSK.CREATED_AT, OffsetDateTime.now(clock))
                .returning(KIOSK.ID).fetchOne().getId();
    }

    boolean kioskLabelTaken(long surveyId, String label) {
        String key = Inputs.nameKey(label);
        return db.fetchExists(KIOSK, KIOSK.SURVEY_ID.eq(surveyId).and(KIOSK.LABEL_KEY.eq(key.length() > 100 ? key.substring(0, 100) : key)));
    }

    List<Kiosk> kiosks(long surveyId) {
        return db.select(KIOSK.ID, KIOSK.SURVEY_ID, KIOSK.LABEL, KIOSK.TOKEN).from(KIOSK)
                .where(KIOSK.SURVEY_ID.eq(surveyId)).orderBy(KIOSK.LABEL_KEY).fetch(Records.mapping(Kiosk::new));
    }

    Optional<KioskAccess> kiosk(String token) {
        return db.select(KIOSK.ID, KIOSK.SURVEY_ID, KIOSK.LABEL, KIOSK.PIN_HASH).from(KIOSK)
                .where(KIOSK.TOKEN.eq(token)).fetchOptional(Records.mapping(KioskAccess::new));
    }
}
