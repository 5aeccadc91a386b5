package org.hymnsheet.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;

import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.common.ValidationException;
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
 * Moderation approves exactly what it showed: the words the facilitator saw, of a submitted answer, still waiting,
 * and a flagged one only with the flag acknowledged; and the list reaches every waiting text, page by page.
 */
class ModerationQueueTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired ResponseService responses;
        @Autowired QueueService queues;
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

        String submitted(String text) {
            String id = responses.start(entry, "en");
            responses.save(id, "anything-else", new AnswerInput.Text(text));
            responses.submit(id);
            return id;
        }

        PendingText waiting(String body) {
            TestWorld.as(f.facilitator);
            return queues.pendingTexts(f.partnership, 0, 500).stream().filter(t -> t.body().equals(body)).findFirst().orElseThrow();
        }

        Moderation moderation(long textId) {
            return db.select(ANSWER_TEXT.MODERATION).from(ANSWER_TEXT).where(ANSWER_TEXT.ID.eq(textId)).fetchSingle().value1();
        }

        static String refusal(Throwable e) {
            return ((ValidationException) e).messageKey();
        }

        @Test
        void approval_names_the_words_shown_and_other_words_are_refused() {
            submitted("More lights by the canal");
            PendingText shown = waiting("More lights by the canal");

            assertThatThrownBy(() -> queues.approve(shown.id(), "Something the facilitator never saw", false))
                    .isInstanceOf(ValidationException.class).extracting(ModerationQueueTest.Contract::refusal)
                    .isEqualTo("moderation.changed");
            assertThat(moderation(shown.id())).isEqualTo(Moderation.PENDING);

            queues.approve(shown.id(), shown.body(), false);
            assertThat(moderation(shown.id())).isEqualTo(Moderation.APPROVED);
            assertThatThrownBy(() -> queues.approve(shown.id(), shown.body(), false)).as("decided already")
                    .isInstanceOf(ValidationException.class);
        }

        @Test
        void a_text_still_being_written_cannot_be_approved_and_the_changed_text_waits_again() {
            String id = responses.start(entry, "en");
            responses.save(id, "anything-else", new AnswerInput.Text("The park is fine"));
            long draft = db.select(ANSWER_TEXT.ID).from(ANSWER_TEXT).where(ANSWER_TEXT.RESPONSE_ID.eq(id)).fetchSingle().value1();
            TestWorld.as(f.facilitator);
            assertThatThrownBy(() -> queues.approve(draft, "The park is fine", false)).isInstanceOf(ValidationException.class)
                    .extracting(ModerationQueueTest.Contract::refusal).isEqualTo("moderation.changed");

            TestWorld.anonymous();
            responses.save(id, "anything-else", new AnswerInput.Text("Words nobody has approved"));
            responses.submit(id);
            TestWorld.as(f.facilitator);
            assertThat(queues.pendingTexts(f.partnership, 0, 50)).extracting(PendingText::body)
                    .containsExactly("Words nobody has approved");
            assertThat(db.select(ANSWER_TEXT.MODERATION).from(ANSWER_TEXT).where(ANSWER_TEXT.RESPONSE_ID.eq(id)).fetch(ANSWER_TEXT.MODERATION))
                    .containsExactly(Moderation.PENDING);
        }

        @Test
        void a_flagged_text_is_approved_only_when_the_flag_is_acknowledged() {
            submitted("my dad hits me when he is drunk");
            PendingText shown = waiting("my dad hits me when he is drunk");
            assertThat(shown.flagged()).isTrue();
            assertThat(shown.flagReason()).contains("Physical harm");

            assertThatThrownBy(() -> queues.approve(shown.id(), shown.body(), false)).isInstanceOf(ValidationException.class)
                    .extracting(ModerationQueueTest.Contract::refusal).isEqualTo("moderation.flagNotAcknowledged");
            assertThat(moderation(shown.id())).isEqualTo(Moderation.PENDING);

            queues.approve(shown.id(), shown.body(), true);
            assertThat(moderation(shown.id())).isEqualTo(Moderation.APPROVED);
        }

        @Test
        void every_waiting_text_is_reached_page_by_page_with_no_cap() {
            submitted("The first thing anyone wrote");
            for (int i = 0; i < 520; i++) {
                submitted("Filler " + i);
            }
            TestWorld.as(f.facilitator);
            int count = queues.pendingCount(f.partnership);
            assertThat(count).isEqualTo(521);
            List<PendingText> all = new ArrayList<>();
            for (int offset = 0; offset < count; offset += 100) {
                all.addAll(queues.pendingTexts(f.partnership, offset, 100));
            }
            assertThat(all).hasSize(521).extracting(PendingText::id).doesNotHaveDuplicates();
            assertThat(all.getFirst().body()).isEqualTo("Filler 519");
            assertThat(all.getLast().body()).isEqualTo("The first thing anyone wrote");
        }
    }
}
