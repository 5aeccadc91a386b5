package org.hymnsheet.surveys;

import static org.hymnsheet.db.Tables.SURVEY_ACTION;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** The "we did" entries of surveys. */
@Repository
class ActionRepository {
    private final DSLContext db;
    private final Clock clock;

    ActionRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<SurveyAction> list(long surveyId) {
        return db.select(SURVEY_ACTION.ID, SURVEY_ACTION.SURVEY_ID, SURVEY_ACTION.BODY, SURVEY_ACTION.CREATED_AT)
                .from(SURVEY_ACTION).where(SURVEY_ACTION.SURVEY_ID.eq(surveyId))
                .orderBy(SURVEY_ACTION.CREATED_AT.desc(), SURVEY_ACTION.ID.desc())
                .fetch(Records.mapping(SurveyAction::new));
    }

    Optional<SurveyAction> find(long id) {
        return db.select(SURVEY_ACTION.ID, SURVEY_ACTION.SURVEY_ID, SURVEY_ACTION.BODY, SURVEY_ACTION.CREATED_AT)
                .from(SURVEY_ACTION).where(SURVEY_ACTION.ID.eq(id))
                .fetchOptional(Records.mapping(SurveyAction::new));
    }

    long insert(long surveyId, String body, long createdBy) {
        return db.insertInto(SURVEY_ACTION)
                .set(SURVEY_ACTION.SURVEY_ID, surveyId)
                .set(SURVEY_ACTION.BODY, body)
                .set(SURVEY_ACTION.CREATED_BY, createdBy)
                .set(SURVEY_ACTION.CREATED_AT, OffsetDateTime.now(clock))
                .returning(SURVEY_ACTION.ID).fetchOne().getId();
    }

    void update(long id, String body) {
        db.update(SURVEY_ACTION).set(SURVEY_ACTION.BODY, body).where(SURVEY_ACTION.ID.eq(id)).execute();
    }

    void delete(long id) {
        db.deleteFrom(SURVEY_ACTION).where(SURVEY_ACTION.ID.eq(id)).execute();
    }
}
