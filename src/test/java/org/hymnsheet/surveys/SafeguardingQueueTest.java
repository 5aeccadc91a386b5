package org.hymnsheet.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.PlaceRating;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The safeguarding queue under a flood: one flag per response and question, starts and saves limited per client,
 * the whole queue reachable page by page (open first), the last hour counted, and long answers never lost.
 */
class SafeguardingQueueTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired ResponseService responses;
        @Autowired QueueService queues;
        @Autowired DisclosureDetector detector;
        @Autowired RespondentLimits limits;
        @Autowired ResponseRepository responseRows;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        SurveyFixture f;
        SurveyEntry entry;

        @BeforeEach
        void survey() {
            f = new SurveyFixture(context, "safe-places");
            entry = responses.openByLink(f.survey.linkToken());
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        int flags(String responseId) {
            return db.fetchCount(SAFEGUARDING_FLAG, SAFEGUARDING_FLAG.RESPONSE_ID.eq(responseId));
        }

        void asLead() {
            TestWorld.as(f.world.account(f.partnership, Role.SAFEGUARDING_LEAD));
        }

        List<FlaggedText> wholeQueue() {
            asLead();
            List<FlaggedText> all = new ArrayList<>();
            int total = queues.safeguardingSummary(f.partnership).total();
            for (int offset = 0; offset < total; offset += 100) {
                all.addAll(queues.safeguardingQueue(f.partnership, offset, 100));
            }
            TestWorld.anonymous();
            return all;
        }

        @Test
        void an_answer_only_the_meaning_model_recognises_is_flagged_with_its_kind_and_how_it_was_found() {
            String text = "the park is fine. at home nobody has bought food in days and the electric is off";
            assertThat(detector.check(text).flagged()).as("the indicator list alone misses it").isFalse();

            String id = responses.start(entry, "en");
            assertThat(responses.save(id, "anything-else", new AnswerInput.Text(text)).disclosureSuspected()).isTrue();

            var flag = db.selectFrom(SAFEGUARDING_FLAG).where(SAFEGUARDING_FLAG.RESPONSE_ID.eq(id)).fetchSingle();
            assertThat(flag.getDetection()).isEqualTo("MEANING");
            assertThat(flag.getCategories()).isEqualTo("neglect-home");
            assertThat(flag.getIndicators()).isEmpty();
            FlaggedText shown = wholeQueue().stream().filter(t -> t.body().equals(text)).findFirst().orElseThrow();
            assertThat(shown.categories()).containsExactly("Neglect and not safe at home");
            assertThat(shown.found()).isEqualTo(FlaggedText.Found.MEANING);

            responses.submit(id);
            TestWorld.as(f.facilitator);
            assertThat(queues.pendingTexts(f.partnership, 0, 500)).filteredOn(t -> t.body().equals(text)).singleElement()
                    .satisfies(t -> {
                        assertThat(t.flagged()).isTrue();
                        assertThat(t.flagReason()).as("moderation names the kind the model found")
                                .isEqualTo("Neglect and not safe at home");
                    });
        }

        @Test
        void a_welsh_answer_is_screened_by_the_indicator_list_alone() {
            String text = "the park is fine. at home nobody has bought food in days and the electric is off";

            String id = responses.start(entry, "cy");

            assertThat(responses.save(id, "anything-else", new AnswerInput.Text(text)).disclosureSuspected()).isFalse();
            assertThat(flags(id)).isZero();
        }

        @Test
        void a_long_answer_that_matches_every_indicator_category_is_saved_flagged_and_opens_help() {
            String text = SafeguardingTexts.everyCategory(detector, 1000, 0); // the longest "anything else" takes
            var found = detector.check(text);
            assertThat(found.categories()).containsExactlyElementsOf(
                    detector.indicators().categories().stream().map(DisclosureIndicators.Category::id).toList());
            assertThat(String.join(", ", found.matchedIndicators()).length()).as("more than the flag's column holds")
                    .isGreaterThan(ResponseRepository.flagIndicatorsMax());

            String id = responses.start(entry, "en");
            assertThat(responses.save(id, "anything-else", new AnswerInput.Text(text)).disclosureSuspected()).isTrue();

            assertThat(responses.answers(id)).containsEntry("anything-else", new AnswerInput.Text(text));
            var flag = db.selectFrom(SAFEGUARDING_FLAG).where(SAFEGUARDING_FLAG.RESPONSE_ID.eq(id)).fetchSingle();
            assertThat(flag.getBody()).isEqualTo(text);
            assertThat(flag.getIndicators()).startsWith(found.matchedIndicators().getFirst())
                    .hasSizeLessThanOrEqualTo(ResponseRepository.flagIndicatorsMax()).endsWith(")");
        }

        @Test
        void a_4000_character_text_matching_every_category_fits_its_one_flag() {
            String text = SafeguardingTexts.everyCategory(detector, 4000, 1);
            assertThat(detector.check(text).categories()).hasSize(detector.indicators().categories().size());
            String id = responses.start(entry, "en");
            var draft = new FlagDraft();
            draft.add(text, detector.check(text));
            draft.add(text, detector.check(text)); // two such texts in one answer: more than the body holds
            responseRows.upsertFlag(f.partnership, f.survey.id(), id, "anything-else",
                    draft.body(ResponseRepository.flagBodyMax()), null, null,
                    draft.indicators(ResponseRepository.flagIndicatorsMax()),
                    draft.categories(ResponseRepository.flagCategoriesMax()), draft.detection().name(), OffsetDateTime.now());

            var flag = db.selectFrom(SAFEGUARDING_FLAG).where(SAFEGUARDING_FLAG.RESPONSE_ID.eq(id)).fetchSingle();
            assertThat(flag.getBody()).hasSize(ResponseRepository.flagBodyMax()).startsWith(text.substring(0, text.length() - 1))
                    .endsWith("…");
            assertThat(flag.getIndicators()).hasSizeLessThanOrEqualTo(ResponseRepository.flagIndicatorsMax());
        }

        @Test
        void long_reasons_for_several_places_that_match_indicators_make_one_flag_and_open_help() {
            List<String> whys = List.of(SafeguardingTexts.everyCategory(detector, 500, 0),
                    SafeguardingTexts.everyCategory(detector, 500, 1), SafeguardingTexts.everyCategory(detector, 500, 2));
            String id = responses.start(entry, "en");
            var places = new AnswerInput.Places(List.of(
                    new AnswerInput.PlaceAnswer(f.placeRef(0), PlaceRating.UNSAFE, whys.get(0)),
                    new AnswerInput.PlaceAnswer(f.placeRef(1), PlaceRating.UNSAFE, whys.get(1)),
                    new AnswerInput.PlaceAnswer(AnswerInput.PlaceAnswer.ELSEWHERE, PlaceRating.UNSAFE, whys.get(2))));

            assertThat(responses.save(id, "places", places).disclosureSuspected()).isTrue();

            assertThat(flags(id)).isEqualTo(1);
            assertThat(db.select(SAFEGUARDING_FLAG.BODY).from(SAFEGUARDING_FLAG).where(SAFEGUARDING_FLAG.RESPONSE_ID.eq(id))
                    .fetchSingle().value1()).isEqualTo(String.join(FlagDraft.SEPARATOR, whys));
        }

        @Test
        void saving_one_answer_again_and_again_keeps_one_flag_with_the_newest_words_and_the_earlier_ones() {
            String id = responses.start(entry, "en");
            for (int i = 0; i < 20; i++) {
                responses.save(id, "anything-else", new AnswerInput.Text("my dad hits me " + i));
            }
            responses.save(id, "anything-else", new AnswerInput.Text("nothing")); // changed their mind: the flag stays
            assertThat(flags(id)).isEqualTo(1);
            var queue = wholeQueue();
            assertThat(queue).hasSize(1);
            assertThat(queue.getFirst().body()).isEqualTo("my dad hits me 19");
            assertThat(queue.getFirst().earlier()).startsWith("my dad hits me 18" + FlagDraft.SEPARATOR + "my dad hits me 17");

            asLead();
            queues.markHandled(queue.getFirst().id(), "Spoke to the youth worker");
            TestWorld.anonymous();
            responses.save(id, "anything-else", new AnswerInput.Text("my dad hits me 19")); // the same words again
            assertThat(wholeQueue().getFirst().open()).as("the same words leave a handled flag alone").isFalse();
            responses.save(id, "anything-else", new AnswerInput.Text("my dad hits me and my sister"));
            assertThat(wholeQueue()).singleElement().satisfies(flag -> {
                assertThat(flag.open()).as("new words open it again").isTrue();
                assertThat(flag.body()).isEqualTo("my dad hits me and my sister");
            });
        }

        @Test
        void six_hundred_flags_never_hide_the_oldest_real_disclosure() {
            String real = responses.start(entry, "en");
            responses.save(real, "anything-else", new AnswerInput.Text("my uncle touched me and said not to tell"));
            for (int i = 0; i < 600; i++) {
                String flood = responses.start(entry, "en");
                responses.save(flood, "anything-else", new AnswerInput.Text("he hurts me " + i));
            }
            var queue = wholeQueue();
            assertThat(queue).hasSize(601);
            assertThat(queue).extracting(FlaggedText::body).doesNotHaveDuplicates()
                    .contains("my uncle touched me and said not to tell");
            assertThat(queue.getLast().body()).as("oldest last, still there").isEqualTo("my uncle touched me and said not to tell");

            asLead();
            long handled = queue.getFirst().id();
            queues.markHandled(handled, "Looked into it");
            var after = wholeQueue();
            assertThat(after.getLast().id()).as("handled ones after every open one").isEqualTo(handled);
            assertThat(after.get(after.size() - 2).body()).isEqualTo("my uncle touched me and said not to tell");
        }

        @Test
        void the_lead_sees_how_many_flags_arrived_in_the_last_hour() {
            for (String text : List.of("he hits me", "she hurts me", "my dad beats me")) {
                responses.save(responses.start(entry, "en"), "anything-else", new AnswerInput.Text(text));
            }
            db.update(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.FLAGGED_AT, OffsetDateTime.now().minusHours(2))
                    .where(SAFEGUARDING_FLAG.PARTNERSHIP_ID.eq(f.partnership).and(SAFEGUARDING_FLAG.BODY.eq("he hits me")))
                    .execute();
            asLead();
            assertThat(queues.safeguardingSummary(f.partnership)).isEqualTo(new SafeguardingSummary(3, 3, 2));
            queues.markHandled(queues.safeguardingQueue(f.partnership, 0, 10).getFirst().id(), "Called the club");
            assertThat(queues.safeguardingSummary(f.partnership)).isEqualTo(new SafeguardingSummary(3, 2, 2));
        }

        @Test
        void starts_over_the_limit_are_refused_for_that_client_and_not_for_another() {
            String club = TestWorld.unique("club");
            for (int i = 0; i < limits.limit(RespondentLimits.Kind.START); i++) {
                responses.start(entry, "en", club);
            }
            assertThatThrownBy(() -> responses.start(entry, "en", club)).isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).messageKey()).isEqualTo("respond.tooMany");
            assertThat(responses.start(entry, "en", TestWorld.unique("school"))).isNotBlank();
        }

        @Test
        void saves_over_the_limit_are_refused_for_that_client_and_leave_the_saved_answer_as_it_was() {
            String script = TestWorld.unique("script");
            String id = responses.start(entry, "en", script);
            int limit = limits.limit(RespondentLimits.Kind.SAVE);
            int saved = 0;
            ValidationException refused = null;
            // the bucket refills as time passes (a whole limit per window), so keep going until it is empty
            for (int i = 0; i < 2 * limit && refused == null; i++) {
                try {
                    responses.save(id, "area-feels", new AnswerInput.ScaleValue(1 + i % 5), script);
                    saved = 1 + i % 5;
                } catch (ValidationException e) {
                    refused = e;
                }
            }
            assertThat(refused).isNotNull().extracting(ValidationException::messageKey).isEqualTo("respond.tooMany");
            assertThatThrownBy(() -> responses.save(id, "anything-else", new AnswerInput.Text("he hits me"), script))
                    .isInstanceOf(ValidationException.class);
            assertThat(responses.answers(id)).containsOnlyKeys("area-feels")
                    .containsEntry("area-feels", new AnswerInput.ScaleValue(saved));
            assertThat(flags(id)).isZero();
            assertThat(responses.save(id, "anything-else", new AnswerInput.Text("he hits me"), TestWorld.unique("phone"))
                    .disclosureSuspected()).isTrue();
        }
    }
}
