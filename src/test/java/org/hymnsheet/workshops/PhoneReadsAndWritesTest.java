package org.hymnsheet.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hymnsheet.db.Tables.CARD_CONTEXT;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.DOT_VOTE;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.common.NotFoundException;
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
 * A phone reads its whole screen in one call, and saves a screen in one call: the pulse's answers together, a card
 * with its contexts, the dots on every need. Saving the same twice stores it once; a save with one bad part stores
 * nothing of it. Run on the real hymn sheet template (two pulse questions, five cards, three dots).
 */
class PhoneReadsAndWritesTest {
    static final int VOICE = 1;
    static final int CARDS = 2;
    static final int PULSE = 3;
    static final int NEEDS = 4;

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
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        WorkshopFixture f;
        Workshop w;
        String ann;
        long annId;

        @BeforeEach
        void hymnSheet() {
            f = new WorkshopFixture(context);
            w = f.asFacilitator(() -> workshops.start(workshops.create(f.partnership, "hymn-sheet", "Real").id()));
            var joined = participants.join(w.joinCode(), f.police, Level.MANAGER, null, TestWorld.unique("device"));
            ann = joined.token();
            annId = joined.participant().id();
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        void goTo(int position) {
            f.asFacilitator(() -> {
                Workshop now = workshops.get(w.id());
                while (now.currentStage() < position) {
                    now = workshops.advance(w.id());
                }
                return now;
            });
        }

        @Test
        void a_need_or_a_note_sent_again_with_its_phones_id_is_stored_once_and_a_malformed_id_is_refused() {
            goTo(NEEDS);
            long first = inputs.addNeed(ann, NEEDS, "More youth workers", null, "commissioners", "need-0001-retry");
            long again = inputs.addNeed(ann, NEEDS, "More youth workers", null, "commissioners", "need-0001-retry");
            long other = inputs.addNeed(ann, NEEDS, "More youth workers", null, "commissioners", "need-0002-other");
            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
            assertThat(db.fetchCount(NEED, NEED.PARTICIPANT_ID.eq(annId))).isEqualTo(2);
            // another participant may use the same id: ids are the phone's own
            String bob = participants.join(w.joinCode(), f.health, Level.PRACTITIONER, null, TestWorld.unique("device")).token();
            assertThat(inputs.addNeed(bob, NEEDS, "Shorter meetings", null, "meeting-chairing", "need-0001-retry"))
                    .isNotEqualTo(first);
            for (String bad : new String[] {null, "", "short", "x".repeat(37), "'; DROP TABLE need; --", "need 0003 spaced"}) {
                assertThatThrownBy(() -> inputs.addNeed(ann, NEEDS, "Bad id", null, "commissioners", bad))
                        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("workshops.badClientId"));
            }
            assertThat(db.fetchCount(NEED, NEED.PARTICIPANT_ID.eq(annId))).isEqualTo(2);

            Workshop mapping = f.asFacilitator(() -> {
                Workshop m = workshops.start(workshops.create(f.partnership, "three-column-mapping", "Mapping").id());
                return workshops.advance(m.id());
            });
            var joined = participants.join(mapping.joinCode(), f.police, Level.MANAGER, null, TestWorld.unique("device"));
            long note = inputs.addNote(joined.token(), 1, "worried", "Waiting lists", "note-0001-retry");
            assertThat(inputs.addNote(joined.token(), 1, "worried", "Waiting lists", "note-0001-retry")).isEqualTo(note);
            assertThat(db.fetchCount(MAPPING_NOTE, MAPPING_NOTE.PARTICIPANT_ID.eq(joined.participant().id()))).isOne();
        }

        @Test
        void a_phone_reads_the_stage_its_own_inputs_and_what_the_stage_needs_in_one_call() {
            PhoneState framing = participants.phone(ann);
            assertThat(framing.stage().kind()).isEqualTo(StageKind.FRAMING);
            assertThat(framing.cards()).isEmpty();
            assertThat(framing.agencies()).isEmpty();

            goTo(VOICE);
            assertThat(participants.phone(ann).agencies()).extracting(AgencyChoice::id)
                    .contains(f.police, f.health, f.education);

            goTo(CARDS);
            long card = participants.phone(ann).cards().get(1).id();
            inputs.placeAll(ann, CARDS, List.of(new InputService.Placement(card, 70, Set.of("peers"))));
            PhoneState cards = participants.phone(ann);
            assertThat(cards.stage().position()).isEqualTo(CARDS);
            assertThat(cards.cards()).hasSize(5);
            assertThat(cards.inputs()).filteredOn(StageInput::mine)
                    .extracting(StageInput::kind, StageInput::ref, StageInput::value, StageInput::text)
                    .containsExactlyInAnyOrder(tuple(StageInput.Kind.PLACEMENT, card, 70, null),
                            tuple(StageInput.Kind.CONTEXT, card, null, "peers"));

            goTo(PULSE);
            assertThat(participants.phone(ann).pulse().totals()).as("nothing of the room before the reveal").isEmpty();
            inputs.pulse(ann, PULSE, List.of(new InputService.PulseAnswer("critical-reflection", 4, null)));
            f.asFacilitator(() -> workshops.reveal(w.id(), PULSE));
            assertThat(participants.phone(ann).pulse().totals()).extracting(PulseRoom.Total::answered)
                    .containsExactly(1, 0);
        }

        @Test
        void both_pulse_answers_are_saved_in_one_call_and_saving_them_again_stores_each_once() {
            goTo(PULSE);
            var screen = List.of(new InputService.PulseAnswer("critical-reflection", 2, "We rush"),
                    new InputService.PulseAnswer("ok-not-to-know", 4, null));
            inputs.pulse(ann, PULSE, screen);
            inputs.pulse(ann, PULSE, screen);
            assertThat(db.select(PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE, PULSE_ANSWER.COMMENT).from(PULSE_ANSWER)
                    .where(PULSE_ANSWER.PARTICIPANT_ID.eq(annId)).fetch(r -> tuple(r.value1(), r.value2(), r.value3())))
                    .containsExactlyInAnyOrder(tuple("critical-reflection", (short) 2, "We rush"),
                            tuple("ok-not-to-know", (short) 4, null));

            // approved words stay approved when only the value moves; changed words wait again
            f.asFacilitator(() -> {
                moderation.pending(w.id()).forEach(t -> moderation.moderate(w.id(), t.kind(), t.ref(), true));
                return null;
            });
            inputs.pulse(ann, PULSE, List.of(new InputService.PulseAnswer("critical-reflection", 3, "We rush"),
                    new InputService.PulseAnswer("ok-not-to-know", 5, "Mostly")));
            assertThat(db.select(PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE, PULSE_ANSWER.MODERATION).from(PULSE_ANSWER)
                    .where(PULSE_ANSWER.PARTICIPANT_ID.eq(annId)).fetch(r -> tuple(r.value1(), r.value2(), r.value3())))
                    .containsExactlyInAnyOrder(tuple("critical-reflection", (short) 3, Moderation.APPROVED),
                            tuple("ok-not-to-know", (short) 5, Moderation.PENDING));
        }

        @Test
        void a_pulse_screen_with_one_bad_answer_stores_none_of_it() {
            goTo(PULSE);
            assertThatThrownBy(() -> inputs.pulse(ann, PULSE, List.of(
                    new InputService.PulseAnswer("critical-reflection", 2, null),
                    new InputService.PulseAnswer("ok-not-to-know", 6, null)))).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> inputs.pulse(ann, PULSE, List.of(
                    new InputService.PulseAnswer("critical-reflection", 2, null),
                    new InputService.PulseAnswer("no-such-question", 2, null)))).isInstanceOf(ValidationException.class);
            assertThat(db.fetchCount(PULSE_ANSWER, PULSE_ANSWER.PARTICIPANT_ID.eq(annId))).isZero();
        }

        @Test
        void a_card_save_places_the_card_with_its_contexts_in_one_call_and_saving_twice_stores_once() {
            goTo(CARDS);
            List<Card> cards = participants.phone(ann).cards();
            var save = List.of(new InputService.Placement(cards.get(0).id(), 10, Set.of("individual", "family")),
                    new InputService.Placement(cards.get(1).id(), 90, Set.of()));
            inputs.placeAll(ann, CARDS, save);
            inputs.placeAll(ann, CARDS, save);
            assertThat(db.select(CARD_PLACEMENT.CARD_ID, CARD_PLACEMENT.POSITION).from(CARD_PLACEMENT)
                    .where(CARD_PLACEMENT.PARTICIPANT_ID.eq(annId)).fetch(r -> tuple(r.value1(), r.value2())))
                    .containsExactlyInAnyOrder(tuple(cards.get(0).id(), (short) 10), tuple(cards.get(1).id(), (short) 90));
            assertThat(db.select(CARD_CONTEXT.CONTEXT_ID).from(CARD_CONTEXT).where(CARD_CONTEXT.PARTICIPANT_ID.eq(annId))
                    .fetch(CARD_CONTEXT.CONTEXT_ID)).containsExactlyInAnyOrder("individual", "family");

            // placing the first card again replaces its place and its contexts, and leaves the second alone
            inputs.placeAll(ann, CARDS, List.of(new InputService.Placement(cards.get(0).id(), 60, Set.of("online"))));
            assertThat(db.select(CARD_CONTEXT.CONTEXT_ID).from(CARD_CONTEXT).where(CARD_CONTEXT.PARTICIPANT_ID.eq(annId))
                    .fetch(CARD_CONTEXT.CONTEXT_ID)).containsExactly("online");
            assertThat(db.fetchCount(CARD_PLACEMENT, CARD_PLACEMENT.PARTICIPANT_ID.eq(annId))).isEqualTo(2);
        }

        @Test
        void a_card_save_with_a_card_of_another_workshop_or_an_unknown_context_stores_nothing() {
            goTo(CARDS);
            long mine = participants.phone(ann).cards().getFirst().id();
            String other = f.join(f.police, Level.MANAGER, null);
            long foreign = participants.cards(other).getFirst().id();
            assertThatThrownBy(() -> inputs.placeAll(ann, CARDS, List.of(new InputService.Placement(mine, 10, Set.of()),
                    new InputService.Placement(foreign, 10, Set.of())))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> inputs.placeAll(ann, CARDS, List.of(
                    new InputService.Placement(mine, 10, Set.of("the-moon"))))).isInstanceOf(ValidationException.class);
            assertThat(db.fetchCount(CARD_PLACEMENT, CARD_PLACEMENT.PARTICIPANT_ID.eq(annId))).isZero();
        }

        @Test
        void dots_on_every_need_are_saved_in_one_call_and_never_more_than_the_stage_allows() {
            goTo(NEEDS);
            f.asFacilitator(() -> workshops.reveal(w.id(), NEEDS));
            long first = inputs.addNeed(ann, NEEDS, "Commissioners who fund youth work", null, "commissioners");
            long second = inputs.addNeed(ann, NEEDS, "A chair who keeps to places", null, "meeting-chairing");
            long third = inputs.addNeed(ann, NEEDS, "Plans that name places", null, "plans");
            f.asFacilitator(() -> {
                moderation.pending(w.id()).forEach(t -> moderation.moderate(w.id(), t.kind(), t.ref(), true));
                return null;
            });

            inputs.dots(ann, NEEDS, Map.of(first, 2, second, 1, third, 0));
            inputs.dots(ann, NEEDS, Map.of(first, 2, second, 1, third, 0));
            assertThat(dots()).containsExactlyInAnyOrder(tuple(first, (short) 2), tuple(second, (short) 1));

            // moving a dot from one need to another in the same save is fine; four dots of three are not
            inputs.dots(ann, NEEDS, Map.of(first, 0, second, 1, third, 2));
            assertThat(dots()).containsExactlyInAnyOrder(tuple(second, (short) 1), tuple(third, (short) 2));
            assertThatThrownBy(() -> inputs.dots(ann, NEEDS, Map.of(first, 2, second, 1, third, 1)))
                    .isInstanceOf(ValidationException.class);
            assertThat(dots()).containsExactlyInAnyOrder(tuple(second, (short) 1), tuple(third, (short) 2));
            // needs not in the save keep their dots, and count
            assertThatThrownBy(() -> inputs.dots(ann, NEEDS, Map.of(first, 1))).isInstanceOf(ValidationException.class);
        }

        private List<org.assertj.core.groups.Tuple> dots() {
            return db.select(DOT_VOTE.NEED_ID, DOT_VOTE.DOTS).from(DOT_VOTE).where(DOT_VOTE.PARTICIPANT_ID.eq(annId))
                    .fetch(r -> tuple(r.value1(), r.value2()));
        }
    }
}
