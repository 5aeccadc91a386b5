package org.hymnsheet.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.ANSWER_CHOICE;
import static org.hymnsheet.db.Tables.ANSWER_PLACE;
import static org.hymnsheet.db.Tables.ANSWER_SCALE;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.jooq.impl.DSL.select;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.PlaceRating;
import org.hymnsheet.testing.Blns;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * "You said, we did": the public page of a survey counts exactly what the survey voice counts (released responses,
 * through the disclosure rule), opens only by its own secret, and carries entries only the partnership's leads and
 * administrators write.
 */
class YouSaidServiceTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired YouSaidService youSaid;
        @Autowired ResponseService responses;
        @Autowired QueueService queues;
        @Autowired SurveyService surveys;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        void respond(Survey survey, Map<String, AnswerInput> answers) {
            TestWorld.anonymous();
            String id = responses.start(responses.openByLink(survey.linkToken()), "en");
            answers.forEach((question, answer) -> responses.save(id, question, answer));
            responses.submit(id);
        }

        /**
         * Ten own-phone responses aged 14–15 (two release groups of five alike), three aged 16–17 (not a group yet, so
         * not counted) and one unfinished. Of the ten: 7 feel most safe at home and 3 at school; all ten rate the area 4;
         * six rate the first place unsafe and five the second safe; the first wrote words a facilitator approved.
         */
        SurveyFixture fixture() {
            var f = new SurveyFixture(context, "safe-places");
            for (int i = 1; i <= 10; i++) {
                Map<String, AnswerInput> a = new LinkedHashMap<>();
                a.put("area-feels", new AnswerInput.ScaleValue(4));
                List<AnswerInput.PlaceAnswer> places = new java.util.ArrayList<>();
                if (i <= 6) {
                    places.add(new AnswerInput.PlaceAnswer(f.placeRef(0), PlaceRating.UNSAFE, null));
                }
                if (i <= 5) {
                    places.add(new AnswerInput.PlaceAnswer(f.placeRef(1), PlaceRating.SAFE, null));
                }
                if (!places.isEmpty()) {
                    a.put("places", new AnswerInput.Places(places));
                }
                a.put("most-safe", new AnswerInput.Choice(Set.of(i <= 7 ? "home" : "school")));
                if (i <= 2) {
                    a.put("make-safer", new AnswerInput.Text(i == 1 ? "<b>More lights</b> & a bench" : "Still waiting"));
                }
                a.put("about-age", new AnswerInput.Choice(Set.of("14-15")));
                respond(f.survey, a);
            }
            for (int i = 0; i < 3; i++) {
                respond(f.survey, Map.of("most-safe", new AnswerInput.Choice(Set.of("school")),
                        "about-age", new AnswerInput.Choice(Set.of("16-17"))));
            }
            TestWorld.anonymous();
            String unfinished = responses.start(responses.openByLink(f.survey.linkToken()), "en");
            responses.save(unfinished, "most-safe", new AnswerInput.Choice(Set.of("school")));
            TestWorld.as(f.facilitator);
            queues.pendingTexts(f.partnership, 0, 500).stream().filter(t -> t.body().startsWith("<b>"))
                    .forEach(t -> queues.approve(t.id(), t.body(), t.flagged()));
            TestWorld.anonymous();
            return f;
        }

        String token(SurveyFixture f) {
            TestWorld.as(f.world.account(f.partnership, Role.LEAD));
            try {
                return youSaid.resultsToken(f.survey.id());
            } finally {
                TestWorld.anonymous();
            }
        }

        /**
         * What the rule shows for the released responses of the survey matching the condition: their true count,
         * checked against the hand-computed one, and the sum of their record keys, read from the database.
         */
        Shown expected(Survey survey, int handCounted, Condition matching) {
            List<Integer> keys = db.select(RESPONSE.RECORD_KEY).from(RESPONSE)
                    .where(RESPONSE.SURVEY_ID.eq(survey.id())).and(RESPONSE.RELEASE_GROUP_ID.isNotNull()).and(matching)
                    .fetch(RESPONSE.RECORD_KEY);
            assertThat(keys).as("the fixture's released responses").hasSize(handCounted);
            return Suppression.cell(keys.size(), keys.stream().mapToLong(Integer::longValue).sum());
        }

        static Condition chose(String question, String option) {
            return RESPONSE.ID.in(select(ANSWER_CHOICE.RESPONSE_ID).from(ANSWER_CHOICE)
                    .where(ANSWER_CHOICE.QUESTION_ID.eq(question)).and(ANSWER_CHOICE.OPTION_ID.eq(option)));
        }

        static Condition rated(String place, PlaceRating rating) {
            return RESPONSE.ID.in(select(ANSWER_PLACE.RESPONSE_ID).from(ANSWER_PLACE)
                    .where(ANSWER_PLACE.PLACE_REF.eq(place)).and(ANSWER_PLACE.RATING.eq(rating.name())));
        }

        static YouSaid.Topic topic(YouSaid page, YouSaid.Kind kind, String questionId) {
            return page.topics().stream().filter(t -> t.kind() == kind && t.questionId().equals(questionId))
                    .findFirst().orElseThrow();
        }

        static Map<String, Shown> counts(YouSaid.Topic topic) {
            Map<String, Shown> counts = new LinkedHashMap<>();
            topic.lines().forEach(l -> counts.put(l.id(), l.count()));
            return counts;
        }

        @Test
        void the_page_shows_released_responses_counted_through_the_rule_and_approved_words_only() {
            var f = fixture();
            YouSaid page = youSaid.page(token(f), "en").orElseThrow();

            assertThat(page.title()).isEqualTo(f.survey.title());
            assertThat(page.answered()).as("ten released; three waiting for their group and one unfinished are not counted")
                    .isEqualTo(expected(f.survey, 10, RESPONSE.ID.isNotNull()));
            assertThat(page.topics()).extracting(YouSaid.Topic::questionId)
                    .as("no 'about you' question on a public page").noneMatch(id -> id.startsWith("about-"))
                    .containsExactly("area-feels", "places", "places", "most-safe", "trusted-adults", "wish-trusted");

            var mostSafe = topic(page, YouSaid.Kind.QUESTION, "most-safe");
            assertThat(mostSafe.heading()).isEqualTo("Where do you feel most safe?");
            assertThat(mostSafe.lines().getFirst().label()).isEqualTo("At home");
            assertThat(counts(mostSafe)).containsEntry("home", expected(f.survey, 7, chose("most-safe", "home")))
                    .containsEntry("school", Shown.HIDDEN).containsEntry("nowhere", Shown.HIDDEN);
            var area = topic(page, YouSaid.Kind.QUESTION, "area-feels");
            assertThat(counts(area)).containsEntry("4", expected(f.survey, 10, RESPONSE.ID.in(
                    select(ANSWER_SCALE.RESPONSE_ID).from(ANSWER_SCALE).where(ANSWER_SCALE.SCALE_VALUE.eq((short) 4)))))
                    .containsEntry("1", Shown.HIDDEN);
            assertThat(area.lines()).extracting(YouSaid.Line::label).startsWith("Very unsafe", "Unsafe");

            var unsafe = topic(page, YouSaid.Kind.PLACES_UNSAFE, "places");
            assertThat(counts(unsafe)).containsEntry(f.placeRef(0), expected(f.survey, 6, rated(f.placeRef(0), PlaceRating.UNSAFE)))
                    .containsEntry(f.placeRef(1), Shown.HIDDEN).containsEntry(AnswerInput.PlaceAnswer.ELSEWHERE, Shown.HIDDEN);
            // shown counts first; whether six is shown depends on the responses' random record keys, so the order of
            // the places is checked through the rule's outcome, not by name
            assertThat(unsafe.lines()).extracting(l -> l.count() instanceof Shown.Exact).as("shown counts first")
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
            if (counts(unsafe).get(f.placeRef(0)) instanceof Shown.Exact) {
                assertThat(unsafe.lines().getFirst().id()).isEqualTo(f.placeRef(0));
            }
            var safe = topic(page, YouSaid.Kind.PLACES_SAFE, "places");
            assertThat(counts(safe)).containsEntry(f.placeRef(1), expected(f.survey, 5, rated(f.placeRef(1), PlaceRating.SAFE)))
                    .containsEntry(f.placeRef(0), Shown.HIDDEN);

            assertThat(page.quotes()).containsExactly("<b>More lights</b> & a bench");
            assertThat(page.actions()).isEmpty();
        }

        @Test
        void the_page_speaks_welsh_when_asked_and_english_for_a_language_the_survey_lacks() {
            var f = fixture();
            String token = token(f);
            YouSaid welsh = youSaid.page(token, "cy").orElseThrow();
            assertThat(welsh.language()).isEqualTo("cy");
            assertThat(welsh.languages()).containsExactly("en", "cy");
            var mostSafe = topic(welsh, YouSaid.Kind.QUESTION, "most-safe");
            assertThat(mostSafe.heading()).isEqualTo("Ble rwyt ti'n teimlo'n fwyaf diogel?");
            assertThat(mostSafe.lines().getFirst().label()).isEqualTo("Gartref");
            assertThat(counts(mostSafe)).isEqualTo(counts(topic(youSaid.page(token, "en").orElseThrow(),
                    YouSaid.Kind.QUESTION, "most-safe")));

            assertThat(youSaid.page(token, "fr").orElseThrow().language()).isEqualTo("en");
        }

        @Test
        void only_the_results_token_opens_the_page_never_the_answering_link() {
            var f = new SurveyFixture(context, "safe-places");
            String token = token(f);
            assertThat(token).isNotEqualTo(f.survey.linkToken()).hasSizeGreaterThanOrEqualTo(20);
            assertThat(token(f)).as("the same link every time").isEqualTo(token);
            assertThat(youSaid.page(token, "en")).isPresent();
            assertThat(youSaid.page(f.survey.linkToken(), "en")).isEmpty();
            assertThat(youSaid.page("unknown-token", "en")).isEmpty();
            assertThat(youSaid.page("", "en")).isEmpty();
            assertThat(youSaid.page(null, "en")).isEmpty();
        }

        @Test
        void a_survey_from_before_results_links_gets_one_when_a_lead_first_asks() {
            var f = new SurveyFixture(context, "safe-places");
            db.update(SURVEY).setNull(SURVEY.RESULTS_TOKEN).where(SURVEY.ID.eq(f.survey.id())).execute();
            String token = token(f);
            assertThat(token).isNotBlank();
            assertThat(db.select(SURVEY.RESULTS_TOKEN).from(SURVEY).where(SURVEY.ID.eq(f.survey.id())).fetchOne().value1())
                    .isEqualTo(token);
            assertThat(youSaid.page(token, "en").orElseThrow().title()).isEqualTo(f.survey.title());
        }

        @Test
        void a_lead_adds_edits_and_deletes_entries_shown_newest_first_exactly_as_typed() {
            var f = new SurveyFixture(context, "safe-places");
            String token = token(f);
            TestWorld.as(f.world.account(f.partnership, Role.LEAD));
            var first = youSaid.addAction(f.survey.id(), "We asked the council for lights on the canal path.");
            String hostile = "<script>alert('x')</script>\n=HYPERLINK(\"x\")";
            var second = youSaid.addAction(f.survey.id(), hostile);
            youSaid.editAction(first.id(), "The council put lights on the canal path.");
            assertThat(youSaid.actions(f.survey.id())).extracting(SurveyAction::body)
                    .containsExactly(hostile, "The council put lights on the canal path.");
            TestWorld.anonymous();
            assertThat(youSaid.page(token, "en").orElseThrow().actions()).extracting(SurveyAction::body)
                    .containsExactly(hostile, "The council put lights on the canal path.");

            TestWorld.as(f.world.account(f.partnership, Role.ADMIN));
            youSaid.deleteAction(second.id());
            assertThat(youSaid.actions(f.survey.id())).extracting(SurveyAction::id).containsExactly(first.id());
        }

        @Test
        void every_naughty_string_that_fits_is_kept_exactly_and_blank_or_long_entries_are_refused() {
            var f = new SurveyFixture(context, "safe-places");
            TestWorld.as(f.world.account(f.partnership, Role.LEAD));
            long survey = f.survey.id();
            int kept = 0;
            for (String s : Blns.strings()) {
                if (s.isBlank() || s.length() > YouSaidService.ACTION_MAX || s.contains("\r")
                        || s.codePoints().anyMatch(c -> c != '\n' && (Character.getType(c) == Character.CONTROL
                        || Character.getType(c) == Character.SURROGATE || c == 0xFFFE || c == 0xFFFF))) {
                    continue;
                }
                assertThat(youSaid.addAction(survey, s).body()).isEqualTo(s);
                kept++;
            }
            assertThat(kept).isGreaterThan(400);
            assertThatThrownBy(() -> youSaid.addAction(survey, "   ")).isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).messageKey()).isEqualTo("validation.required");
            assertThatThrownBy(() -> youSaid.addAction(survey, "x".repeat(YouSaidService.ACTION_MAX + 1)))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> youSaid.addAction(survey, "nul\u0000byte")).isInstanceOf(ValidationException.class);
            assertThat(youSaid.addAction(survey, "x".repeat(YouSaidService.ACTION_MAX)).body()).hasSize(1000);
        }

        @Test
        void only_leads_and_administrators_of_the_partnership_write_entries() {
            var f = new SurveyFixture(context, "safe-places");
            long survey = f.survey.id();
            TestWorld.as(f.world.account(f.partnership, Role.LEAD));
            long entry = youSaid.addAction(survey, "Youth workers now walk the park on Fridays.").id();

            long elsewhere = f.world.partnership();
            List<TestWorld.Persona> refused = List.of(f.world.account(elsewhere, Role.LEAD),
                    f.world.account(elsewhere, Role.ADMIN), f.facilitator,
                    f.world.account(f.partnership, Role.SAFEGUARDING_LEAD));
            for (TestWorld.Persona persona : refused) {
                TestWorld.as(persona);
                assertThatThrownBy(() -> youSaid.addAction(survey, "Not mine to say")).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> youSaid.editAction(entry, "Changed")).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> youSaid.deleteAction(entry)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> youSaid.resultsToken(survey)).isInstanceOf(AccessDeniedException.class);
            }
            TestWorld.anonymous();
            assertThatThrownBy(() -> youSaid.addAction(survey, "Anonymous")).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(f.world.account(f.partnership, Role.ADMIN));
            assertThat(youSaid.actions(survey)).extracting(SurveyAction::body)
                    .containsExactly("Youth workers now walk the park on Fridays.");
        }
    }
}
