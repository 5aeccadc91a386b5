package org.hymnsheet.workshops;

import org.hymnsheet.common.WorkshopStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;

import java.util.Set;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.FramingStage;
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

class WorkshopServiceTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired WorkshopService workshops;
        @Autowired CardService cards;
        @Autowired InputService inputs;
        @Autowired SpeakingService speaking;
        @Autowired WorkshopModerationService moderation;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        WorkshopFixture f;

        @BeforeEach
        void workshop() {
            f = new WorkshopFixture(context);
            TestWorld.as(f.facilitator);
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @Test
        void a_workshop_copies_every_stage_and_the_starter_cards_of_its_template() {
            var stages = workshops.stages(f.workshop.id());
            assertThat(stages).extracting(WorkshopStage::kind).containsExactly(StageKind.FRAMING, StageKind.VOICE,
                    StageKind.CARD_SORT, StageKind.PULSE, StageKind.NEEDS, StageKind.MAPPING);
            // the copy is the template's stage itself, read back from the workshop's own rows
            assertThat(stages.getFirst().definition()).isEqualTo(WorkshopFixture.hymnSheet().stages().getFirst());
            assertThat(((FramingStage) stages.getFirst().definition()).rightLabel().in("en")).isEqualTo("Mostly wrong choices");
            assertThat(stages.get(2).timerSeconds()).isEqualTo(20 * 60);
            assertThat(cards.cards(f.workshop.id())).extracting(Card::text)
                    .containsExactly("Weapons awareness programme", "Youth workers on the street");
            assertThat(f.workshop.status()).isEqualTo(WorkshopStatus.LIVE);
            assertThat(f.workshop.joinCode()).hasSize(6);
            assertThat(workshops.list(f.partnership)).extracting(Workshop::id).contains(f.workshop.id());
        }

        @Test
        void a_workshop_is_created_from_a_shipped_template_and_an_unknown_template_is_refused() {
            var created = workshops.create(f.partnership, "hymn-sheet", "Riverside partnership session");
            assertThat(workshops.stages(created.id())).extracting(s -> s.kind().name())
                    .containsExactly("FRAMING", "VOICE", "CARD_SORT", "PULSE", "NEEDS");
            assertThatThrownBy(() -> workshops.create(f.partnership, "no-such-template", "Session"))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("workshops.unknownTemplate"));
        }

        @Test
        void the_facilitator_steps_forward_and_back_within_the_stages() {
            long id = f.workshop.id();
            assertThatThrownBy(() -> workshops.back(id)).isInstanceOf(ValidationException.class);
            for (int i = 1; i < 6; i++) {
                assertThat(workshops.advance(id).currentStage()).isEqualTo(i);
            }
            assertThatThrownBy(() -> workshops.advance(id)).isInstanceOf(ValidationException.class);
            assertThat(workshops.back(id).currentStage()).isEqualTo(4);
        }

        @Test
        void the_roster_shows_agency_and_level_of_everyone_who_joined() {
            f.join(f.police, Level.MANAGER, "Sam");
            f.join(f.health, Level.PRACTITIONER, null);
            assertThat(workshops.roster(f.workshop.id())).extracting(RosterEntry::agencyId, RosterEntry::level,
                    RosterEntry::firstName).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(f.police, Level.MANAGER, "Sam"),
                    org.assertj.core.groups.Tuple.tuple(f.health, Level.PRACTITIONER, null));
            assertThat(workshops.get(f.workshop.id()).participants()).isEqualTo(2);
        }

        @Test
        void a_locked_stage_refuses_input_until_unlocked_and_inputs_carry_agency_level_stage_and_time() {
            String token = f.join(f.police, Level.STRATEGIC_LEADER, null);
            workshops.lock(f.workshop.id(), WorkshopFixture.FRAMING, true);
            assertThatThrownBy(() -> inputs.frame(token, WorkshopFixture.FRAMING, 30, null))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("workshops.stageLocked"));
            workshops.lock(f.workshop.id(), WorkshopFixture.FRAMING, false);
            inputs.frame(token, WorkshopFixture.FRAMING, 30, "Places matter");
            var row = db.selectFrom(FRAMING_INPUT).where(FRAMING_INPUT.AGENCY_ID.eq(f.police)).fetchOne();
            assertThat(row.getWorkLevel()).isEqualTo("STRATEGIC_LEADER");
            assertThat(row.getPosition()).isEqualTo((short) 30);
            assertThat(row.getStageId()).isEqualTo(workshops.stages(f.workshop.id()).getFirst().id());
            assertThat(row.getCreatedAt()).isNotNull();
            // a stage the room has not reached yet takes no input
            assertThatThrownBy(() -> inputs.pulse(token, WorkshopFixture.PULSE, "space", 3, null))
                    .isInstanceOf(ValidationException.class);
        }

        @Test
        void an_ended_workshop_is_frozen_against_every_change() {
            String token = f.join(f.police, Level.MANAGER, null);
            long id = f.workshop.id();
            Card card = cards.cards(id).getFirst();
            workshops.end(id);
            assertThat(workshops.end(id).status()).isEqualTo(WorkshopStatus.ENDED);
            for (Runnable change : new Runnable[] {
                    () -> workshops.start(id), () -> workshops.advance(id), () -> workshops.back(id),
                    () -> workshops.lock(id, 0, true), () -> workshops.reveal(id, 0), () -> workshops.startTimer(id, 0, 60),
                    () -> cards.add(id, "New card"), () -> cards.edit(card.id(), "Changed", card.version()),
                    () -> speaking.tap(id, f.police, null), () -> speaking.pause(id), () -> speaking.undoLast(id),
                    () -> inputs.frame(token, 0, 50, null), () -> inputs.influence(token, 0, Set.of(f.police)),
                    () -> moderation.moderate(id, PendingText.TextKind.NOTE, "1", true)}) {
                assertThatThrownBy(change::run).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageKey()).isIn("workshops.ended", "workshops.notStarted"));
            }
            assertThat(workshops.get(id).currentStage()).isZero();
        }

        @Test
        void cards_are_added_edited_with_optimistic_locking_and_imported_from_an_earlier_workshop() {
            Card added = cards.add(f.workshop.id(), "Detached youth work in the park");
            assertThatThrownBy(() -> cards.add(f.workshop.id(), "  detached YOUTH work in the park "))
                    .isInstanceOf(ValidationException.class);
            Card edited = cards.edit(added.id(), "Detached youth work in parks", added.version());
            assertThat(edited.version()).isEqualTo(added.version() + 1);
            assertThatThrownBy(() -> cards.edit(added.id(), "Stale edit", added.version()))
                    .isInstanceOf(org.hymnsheet.common.ConcurrentEditException.class);

            var later = new WorkshopFixture(context, f.world, f.partnership);
            TestWorld.as(f.facilitator);
            assertThat(cards.importFrom(later.workshop.id(), f.workshop.id())).isEqualTo(1); // the two starters exist
            assertThat(cards.cards(later.workshop.id())).extracting(Card::text).contains("Detached youth work in parks");
            var elsewhere = new WorkshopFixture(context);
            TestWorld.as(f.facilitator);
            assertThatThrownBy(() -> cards.importFrom(f.workshop.id(), elsewhere.workshop.id()))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("workshops.importSamePartnership"));
        }

        @Test
        void only_facilitators_and_administrators_of_the_partnership_run_it() {
            TestWorld.as(f.world.account(f.partnership, Role.LEAD));
            assertThatThrownBy(() -> workshops.get(f.workshop.id())).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(f.world.account(f.world.partnership(), Role.FACILITATOR));
            assertThatThrownBy(() -> workshops.advance(f.workshop.id())).isInstanceOf(AccessDeniedException.class);
        }
    }
}
