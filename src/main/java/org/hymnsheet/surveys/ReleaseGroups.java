package org.hymnsheet.surveys;

import static org.hymnsheet.db.Tables.ANSWER_CHOICE;
import static org.hymnsheet.db.Tables.RELEASE_GROUP;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hymnsheet.common.ResponseStatus;
import org.hymnsheet.common.Suppression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/**
 * Release groups (decision 0016): a submitted response is counted anywhere (boards, findings, "you said, we did",
 * exports) only once four more responses alike have arrived: same survey, same setting (kiosk or own device), same
 * age band. Five such responses are released together as one group, dated the day the fifth arrived. Every filter a
 * reader can set selects whole groups, so two views (two periods a day apart, one template more or less, a board
 * before and after one young person presses Send) always differ by five young people or by none.
 */
@Repository
class ReleaseGroups {
    /** How many alike responses make a release group. */
    public static final int SIZE = Suppression.THRESHOLD;
    /** The standard "about you" question whose answer is the age band (templates' {@code about-you} section). */
    public static final String AGE_QUESTION = "about-age";
    /** The age band of a response that gave none. */
    public static final String NO_AGE = "";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;

    ReleaseGroups(DSLContext db) {
        this.db = db;
    }

    /** A fresh record key for a response being submitted. */
    static int recordKey() {
        return RANDOM.nextInt(Suppression.KEY_RANGE);
    }

    /** The setting of a response as grouped and filtered (the names of {@code findings.Setting}). */
    static Field<String> settingOf() {
        return when(RESPONSE.DEVICE_LABEL.isNotNull(), inline("KIOSK")).else_(inline("OWN_DEVICE"));
    }

    /**
     * Releases every complete group of the survey's submitted, unreleased responses, oldest first, and says how many
     * groups it released. Runs in the caller's transaction; the survey row is locked so two nodes submitting the
     * fifth and sixth response at once cannot put one response in two groups.
     */
    int release(long surveyId, LocalDate today) {
        db.select(SURVEY.ID).from(SURVEY).where(SURVEY.ID.eq(surveyId)).forUpdate().fetchOne();
        Field<String> age = select(ANSWER_CHOICE.OPTION_ID).from(ANSWER_CHOICE)
                .where(ANSWER_CHOICE.RESPONSE_ID.eq(RESPONSE.ID)).and(ANSWER_CHOICE.QUESTION_ID.eq(AGE_QUESTION))
                .limit(1).asField("age");
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        db.select(RESPONSE.ID, settingOf(), age).from(RESPONSE)
                .where(RESPONSE.SURVEY_ID.eq(surveyId)).and(RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED))
                .and(RESPONSE.RELEASE_GROUP_ID.isNull())
                .orderBy(RESPONSE.SUBMITTED_ON, RESPONSE.ID)
                .forEach(r -> waiting.computeIfAbsent(r.value2() + "\n" + (r.value3() == null ? NO_AGE : r.value3()),
                        k -> new ArrayList<>()).add(r.value1()));
        int released = 0;
        for (var entry : waiting.entrySet()) {
            String[] key = entry.getKey().split("\n", -1);
            List<String> ids = entry.getValue();
            for (int from = 0; from + SIZE <= ids.size(); from += SIZE) {
                long group = db.insertInto(RELEASE_GROUP)
                        .set(RELEASE_GROUP.SURVEY_ID, surveyId)
                        .set(RELEASE_GROUP.SETTING, key[0])
                        .set(RELEASE_GROUP.AGE_BAND, key[1])
                        .set(RELEASE_GROUP.RELEASED_ON, today)
                        .returning(RELEASE_GROUP.ID).fetchOne().getId();
                db.update(RESPONSE).set(RESPONSE.RELEASE_GROUP_ID, group)
                        .where(RESPONSE.ID.in(ids.subList(from, from + SIZE))).execute();
                released++;
            }
        }
        return released;
    }

    /** Surveys with submitted responses not yet in a group (after an upgrade, every survey that has responses). */
    List<Long> surveysWaiting() {
        return db.selectDistinct(RESPONSE.SURVEY_ID).from(RESPONSE)
                .where(RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED)).and(RESPONSE.RELEASE_GROUP_ID.isNull())
                .fetch(RESPONSE.SURVEY_ID);
    }
}
