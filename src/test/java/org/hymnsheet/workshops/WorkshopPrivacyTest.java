package org.hymnsheet.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Done-when (4): before a stage is revealed, no participant reads anyone else's answers from the services. */
class WorkshopPrivacyTest {

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

        /** Every kind of input from both, on every stage. */
        private void everyoneAnswersEverything() {
            for (String token : List.of(ann, bob)) {
                inputs.frame(token, WorkshopFixture.FRAMING, token.equals(ann) ? 20 : 80, "Sentence of " + token);
            }
            f.goTo(WorkshopFixture.MAPPING);
            for (String token : List.of(ann, bob)) {
                inputs.influence(token, WorkshopFixture.VOICE, Set.of(f.police));
                long card = participants.cards(token).getFirst().id();
                inputs.place(token, WorkshopFixture.CARDS, card, 40);
                inputs.tag(token, WorkshopFixture.CARDS, card, Set.of("peers"));
                inputs.pulse(token, WorkshopFixture.PULSE, "space", 2, "Comment of " + token);
                inputs.addNeed(token, WorkshopFixture.NEEDS, "Need of " + token, f.education, "chairing");
                inputs.addNote(token, WorkshopFixture.MAPPING, "worried", "Note of " + token);
            }
        }

        @Test
        void the_anonymous_pulse_of_the_room_is_read_as_totals_never_answer_by_answer() {
            String carl = f.join(f.education, Level.PRACTITIONER, "Carl");
            String dee = f.join(f.police, Level.PRACTITIONER, "Dee");
            f.goTo(WorkshopFixture.PULSE);
            inputs.pulse(bob, WorkshopFixture.PULSE, "space", 5, null);
            inputs.pulse(carl, WorkshopFixture.PULSE, "space", 1, null);
            inputs.pulse(dee, WorkshopFixture.PULSE, "space", 3, null);
            f.asFacilitator(() -> workshops.reveal(f.workshop.id(), WorkshopFixture.PULSE));
            assertThat(participants.inputs(ann, WorkshopFixture.PULSE)).filteredOn(i -> !i.mine()).isEmpty();
            assertThat(participants.pulse(ann, WorkshopFixture.PULSE).totals()).singleElement()
                    .satisfies(t -> assertThat(t.counts()).containsExactly(1, 0, 1, 0, 1));
        }

        @Test
        void before_reveal_every_read_returns_only_the_readers_own_inputs() {
            everyoneAnswersEverything();
            for (int stage = 0; stage <= WorkshopFixture.MAPPING; stage++) {
                var annSees = participants.inputs(ann, stage);
                assertThat(annSees).as("stage %d", stage).isNotEmpty().allMatch(StageInput::mine);
                assertThat(annSees).allMatch(i -> i.agencyId() == f.police);
                assertThat(annSees).noneMatch(i -> i.text() != null && i.text().contains(bob));
                assertThat(participants.inputs(bob, stage)).allMatch(StageInput::mine);
            }
        }

        @Test
        void after_reveal_everyone_sees_the_stage_but_others_free_text_only_once_approved() {
            everyoneAnswersEverything();
            f.asFacilitator(() -> workshops.reveal(f.workshop.id(), WorkshopFixture.FRAMING));
            var framing = participants.inputs(ann, WorkshopFixture.FRAMING);
            assertThat(framing).extracting(StageInput::value).containsExactlyInAnyOrder(20, 80);
            assertThat(framing).filteredOn(i -> !i.mine()).extracting(StageInput::text).containsOnlyNulls();
            // other stages stay private
            assertThat(participants.inputs(ann, WorkshopFixture.MAPPING)).allMatch(StageInput::mine);

            f.asFacilitator(() -> {
                moderation.pending(f.workshop.id()).stream()
                        .filter(t -> t.kind() == PendingText.TextKind.FRAMING && t.text().contains(bob))
                        .forEach(t -> moderation.moderate(f.workshop.id(), t.kind(), t.ref(), true));
                return null;
            });
            assertThat(participants.inputs(ann, WorkshopFixture.FRAMING)).filteredOn(i -> !i.mine())
                    .extracting(StageInput::text).containsExactly("Sentence of " + bob);
        }

        @Test
        void a_revealed_mapping_stage_shows_only_approved_notes_of_others() {
            everyoneAnswersEverything();
            f.asFacilitator(() -> {
                workshops.reveal(f.workshop.id(), WorkshopFixture.MAPPING);
                moderation.pending(f.workshop.id()).stream()
                        .filter(t -> t.kind() == PendingText.TextKind.NOTE)
                        .forEach(t -> moderation.moderate(f.workshop.id(), t.kind(), t.ref(), t.text().contains(ann)));
                return null;
            });
            // Bob sees his own note (pending or not) and Ann's approved one; Ann sees only hers (Bob's was rejected)
            assertThat(participants.inputs(bob, WorkshopFixture.MAPPING)).extracting(StageInput::text)
                    .containsExactlyInAnyOrder("Note of " + ann, "Note of " + bob);
            assertThat(participants.inputs(ann, WorkshopFixture.MAPPING)).extracting(StageInput::text)
                    .containsExactly("Note of " + ann);
        }

        @Test
        void dots_go_only_on_revealed_approved_needs_and_never_beyond_the_allowance() {
            everyoneAnswersEverything();
            long annNeed = participants.inputs(ann, WorkshopFixture.NEEDS).stream()
                    .filter(i -> i.kind() == StageInput.Kind.NEED).findFirst().orElseThrow().ref();
            assertThatThrownBy(() -> inputs.dots(bob, WorkshopFixture.NEEDS, annNeed, 1)).isInstanceOf(ValidationException.class);
            f.asFacilitator(() -> {
                workshops.reveal(f.workshop.id(), WorkshopFixture.NEEDS);
                moderation.pending(f.workshop.id()).stream().filter(t -> t.kind() == PendingText.TextKind.NEED)
                        .forEach(t -> moderation.moderate(f.workshop.id(), t.kind(), t.ref(), true));
                return null;
            });
            inputs.dots(bob, WorkshopFixture.NEEDS, annNeed, 2);
            inputs.dots(bob, WorkshopFixture.NEEDS, annNeed, 3); // replaces the 2
            assertThatThrownBy(() -> inputs.dots(bob, WorkshopFixture.NEEDS, annNeed, 4)).isInstanceOf(ValidationException.class);
            assertThat(participants.inputs(ann, WorkshopFixture.NEEDS)).filteredOn(i -> i.kind() == StageInput.Kind.DOTS)
                    .extracting(StageInput::value).containsExactly(3);
        }

        @Test
        void a_participant_cannot_read_a_stage_the_room_has_not_reached() {
            assertThatThrownBy(() -> participants.inputs(ann, WorkshopFixture.PULSE)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> participants.stage(ann, WorkshopFixture.PULSE)).isInstanceOf(ValidationException.class);
            assertThat(participants.stage(ann, WorkshopFixture.FRAMING).kind()).isEqualTo(StageKind.FRAMING);
        }
    }
}
