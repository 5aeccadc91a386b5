package org.hymnsheet.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.AUDIT_EVENT;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;

import java.util.List;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.AuditAction;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * A facilitator sends a young person's text from moderation to the safeguarding lead: it reaches the queue with who
 * sent it and why, leaves moderation and never reaches a board; only the words shown can be sent, only by the
 * partnership's facilitators, and one answer stays one flag.
 */
class SafeguardingEscalationTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired ResponseService responses;
        @Autowired QueueService queues;
        @Autowired SurveyVoiceService voices;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        SurveyFixture f;
        TestWorld.Persona lead;

        @BeforeEach
        void survey() {
            f = new SurveyFixture(context, "safe-places");
            lead = f.world.account(f.partnership, Role.SAFEGUARDING_LEAD);
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        /** A submitted answer to "anything else", waiting in moderation as the facilitator sees it. */
        PendingText waiting(String words) {
            String id = responses.start(responses.openByLink(f.survey.linkToken()), "en");
            responses.save(id, "anything-else", new AnswerInput.Text(words));
            responses.submit(id);
            TestWorld.as(f.facilitator);
            return queues.pendingTexts(f.partnership, 0, 500).stream().filter(t -> t.body().equals(words)).findFirst()
                    .orElseThrow();
        }

        List<FlaggedText> queue(QueueFilter filter) {
            TestWorld.as(lead);
            return queues.safeguardingQueue(f.partnership, filter, 0, 100);
        }

        static String name(TestWorld.Persona p) {
            return "Test " + p.email();
        }

        @Test
        void a_text_sent_from_moderation_reaches_the_queue_with_who_sent_it_and_why_and_leaves_moderation() {
            PendingText shown = waiting("my mums new friend stays over a lot and i dont like him");
            long flag = queues.escalate(shown.id(), shown.body(), "  Mentions being hungry at home  ");

            assertThat(queues.pendingTexts(f.partnership, 0, 500)).extracting(PendingText::id).doesNotContain(shown.id());
            assertThat(queues.sentTexts(f.partnership)).singleElement().satisfies(sent -> {
                assertThat(sent.flagId()).isEqualTo(flag);
                assertThat(sent.body()).isEqualTo("my mums new friend stays over a lot and i dont like him");
                assertThat(sent.surveyTitle()).isEqualTo(f.survey.title());
                assertThat(sent.opened()).as("no lead has opened it yet").isFalse();
            });
            assertThat(queue(QueueFilter.ALL)).singleElement().satisfies(item -> {
                assertThat(item.id()).isEqualTo(flag);
                assertThat(item.body()).isEqualTo("my mums new friend stays over a lot and i dont like him");
                assertThat(item.surveyTitle()).isEqualTo(f.survey.title());
                assertThat(item.found()).isEqualTo(FlaggedText.Found.PERSON);
                assertThat(item.sentBy()).isEqualTo(name(f.facilitator));
                assertThat(item.sentAt()).isNotNull();
                assertThat(item.reason()).isEqualTo("Mentions being hungry at home");
                assertThat(item.open()).isTrue();
            });
            assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT)
                    .where(AUDIT_EVENT.ACTION.eq(AuditAction.SURVEY_TEXT_ESCALATED.name())
                            .and(AUDIT_EVENT.PARTNERSHIP_ID.eq(f.partnership))).fetch(AUDIT_EVENT.DETAIL))
                    .containsExactly("text=" + shown.id() + " flag=" + flag);
        }

        @Test
        void a_text_sent_to_the_lead_never_reaches_the_board_while_an_approved_one_does() {
            PendingText approved = waiting("the park needs better lights");
            PendingText sent = waiting("a man at the park keeps asking me to meet him alone");
            for (int i = 0; i < 8; i++) { // enough alike responses for their release groups to count
                String id = responses.start(responses.openByLink(f.survey.linkToken()), "en");
                responses.save(id, "area-feels", new AnswerInput.ScaleValue(3));
                responses.submit(id);
            }
            TestWorld.as(f.facilitator);
            queues.approve(approved.id(), approved.body(), approved.flagged());
            queues.escalate(sent.id(), sent.body(), null);

            // read the way the board's young people's voice panel reads it
            SurveyVoice voice = voices.voice(f.survey.id());
            assertThat(voice.approvedTexts()).contains("the park needs better lights")
                    .doesNotContain("a man at the park keeps asking me to meet him alone");
            assertThat(voice.toString()).doesNotContain("keeps asking me to meet him");
            assertThat(db.select(ANSWER_TEXT.MODERATION).from(ANSWER_TEXT).where(ANSWER_TEXT.ID.eq(sent.id()))
                    .fetchSingle().value1()).isEqualTo(Moderation.ESCALATED);
            assertThat(queue(QueueFilter.ALL)).singleElement().extracting(FlaggedText::reason).isNull();
        }

        @Test
        void another_partnerships_facilitator_cannot_send_a_text_and_it_keeps_waiting() {
            PendingText shown = waiting("i dont like going to my cousins house anymore");
            var other = f.world.account(f.world.partnership(), Role.FACILITATOR);
            TestWorld.as(other);
            assertThatThrownBy(() -> queues.escalate(shown.id(), shown.body(), "x")).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(lead);
            assertThatThrownBy(() -> queues.escalate(shown.id(), shown.body(), "x"))
                    .as("a safeguarding lead does not moderate").isInstanceOf(AccessDeniedException.class);
            TestWorld.as(f.facilitator);
            assertThat(queues.pendingTexts(f.partnership, 0, 500)).extracting(PendingText::id).contains(shown.id());
            assertThat(db.fetchCount(SAFEGUARDING_FLAG, SAFEGUARDING_FLAG.PARTNERSHIP_ID.eq(f.partnership))).isZero();
        }

        @Test
        void words_other_than_the_ones_shown_are_refused_and_nothing_is_sent() {
            PendingText shown = waiting("I sleep at my mates most nights");
            assertThatThrownBy(() -> queues.escalate(shown.id(), "harmless words", "x"))
                    .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).messageKey())
                    .isEqualTo("moderation.changed");
            assertThat(queues.pendingTexts(f.partnership, 0, 500)).extracting(PendingText::id).contains(shown.id());
            assertThat(db.fetchCount(SAFEGUARDING_FLAG, SAFEGUARDING_FLAG.PARTNERSHIP_ID.eq(f.partnership))).isZero();
        }

        @Test
        void a_reason_over_1000_characters_is_refused_with_its_limit_and_nothing_is_sent() {
            PendingText shown = waiting("I sleep at my mates most nights");
            assertThatThrownBy(() -> queues.escalate(shown.id(), shown.body(), "x".repeat(1001)))
                    .isInstanceOf(ValidationException.class).satisfies(e -> {
                        assertThat(((ValidationException) e).field()).isEqualTo("reason");
                        assertThat(((ValidationException) e).messageKey()).isEqualTo("validation.tooLong");
                        assertThat(((ValidationException) e).args()).containsExactly(1000);
                    });
            assertThat(queues.pendingTexts(f.partnership, 0, 500)).extracting(PendingText::id).contains(shown.id());
            queues.escalate(shown.id(), shown.body(), "x".repeat(1000));
            assertThat(queue(QueueFilter.ALL)).singleElement().extracting(FlaggedText::reason).asString().hasSize(1000);
        }

        @Test
        void sending_the_same_text_twice_makes_one_flag() {
            PendingText shown = waiting("my stepdad locks me in my room");
            queues.escalate(shown.id(), shown.body(), "first");
            assertThatThrownBy(() -> queues.escalate(shown.id(), shown.body(), "second"))
                    .isInstanceOf(ValidationException.class);
            assertThat(queue(QueueFilter.ALL)).singleElement().extracting(FlaggedText::reason).isEqualTo("first");
        }

        @Test
        void sending_an_answer_the_detector_flagged_updates_its_one_flag_and_opens_it_again() {
            PendingText shown = waiting("my dad hits me when he is angry");
            assertThat(shown.flagged()).isTrue();
            var detected = queue(QueueFilter.ALL);
            assertThat(detected).singleElement().extracting(FlaggedText::found).isIn(FlaggedText.Found.LIST, FlaggedText.Found.BOTH);
            queues.markHandled(detected.getFirst().id(), "Told the youth club lead");

            TestWorld.as(f.facilitator);
            long flag = queues.escalate(shown.id(), shown.body(), "He said it happens every week");

            assertThat(flag).isEqualTo(detected.getFirst().id());
            assertThat(queue(QueueFilter.ALL)).singleElement().satisfies(item -> {
                assertThat(item.open()).isTrue();
                assertThat(item.found()).as("the detector found it first").isIn(FlaggedText.Found.LIST, FlaggedText.Found.BOTH);
                assertThat(item.sentBy()).isEqualTo(name(f.facilitator));
                assertThat(item.reason()).isEqualTo("He said it happens every week");
                assertThat(item.body()).isEqualTo("my dad hits me when he is angry");
                assertThat(item.openedBy()).as("it waits to be opened again").isNull();
            });
        }

        @Test
        void opening_and_handling_a_flag_record_who_when_and_what_was_done() {
            waiting("my dad hits me when he is angry");
            long flag = queue(QueueFilter.ALL).getFirst().id();
            var second = f.world.account(f.partnership, Role.SAFEGUARDING_LEAD);

            queues.openFlag(flag);
            TestWorld.as(second);
            queues.openFlag(flag); // the first lead to say so stays named
            assertThat(queue(QueueFilter.ALL)).singleElement().satisfies(item -> {
                assertThat(item.openedBy()).isEqualTo(name(lead));
                assertThat(item.openedAt()).isNotNull();
                assertThat(item.open()).isTrue();
            });
            TestWorld.as(second);
            assertThatThrownBy(() -> queues.markHandled(flag, "  ")).isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).messageKey()).isEqualTo("validation.required");
            assertThatThrownBy(() -> queues.markHandled(flag, "x".repeat(2001))).isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).messageKey()).isEqualTo("validation.tooLong");
            queues.markHandled(flag, "Rang children's services; a social worker visits today");

            assertThat(queue(QueueFilter.ALL)).singleElement().satisfies(item -> {
                assertThat(item.open()).isFalse();
                assertThat(item.handledBy()).isEqualTo(name(second));
                assertThat(item.handledAt()).isNotNull();
                assertThat(item.note()).isEqualTo("Rang children's services; a social worker visits today");
                assertThat(item.openedBy()).isEqualTo(name(lead));
            });
            TestWorld.as(lead);
            assertThatThrownBy(() -> queues.markHandled(flag, "Also handled")).as("another lead's words are kept")
                    .isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).messageKey()).isEqualTo("safeguarding.alreadyHandled");
            assertThat(queue(QueueFilter.ALL).getFirst().note()).isEqualTo("Rang children's services; a social worker visits today");
            assertThat(queue(new QueueFilter(QueueFilter.State.OPEN, null, null))).isEmpty();
            assertThat(queue(new QueueFilter(QueueFilter.State.HANDLED, null, null))).hasSize(1);
        }

        @Test
        void the_queue_filters_by_survey_and_by_state_and_each_read_names_its_filter() {
            waiting("my dad hits me");
            TestWorld.as(f.facilitator);
            Survey other = context.getBean(SurveyService.class)
                    .open(context.getBean(SurveyService.class).create(f.partnership, "safe-places", TestWorld.unique("Other")).id());
            String id = responses.start(responses.openByLink(other.linkToken()), "en");
            responses.save(id, "anything-else", new AnswerInput.Text("my mum hurts me"));
            responses.submit(id);

            var all = queue(QueueFilter.ALL);
            assertThat(all).hasSize(2);
            queues.markHandled(all.stream().filter(x -> x.body().equals("my mum hurts me")).findFirst().orElseThrow().id(),
                    "Called the school");

            assertThat(queue(new QueueFilter(QueueFilter.State.ALL, other.id(), null))).extracting(FlaggedText::body)
                    .containsExactly("my mum hurts me");
            assertThat(queue(new QueueFilter(QueueFilter.State.OPEN, other.id(), null))).isEmpty();
            assertThat(queue(new QueueFilter(QueueFilter.State.OPEN, null, null))).extracting(FlaggedText::body)
                    .containsExactly("my dad hits me");
            assertThat(queue(QueueFilter.ALL)).extracting(FlaggedText::body).as("open first, then handled")
                    .containsExactly("my dad hits me", "my mum hurts me");
            assertThat(queues.safeguardingCount(f.partnership, new QueueFilter(QueueFilter.State.HANDLED, null, null)))
                    .isEqualTo(1);
            assertThat(queues.safeguardingSources(f.partnership)).extracting(QueueSource::surveyId)
                    .containsExactlyInAnyOrder(f.survey.id(), other.id());
            assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT)
                    .where(AUDIT_EVENT.ACTION.eq(AuditAction.SAFEGUARDING_QUEUE_VIEWED.name())
                            .and(AUDIT_EVENT.PARTNERSHIP_ID.eq(f.partnership))).fetch(AUDIT_EVENT.DETAIL))
                    .contains("state=OPEN survey=" + other.id() + " offset=0 limit=100");
        }

        @Test
        void the_kinds_of_harm_are_in_plain_words_from_the_stored_ids_or_worked_out_again_for_older_flags() {
            waiting("my dad hits me");
            long flag = queue(QueueFilter.ALL).getFirst().id();
            assertThat(queue(QueueFilter.ALL).getFirst().categories()).as("no ids stored: the words are checked again")
                    .containsExactly("Physical harm and violence");
            db.update(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.CATEGORIES, "self-harm,neglect-home")
                    .set(SAFEGUARDING_FLAG.DETECTION, "MEANING").where(SAFEGUARDING_FLAG.ID.eq(flag)).execute();
            assertThat(queue(QueueFilter.ALL).getFirst()).satisfies(item -> {
                assertThat(item.categories()).containsExactly("Self-harm and suicide", "Neglect and not safe at home");
                assertThat(item.found()).isEqualTo(FlaggedText.Found.MEANING);
            });
        }
    }
}
