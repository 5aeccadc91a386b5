package org.hymnsheet.surveys;

import static org.hymnsheet.db.Tables.ANSWER_CHOICE;
import static org.hymnsheet.db.Tables.ANSWER_PLACE;
import static org.hymnsheet.db.Tables.ANSWER_SCALE;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.PLACE;
import static org.hymnsheet.db.Tables.RELEASE_GROUP;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.extract;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.common.Suppression;
import org.jooq.Condition;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Records;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Young people's answers counted, each count one GROUP BY over the answer rows of released responses (decision
 * 0016) with the sum of their record keys. Nothing here is shown as it is: {@link SurveyVoiceService} and the
 * findings pass every count through {@link org.hymnsheet.common.Suppression} before it leaves. The one place where
 * boards, "you said, we did" and findings count young people's answers.
 */
@Repository
public class VoiceRepository {
    /** How many released responses gave this option or scale point to this question, with their key sum. */
    public record Tally(String questionId, String key, Suppression.Tally count) {}

    /** How many released responses rated this place so. */
    public record PlaceTally(String questionId, String placeRef, String rating, Suppression.Tally count) {}

    public record PlaceName(String ref, String name) {}

    private final DSLContext db;

    VoiceRepository(DSLContext db) {
        this.db = db;
    }

    /** The released responses of one survey: what a board or "you said, we did" counts. */
    public static Condition releasedOf(long surveyId) {
        return RESPONSE.SURVEY_ID.eq(surveyId).and(RESPONSE.RELEASE_GROUP_ID.isNotNull());
    }

    /** Released responses whose release group matches the condition (on {@code RELEASE_GROUP}). */
    public static Condition releasedIn(Condition groups) {
        return RESPONSE.RELEASE_GROUP_ID.in(select(RELEASE_GROUP.ID).from(RELEASE_GROUP).where(groups));
    }

    private static final Field<Long> KEY = RESPONSE.RECORD_KEY.cast(SQLDataType.BIGINT);

    private static Suppression.Tally tally(Number count, Number keySum) {
        return new Suppression.Tally(count == null ? 0 : count.longValue(), keySum == null ? 0 : keySum.longValue());
    }

    /** How many responses the population holds, with their key sum. */
    public Suppression.Tally responses(Condition population) {
        return db.select(count(), sum(KEY)).from(RESPONSE).where(population)
                .fetchOne(r -> tally(r.value1(), r.value2()));
    }

    /** Per question and option: how many responses of the population chose it. */
    public List<Tally> choices(Condition population) {
        return db.select(ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID, count(), sum(KEY))
                .from(ANSWER_CHOICE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_CHOICE.RESPONSE_ID))
                .where(population)
                .groupBy(ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID)
                .orderBy(ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID)
                .fetch(r -> new Tally(r.value1(), r.value2(), tally(r.value3(), r.value4())));
    }

    /** Per scale question and point (key "1" to "5"): how many responses of the population gave it. */
    public List<Tally> scales(Condition population) {
        return db.select(ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE, count(), sum(KEY))
                .from(ANSWER_SCALE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_SCALE.RESPONSE_ID))
                .where(population)
                .groupBy(ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE)
                .orderBy(ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE)
                .fetch(r -> new Tally(r.value1(), String.valueOf(r.value2()), tally(r.value3(), r.value4())));
    }

    /** How many responses of the population answered each choice, trusted-people or scale question. */
    public Map<String, Suppression.Tally> answered(Condition population) {
        Field<String> question = ANSWER_CHOICE.QUESTION_ID.as("q");
        Field<String> response = ANSWER_CHOICE.RESPONSE_ID.as("r");
        var choiceAnswers = select(question, response)
                .from(ANSWER_CHOICE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_CHOICE.RESPONSE_ID))
                .where(population)
                .union(select(ANSWER_SCALE.QUESTION_ID.as("q"), ANSWER_SCALE.RESPONSE_ID.as("r"))
                        .from(ANSWER_SCALE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_SCALE.RESPONSE_ID))
                        .where(population))
                .asTable("a");
        Field<String> q = choiceAnswers.field(question);
        Field<String> r = choiceAnswers.field(response);
        return db.select(q, count(), sum(KEY)).from(choiceAnswers).join(RESPONSE).on(RESPONSE.ID.eq(r))
                .groupBy(q)
                .fetchMap(Record3::value1, x -> tally(x.value2(), x.value3()));
    }

    /** Per places question, place and rating: how many responses of the population rated it so. */
    public List<PlaceTally> places(Condition population) {
        return db.select(ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF, ANSWER_PLACE.RATING, count(), sum(KEY))
                .from(ANSWER_PLACE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_PLACE.RESPONSE_ID))
                .where(population)
                .groupBy(ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF, ANSWER_PLACE.RATING)
                .orderBy(ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF, ANSWER_PLACE.RATING)
                .fetch(r -> new PlaceTally(r.value1(), r.value2(), r.value3(), tally(r.value4(), r.value5())));
    }

    /** Per places question and place: how many responses of the population rated it at all. */
    public Map<String, Suppression.Tally> placesRated(Condition population) {
        return db.select(ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF, count(), sum(KEY))
                .from(ANSWER_PLACE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_PLACE.RESPONSE_ID))
                .where(population)
                .groupBy(ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF)
                .fetchMap(x -> x.value1() + "/" + x.value2(), x -> tally(x.value3(), x.value4()));
    }

    /** A count under a template, a question and a key (option, scale point, setting, age band…). */
    public record Cell(String templateId, String questionId, String key, Suppression.Tally count) {}

    /** Per template, choice question and option, across the surveys of the population. */
    public List<Cell> choicesByTemplate(Condition population) {
        return db.select(SURVEY.TEMPLATE_ID, ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID, count(), sum(KEY))
                .from(ANSWER_CHOICE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_CHOICE.RESPONSE_ID))
                .join(SURVEY).on(SURVEY.ID.eq(RESPONSE.SURVEY_ID))
                .where(population)
                .groupBy(SURVEY.TEMPLATE_ID, ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID)
                .orderBy(SURVEY.TEMPLATE_ID, ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID)
                .fetch(r -> new Cell(r.value1(), r.value2(), r.value3(), tally(r.value4(), r.value5())));
    }

    /** Per template and choice question: how many responses of the population answered it. */
    public List<Cell> choicesAnsweredByTemplate(Condition population) {
        Field<String> template = SURVEY.TEMPLATE_ID.as("t");
        Field<String> question = ANSWER_CHOICE.QUESTION_ID.as("q");
        Field<String> response = ANSWER_CHOICE.RESPONSE_ID.as("r");
        var answers = selectDistinct(template, question, response)
                .from(ANSWER_CHOICE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_CHOICE.RESPONSE_ID))
                .join(SURVEY).on(SURVEY.ID.eq(RESPONSE.SURVEY_ID))
                .where(population).asTable("a");
        Field<String> t = answers.field(template);
        Field<String> q = answers.field(question);
        Field<String> r = answers.field(response);
        return db.select(t, q, count(), sum(KEY)).from(answers).join(RESPONSE).on(RESPONSE.ID.eq(r))
                .groupBy(t, q).orderBy(t, q)
                .fetch(x -> new Cell(x.value1(), x.value2(), "", tally(x.value3(), x.value4())));
    }

    /** Per template, scale question and point (1 to 5), across the surveys of the population. */
    public List<Cell> scalesByTemplate(Condition population) {
        return db.select(SURVEY.TEMPLATE_ID, ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE, count(), sum(KEY))
                .from(ANSWER_SCALE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_SCALE.RESPONSE_ID))
                .join(SURVEY).on(SURVEY.ID.eq(RESPONSE.SURVEY_ID))
                .where(population)
                .groupBy(SURVEY.TEMPLATE_ID, ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE)
                .orderBy(SURVEY.TEMPLATE_ID, ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE)
                .fetch(r -> new Cell(r.value1(), r.value2(), String.valueOf(r.value3()), tally(r.value4(), r.value5())));
    }

    /**
     * Scale answers of one template split by the answer to one of its choice questions (the 9xAs check by the
     * respondent's role): per scale question, option of {@code byQuestion} ("" when not answered) and point.
     */
    public List<Cell> scalesBy(Condition population, String templateId, String byQuestion) {
        var by = ANSWER_CHOICE.as("by");
        Field<String> option = coalesce(by.OPTION_ID, inline(""));
        return db.select(ANSWER_SCALE.QUESTION_ID, option, ANSWER_SCALE.SCALE_VALUE, count(), sum(KEY))
                .from(ANSWER_SCALE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_SCALE.RESPONSE_ID))
                .join(SURVEY).on(SURVEY.ID.eq(RESPONSE.SURVEY_ID))
                .leftJoin(by).on(by.RESPONSE_ID.eq(RESPONSE.ID)).and(by.QUESTION_ID.eq(byQuestion))
                .where(population).and(SURVEY.TEMPLATE_ID.eq(templateId))
                .groupBy(ANSWER_SCALE.QUESTION_ID, option, ANSWER_SCALE.SCALE_VALUE)
                .fetch(r -> new Cell(r.value2(), r.value1(), String.valueOf(r.value3()), tally(r.value4(), r.value5())));
    }

    /** Released responses of the population per setting (key KIOSK or OWN_DEVICE). */
    public List<Cell> bySetting(Condition population) {
        return db.select(RELEASE_GROUP.SETTING, count(), sum(KEY))
                .from(RESPONSE).join(RELEASE_GROUP).on(RELEASE_GROUP.ID.eq(RESPONSE.RELEASE_GROUP_ID))
                .where(population).groupBy(RELEASE_GROUP.SETTING).orderBy(RELEASE_GROUP.SETTING)
                .fetch(r -> new Cell("", "", r.value1(), tally(r.value2(), r.value3())));
    }

    /** Released responses of the population per age band (key "" for none given). */
    public List<Cell> byAgeBand(Condition population) {
        return db.select(RELEASE_GROUP.AGE_BAND, count(), sum(KEY))
                .from(RESPONSE).join(RELEASE_GROUP).on(RELEASE_GROUP.ID.eq(RESPONSE.RELEASE_GROUP_ID))
                .where(population).groupBy(RELEASE_GROUP.AGE_BAND).orderBy(RELEASE_GROUP.AGE_BAND)
                .fetch(r -> new Cell("", "", r.value1(), tally(r.value2(), r.value3())));
    }

    /** A place of the partnership with how the population rated it. */
    public record PlaceCell(long placeId, String name, String kind, String rating, Suppression.Tally count) {}

    /** Per local place (not "somewhere else") and rating, across every places question of the population. */
    public List<PlaceCell> placeRatings(Condition population) {
        return db.select(PLACE.ID, PLACE.NAME, PLACE.KIND, ANSWER_PLACE.RATING, count(), sum(KEY))
                .from(ANSWER_PLACE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_PLACE.RESPONSE_ID))
                .join(PLACE).on(PLACE.ID.eq(ANSWER_PLACE.PLACE_ID))
                .where(population)
                .groupBy(PLACE.ID, PLACE.NAME, PLACE.KIND, ANSWER_PLACE.RATING)
                .orderBy(PLACE.NAME, ANSWER_PLACE.RATING)
                .fetch(r -> new PlaceCell(r.value1(), r.value2(), r.value3(), r.value4(), tally(r.value5(), r.value6())));
    }

    /** Per local place: how many responses of the population rated it at all. */
    public Map<Long, Suppression.Tally> placeRated(Condition population) {
        return db.select(PLACE.ID, count(), sum(KEY))
                .from(ANSWER_PLACE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_PLACE.RESPONSE_ID))
                .join(PLACE).on(PLACE.ID.eq(ANSWER_PLACE.PLACE_ID))
                .where(population).groupBy(PLACE.ID)
                .fetchMap(r -> r.value1(), r -> tally(r.value2(), r.value3()));
    }

    /** Unsafe ratings per quarter of release ("2026 Q3") and place kind; key "" counts every unsafe rating. */
    public List<Cell> unsafeByQuarter(Condition population) {
        Field<Integer> year = extract(RELEASE_GROUP.RELEASED_ON, DatePart.YEAR);
        Field<Integer> quarter = extract(RELEASE_GROUP.RELEASED_ON, DatePart.QUARTER);
        Field<String> kind = coalesce(PLACE.KIND, inline(""));
        return db.select(year, quarter, kind, count(), sum(KEY))
                .from(ANSWER_PLACE).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_PLACE.RESPONSE_ID))
                .join(RELEASE_GROUP).on(RELEASE_GROUP.ID.eq(RESPONSE.RELEASE_GROUP_ID))
                .leftJoin(PLACE).on(PLACE.ID.eq(ANSWER_PLACE.PLACE_ID))
                .where(population).and(ANSWER_PLACE.RATING.eq("UNSAFE"))
                .groupBy(year, quarter, kind).orderBy(year, quarter, kind)
                .fetch(r -> new Cell(r.value1() + " Q" + r.value2(), "", r.value3(), tally(r.value4(), r.value5())));
    }

    /** Approved "why" texts of rated places, per place id (at most {@code perPlace} each, the latest first). */
    public Map<Long, List<String>> placeReasons(Condition population, int perPlace) {
        Map<Long, List<String>> reasons = new java.util.LinkedHashMap<>();
        db.select(ANSWER_PLACE.PLACE_ID, ANSWER_TEXT.BODY)
                .from(ANSWER_TEXT).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID))
                .join(ANSWER_PLACE).on(ANSWER_PLACE.RESPONSE_ID.eq(ANSWER_TEXT.RESPONSE_ID))
                .and(ANSWER_PLACE.QUESTION_ID.eq(ANSWER_TEXT.QUESTION_ID)).and(ANSWER_PLACE.PLACE_REF.eq(ANSWER_TEXT.ITEM))
                .where(population).and(ANSWER_TEXT.MODERATION.eq(Moderation.APPROVED)).and(ANSWER_PLACE.PLACE_ID.isNotNull())
                .orderBy(ANSWER_PLACE.PLACE_ID, RESPONSE.SUBMITTED_ON.desc(), ANSWER_TEXT.ID.desc())
                .forEach(r -> {
                    List<String> list = reasons.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>());
                    if (list.size() < perPlace) {
                        list.add(r.value2());
                    }
                });
        return reasons;
    }

    /** A local place of the partnership with its kind. */
    public record PartnershipPlace(long id, String name, String kind) {}

    /** The partnership's places with their kinds, by name. */
    public List<PartnershipPlace> places(long partnershipId) {
        return db.select(PLACE.ID, PLACE.NAME, PLACE.KIND).from(PLACE).where(PLACE.PARTNERSHIP_ID.eq(partnershipId))
                .orderBy(PLACE.NAME_KEY).fetch(Records.mapping(PartnershipPlace::new));
    }

    /** The partnership's places, as respondents see them listed. */
    public List<PlaceName> placeNames(long partnershipId) {
        return db.select(PLACE.ID.cast(String.class), PLACE.NAME).from(PLACE).where(PLACE.PARTNERSHIP_ID.eq(partnershipId))
                .orderBy(PLACE.NAME_KEY).fetch(Records.mapping(PlaceName::new));
    }

    /**
     * Approved texts of the population's responses to these questions, the most recently written first (only
     * the words leave: no date, device or setting).
     */
    public List<String> approvedTexts(Condition population, Collection<String> questionIds, int limit) {
        if (questionIds.isEmpty()) {
            return List.of();
        }
        return db.select(ANSWER_TEXT.BODY)
                .from(ANSWER_TEXT).join(RESPONSE).on(RESPONSE.ID.eq(ANSWER_TEXT.RESPONSE_ID))
                .where(population)
                .and(ANSWER_TEXT.MODERATION.eq(Moderation.APPROVED))
                .and(ANSWER_TEXT.QUESTION_ID.in(questionIds))
                .orderBy(RESPONSE.SUBMITTED_ON.desc(), ANSWER_TEXT.ID.desc())
                .limit(limit)
                .fetch(ANSWER_TEXT.BODY);
    }
}
