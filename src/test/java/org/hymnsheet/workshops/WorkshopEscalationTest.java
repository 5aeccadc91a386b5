package org.hymnsheet.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.AUDIT_EVENT;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;

import java.util.List;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.boards.BoardService;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.AuditAction;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.FlaggedText;
import org.hymnsheet.surveys.QueueFilter;
import org.hymnsheet.surveys.QueueService;
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
 * A facilitator sends a workshop text from the console to the safeguarding lead: it reaches the partnership's queue
 * with who sent it and why, and never the board, the phones, the record or its CSV; the same text stays one flag.
 */
class WorkshopEscalationTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        static final String WORRY = "my manager shouts at me and I am scared to go back to work";
        @Autowired InputService inputs;
        @Autowired ParticipantService participants;
        @Autowired WorkshopService workshops;
        @Autowired WorkshopModerationService moderation;
        @Autowired WorkshopRecordService records;
        @Autowired BoardService boards;
        @Autowired QueueService queues;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        WorkshopFixture f;
        TestWorld.Persona lead;
        String ann;
        String bob;

        @BeforeEach
        void room() {
            f = new WorkshopFixture(context);
            lead = f.world.account(f.partnership, Role.SAFEGUARDING_LEAD);
            ann = f.join(f.police, Level.MANAGER, "Ann");
            bob = f.join(f.health, Level.PRACTITIONER, "Bob");
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        PendingText waiting(PendingText.TextKind kind, String words) {
            return f.asFacilitator(() -> moderation.pending(f.workshop.id())).stream()
                    .filter(p -> p.kind() == kind && p.text().equals(words)).findFirst().orElseThrow();
        }

        long send(PendingText shown, String reason) {
            return f.asFacilitator(() -> moderation.escalate(f.workshop.id(), shown.kind(), shown.ref(), reason));
        }

        List<FlaggedText> queue() {
            TestWorld.as(lead);
            try {
                return queues.safeguardingQueue(f.partnership, new QueueFilter(QueueFilter.State.ALL, null, f.workshop.id()), 0, 50);
            } finally {
                TestWorld.anonymous();
            }
        }

        @Test
        void a_sentence_sent_from_the_console_reaches_the_queue_with_who_and_why_and_never_the_board_or_the_record() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, WORRY);
            inputs.frame(bob, WorkshopFixture.FRAMING, 60, "Schools see it first");
            f.asFacilitator(() -> {
                moderation.moderate(f.workshop.id(), PendingText.TextKind.FRAMING,
                        waiting(PendingText.TextKind.FRAMING, "Schools see it first").ref(), true);
                return null;
            });
            long flag = send(waiting(PendingText.TextKind.FRAMING, WORRY), "Said it in the room too");
            f.asFacilitator(() -> workshops.reveal(f.workshop.id(), WorkshopFixture.FRAMING));

            // read the way the board, the phones, the record and its CSV read the room
            String board = f.asFacilitator(() -> boards.board(f.workshop.id())).toString();
            assertThat(board).contains("Schools see it first").doesNotContain(WORRY);
            assertThat(participants.inputs(bob, WorkshopFixture.FRAMING)).extracting(StageInput::text).doesNotContain(WORRY);
            String record = f.asFacilitator(() -> records.record(f.workshop.id())).toString();
            assertThat(record).contains("Schools see it first").doesNotContain(WORRY);
            assertThat(f.asFacilitator(() -> records.csv(f.workshop.id()))).contains("Schools see it first").doesNotContain(WORRY);
            assertThat(f.asFacilitator(() -> moderation.pending(f.workshop.id()))).isEmpty();

            assertThat(queue()).singleElement().satisfies(item -> {
                assertThat(item.id()).isEqualTo(flag);
                assertThat(item.body()).isEqualTo(WORRY);
                assertThat(item.workshopTitle()).isEqualTo(f.workshop.title());
                assertThat(item.surveyTitle()).isNull();
                assertThat(item.found()).isEqualTo(FlaggedText.Found.PERSON);
                assertThat(item.sentBy()).isEqualTo("Test " + f.facilitator.email());
                assertThat(item.reason()).isEqualTo("Said it in the room too");
            });
            assertThat(f.asFacilitator(() -> moderation.escalated(f.workshop.id()))).singleElement().satisfies(sent -> {
                assertThat(sent.text()).isEqualTo(WORRY);
                assertThat(sent.opened()).isFalse();
            });
            TestWorld.as(lead);
            queues.openFlag(flag);
            assertThat(f.asFacilitator(() -> moderation.escalated(f.workshop.id()))).singleElement()
                    .extracting(EscalatedText::opened).isEqualTo(true);
            assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT)
                    .where(AUDIT_EVENT.ACTION.eq(AuditAction.WORKSHOP_TEXT_ESCALATED.name())
                            .and(AUDIT_EVENT.PARTNERSHIP_ID.eq(f.partnership))).fetchSingle().value1())
                    .doesNotContain("@").contains("workshop=" + f.workshop.id(), "kind=FRAMING", "flag=" + flag);
        }

        @Test
        void another_partnerships_facilitator_cannot_send_a_workshop_text_and_it_keeps_waiting() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, WORRY);
            PendingText shown = waiting(PendingText.TextKind.FRAMING, WORRY);
            TestWorld.as(f.world.account(f.world.partnership(), Role.FACILITATOR));
            assertThatThrownBy(() -> moderation.escalate(f.workshop.id(), shown.kind(), shown.ref(), null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(waiting(PendingText.TextKind.FRAMING, WORRY)).isEqualTo(shown);
            assertThat(db.fetchCount(SAFEGUARDING_FLAG, SAFEGUARDING_FLAG.WORKSHOP_ID.eq(f.workshop.id()))).isZero();
        }

        @Test
        void changed_words_are_refused_and_nothing_is_sent() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "Harmless words");
            PendingText shown = waiting(PendingText.TextKind.FRAMING, "Harmless words");
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, WORRY);
            assertThatThrownBy(() -> send(shown, null)).isInstanceOf(ValidationException.class)
                    .hasFieldOrPropertyWithValue("messageKey", "workshops.moderation.changed");
            assertThat(db.fetchCount(SAFEGUARDING_FLAG, SAFEGUARDING_FLAG.WORKSHOP_ID.eq(f.workshop.id()))).isZero();
            assertThat(waiting(PendingText.TextKind.FRAMING, WORRY)).isNotNull();
        }

        @Test
        void a_reason_over_1000_characters_is_refused_and_the_text_keeps_waiting() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, WORRY);
            PendingText shown = waiting(PendingText.TextKind.FRAMING, WORRY);
            assertThatThrownBy(() -> send(shown, "y".repeat(1001))).isInstanceOf(ValidationException.class)
                    .hasFieldOrPropertyWithValue("field", "reason");
            assertThat(waiting(PendingText.TextKind.FRAMING, WORRY)).isEqualTo(shown);
        }

        @Test
        void sending_the_same_text_twice_or_its_changed_words_keeps_one_flag() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, WORRY);
            PendingText shown = waiting(PendingText.TextKind.FRAMING, WORRY);
            long first = send(shown, "first");
            assertThat(send(shown, "again")).isEqualTo(first);
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, WORRY + " every day");
            long changed = send(waiting(PendingText.TextKind.FRAMING, WORRY + " every day"), "it got worse");

            assertThat(changed).isEqualTo(first);
            assertThat(queue()).singleElement().satisfies(item -> {
                assertThat(item.body()).isEqualTo(WORRY + " every day");
                assertThat(item.earlier()).isEqualTo(WORRY);
                assertThat(item.reason()).isEqualTo("it got worse");
            });
        }

        @Test
        void two_different_pulse_comments_on_one_question_are_two_flags_and_neither_reaches_the_room() {
            f.goTo(WorkshopFixture.PULSE);
            inputs.pulse(ann, WorkshopFixture.PULSE, "space", 2, "I was hit by a colleague");
            inputs.pulse(bob, WorkshopFixture.PULSE, "space", 3, "Someone follows me home");
            send(waiting(PendingText.TextKind.PULSE, "I was hit by a colleague"), null);
            send(waiting(PendingText.TextKind.PULSE, "Someone follows me home"), null);
            f.asFacilitator(() -> workshops.reveal(f.workshop.id(), WorkshopFixture.PULSE));

            assertThat(queue()).extracting(FlaggedText::body)
                    .containsExactlyInAnyOrder("I was hit by a colleague", "Someone follows me home");
            assertThat(participants.pulse(bob, WorkshopFixture.PULSE).toString())
                    .doesNotContain("I was hit by a colleague", "Someone follows me home");
            assertThat(f.asFacilitator(() -> boards.board(f.workshop.id())).toString())
                    .doesNotContain("I was hit by a colleague", "Someone follows me home");
        }
    }
}
