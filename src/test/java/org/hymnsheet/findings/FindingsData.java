package org.hymnsheet.findings;

import org.hymnsheet.common.SurveyStatus;
import org.hymnsheet.common.WorkshopStatus;
import static org.hymnsheet.db.Tables.AGENCY;
import static org.hymnsheet.db.Tables.ANSWER_CHOICE;
import static org.hymnsheet.db.Tables.ANSWER_PLACE;
import static org.hymnsheet.db.Tables.ANSWER_SCALE;
import static org.hymnsheet.db.Tables.CARD;
import static org.hymnsheet.db.Tables.CARD_CONTEXT;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.PARTICIPANT;
import static org.hymnsheet.db.Tables.PLACE;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.hymnsheet.db.Tables.RELEASE_GROUP;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SPEAKING_TURN;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.hymnsheet.db.Tables.WORKSHOP;
import static org.hymnsheet.db.Tables.WORKSHOP_STAGE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ResponseStatus;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Generates findings data at scale straight into the tables (the services would take hours): partnerships with
 * agencies and places, released survey responses with their answers, and ended workshops with every kind of input.
 * Seeded, so two runs make the same data.
 */
final class FindingsData {
    static final String[] KINDS = {"PARK", "TRANSPORT_HUB", "SCHOOL", "HIGH_STREET", "ESTATE", "ONLINE", "OTHER", "PARK"};
    static final String[] MOST_SAFE = {"home", "school", "friends-home", "youth-club", "out-and-about", "online", "nowhere"};
    static final String[] TRUSTED = {"parent-carer", "family", "teacher", "youth-worker", "social-worker", "police", "nobody"};
    static final String[] KNOWN_SCALES = {"knows-me", "listens", "explains-sharing", "asks-first", "known-overall"};
    static final String[] CONTEXTS = {"individual", "family", "peers", "school", "neighbourhood-or-public-space", "online"};
    static final String[] LEVELS = {"PRACTITIONER", "MANAGER", "STRATEGIC_LEADER"};
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    static final int DAYS = 700;

    record Made(List<Long> partnerships, long answers, long responses, long workshops, long inputRows) {}

    private final DSLContext db;
    private final Random random = new Random(20261202);
    private final List<Query> batch = new ArrayList<>();
    private long rows;

    FindingsData(DSLContext db) {
        this.db = db;
    }

    Made make(TestWorld world, int partnerships, long answersWanted, int workshopsWanted) {
        List<Long> ids = new ArrayList<>();
        long answers = 0;
        long responses = 0;
        long inputRows = 0;
        long answersEach = answersWanted / partnerships;
        int workshopsEach = workshopsWanted / partnerships;
        for (int p = 0; p < partnerships; p++) {
            long partnership = world.partnership();
            ids.add(partnership);
            List<Long> agencies = new ArrayList<>();
            for (int a = 0; a < 9; a++) {
                agencies.add(world.agency(partnership));
            }
            List<Long> places = new ArrayList<>();
            for (int i = 0; i < KINDS.length; i++) {
                String name = "Place " + p + "-" + i;
                places.add(db.insertInto(PLACE).set(PLACE.PARTNERSHIP_ID, partnership).set(PLACE.NAME, name)
                        .set(PLACE.NAME_KEY, name.toLowerCase()).set(PLACE.KIND, KINDS[i])
                        .returning(PLACE.ID).fetchOne().getId());
            }
            long safe = survey(partnership, "safe-places");
            long known = survey(partnership, "known-by-professionals");
            long made = 0;
            while (made < answersEach) {
                boolean safePlaces = random.nextBoolean();
                long survey = safePlaces ? safe : known;
                String setting = random.nextInt(10) < 4 ? "KIOSK" : "OWN_DEVICE";
                long group = db.insertInto(RELEASE_GROUP).set(RELEASE_GROUP.SURVEY_ID, survey)
                        .set(RELEASE_GROUP.SETTING, setting).set(RELEASE_GROUP.AGE_BAND, "")
                        .set(RELEASE_GROUP.RELEASED_ON, FIRST_DAY.plusDays(random.nextInt(DAYS)))
                        .returning(RELEASE_GROUP.ID).fetchOne().getId();
                for (int r = 0; r < 5; r++) {
                    String id = UUID.randomUUID().toString();
                    add(db.insertInto(RESPONSE, RESPONSE.ID, RESPONSE.SURVEY_ID, RESPONSE.STATUS, RESPONSE.LANGUAGE,
                                    RESPONSE.DEVICE_LABEL, RESPONSE.STARTED_ON, RESPONSE.SUBMITTED_ON, RESPONSE.RECORD_KEY,
                                    RESPONSE.RELEASE_GROUP_ID)
                            .values(id, survey, ResponseStatus.SUBMITTED, "en", setting.equals("KIOSK") ? "Club tablet" : null,
                                    FIRST_DAY, FIRST_DAY, random.nextInt(256), group));
                    responses++;
                    made += safePlaces ? safeAnswers(id, places) : knownAnswers(id);
                }
            }
            answers += made;
            for (int w = 0; w < workshopsEach; w++) {
                inputRows += workshop(partnership, agencies);
            }
            flush();
        }
        flush();
        return new Made(ids, answers, responses, (long) workshopsEach * partnerships, inputRows);
    }

    private long survey(long partnership, String template) {
        String code = UUID.randomUUID().toString().substring(0, 8);
        return db.insertInto(SURVEY).set(SURVEY.PARTNERSHIP_ID, partnership).set(SURVEY.TEMPLATE_ID, template)
                .set(SURVEY.TITLE, template + " " + partnership).set(SURVEY.STATUS, SurveyStatus.OPEN)
                .set(SURVEY.ACCESS_CODE, code).set(SURVEY.LINK_TOKEN, UUID.randomUUID().toString())
                .set(SURVEY.CREATED_AT, OffsetDateTime.now()).returning(SURVEY.ID).fetchOne().getId();
    }

    private int safeAnswers(String id, List<Long> places) {
        int n = 0;
        add(db.insertInto(ANSWER_SCALE, ANSWER_SCALE.RESPONSE_ID, ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE)
                .values(id, "area-feels", (short) (1 + random.nextInt(5))));
        n++;
        int first = random.nextInt(places.size());
        for (int i = 0; i < 3; i++) {
            long place = places.get((first + i) % places.size());
            add(db.insertInto(ANSWER_PLACE, ANSWER_PLACE.RESPONSE_ID, ANSWER_PLACE.QUESTION_ID, ANSWER_PLACE.PLACE_REF,
                            ANSWER_PLACE.PLACE_ID, ANSWER_PLACE.RATING)
                    .values(id, "places", String.valueOf(place), place, new String[] {"SAFE", "NOT_SURE", "UNSAFE"}[random.nextInt(3)]));
            n++;
        }
        add(choice(id, "most-safe", MOST_SAFE[random.nextInt(MOST_SAFE.length)]));
        int t = random.nextInt(TRUSTED.length - 1);
        add(choice(id, "trusted-adults", TRUSTED[t]));
        add(choice(id, "trusted-adults", TRUSTED[t + 1]));
        return n + 3;
    }

    private int knownAnswers(String id) {
        boolean has = random.nextInt(3) > 0;
        add(choice(id, "has-worker", has ? "yes" : "no"));
        if (!has) {
            return 1;
        }
        add(choice(id, "worker-kind", new String[] {"social-worker", "youth-worker", "school", "health"}[random.nextInt(4)]));
        for (String q : KNOWN_SCALES) {
            add(db.insertInto(ANSWER_SCALE, ANSWER_SCALE.RESPONSE_ID, ANSWER_SCALE.QUESTION_ID, ANSWER_SCALE.SCALE_VALUE)
                    .values(id, q, (short) (1 + random.nextInt(5))));
        }
        return 2 + KNOWN_SCALES.length;
    }

    private Query choice(String id, String question, String option) {
        return db.insertInto(ANSWER_CHOICE, ANSWER_CHOICE.RESPONSE_ID, ANSWER_CHOICE.QUESTION_ID, ANSWER_CHOICE.OPTION_ID)
                .values(id, question, option);
    }

    /** An ended hymn sheet workshop of 15 participants with framing, card sort, pulse and speaking turns. */
    private long workshop(long partnership, List<Long> agencies) {
        OffsetDateTime started = FIRST_DAY.plusDays(random.nextInt(DAYS)).atTime(10, 0).atOffset(ZoneOffset.UTC);
        String code = UUID.randomUUID().toString().substring(0, 8);
        long workshop = db.insertInto(WORKSHOP).set(WORKSHOP.PARTNERSHIP_ID, partnership).set(WORKSHOP.TEMPLATE_ID, "hymn-sheet")
                .set(WORKSHOP.TITLE, "Workshop " + code).set(WORKSHOP.STATUS, WorkshopStatus.ENDED).set(WORKSHOP.JOIN_CODE, code)
                .set(WORKSHOP.CREATED_AT, started).set(WORKSHOP.STARTED_AT, started).set(WORKSHOP.ENDED_AT, started.plusHours(2))
                .returning(WORKSHOP.ID).fetchOne().getId();
        long framing = stage(workshop, 0, "FRAMING");
        long cards = stage(workshop, 2, "CARD_SORT");
        long pulse = stage(workshop, 3, "PULSE");
        List<Long> cardIds = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            cardIds.add(db.insertInto(CARD).set(CARD.WORKSHOP_ID, workshop).set(CARD.TEXT, "Response " + c)
                    .set(CARD.TEXT_KEY, "response " + c).set(CARD.CREATED_AT, started).returning(CARD.ID).fetchOne().getId());
        }
        long n = 0;
        int present = 5 + random.nextInt(5);
        for (int i = 0; i < 15; i++) {
            long agency = agencies.get(random.nextInt(present));
            String level = LEVELS[random.nextInt(3)];
            long participant = db.insertInto(PARTICIPANT).set(PARTICIPANT.WORKSHOP_ID, workshop)
                    .set(PARTICIPANT.TOKEN_HASH, UUID.randomUUID().toString().replace("-", "") + i)
                    .set(PARTICIPANT.AGENCY_ID, agency).set(PARTICIPANT.WORK_LEVEL, level).set(PARTICIPANT.JOINED_AT, started)
                    .set(PARTICIPANT.RECORD_KEY, random.nextInt(256))
                    .returning(PARTICIPANT.ID).fetchOne().getId();
            add(db.insertInto(FRAMING_INPUT, FRAMING_INPUT.PARTICIPANT_ID, FRAMING_INPUT.STAGE_ID, FRAMING_INPUT.AGENCY_ID,
                            FRAMING_INPUT.WORK_LEVEL, FRAMING_INPUT.POSITION, FRAMING_INPUT.CREATED_AT)
                    .values(participant, framing, agency, level, (short) random.nextInt(101), started));
            for (long card : cardIds) {
                add(db.insertInto(CARD_PLACEMENT, CARD_PLACEMENT.PARTICIPANT_ID, CARD_PLACEMENT.CARD_ID, CARD_PLACEMENT.STAGE_ID,
                                CARD_PLACEMENT.AGENCY_ID, CARD_PLACEMENT.WORK_LEVEL, CARD_PLACEMENT.POSITION, CARD_PLACEMENT.PLACED_AT)
                        .values(participant, card, cards, agency, level, (short) random.nextInt(101), started));
                add(db.insertInto(CARD_CONTEXT, CARD_CONTEXT.PARTICIPANT_ID, CARD_CONTEXT.CARD_ID, CARD_CONTEXT.STAGE_ID,
                                CARD_CONTEXT.AGENCY_ID, CARD_CONTEXT.WORK_LEVEL, CARD_CONTEXT.CONTEXT_ID, CARD_CONTEXT.CREATED_AT)
                        .values(participant, card, cards, agency, level, CONTEXTS[random.nextInt(CONTEXTS.length)], started));
                n += 2;
            }
            for (String q : new String[] {"ok-not-to-know", "think-together"}) {
                add(db.insertInto(PULSE_ANSWER, PULSE_ANSWER.PARTICIPANT_ID, PULSE_ANSWER.STAGE_ID, PULSE_ANSWER.AGENCY_ID,
                                PULSE_ANSWER.WORK_LEVEL, PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE, PULSE_ANSWER.CREATED_AT)
                        .values(participant, pulse, agency, level, q, (short) (1 + random.nextInt(5)), started));
            }
            n += 3;
        }
        OffsetDateTime t = started;
        for (int s = 0; s < 30; s++) {
            long agency = agencies.get(random.nextInt(present));
            OffsetDateTime end = t.plusSeconds(20 + random.nextInt(120));
            add(db.insertInto(SPEAKING_TURN, SPEAKING_TURN.WORKSHOP_ID, SPEAKING_TURN.AGENCY_ID, SPEAKING_TURN.STARTED_AT,
                    SPEAKING_TURN.ENDED_AT).values(workshop, agency, t, end));
            t = end;
            n++;
        }
        return n;
    }

    private long stage(long workshop, int position, String kind) {
        return db.insertInto(WORKSHOP_STAGE).set(WORKSHOP_STAGE.WORKSHOP_ID, workshop).set(WORKSHOP_STAGE.POSITION, position)
                .set(WORKSHOP_STAGE.TEMPLATE_STAGE_ID, kind.toLowerCase()).set(WORKSHOP_STAGE.KIND, kind)
                .set(WORKSHOP_STAGE.TITLE, kind).set(WORKSHOP_STAGE.DEFINITION, "{}")
                .returning(WORKSHOP_STAGE.ID).fetchOne().getId();
    }

    private void add(Query query) {
        batch.add(query);
        if (batch.size() >= 2000) {
            flush();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            db.batch(batch).execute();
            rows += batch.size();
            batch.clear();
        }
    }

    long rows() {
        return rows;
    }
}
