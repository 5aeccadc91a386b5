package org.hymnsheet.surveys;

import org.hymnsheet.common.SurveyStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.RESPONSE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.PlaceRating;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The young people's voice of a survey, from twenty submitted responses crafted so that some counts are shown and
 * some are under five, beside unfinished responses that must not count. Every expected figure is the hand-counted
 * number passed through the rule with the key sum of exactly the responses counted (decision 0016).
 */
class SurveyVoiceServiceTest {
    static final Shown HIDDEN = Shown.HIDDEN;

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired SurveyVoiceService voices;
        @Autowired ResponseService responses;
        @Autowired SurveyService surveys;
        @Autowired QueueService queues;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;

        /** The submitted responses of the fixture, response i (1-based) at index i - 1. */
        final List<String> ids = new java.util.ArrayList<>();

        /** What the rule shows for the responses whose number (1 to 20) matches: their count and their key sum. */
        Shown rule(java.util.function.IntPredicate which) {
            List<String> chosen = java.util.stream.IntStream.rangeClosed(1, ids.size()).filter(which)
                    .mapToObj(i -> ids.get(i - 1)).toList();
            long keySum = chosen.isEmpty() ? 0 : db.select(org.jooq.impl.DSL.sum(RESPONSE.RECORD_KEY)).from(RESPONSE)
                    .where(RESPONSE.ID.in(chosen)).fetchOne(0, long.class);
            return Suppression.cell(chosen.size(), keySum);
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        /** One respondent's answers, given question by question as the survey page would, then sent or left. */
        String respond(Survey survey, Map<String, AnswerInput> answers, boolean submit) {
            TestWorld.anonymous();
            String id = responses.start(responses.openByLink(survey.linkToken()), "en");
            answers.forEach((question, answer) -> responses.save(id, question, answer));
            if (submit) {
                responses.submit(id);
            }
            return id;
        }

        /** Twenty submitted responses and four unfinished ones to the safe-places survey. */
        SurveyFixture twentyResponses() {
            var f = new SurveyFixture(context, "safe-places");
            for (int i = 1; i <= 20; i++) {
                Map<String, AnswerInput> a = new LinkedHashMap<>();
                if (i <= 17) {
                    a.put("area-feels", new AnswerInput.ScaleValue(i <= 8 ? 5 : i <= 14 ? 4 : 3));
                }
                if (i <= 15) {
                    String place = f.placeRef(i <= 12 ? 0 : 1);
                    PlaceRating rating = i <= 6 || i >= 13 ? PlaceRating.SAFE : i <= 11 ? PlaceRating.UNSAFE : PlaceRating.NOT_SURE;
                    a.put("places", new AnswerInput.Places(List.of(
                            new AnswerInput.PlaceAnswer(place, rating, i == 7 ? "too dark at night" : null))));
                }
                a.put("most-safe", new AnswerInput.Choice(Set.of(i <= 12 ? "home" : i <= 18 ? "school" : "online")));
                a.put("trusted-adults", i <= 14 ? new AnswerInput.Trusted(Set.of("nobody"), null)
                        : new AnswerInput.Trusted(Set.of("teacher", "youth-worker"), i == 15 ? "my nan" : null));
                if (i <= 14) {
                    a.put("wish-trusted", new AnswerInput.Choice(Set.of(i <= 7 ? "yes" : i <= 12 ? "no" : "not-sure")));
                }
                String text = switch (i) {
                    case 1 -> "<script>alert(1)</script>";
                    case 2 -> "=1+1";
                    case 3 -> "  Lights on the canal path, please 🙏\nand a bench  ";
                    case 4 -> "Still waiting for a facilitator";
                    case 5 -> "Rejected words";
                    case 6 -> "my step dad hurts me when hes drunk";
                    default -> null;
                };
                if (text != null) {
                    a.put("anything-else", new AnswerInput.Text(text));
                }
                ids.add(respond(f.survey, a, true));
            }
            for (int i = 0; i < 4; i++) {
                String unfinished = respond(f.survey, Map.of("area-feels", new AnswerInput.ScaleValue(1),
                        "most-safe", new AnswerInput.Choice(Set.of("online")),
                        "anything-else", new AnswerInput.Text("From an unfinished response")), false);
                // not even an approval (which the queue never offers for unfinished text) lets it through
                db.update(ANSWER_TEXT).set(ANSWER_TEXT.MODERATION, Moderation.APPROVED).where(ANSWER_TEXT.RESPONSE_ID.eq(unfinished)).execute();
            }
            TestWorld.as(f.facilitator);
            for (PendingText t : queues.pendingTexts(f.partnership, 0, 500)) {
                switch (t.body()) {
                    case "Still waiting for a facilitator", "my step dad hurts me when hes drunk" -> { }
                    case "Rejected words" -> queues.reject(t.id());
                    default -> queues.approve(t.id(), t.body(), t.flagged());
                }
            }
            return f;
        }

        static SurveyVoice.Choices choices(SurveyVoice voice, String questionId) {
            return voice.questions().stream().filter(q -> q.questionId().equals(questionId))
                    .map(SurveyVoice.Choices.class::cast).findFirst().orElseThrow();
        }

        static Map<String, Shown> cells(SurveyVoice.Choices question) {
            Map<String, Shown> cells = new LinkedHashMap<>();
            question.cells().forEach(c -> cells.put(c.id(), c.count()));
            return cells;
        }

        @Test
        void counts_come_from_submitted_responses_only_with_small_numbers_hidden_in_template_order() {
            var f = twentyResponses();
            SurveyVoice voice = voices.voice(f.survey.id());

            assertThat(voice.surveyId()).isEqualTo(f.survey.id());
            assertThat(voice.title()).isEqualTo(f.survey.title());
            assertThat(voice.status()).isEqualTo(SurveyStatus.OPEN);
            assertThat(voice.submitted()).as("four unfinished responses are not counted").isEqualTo(rule(i -> true))
                    .isNotEqualTo(HIDDEN);
            assertThat(voice.questions()).extracting(SurveyVoice.QuestionCounts::questionId)
                    .containsExactly("area-feels", "places", "most-safe", "trusted-adults", "wish-trusted", "about-age",
                            "about-gender", "about-ethnicity", "about-disability", "about-care", "about-carer");

            var scale = choices(voice, "area-feels");
            assertThat(scale.text()).isEqualTo("How safe do you feel in your area?");
            assertThat(scale.severalAnswers()).isFalse();
            assertThat(scale.answered()).isEqualTo(rule(i -> i <= 17));
            assertThat(scale.cells()).extracting(SurveyVoice.Cell::id).containsExactly("1", "2", "3", "4", "5");
            assertThat(scale.cells()).extracting(SurveyVoice.Cell::label)
                    .containsExactly("Very unsafe", "Unsafe", "Not sure", "Safe", "Very safe");
            assertThat(cells(scale).values()).as("the four unfinished 1s are not counted")
                    .containsExactly(HIDDEN, HIDDEN, rule(i -> i >= 15 && i <= 17) /* 3 */,
                            rule(i -> i >= 9 && i <= 14), rule(i -> i <= 8));
            assertThat(rule(i -> i >= 15 && i <= 17)).isEqualTo(HIDDEN);

            var mostSafe = choices(voice, "most-safe");
            assertThat(mostSafe.answered()).isEqualTo(rule(i -> true));
            assertThat(mostSafe.cells().getFirst()).isEqualTo(new SurveyVoice.Cell("home", "At home", rule(i -> i <= 12)));
            assertThat(cells(mostSafe)).containsEntry("school", rule(i -> i > 12 && i <= 18))
                    .as("2 submitted + 4 unfinished would make 6").containsEntry("online", HIDDEN)
                    .containsEntry("nowhere", HIDDEN);

            var trusted = choices(voice, "trusted-adults");
            assertThat(trusted.severalAnswers()).isTrue();
            assertThat(trusted.answered()).isEqualTo(rule(i -> true));
            assertThat(cells(trusted)).containsEntry("nobody", rule(i -> i <= 14)).containsEntry("teacher", rule(i -> i > 14))
                    .containsEntry("youth-worker", rule(i -> i > 14)).containsEntry("police", HIDDEN).hasSize(12);

            var wish = choices(voice, "wish-trusted");
            assertThat(wish.answered()).isEqualTo(rule(i -> i <= 14));
            assertThat(cells(wish)).containsExactly(Map.entry("yes", rule(i -> i <= 7)),
                    Map.entry("no", rule(i -> i > 7 && i <= 12)), Map.entry("not-sure", HIDDEN));

            var places = (SurveyVoice.Places) voice.questions().get(1);
            assertThat(places.places()).extracting(SurveyVoice.RatedPlace::ref)
                    .containsExactlyInAnyOrder(f.placeRef(0), f.placeRef(1), AnswerInput.PlaceAnswer.ELSEWHERE);
            assertThat(places.places().getLast().name()).isEqualTo("Somewhere else");
            var first = places.places().stream().filter(p -> p.ref().equals(f.placeRef(0))).findFirst().orElseThrow();
            assertThat(first).extracting(SurveyVoice.RatedPlace::rated, SurveyVoice.RatedPlace::safe,
                            SurveyVoice.RatedPlace::notSure, SurveyVoice.RatedPlace::unsafe)
                    .containsExactly(rule(i -> i <= 12), rule(i -> i <= 6), HIDDEN, rule(i -> i >= 7 && i <= 11));
            assertThat(places.places()).filteredOn(p -> !p.ref().equals(f.placeRef(0)))
                    .allSatisfy(p -> assertThat(List.of(p.rated(), p.safe(), p.notSure(), p.unsafe())).containsOnly(HIDDEN));
        }

        @Test
        void only_approved_words_of_submitted_responses_appear_exactly_as_typed_the_latest_first() {
            var f = twentyResponses();
            TestWorld.as(f.facilitator);
            Survey other = surveys.open(surveys.create(f.partnership, "safe-places", TestWorld.unique("Other")).id());
            respond(other, Map.of("anything-else", new AnswerInput.Text("From another survey")), true);
            TestWorld.as(f.facilitator);
            queues.pendingTexts(f.partnership, 0, 500).forEach(t -> queues.approve(t.id(), t.body(), t.flagged()));

            TestWorld.as(f.facilitator);
            assertThat(voices.voice(f.survey.id()).approvedTexts()).containsExactly(
                    "too dark at night",
                    // approved just now with the rest of the queue: the facilitator saw the possible-disclosure badge
                    "my step dad hurts me when hes drunk",
                    "Still waiting for a facilitator",
                    "  Lights on the canal path, please 🙏\nand a bench  ",
                    "=1+1",
                    "<script>alert(1)</script>")
                    .doesNotContain("Rejected words", "From an unfinished response", "my nan", "From another survey");
        }

        @Test
        void a_possible_disclosure_waiting_for_a_facilitator_never_appears() {
            var f = twentyResponses();
            TestWorld.as(f.facilitator);
            assertThat(voices.voice(f.survey.id()).approvedTexts()).containsExactly("too dark at night",
                    "  Lights on the canal path, please 🙏\nand a bench  ", "=1+1", "<script>alert(1)</script>");
        }

        @Test
        void at_most_six_texts_are_given_the_most_recently_written_first() {
            var f = new SurveyFixture(context, "safe-places");
            for (int i = 1; i <= 10; i++) {
                respond(f.survey, Map.of("make-safer", new AnswerInput.Text("Idea " + i)), true);
            }
            TestWorld.as(f.facilitator);
            queues.pendingTexts(f.partnership, 0, 500).forEach(t -> queues.approve(t.id(), t.body(), t.flagged()));
            assertThat(voices.voice(f.survey.id()).approvedTexts())
                    .containsExactly("Idea 10", "Idea 9", "Idea 8", "Idea 7", "Idea 6", "Idea 5");
        }

        @Test
        void with_fewer_than_five_responses_every_count_is_hidden() {
            var f = new SurveyFixture(context, "safe-places");
            for (int i = 0; i < 4; i++) {
                respond(f.survey, Map.of("most-safe", new AnswerInput.Choice(Set.of("home")),
                        "area-feels", new AnswerInput.ScaleValue(4)), true);
            }
            TestWorld.as(f.facilitator);
            var voice = voices.voice(f.survey.id());
            assertThat(voice.submitted()).isEqualTo(HIDDEN);
            assertThat(choices(voice, "most-safe").answered()).isEqualTo(HIDDEN);
            assertThat(voice.questions()).filteredOn(SurveyVoice.Choices.class::isInstance)
                    .map(SurveyVoice.Choices.class::cast)
                    .allSatisfy(q -> assertThat(q.cells()).extracting(SurveyVoice.Cell::count).containsOnly(HIDDEN));
        }

        @Test
        void a_multiple_choice_question_counts_each_option_chosen() {
            var f = new SurveyFixture(context, "known-by-professionals");
            for (int i = 1; i <= 10; i++) {
                ids.add(respond(f.survey, Map.of("has-worker", new AnswerInput.Choice(Set.of("yes")),
                        "worker-kind", new AnswerInput.Choice(i <= 6 ? Set.of("school", "health") : Set.of("school"))), true));
            }
            TestWorld.as(f.facilitator);
            var kinds = choices(voices.voice(f.survey.id()), "worker-kind");
            assertThat(kinds.severalAnswers()).isTrue();
            assertThat(kinds.answered()).isEqualTo(rule(i -> true));
            assertThat(cells(kinds)).containsEntry("school", rule(i -> true)).containsEntry("health", rule(i -> i <= 6))
                    .containsEntry("police", HIDDEN);
        }

        @Test
        void answers_count_only_in_groups_of_five_alike_so_one_more_young_person_changes_nothing_until_the_fifth() {
            var f = new SurveyFixture(context, "safe-places");
            for (int i = 1; i <= 9; i++) {
                ids.add(respond(f.survey, Map.of("most-safe", new AnswerInput.Choice(Set.of(i % 2 == 0 ? "home" : "school")),
                        "area-feels", new AnswerInput.ScaleValue(i <= 6 ? 4 : 2)), true));
                TestWorld.as(f.facilitator);
                SurveyVoice voice = voices.voice(f.survey.id());
                assertThat(voice.submitted()).as("after %d", i).isEqualTo(i < 5 ? HIDDEN : rule(n -> n <= 5));
                if (i >= 5) {
                    assertThat(choices(voice, "area-feels").answered()).as("after %d", i).isEqualTo(rule(n -> n <= 5));
                    assertThat(cells(choices(voice, "area-feels"))).containsEntry("4", rule(n -> n <= 5));
                }
            }
            ids.add(respond(f.survey, Map.of("most-safe", new AnswerInput.Choice(Set.of("home"))), true));
            TestWorld.as(f.facilitator);
            SurveyVoice ten = voices.voice(f.survey.id());
            assertThat(ten.submitted()).isEqualTo(rule(n -> true));
            assertThat(choices(ten, "area-feels").answered()).isEqualTo(rule(n -> n <= 9));
            assertThat(cells(choices(ten, "most-safe"))).containsEntry("home", rule(n -> n % 2 == 0 || n == 10));
            assertThat(db.fetchCount(org.hymnsheet.db.Tables.RELEASE_GROUP,
                    org.hymnsheet.db.Tables.RELEASE_GROUP.SURVEY_ID.eq(f.survey.id()))).isEqualTo(2);
        }

        @Test
        void facilitators_leads_and_administrators_of_the_partnership_read_it_and_nobody_else() {
            var f = new SurveyFixture(context, "safe-places");
            long survey = f.survey.id();
            for (Role role : List.of(Role.FACILITATOR, Role.LEAD, Role.ADMIN)) {
                TestWorld.as(f.world.account(f.partnership, role));
                assertThat(voices.voice(survey).submitted()).isEqualTo(HIDDEN);
            }
            TestWorld.as(f.world.account(f.partnership, Role.SAFEGUARDING_LEAD));
            assertThatThrownBy(() -> voices.voice(survey)).isInstanceOf(AccessDeniedException.class);
            long elsewhere = f.world.partnership();
            for (Role role : List.of(Role.FACILITATOR, Role.LEAD, Role.ADMIN)) {
                TestWorld.as(f.world.account(elsewhere, role));
                assertThatThrownBy(() -> voices.voice(survey)).isInstanceOf(AccessDeniedException.class);
            }
            TestWorld.anonymous();
            assertThatThrownBy(() -> voices.voice(survey)).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(f.facilitator);
            assertThatThrownBy(() -> voices.voice(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
        }
    }
}
