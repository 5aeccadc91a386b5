package org.hymnsheet.surveys;

import static org.hymnsheet.db.Tables.ANSWER_CHOICE;
import static org.hymnsheet.db.Tables.ANSWER_PLACE;
import static org.hymnsheet.db.Tables.ANSWER_SCALE;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.PLACE;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * A survey's findings, each count one GROUP BY over the answer rows of its submitted responses. Nothing here is
 * suppressed: {@link SurveyVoiceService} passes every count through the small-numbers rule before it leaves.
 */
@Repository
class VoiceRepository {
    private static final String SUBMITTED = "SUBMITTED";
    private static final String APPROVED = "APPROVED";

    /** How many submitted responses gave this option or scale point to this question. */
    record Tally(String questionId, String key, int count) {}

    /** How many submitted responses rated this place so, and how many rated it at all. */
    record PlaceTally(String questionId, String placeRef, String rating, int count, int rated) {}

    record PlaceName(String ref, String name) {}

    private final DSLContext db;

    VoiceRepository(DSLContext db) {
        this.db = db;
    }

    private static Condition submittedTo(long surveyId) {
        return RESPONSE.SURVEY_ID.eq(surveyId).and(RESPONSE.STATUS.eq(SUBMITTED));
    }

    List<Tally> choices(long surveyId) {
        return db.select(ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID, count())
                .from(ANSWER_CHOICE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_CHOICE.RESPONSE_ID))
                .where(submittedTo(surveyId))
                .groupBy(ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID)
                .orderBy(ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID)
                .fetch(Records.mapping(Tally::new));
    }

    List<Tally> scales(long surveyId) {
        return db.select(ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE, count())
                .from(ANSWER_SCALE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_SCALE.RESPONSE_ID))
                .where(submittedTo(surveyId))
                .groupBy(ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE)
                .orderBy(ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE)
                .fetch(r -> new Tally(r.value1(), String.valueOf(r.value2()), r.value3()));
    }

    /** How many submitted responses answered each choice, trusted-people or scale question. */
    Map<String, Integer> answered(long surveyId) {
        return db.select(ANSWER_CHOICE.QUESTION_ID, countDistinct(ANSWER_CHOICE.RESPONSE_ID))
                .from(ANSWER_CHOICE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_CHOICE.RESPONSE_ID))
                .where(submittedTo(surveyId))
                .groupBy(ANSWER_CHOICE.QUESTION_ID)
                .unionAll(select(ANSWER_SCALE.QUESTION_ID, count())
                        .from(ANSWER_SCALE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_SCALE.RESPONSE_ID))
                        .where(submittedTo(surveyId))
                        .groupBy(ANSWER_SCALE.QUESTION_ID))
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    List<PlaceTally> places(long surveyId) {
        return db.select(ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF, ANSWER_PLACE.RATING, count(),
                        sum(count()).over().partitionBy(ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF)
                                .cast(SQLDataType.INTEGER))
                .from(ANSWER_PLACE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_PLACE.RESPONSE_ID))
                .where(submittedTo(surveyId))
                .groupBy(ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF, ANSWER_PLACE.RATING)
                .orderBy(ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF, ANSWER_PLACE.RATING)
                .fetch(Records.mapping(PlaceTally::new));
    }

    /** The partnership's places, as respondents see them listed. */
    List<PlaceName> placeNames(long partnershipId) {
        return db.select(PLACE.ID.cast(String.class), PLACE.NAME).from(PLACE).where(PLACE.PARTNERSHIP_ID.eq(partnershipId))
                .orderBy(PLACE.NAME_KEY).fetch(Records.mapping(PlaceName::new));
    }

    /** Approved texts of submitted responses to these questions, the most recently written first. */
    List<String> approvedTexts(long surveyId, Collection<String> questionIds, int limit) {
        if (questionIds.isEmpty()) {
            return List.of();
        }
        return db.select(ANSWER_TEXT.BODY)
                .from(ANSWER_TEXT).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID))
                .where(submittedTo(surveyId))
                .and(ANSWER_TEXT.MODERATION.eq(APPROVED))
                .and(ANSWER_TEXT.QUESTION_ID.in(questionIds))
                .orderBy(RESPONSE.SUBMITTED_ON.desc(), ANSWER_TEXT.ID.desc())
                .limit(limit)
                .fetch(ANSWER_TEXT.BODY);
    }
}
