package org.hymnsheet.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.ANSWER_CHOICE;
import static org.hymnsheet.db.Tables.ANSWER_PLACE;
import static org.hymnsheet.db.Tables.ANSWER_SCALE;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.common.ResponseStatus;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.PlaceRating;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.hymnsheet.testing.StatementCount;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

class ResponseServiceTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired ResponseService responses;
        @Autowired SurveyService surveys;
        @Autowired QueueService queues;
        @Autowired ResponseRepository responseRows;
        @Autowired ResponseHousekeeping housekeeping;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        SurveyFixture safePlaces;
        SurveyEntry entry;

        @BeforeEach
        void survey() {
            safePlaces = new SurveyFixture(context, "safe-places");
            entry = responses.openByLink(safePlaces.survey.linkToken());
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        int rows(org.jooq.Table<?> table, String responseId) {
            return db.fetchCount(table, table.field("response_id", String.class).eq(responseId));
        }

        @Test
        void a_survey_opens_by_link_or_code_and_not_by_a_wrong_one() {
            assertThat(entry.open()).isTrue();
            assertThat(entry.places()).extracting(SurveyEntry.PlaceChoice::ref)
                    .containsExactlyInAnyOrder(safePlaces.placeRef(0), safePlaces.placeRef(1));
            String device = TestWorld.unique("device");
            assertThat(responses.openByCode(" " + safePlaces.survey.accessCode().toLowerCase() + " ", device).surveyId())
                    .isEqualTo(safePlaces.survey.id());
            assertThat(responses.openByCode("ZZZZZZ", device).state()).isEqualTo(SurveyEntry.State.NOT_FOUND);
            assertThat(responses.openByLink("no-such-token").state()).isEqualTo(SurveyEntry.State.NOT_FOUND);
            TestWorld.as(safePlaces.facilitator);
            surveys.close(safePlaces.survey.id());
            assertThat(responses.openByLink(safePlaces.survey.linkToken()).state()).isEqualTo(SurveyEntry.State.CLOSED);
        }

        @Test
        void guessing_access_codes_is_refused_after_ten_wrong_codes_from_one_device_only() {
            String guesser = TestWorld.unique("guesser");
            for (int i = 0; i < org.hymnsheet.common.CodeGuessGuard.MAX_WRONG; i++) {
                assertThat(responses.openByCode("WRONG" + i, guesser).state()).isEqualTo(SurveyEntry.State.NOT_FOUND);
            }
            assertThat(responses.openByCode(safePlaces.survey.accessCode(), guesser).state())
                    .isEqualTo(SurveyEntry.State.TOO_MANY_GUESSES);
            assertThat(responses.openByCode(safePlaces.survey.accessCode(), TestWorld.unique("someone else")).open()).isTrue();
        }

        @Test
        void a_first_answer_of_any_kind_is_at_most_three_statements_and_most_are_one() {
            String id = responses.start(entry, "en");
            List<Runnable> firstAnswers = List.of(
                    () -> responses.save(id, "area-feels", new AnswerInput.ScaleValue(4)),
                    () -> responses.save(id, "places", new AnswerInput.Places(List.of(
                            new AnswerInput.PlaceAnswer(safePlaces.placeRef(0), PlaceRating.UNSAFE, "dark at night"),
                            new AnswerInput.PlaceAnswer(safePlaces.placeRef(1), PlaceRating.SAFE, null)))),
                    () -> responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("youth-club"))),
                    () -> responses.save(id, "trusted-adults", new AnswerInput.Trusted(Set.of("teacher"), "my nan")),
                    () -> responses.save(id, "anything-else", new AnswerInput.Text("More lights by the canal please")));
            List<StatementCount.Counted<?>> counts = new ArrayList<>();
            for (Runnable answer : firstAnswers) {
                var counted = StatementCount.of(db, answer);
                assertThat(counted.count()).as("%s", counted.statements()).isLessThanOrEqualTo(3);
                counts.add(counted);
            }
            // a scale, a choice and a text answered in order are one guarded statement each
            for (int i : new int[] {0, 2, 4}) {
                assertThat(counts.get(i).count()).as("%s", counts.get(i).statements()).isEqualTo(1);
            }
            // so are trusted people without words of one's own and rated places without a "why"
            String other = responses.start(entry, "en");
            var trusted = StatementCount.of(db, () -> responses.save(other, "trusted-adults",
                    new AnswerInput.Trusted(Set.of("teacher", "youth-worker"), null)));
            var rated = StatementCount.of(db, () -> responses.save(other, "places", new AnswerInput.Places(List.of(
                    new AnswerInput.PlaceAnswer(safePlaces.placeRef(0), PlaceRating.SAFE, null),
                    new AnswerInput.PlaceAnswer(AnswerInput.PlaceAnswer.ELSEWHERE, PlaceRating.UNSAFE, null)))));
            assertThat(trusted.count()).as("%s", trusted.statements()).isEqualTo(1);
            assertThat(rated.count()).as("%s", rated.statements()).isEqualTo(1);
            assertThat(responses.answers(other)).containsEntry("trusted-adults", // no words: read back as the choices
                    new AnswerInput.Choice(Set.of("teacher", "youth-worker")));
            assertThat(rows(ANSWER_PLACE, other)).isEqualTo(2);
            // answering again replaces: the earlier rows of that question go, in a statement or two more
            var again = StatementCount.of(db, () -> responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("home"))));
            assertThat(again.count()).as("%s", again.statements()).isLessThanOrEqualTo(3);
            var scaleAgain = StatementCount.of(db, () -> responses.save(id, "area-feels", new AnswerInput.ScaleValue(2)));
            assertThat(scaleAgain.count()).isLessThanOrEqualTo(2);
            assertThat(responses.answers(id)).containsEntry("most-safe", new AnswerInput.Choice(Set.of("home")))
                    .containsEntry("area-feels", new AnswerInput.ScaleValue(2))
                    .containsEntry("anything-else", new AnswerInput.Text("More lights by the canal please"));
            responses.save(id, "places", new AnswerInput.Places(List.of(
                    new AnswerInput.PlaceAnswer(safePlaces.placeRef(1), PlaceRating.NOT_SURE, null))));
            assertThat(rows(ANSWER_PLACE, id)).isEqualTo(1);
            assertThat(db.fetchCount(ANSWER_TEXT, ANSWER_TEXT.RESPONSE_ID.eq(id).and(ANSWER_TEXT.QUESTION_ID.eq("places")))).isZero();
        }

        @Test
        void a_place_of_another_partnership_or_a_made_up_one_is_refused_and_nothing_is_written() {
            String id = responses.start(entry, "en");
            var other = new SurveyFixture(context, "safe-places");
            for (String ref : List.of(other.placeRef(0), "12abc", "-1", "99999999999999999999999")) {
                for (String why : java.util.Arrays.asList("why", null)) { // with a why the long way, without it the short
                    assertThatThrownBy(() -> responses.save(id, "places", new AnswerInput.Places(List.of(
                            new AnswerInput.PlaceAnswer(safePlaces.placeRef(0), PlaceRating.SAFE, null),
                            new AnswerInput.PlaceAnswer(ref, PlaceRating.UNSAFE, why)))))
                            .isInstanceOf(ValidationException.class);
                }
            }
            assertThat(rows(ANSWER_PLACE, id)).isZero();
            assertThat(rows(ANSWER_TEXT, id)).isZero();
        }

        @Test
        void every_kind_of_answer_is_stored_as_countable_rows() {
            String id = responses.start(entry, "cy");
            responses.save(id, "area-feels", new AnswerInput.ScaleValue(4));
            responses.save(id, "places", new AnswerInput.Places(List.of(
                    new AnswerInput.PlaceAnswer(safePlaces.placeRef(0), PlaceRating.UNSAFE, "dark at night"),
                    new AnswerInput.PlaceAnswer(safePlaces.placeRef(1), PlaceRating.SAFE, null),
                    new AnswerInput.PlaceAnswer(AnswerInput.PlaceAnswer.ELSEWHERE, PlaceRating.NOT_SURE, ""))));
            responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("youth-club")));
            responses.save(id, "trusted-adults", new AnswerInput.Trusted(Set.of("teacher", "youth-worker"), "my nan"));
            responses.save(id, "anything-else", new AnswerInput.Text("More lights by the canal please"));
            responses.submit(id);

            assertThat(rows(ANSWER_SCALE, id)).isEqualTo(1);
            assertThat(rows(ANSWER_PLACE, id)).isEqualTo(3);
            assertThat(rows(ANSWER_CHOICE, id)).isEqualTo(3); // one option + two trusted roles
            assertThat(rows(ANSWER_TEXT, id)).isEqualTo(3);   // a why, "my nan", anything else
            var response = db.selectFrom(RESPONSE).where(RESPONSE.ID.eq(id)).fetchOne();
            assertThat(response.getStatus()).isEqualTo(ResponseStatus.SUBMITTED);
            assertThat(response.getLanguage()).isEqualTo("cy");
            assertThat(response.getSubmittedOn()).isBetween(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1));
            assertThat(response.getDeviceLabel()).isNull();
            assertThat(response.getActiveHour()).isNull();
        }

        @Test
        void answering_a_question_again_replaces_the_earlier_answer_and_back_shows_it() {
            String id = responses.start(entry, "en");
            responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("school")));
            responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("home")));
            responses.save(id, "area-feels", new AnswerInput.ScaleValue(2));
            responses.save(id, "area-feels", new AnswerInput.Skip());
            assertThat(responses.answers(id)).containsOnlyKeys("most-safe")
                    .containsEntry("most-safe", new AnswerInput.Choice(Set.of("home")));
            responses.submit(id);
            assertThat(responses.answers(id)).as("a submitted response is never shown again").isEmpty();
        }

        @Test
        void submitting_twice_or_again_after_a_dropped_connection_stores_one_response() throws Exception {
            String id = responses.start(entry, "en");
            responses.save(id, "area-feels", new AnswerInput.ScaleValue(5));
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(4);
            List<Future<?>> submits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                submits.add(pool.submit(() -> {
                    start.await();
                    responses.submit(id);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : submits) {
                f.get();
            }
            pool.shutdown();
            responses.submit(id); // the retry after a reconnect
            assertThatThrownBy(() -> responses.save(id, "area-feels", new AnswerInput.ScaleValue(1)))
                    .isInstanceOf(ValidationException.class);
            assertThat(db.fetchCount(RESPONSE, RESPONSE.SURVEY_ID.eq(safePlaces.survey.id()))).isEqualTo(1);
            assertThat(db.fetchCount(ANSWER_SCALE, ANSWER_SCALE.RESPONSE_ID.eq(id).and(ANSWER_SCALE.SCALE_VALUE.eq((short) 5))))
                    .isEqualTo(1);
        }

        @Test
        void answers_that_do_not_fit_the_question_are_refused_and_nothing_is_stored() {
            String id = responses.start(entry, "en");
            long foreignPlace = SurveyFixture.otherPartnershipPlace(context);
            List<Runnable> bad = List.of(
                    () -> responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("the-moon"))),
                    () -> responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("home", "school"))),
                    () -> responses.save(id, "area-feels", new AnswerInput.ScaleValue(6)),
                    () -> responses.save(id, "area-feels", new AnswerInput.Text("5")),
                    () -> responses.save(id, "anything-else", new AnswerInput.Text("x".repeat(10_000))),
                    () -> responses.save(id, "anything-else", new AnswerInput.Text("   ")),
                    () -> responses.save(id, "places", new AnswerInput.Places(List.of(
                            new AnswerInput.PlaceAnswer(String.valueOf(foreignPlace), PlaceRating.SAFE, null)))),
                    () -> responses.save(id, "places", new AnswerInput.Places(List.of(
                            new AnswerInput.PlaceAnswer(safePlaces.placeRef(0), null, null)))),
                    () -> responses.save(id, "trusted-adults", new AnswerInput.Trusted(Set.of("dragon"), null)),
                    () -> responses.save(id, "no-such-question", new AnswerInput.Skip()));
            for (Runnable attempt : bad) {
                assertThatThrownBy(attempt::run).isInstanceOf(ValidationException.class);
            }
            assertThat(responses.answers(id)).isEmpty();
        }

        @Test
        void a_closed_survey_takes_no_more_answers() {
            String id = responses.start(entry, "en");
            TestWorld.as(safePlaces.facilitator);
            surveys.close(safePlaces.survey.id());
            TestWorld.anonymous();
            assertThatThrownBy(() -> responses.save(id, "area-feels", new AnswerInput.ScaleValue(3)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("respond.closed"));
            // the one-statement saves are refused by their guard too, and write nothing
            assertThatThrownBy(() -> responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("youth-club"))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("respond.closed"));
            assertThatThrownBy(() -> responses.save(id, "anything-else", new AnswerInput.Text("lights")))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("respond.closed"));
            assertThat(rows(ANSWER_SCALE, id) + rows(ANSWER_CHOICE, id) + rows(ANSWER_TEXT, id)).isZero();
        }

        @Test
        void answers_to_questions_hidden_by_a_later_change_are_dropped_at_submit() {
            var known = new SurveyFixture(context, "known-by-professionals");
            var knownEntry = responses.openByLink(known.survey.linkToken());
            String id = responses.start(knownEntry, "en");
            responses.save(id, "has-worker", new AnswerInput.Choice(Set.of("yes")));
            responses.save(id, "listens", new AnswerInput.ScaleValue(4));
            responses.save(id, "has-worker", new AnswerInput.Choice(Set.of("no"))); // went back and changed it
            responses.submit(id);
            assertThat(db.fetchCount(ANSWER_SCALE, ANSWER_SCALE.RESPONSE_ID.eq(id))).isZero();
            assertThat(db.fetchCount(ANSWER_CHOICE, ANSWER_CHOICE.RESPONSE_ID.eq(id))).isEqualTo(1);
        }

        @Test
        void a_possible_disclosure_reaches_the_safeguarding_lead_with_survey_and_device_and_stays_after_an_edit() {
            TestWorld.as(safePlaces.facilitator);
            Kiosk kiosk = surveys.addKiosk(safePlaces.survey.id(), "Youth club tablet", "2468");
            TestWorld.anonymous();
            var kioskEntry = responses.openByKiosk(kiosk.token());
            assertThat(kioskEntry.kioskLabel()).isEqualTo("Youth club tablet");
            String id = responses.start(kioskEntry, "en");
            assertThat(responses.save(id, "anything-else", new AnswerInput.Text("my step dad hurts me when hes drunk"))
                    .disclosureSuspected()).isTrue();
            assertThat(responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("home"))).disclosureSuspected()).isFalse();
            responses.save(id, "anything-else", new AnswerInput.Text("nothing")); // changed their mind

            TestWorld.as(safePlaces.world.account(safePlaces.partnership, Role.SAFEGUARDING_LEAD));
            var queue = queues.safeguardingQueue(safePlaces.partnership, 0, 50);
            assertThat(queue).hasSize(1);
            assertThat(queue.getFirst().body()).isEqualTo("my step dad hurts me when hes drunk");
            assertThat(queue.getFirst().deviceLabel()).isEqualTo("Youth club tablet");
            assertThat(queue.getFirst().surveyTitle()).isEqualTo(safePlaces.survey.title());
            queues.markHandled(queue.getFirst().id(), "Spoke to the youth club lead on site");
            assertThat(queues.safeguardingQueue(safePlaces.partnership, 0, 50).getFirst().open()).isFalse();

            TestWorld.as(safePlaces.facilitator);
            assertThatThrownBy(() -> queues.safeguardingQueue(safePlaces.partnership, 0, 50)).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void free_text_waits_for_a_facilitator_and_only_submitted_text_is_in_the_queue() {
            String id = responses.start(entry, "en");
            responses.save(id, "anything-else", new AnswerInput.Text("The skate park needs lights"));
            TestWorld.as(safePlaces.facilitator);
            assertThat(queues.pendingTexts(safePlaces.partnership, 0, 50)).isEmpty();
            TestWorld.anonymous();
            responses.submit(id);
            TestWorld.as(safePlaces.facilitator);
            var pending = queues.pendingTexts(safePlaces.partnership, 0, 50);
            assertThat(pending).extracting(PendingText::body).containsExactly("The skate park needs lights");
            queues.approve(pending.getFirst().id(), "The skate park needs lights", false);
            assertThat(queues.pendingTexts(safePlaces.partnership, 0, 50)).isEmpty();
            assertThat(db.select(ANSWER_TEXT.MODERATION).from(ANSWER_TEXT).where(ANSWER_TEXT.RESPONSE_ID.eq(id)).fetchOne().value1())
                    .isEqualTo(Moderation.APPROVED);
        }

        @Test
        void unfinished_responses_are_discarded_after_a_day_without_activity_and_submitted_ones_never() {
            String stale = responses.start(entry, "en");
            String recent = responses.start(entry, "en");
            String done = responses.start(entry, "en");
            responses.save(stale, "area-feels", new AnswerInput.ScaleValue(2));
            responses.submit(done);
            responseRows.touch(stale, Instant.now().truncatedTo(ChronoUnit.HOURS).minus(25, ChronoUnit.HOURS));
            assertThat(housekeeping.discardUnfinished()).isGreaterThanOrEqualTo(1);
            assertThat(db.fetchExists(RESPONSE, RESPONSE.ID.eq(stale))).isFalse();
            assertThat(db.fetchCount(ANSWER_SCALE, ANSWER_SCALE.RESPONSE_ID.eq(stale))).isZero();
            assertThat(db.fetchExists(RESPONSE, RESPONSE.ID.eq(recent))).isTrue();
            assertThat(db.fetchExists(RESPONSE, RESPONSE.ID.eq(done))).isTrue();
        }

        @Test
        void a_response_holds_no_address_device_or_time_of_day() {
            assertThat(RESPONSE.fields()).extracting(f -> f.getName().toLowerCase())
                    .containsExactlyInAnyOrder("id", "survey_id", "status", "language", "device_label", "started_on",
                            "active_hour", "submitted_on", "record_key", "release_group_id");
            assertThat(RESPONSE.STARTED_ON.getType()).isEqualTo(LocalDate.class);
            assertThat(RESPONSE.SUBMITTED_ON.getType()).isEqualTo(LocalDate.class);
            assertThat(SAFEGUARDING_FLAG.fields()).extracting(f -> f.getName().toLowerCase()).doesNotContain("ip", "user_agent");
        }

        @Test
        void the_kiosk_pin_lets_staff_out_and_wrong_pins_are_refused() {
            TestWorld.as(safePlaces.facilitator);
            Kiosk kiosk = surveys.addKiosk(safePlaces.survey.id(), "School library PC", "135790");
            assertThatThrownBy(() -> surveys.addKiosk(safePlaces.survey.id(), "school library pc", "1234"))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> surveys.addKiosk(safePlaces.survey.id(), "Hall", "12ab"))
                    .isInstanceOf(ValidationException.class);
            TestWorld.anonymous();
            assertThat(responses.exitKiosk(kiosk.token(), "000000")).isFalse();
            assertThat(responses.exitKiosk(kiosk.token(), "135790")).isTrue();
            for (int i = 0; i < KioskExitGuard.MAX_WRONG; i++) {
                responses.exitKiosk(kiosk.token(), "111111");
            }
            assertThat(responses.exitKiosk(kiosk.token(), "135790")).as("paused after repeated wrong PINs").isFalse();
        }
    }
}
