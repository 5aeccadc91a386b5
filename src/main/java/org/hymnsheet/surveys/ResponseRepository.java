package org.hymnsheet.surveys;

import org.hymnsheet.common.SurveyStatus;
import static org.hymnsheet.db.Tables.ANSWER_CHOICE;
import static org.hymnsheet.db.Tables.ANSWER_PLACE;
import static org.hymnsheet.db.Tables.ANSWER_SCALE;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.PARTNERSHIP;
import static org.hymnsheet.db.Tables.PLACE;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;
import static org.hymnsheet.db.Tables.SURVEY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hymnsheet.common.FlagStatus;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.common.RenderedOnce;
import org.hymnsheet.common.ResponseStatus;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ResponseRepository {
    record ResponseRow(String id, long surveyId, ResponseStatus status, String language, String deviceLabel) {
        boolean submitted() {
            return status == ResponseStatus.SUBMITTED;
        }
    }

    record ChoiceRow(String questionId, String optionId) {}

    record ScaleRow(String questionId, int value) {}

    record PlaceRow(String questionId, String placeRef, String rating) {}

    record TextRow(String questionId, String item, String body) {}

    private final DSLContext db;
    /** The one-statement saves, rendered once per shape: a young person's answer costs no SQL rendering. */
    private final RenderedOnce hot;

    ResponseRepository(DSLContext db) {
        this.db = db;
        this.hot = new RenderedOnce(db);
    }

    List<SurveyEntry.PlaceChoice> places(long partnershipId) {
        return db.select(PLACE.ID.cast(String.class), PLACE.NAME).from(PLACE).where(PLACE.PARTNERSHIP_ID.eq(partnershipId))
                .orderBy(PLACE.NAME_KEY).fetch(Records.mapping(SurveyEntry.PlaceChoice::new));
    }

    /** How many days after a survey closes the partnership deletes its responses (the retention rule). */
    int retentionDays(long partnershipId) {
        return db.select(PARTNERSHIP.SURVEY_RETENTION_DAYS).from(PARTNERSHIP).where(PARTNERSHIP.ID.eq(partnershipId))
                .fetchOne(PARTNERSHIP.SURVEY_RETENTION_DAYS);
    }

    boolean placeInPartnership(long placeId, long partnershipId) {
        return db.fetchExists(PLACE, PLACE.ID.eq(placeId).and(PLACE.PARTNERSHIP_ID.eq(partnershipId)));
    }

    void insert(String id, long surveyId, String language, String deviceLabel, LocalDate day, Instant hour) {
        db.insertInto(RESPONSE).set(RESPONSE.ID, id).set(RESPONSE.SURVEY_ID, surveyId).set(RESPONSE.STATUS, ResponseStatus.IN_PROGRESS)
                .set(RESPONSE.LANGUAGE, language).set(RESPONSE.DEVICE_LABEL, deviceLabel).set(RESPONSE.STARTED_ON, day)
                .set(RESPONSE.ACTIVE_HOUR, hour.atOffset(ZoneOffset.UTC)).execute();
    }

    /** Locks the response row, so two saves of one response (a double tap, a retry) happen one after the other. */
    Optional<ResponseRow> lock(String id) {
        return db.select(RESPONSE.ID, RESPONSE.SURVEY_ID, RESPONSE.STATUS, RESPONSE.LANGUAGE, RESPONSE.DEVICE_LABEL)
                .from(RESPONSE).where(RESPONSE.ID.eq(id)).forUpdate().fetchOptional(Records.mapping(ResponseRow::new));
    }

    Optional<ResponseRow> find(String id) {
        return db.select(RESPONSE.ID, RESPONSE.SURVEY_ID, RESPONSE.STATUS, RESPONSE.LANGUAGE, RESPONSE.DEVICE_LABEL)
                .from(RESPONSE).where(RESPONSE.ID.eq(id)).fetchOptional(Records.mapping(ResponseRow::new));
    }

    void touch(String id, Instant hour) {
        db.update(RESPONSE).set(RESPONSE.ACTIVE_HOUR, hour.atOffset(ZoneOffset.UTC)).where(RESPONSE.ID.eq(id)).execute();
    }

    /**
     * What a save needs to know, in one statement that also locks the response row (so two saves of one response,
     * a double tap or a retry, happen one after the other): the response, its survey (status, partnership,
     * template), whether the question already has rows in each answer table (so a first answer deletes nothing),
     * and how many of the given places belong to the survey's partnership.
     */
    record SaveTarget(long surveyId, ResponseStatus status, String language, String deviceLabel, OffsetDateTime activeHour,
                      SurveyStatus surveyStatus, Long partnershipId, String templateId, boolean hasChoices,
                      boolean hasScale, boolean hasPlaces, boolean hasTexts, int placesFound) {
        boolean submitted() {
            return status == ResponseStatus.SUBMITTED;
        }
    }

    Optional<SaveTarget> lockForSave(String id, String questionId, Collection<Long> placeIds) {
        var survey = SURVEY.as("save_survey");
        var place = PLACE.as("save_place");
        Field<Integer> placesFound = placeIds.isEmpty() ? DSL.inline(0)
                : DSL.field(DSL.selectCount().from(place).where(place.ID.in(placeIds)
                        .and(place.PARTNERSHIP_ID.eq(DSL.field(DSL.select(survey.PARTNERSHIP_ID).from(survey)
                                .where(survey.ID.eq(RESPONSE.SURVEY_ID)))))));
        return db.select(RESPONSE.SURVEY_ID, RESPONSE.STATUS, RESPONSE.LANGUAGE, RESPONSE.DEVICE_LABEL, RESPONSE.ACTIVE_HOUR,
                        DSL.field(DSL.select(SURVEY.STATUS).from(SURVEY).where(SURVEY.ID.eq(RESPONSE.SURVEY_ID))),
                        DSL.field(DSL.select(SURVEY.PARTNERSHIP_ID).from(SURVEY).where(SURVEY.ID.eq(RESPONSE.SURVEY_ID))),
                        DSL.field(DSL.select(SURVEY.TEMPLATE_ID).from(SURVEY).where(SURVEY.ID.eq(RESPONSE.SURVEY_ID))),
                        DSL.field(DSL.exists(DSL.selectOne().from(ANSWER_CHOICE).where(ANSWER_CHOICE.RESPONSE_ID.eq(RESPONSE.ID)
                                .and(ANSWER_CHOICE.QUESTION_ID.eq(questionId))))),
                        DSL.field(DSL.exists(DSL.selectOne().from(ANSWER_SCALE).where(ANSWER_SCALE.RESPONSE_ID.eq(RESPONSE.ID)
                                .and(ANSWER_SCALE.QUESTION_ID.eq(questionId))))),
                        DSL.field(DSL.exists(DSL.selectOne().from(ANSWER_PLACE).where(ANSWER_PLACE.RESPONSE_ID.eq(RESPONSE.ID)
                                .and(ANSWER_PLACE.QUESTION_ID.eq(questionId))))),
                        DSL.field(DSL.exists(DSL.selectOne().from(ANSWER_TEXT).where(ANSWER_TEXT.RESPONSE_ID.eq(RESPONSE.ID)
                                .and(ANSWER_TEXT.QUESTION_ID.eq(questionId))))),
                        placesFound)
                .from(RESPONSE).where(RESPONSE.ID.eq(id)).forUpdate().fetchOptional(Records.mapping(SaveTarget::new));
    }

    /** The facts of a response a save needs, fixed when it starts; empty when there is no such response. */
    record Facts(long surveyId, String language, String deviceLabel, long partnershipId, String templateId) {}

    Optional<Facts> facts(String id) {
        return db.select(RESPONSE.SURVEY_ID, RESPONSE.LANGUAGE, RESPONSE.DEVICE_LABEL, SURVEY.PARTNERSHIP_ID, SURVEY.TEMPLATE_ID)
                .from(RESPONSE).join(SURVEY).on(SURVEY.ID.eq(RESPONSE.SURVEY_ID)).where(RESPONSE.ID.eq(id))
                .fetchOptional(Records.mapping(Facts::new));
    }

    /**
     * The response as a row to write from, only while it is in progress and its survey open: a guard in one
     * statement. The response is the named parameter "response"; the states are inlined (see {@link RenderedOnce}).
     */
    private static org.jooq.Condition writable(String responseId) {
        return RESPONSE.ID.eq(named("response", RESPONSE.ID, responseId))
                .and(RESPONSE.STATUS.eq(DSL.inline(ResponseStatus.IN_PROGRESS, RESPONSE.STATUS)))
                .and(RESPONSE.SURVEY_ID.in(DSL.select(SURVEY.ID).from(SURVEY)
                        .where(SURVEY.STATUS.eq(DSL.inline(SurveyStatus.OPEN, SURVEY.STATUS)))));
    }

    /** A value that varies between calls of a statement rendered once: a named parameter of the column's type. */
    private static <T> Param<T> named(String name, Field<T> column, T value) {
        return DSL.param(name, column).$value(value);
    }

    /** Scale value, new or replacing, in one guarded statement: 0 rows when the response cannot be written to. */
    int upsertScaleIfWritable(String responseId, String questionId, int value) {
        short v = (short) value;
        return hot.execute("scale", Map.of("response", responseId, "question", questionId, "value", v), () ->
                db.insertInto(ANSWER_SCALE, ANSWER_SCALE.RESPONSE_ID, ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE)
                        .select(DSL.select(RESPONSE.ID, named("question", ANSWER_SCALE.QUESTION_ID, questionId),
                                named("value", ANSWER_SCALE.SCALE_VALUE, v)).from(RESPONSE).where(writable(responseId)))
                        .onConflict(ANSWER_SCALE.RESPONSE_ID, ANSWER_SCALE.QUESTION_ID).doUpdate()
                        .set(ANSWER_SCALE.SCALE_VALUE, named("value", ANSWER_SCALE.SCALE_VALUE, v)));
    }

    /** A text answer (not flagged), new or replacing, in one guarded statement: 0 rows when it cannot be written. */
    int upsertTextIfWritable(String responseId, String questionId, String body) {
        return hot.execute("text", Map.of("response", responseId, "question", questionId, "body", body), () ->
                db.insertInto(ANSWER_TEXT, ANSWER_TEXT.RESPONSE_ID, ANSWER_TEXT.QUESTION_ID, ANSWER_TEXT.ITEM,
                                ANSWER_TEXT.BODY, ANSWER_TEXT.FLAGGED)
                        .select(DSL.select(RESPONSE.ID, named("question", ANSWER_TEXT.QUESTION_ID, questionId),
                                        DSL.inline("", ANSWER_TEXT.ITEM), named("body", ANSWER_TEXT.BODY, body),
                                        DSL.inline(false, ANSWER_TEXT.FLAGGED))
                                .from(RESPONSE).where(writable(responseId)))
                        .onConflict(ANSWER_TEXT.RESPONSE_ID, ANSWER_TEXT.QUESTION_ID, ANSWER_TEXT.ITEM).doUpdate()
                        .set(ANSWER_TEXT.BODY, named("body", ANSWER_TEXT.BODY, body))
                        .set(ANSWER_TEXT.FLAGGED, DSL.inline(false, ANSWER_TEXT.FLAGGED))
                        .set(ANSWER_TEXT.MODERATION, DSL.inline(Moderation.PENDING, ANSWER_TEXT.MODERATION))
                        .set(ANSWER_TEXT.MODERATED_BY, DSL.inline(null, ANSWER_TEXT.MODERATED_BY)));
    }

    /** A first answer's chosen options in one guarded statement: 0 rows when the response cannot be written to. */
    int insertChoicesIfWritable(String responseId, String questionId, Collection<String> optionIds) {
        if (optionIds.isEmpty()) {
            return 0;
        }
        List<String> options = List.copyOf(optionIds);
        Map<String, Object> values = new HashMap<>();
        values.put("response", responseId);
        values.put("question", questionId);
        for (int i = 0; i < options.size(); i++) {
            values.put("option" + i, options.get(i));
        }
        return hot.execute("choices:" + options.size(), values, () -> {
            org.jooq.Select<org.jooq.Record3<String, String, String>> rows = null;
            for (int i = 0; i < options.size(); i++) {
                var one = DSL.select(RESPONSE.ID, named("question", ANSWER_CHOICE.QUESTION_ID, questionId),
                        named("option" + i, ANSWER_CHOICE.OPTION_ID, options.get(i))).from(RESPONSE).where(writable(responseId));
                rows = rows == null ? one : rows.unionAll(one);
            }
            return db.insertInto(ANSWER_CHOICE, ANSWER_CHOICE.RESPONSE_ID, ANSWER_CHOICE.QUESTION_ID,
                    ANSWER_CHOICE.OPTION_ID).select(rows);
        });
    }

    /**
     * A first places answer (no "why" texts) in one guarded statement: every row or none. The rows are written only
     * while the response can be written to and when every named place is one of the partnership's; 0 rows otherwise.
     */
    int insertPlacesIfWritable(String responseId, String questionId, long partnershipId, List<PlaceInsert> places) {
        if (places.isEmpty()) {
            return 0;
        }
        List<Long> ids = places.stream().map(PlaceInsert::placeId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, Object> values = new HashMap<>();
        values.put("response", responseId);
        values.put("question", questionId);
        if (!ids.isEmpty()) {
            values.put("partnership", partnershipId);
        }
        for (int i = 0; i < ids.size(); i++) {
            values.put("owned" + i, ids.get(i));
        }
        for (int i = 0; i < places.size(); i++) {
            values.put("ref" + i, places.get(i).placeRef());
            values.put("place" + i, places.get(i).placeId());
            values.put("rating" + i, places.get(i).rating());
        }
        return hot.execute("places:" + places.size() + ":" + ids.size(), values, () -> {
            List<Param<Long>> owned = new java.util.ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                owned.add(named("owned" + i, PLACE.ID, ids.get(i)));
            }
            var allOwned = ids.isEmpty() ? DSL.trueCondition()
                    : DSL.field(DSL.selectCount().from(PLACE).where(PLACE.ID.in(owned)
                            .and(PLACE.PARTNERSHIP_ID.eq(named("partnership", PLACE.PARTNERSHIP_ID, partnershipId)))))
                            .eq(DSL.inline(ids.size()));
            org.jooq.Select<org.jooq.Record5<String, String, String, Long, String>> rows = null;
            for (int i = 0; i < places.size(); i++) {
                PlaceInsert place = places.get(i);
                var one = DSL.select(RESPONSE.ID, named("question", ANSWER_PLACE.QUESTION_ID, questionId),
                                named("ref" + i, ANSWER_PLACE.PLACE_REF, place.placeRef()),
                                named("place" + i, ANSWER_PLACE.PLACE_ID, place.placeId()),
                                named("rating" + i, ANSWER_PLACE.RATING, place.rating()))
                        .from(RESPONSE).where(writable(responseId)).and(allOwned);
                rows = rows == null ? one : rows.unionAll(one);
            }
            return db.insertInto(ANSWER_PLACE, ANSWER_PLACE.RESPONSE_ID, ANSWER_PLACE.QUESTION_ID,
                    ANSWER_PLACE.PLACE_REF, ANSWER_PLACE.PLACE_ID, ANSWER_PLACE.RATING).select(rows);
        });
    }

    void deleteChoices(String responseId, String questionId) {
        db.deleteFrom(ANSWER_CHOICE).where(ANSWER_CHOICE.RESPONSE_ID.eq(responseId).and(ANSWER_CHOICE.QUESTION_ID.eq(questionId))).execute();
    }

    void deleteScale(String responseId, String questionId) {
        db.deleteFrom(ANSWER_SCALE).where(ANSWER_SCALE.RESPONSE_ID.eq(responseId).and(ANSWER_SCALE.QUESTION_ID.eq(questionId))).execute();
    }

    void deletePlaces(String responseId, String questionId) {
        db.deleteFrom(ANSWER_PLACE).where(ANSWER_PLACE.RESPONSE_ID.eq(responseId).and(ANSWER_PLACE.QUESTION_ID.eq(questionId))).execute();
    }

    void deleteTexts(String responseId, String questionId) {
        db.deleteFrom(ANSWER_TEXT).where(ANSWER_TEXT.RESPONSE_ID.eq(responseId).and(ANSWER_TEXT.QUESTION_ID.eq(questionId))).execute();
    }

    /** Removes answers to questions the respondent's final answers no longer show (branching). */
    void clearAllBut(String responseId, Collection<String> keepQuestionIds) {
        db.deleteFrom(ANSWER_CHOICE).where(ANSWER_CHOICE.RESPONSE_ID.eq(responseId).and(ANSWER_CHOICE.QUESTION_ID.notIn(keepQuestionIds))).execute();
        db.deleteFrom(ANSWER_SCALE).where(ANSWER_SCALE.RESPONSE_ID.eq(responseId).and(ANSWER_SCALE.QUESTION_ID.notIn(keepQuestionIds))).execute();
        db.deleteFrom(ANSWER_PLACE).where(ANSWER_PLACE.RESPONSE_ID.eq(responseId).and(ANSWER_PLACE.QUESTION_ID.notIn(keepQuestionIds))).execute();
        db.deleteFrom(ANSWER_TEXT).where(ANSWER_TEXT.RESPONSE_ID.eq(responseId).and(ANSWER_TEXT.QUESTION_ID.notIn(keepQuestionIds))).execute();
    }

    void insertChoices(String responseId, String questionId, Collection<String> optionIds) {
        var insert = db.insertInto(ANSWER_CHOICE, ANSWER_CHOICE.RESPONSE_ID, ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID);
        optionIds.forEach(o -> insert.values(responseId, questionId, o));
        if (!optionIds.isEmpty()) {
            insert.execute();
        }
    }

    /** The question's one scale value, new or replacing the one before, in one statement. */
    void upsertScale(String responseId, String questionId, int value) {
        db.insertInto(ANSWER_SCALE).set(ANSWER_SCALE.RESPONSE_ID, responseId).set(ANSWER_SCALE.QUESTION_ID, questionId)
                .set(ANSWER_SCALE.SCALE_VALUE, (short) value)
                .onConflict(ANSWER_SCALE.RESPONSE_ID, ANSWER_SCALE.QUESTION_ID).doUpdate()
                .set(ANSWER_SCALE.SCALE_VALUE, (short) value).execute();
    }

    record PlaceInsert(String placeRef, Long placeId, String rating) {}

    void insertPlaces(String responseId, String questionId, List<PlaceInsert> places) {
        var insert = db.insertInto(ANSWER_PLACE, ANSWER_PLACE.RESPONSE_ID, ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF,
                ANSWER_PLACE.PLACE_ID, ANSWER_PLACE.RATING);
        places.forEach(p -> insert.values(responseId, questionId, p.placeRef(), p.placeId(), p.rating()));
        if (!places.isEmpty()) {
            insert.execute();
        }
    }

    record TextInsert(String item, String body, boolean flagged) {}

    void insertTexts(String responseId, String questionId, List<TextInsert> texts) {
        var insert = db.insertInto(ANSWER_TEXT, ANSWER_TEXT.RESPONSE_ID, ANSWER_TEXT.QUESTION_ID, ANSWER_TEXT.ITEM,
                ANSWER_TEXT.BODY, ANSWER_TEXT.FLAGGED);
        texts.forEach(t -> insert.values(responseId, questionId, t.item(), t.body(), t.flagged()));
        if (!texts.isEmpty()) {
            insert.execute();
        }
    }

    /** A text answer, new or replacing the one before (which waits for a facilitator again), in one statement. */
    void upsertText(String responseId, String questionId, String item, String body, boolean flagged) {
        db.insertInto(ANSWER_TEXT).set(ANSWER_TEXT.RESPONSE_ID, responseId).set(ANSWER_TEXT.QUESTION_ID, questionId)
                .set(ANSWER_TEXT.ITEM, item).set(ANSWER_TEXT.BODY, body).set(ANSWER_TEXT.FLAGGED, flagged)
                .onConflict(ANSWER_TEXT.RESPONSE_ID, ANSWER_TEXT.QUESTION_ID, ANSWER_TEXT.ITEM).doUpdate()
                .set(ANSWER_TEXT.BODY, body).set(ANSWER_TEXT.FLAGGED, flagged).set(ANSWER_TEXT.MODERATION, Moderation.PENDING)
                .setNull(ANSWER_TEXT.MODERATED_BY).execute();
    }

    List<ChoiceRow> choices(String responseId) {
        return db.select(ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID).from(ANSWER_CHOICE)
                .where(ANSWER_CHOICE.RESPONSE_ID.eq(responseId)).orderBy(ANSWER_CHOICE.OPTION_ID)
                .fetch(Records.mapping(ChoiceRow::new));
    }

    List<ScaleRow> scales(String responseId) {
        return db.select(ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE.cast(Integer.class)).from(ANSWER_SCALE)
                .where(ANSWER_SCALE.RESPONSE_ID.eq(responseId)).fetch(Records.mapping(ScaleRow::new));
    }

    List<PlaceRow> placeRows(String responseId) {
        return db.select(ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF, ANSWER_PLACE.RATING).from(ANSWER_PLACE)
                .where(ANSWER_PLACE.RESPONSE_ID.eq(responseId)).orderBy(ANSWER_PLACE.PLACE_REF)
                .fetch(Records.mapping(PlaceRow::new));
    }

    List<TextRow> texts(String responseId) {
        return db.select(ANSWER_TEXT.QUESTION_ID, ANSWER_TEXT.ITEM, ANSWER_TEXT.BODY).from(ANSWER_TEXT)
                .where(ANSWER_TEXT.RESPONSE_ID.eq(responseId)).fetch(Records.mapping(TextRow::new));
    }

    /** Exactly one state change per response: a second submit changes nothing. */
    boolean submit(String id, LocalDate day) {
        return db.update(RESPONSE).set(RESPONSE.STATUS, ResponseStatus.SUBMITTED).set(RESPONSE.SUBMITTED_ON, day)
                .set(RESPONSE.RECORD_KEY, ReleaseGroups.recordKey())
                .setNull(RESPONSE.ACTIVE_HOUR)
                .where(RESPONSE.ID.eq(id).and(RESPONSE.STATUS.eq(ResponseStatus.IN_PROGRESS))).execute() == 1;
    }

    record FlagRow(String body, String earlier) {}

    /** The current flag of a response's question (slot 0; older rows from before one flag per question are left alone). */
    Optional<FlagRow> flag(String responseId, String questionId) {
        return db.select(SAFEGUARDING_FLAG.BODY, SAFEGUARDING_FLAG.EARLIER).from(SAFEGUARDING_FLAG)
                .where(SAFEGUARDING_FLAG.RESPONSE_ID.eq(responseId).and(SAFEGUARDING_FLAG.QUESTION_ID.eq(questionId))
                        .and(SAFEGUARDING_FLAG.SLOT.eq(0L)))
                .fetchOptional(Records.mapping(FlagRow::new));
    }

    /**
     * Writes the one flag of a response's question: a new row, or the same row updated (new text, open again,
     * at the top of the queue). The unique key (response, question, slot) makes a second row impossible.
     */
    void upsertFlag(long partnershipId, long surveyId, String responseId, String questionId, String body, String earlier,
                    String deviceLabel, String indicators, String categories, String detection, OffsetDateTime at) {
        db.insertInto(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.PARTNERSHIP_ID, partnershipId)
                .set(SAFEGUARDING_FLAG.SURVEY_ID, surveyId).set(SAFEGUARDING_FLAG.RESPONSE_ID, responseId)
                .set(SAFEGUARDING_FLAG.QUESTION_ID, questionId).set(SAFEGUARDING_FLAG.SLOT, 0L)
                .set(SAFEGUARDING_FLAG.BODY, body).set(SAFEGUARDING_FLAG.EARLIER, earlier)
                .set(SAFEGUARDING_FLAG.DEVICE_LABEL, deviceLabel).set(SAFEGUARDING_FLAG.INDICATORS, indicators)
                .set(SAFEGUARDING_FLAG.CATEGORIES, categories).set(SAFEGUARDING_FLAG.DETECTION, detection)
                .set(SAFEGUARDING_FLAG.FLAGGED_AT, at)
                .onConflict(SAFEGUARDING_FLAG.RESPONSE_ID, SAFEGUARDING_FLAG.QUESTION_ID, SAFEGUARDING_FLAG.SLOT).doUpdate()
                .set(SAFEGUARDING_FLAG.BODY, body).set(SAFEGUARDING_FLAG.EARLIER, earlier)
                .set(SAFEGUARDING_FLAG.INDICATORS, indicators).set(SAFEGUARDING_FLAG.FLAGGED_AT, at)
                .set(SAFEGUARDING_FLAG.CATEGORIES, categories)
                .set(SAFEGUARDING_FLAG.DETECTION, detection)
                // new words are a new arrival: nobody has read them yet
                .set(SAFEGUARDING_FLAG.STATUS, FlagStatus.OPEN).setNull(SAFEGUARDING_FLAG.OPENED_BY).setNull(SAFEGUARDING_FLAG.OPENED_AT)
                .execute();
    }

    static int flagBodyMax() {
        return SAFEGUARDING_FLAG.BODY.getDataType().length();
    }

    static int flagEarlierMax() {
        return SAFEGUARDING_FLAG.EARLIER.getDataType().length();
    }

    static int flagCategoriesMax() {
        return SAFEGUARDING_FLAG.CATEGORIES.getDataType().length();
    }

    static int flagIndicatorsMax() {
        return SAFEGUARDING_FLAG.INDICATORS.getDataType().length();
    }

    /** The discard rule: unfinished responses idle since before this hour go, with their answers. */
    int deleteUnfinishedIdleBefore(Instant hour) {
        return db.deleteFrom(RESPONSE).where(RESPONSE.STATUS.eq(ResponseStatus.IN_PROGRESS)
                .and(RESPONSE.ACTIVE_HOUR.lt(hour.atOffset(ZoneOffset.UTC)))).execute();
    }

    int countByStatus(long surveyId, ResponseStatus status) {
        return db.fetchCount(RESPONSE, RESPONSE.SURVEY_ID.eq(surveyId).and(RESPONSE.STATUS.eq(status)));
    }
}
