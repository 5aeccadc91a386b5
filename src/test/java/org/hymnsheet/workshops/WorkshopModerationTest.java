package org.hymnsheet.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.AUDIT_EVENT;

import java.util.List;
import org.hymnsheet.accounts.TestWorld;
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
import org.springframework.security.access.AccessDeniedException;

/**
 * Moderation approves exactly the words the facilitator was shown: a text changed while it waited is not approved
 * by the earlier approval (one by one or all at once), and saving an answer without changing its words keeps their
 * decision.
 */
class WorkshopModerationTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired ParticipantService participants;
        @Autowired InputService inputs;
        @Autowired WorkshopService workshops;
        @Autowired WorkshopModerationService moderation;
        @Autowired ApplicationContext context;
        @Autowired DSLContext db;
        WorkshopFixture f;
        String ann;
        String bob;

        @BeforeEach
        void room() {
            f = new WorkshopFixture(context);
            ann = f.join(f.police, Level.MANAGER, "Ann");
            bob = f.join(f.health, Level.PRACTITIONER, "Bob");
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        private List<PendingText> pending(PendingText.TextKind kind) {
            return f.asFacilitator(() -> moderation.pending(f.workshop.id())).stream().filter(p -> p.kind() == kind).toList();
        }

        private void decide(PendingText shown, boolean approve) {
            f.asFacilitator(() -> {
                moderation.moderate(f.workshop.id(), shown.kind(), shown.ref(), approve);
                return null;
            });
        }

        private List<String> othersTexts(String reader, int stage) {
            return participants.inputs(reader, stage).stream().filter(i -> !i.mine()).map(StageInput::text).toList();
        }

        @Test
        void a_sentence_edited_while_it_waits_is_not_approved_by_approving_what_the_console_showed() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "Harmless words");
            PendingText shown = pending(PendingText.TextKind.FRAMING).getFirst();
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "Abusive words");

            assertThatThrownBy(() -> decide(shown, true)).isInstanceOf(ValidationException.class)
                    .hasFieldOrPropertyWithValue("messageKey", "workshops.moderation.changed");
            f.asFacilitator(() -> workshops.reveal(f.workshop.id(), WorkshopFixture.FRAMING));
            assertThat(othersTexts(bob, WorkshopFixture.FRAMING)).containsOnlyNulls();
            // the console now shows the changed words, waiting, and approving those is what puts them up
            PendingText now = pending(PendingText.TextKind.FRAMING).getFirst();
            assertThat(now.text()).isEqualTo("Abusive words");
            assertThat(now.ref()).isNotEqualTo(shown.ref());
            decide(now, false);
            assertThat(othersTexts(bob, WorkshopFixture.FRAMING)).containsOnlyNulls();
        }

        @Test
        void a_pulse_comment_edited_while_it_waits_is_not_approved_by_approving_what_the_console_showed() {
            f.goTo(WorkshopFixture.PULSE);
            inputs.pulse(ann, WorkshopFixture.PULSE, "space", 3, "Harmless comment");
            PendingText shown = pending(PendingText.TextKind.PULSE).getFirst();
            inputs.pulse(ann, WorkshopFixture.PULSE, "space", 3, "Abusive comment");

            assertThatThrownBy(() -> decide(shown, true)).isInstanceOf(ValidationException.class)
                    .hasFieldOrPropertyWithValue("messageKey", "workshops.moderation.changed");
            assertThat(pending(PendingText.TextKind.PULSE)).extracting(PendingText::text).containsExactly("Abusive comment");
            f.asFacilitator(() -> workshops.reveal(f.workshop.id(), WorkshopFixture.PULSE));
            assertThat(participants.inputs(bob, WorkshopFixture.PULSE)).extracting(StageInput::text)
                    .doesNotContain("Abusive comment", "Harmless comment");
        }

        @Test
        void a_text_changed_back_to_the_words_shown_can_be_approved_because_they_are_the_words_shown() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "Same words");
            PendingText shown = pending(PendingText.TextKind.FRAMING).getFirst();
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "Other words");
            inputs.frame(ann, WorkshopFixture.FRAMING, 40, "Same words");
            decide(shown, true);
            f.asFacilitator(() -> workshops.reveal(f.workshop.id(), WorkshopFixture.FRAMING));
            assertThat(othersTexts(bob, WorkshopFixture.FRAMING)).containsExactly("Same words");
        }

        @Test
        void moving_the_slider_without_changing_the_sentence_keeps_it_approved_and_on_show() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "Approved words");
            decide(pending(PendingText.TextKind.FRAMING).getFirst(), true);
            f.asFacilitator(() -> workshops.reveal(f.workshop.id(), WorkshopFixture.FRAMING));

            inputs.frame(ann, WorkshopFixture.FRAMING, 70, "Approved words");

            assertThat(pending(PendingText.TextKind.FRAMING)).isEmpty();
            assertThat(othersTexts(bob, WorkshopFixture.FRAMING)).containsExactly("Approved words");
            assertThat(participants.inputs(bob, WorkshopFixture.FRAMING)).filteredOn(i -> !i.mine())
                    .extracting(StageInput::value).containsExactly(70);
        }

        @Test
        void a_rejected_sentence_stays_rejected_when_only_the_slider_moves() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "Rejected words");
            decide(pending(PendingText.TextKind.FRAMING).getFirst(), false);
            inputs.frame(ann, WorkshopFixture.FRAMING, 80, "Rejected words");
            assertThat(pending(PendingText.TextKind.FRAMING)).isEmpty();
        }

        @Test
        void a_changed_sentence_waits_again_and_comes_off_the_room() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "First words");
            decide(pending(PendingText.TextKind.FRAMING).getFirst(), true);
            f.asFacilitator(() -> workshops.reveal(f.workshop.id(), WorkshopFixture.FRAMING));
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "Second words");
            assertThat(pending(PendingText.TextKind.FRAMING)).extracting(PendingText::text).containsExactly("Second words");
            assertThat(othersTexts(bob, WorkshopFixture.FRAMING)).containsOnlyNulls();
        }

        @Test
        void changing_a_pulse_answer_without_changing_its_comment_keeps_the_comment_approved() {
            f.goTo(WorkshopFixture.PULSE);
            inputs.pulse(ann, WorkshopFixture.PULSE, "space", 2, "Kept comment");
            decide(pending(PendingText.TextKind.PULSE).getFirst(), true);

            inputs.pulse(ann, WorkshopFixture.PULSE, "space", 4, "Kept comment");

            assertThat(pending(PendingText.TextKind.PULSE)).isEmpty();
            f.asFacilitator(() -> {
                workshops.reveal(f.workshop.id(), WorkshopFixture.PULSE);
                return null;
            });
            assertThat(f.asFacilitator(() -> context.getBean(WorkshopRecordService.class).record(f.workshop.id()))
                    .comments().toString()).contains("Kept comment");
        }

        @Test
        void approve_all_approves_exactly_the_texts_shown_and_leaves_a_text_changed_since_waiting() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "Ann's words");
            inputs.frame(bob, WorkshopFixture.FRAMING, 60, "Bob's words");
            f.goTo(WorkshopFixture.NEEDS);
            inputs.addNeed(ann, WorkshopFixture.NEEDS, "A need", null, "chairing");
            List<PendingText> shown = f.asFacilitator(() -> moderation.pending(f.workshop.id()));
            assertThat(shown).hasSize(3);
            inputs.frame(bob, WorkshopFixture.FRAMING, 60, "Bob's changed words");
            inputs.addNeed(bob, WorkshopFixture.NEEDS, "A need written after the console read", null, "chairing");

            var result = f.asFacilitator(() -> moderation.approveAll(f.workshop.id(), shown));

            assertThat(result.approved()).isEqualTo(2);
            assertThat(result.notApproved()).extracting(PendingText::text).containsExactly("Bob's words");
            assertThat(f.asFacilitator(() -> moderation.pending(f.workshop.id()))).extracting(PendingText::text)
                    .containsExactlyInAnyOrder("Bob's changed words", "A need written after the console read");
            f.asFacilitator(() -> workshops.reveal(f.workshop.id(), WorkshopFixture.FRAMING));
            assertThat(othersTexts(bob, WorkshopFixture.FRAMING)).containsExactly("Ann's words");
        }

        @Test
        void approve_all_writes_one_audit_line_with_the_counts() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "First words");
            inputs.frame(bob, WorkshopFixture.FRAMING, 60, "Second words");
            List<PendingText> shown = f.asFacilitator(() -> moderation.pending(f.workshop.id()));
            var mine = AUDIT_EVENT.DETAIL.like("workshop=" + f.workshop.id() + " %");

            f.asFacilitator(() -> moderation.approveAll(f.workshop.id(), shown));

            assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT).where(mine).fetch(AUDIT_EVENT.DETAIL))
                    .containsExactly("workshop=" + f.workshop.id() + " all approved=2 changed=0");
        }

        @Test
        void another_partnerships_facilitator_cannot_approve_all() {
            inputs.frame(ann, WorkshopFixture.FRAMING, 30, "Words");
            List<PendingText> shown = f.asFacilitator(() -> moderation.pending(f.workshop.id()));
            var other = new WorkshopFixture(context);

            assertThatThrownBy(() -> other.asFacilitator(() -> moderation.approveAll(f.workshop.id(), shown)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(f.asFacilitator(() -> moderation.pending(f.workshop.id()))).hasSize(1);
        }

        @Test
        void needs_and_notes_are_approved_only_with_the_version_the_console_showed() {
            f.goTo(WorkshopFixture.MAPPING);
            inputs.addNeed(ann, WorkshopFixture.NEEDS, "A need", null, "chairing");
            inputs.addNote(ann, WorkshopFixture.MAPPING, "worried", "A note");
            for (PendingText.TextKind kind : List.of(PendingText.TextKind.NEED, PendingText.TextKind.NOTE)) {
                PendingText shown = pending(kind).getFirst();
                String bare = shown.ref().contains("@") ? shown.ref().substring(0, shown.ref().indexOf('@')) : shown.ref();
                assertThat(shown.ref()).as("a ref names the version shown").isNotEqualTo(bare);
                assertThatThrownBy(() -> decide(new PendingText(kind, bare, shown.stagePosition(), shown.text(),
                        shown.agencyId(), shown.level()), true)).as(kind.name()).isInstanceOf(RuntimeException.class);
                decide(shown, true);
                assertThat(pending(kind)).isEmpty();
            }
        }
    }
}
