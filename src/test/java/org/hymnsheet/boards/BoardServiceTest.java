package org.hymnsheet.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.hymnsheet.testing.StatementCount;
import org.jooq.DSLContext;
import org.hymnsheet.workshops.Card;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.VoiceBalance;
import org.hymnsheet.workshops.WorkshopFixture;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The board's figures for every stage kind equal the hand-computed fixture, on H2 and PostgreSQL: nothing of a
 * stage shows before it is revealed (but how many answered), free text only once approved, the most disputed card
 * first, the voice balance as defined.
 */
class BoardServiceTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired BoardService boards;
        @Autowired WorkshopModerationService moderation;
        @Autowired ApplicationContext context;
        @Autowired DSLContext db;
        WorkshopFixture f;
        String police1;
        String police2;
        String health1;
        String education1;

        @BeforeEach
        void room() {
            f = new WorkshopFixture(context);
            police1 = f.join(f.police, Level.PRACTITIONER, null);
            police2 = f.join(f.police, Level.MANAGER, null);
            health1 = f.join(f.health, Level.STRATEGIC_LEADER, null);
            education1 = f.join(f.education, Level.PRACTITIONER, null);
            TestWorld.as(f.facilitator);
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        Board board() {
            return boards.board(f.workshop.id());
        }

        void approveAll() {
            for (PendingText t : moderation.pending(f.workshop.id())) {
                moderation.moderate(f.workshop.id(), t.kind(), t.ref(), true);
            }
        }

        @Test
        void framing_shows_how_many_answered_then_once_revealed_every_position_by_agency_with_means() {
            f.inputs().frame(police1, 0, 20, "It is the streets");
            f.inputs().frame(police2, 0, 50, null);
            f.inputs().frame(health1, 0, 90, "<script>alert(1)</script>");
            Board before = board();
            assertThat(before.answered()).isEqualTo(3);
            assertThat(before.participants()).isEqualTo(4);
            assertThat(before.view()).as("private until revealed").isNull();

            f.workshops().reveal(f.workshop.id(), WorkshopFixture.FRAMING);
            var framing = (Board.Framing) board().view();
            assertThat(framing.leftLabel()).isEqualTo("Mostly the environment");
            assertThat(framing.agencies()).extracting(Board.AgencyPositions::positions)
                    .containsExactlyInAnyOrder(List.of(20, 50), List.of(90));
            var police = framing.agencies().stream().filter(a -> a.positions().size() == 2).findFirst().orElseThrow();
            assertThat(police.mean()).isEqualByComparingTo("35.0");
            assertThat(framing.sentences()).as("nothing approved yet").isEmpty();
            approveAll();
            assertThat(((Board.Framing) board().view()).sentences())
                    .containsExactly("It is the streets", "<script>alert(1)</script>");
        }

        @Test
        void voice_gives_shares_against_an_equal_share_influence_once_revealed_and_the_balance_index() {
            f.goTo(WorkshopFixture.VOICE);
            f.inputs().influence(police1, WorkshopFixture.VOICE, Set.of(f.health));
            f.inputs().influence(health1, WorkshopFixture.VOICE, Set.of(f.health, f.police));
            var hidden = (Board.Voice) board().view();
            assertThat(hidden.influenceShown()).isFalse();
            assertThat(hidden.agencies()).allSatisfy(a -> assertThat(a.influenceShare()).isNull());
            assertThat(hidden.balance()).as("nobody spoke yet").isNull();
            assertThat(hidden.equalShare()).isEqualByComparingTo("0.3333");

            f.workshops().reveal(f.workshop.id(), WorkshopFixture.VOICE);
            var voice = (Board.Voice) board().view();
            assertThat(voice.voters()).isEqualTo(2);
            var health = voice.agencies().stream().filter(a -> a.people() == 1 && a.influenceShare() != null
                    && a.influenceShare().compareTo(new BigDecimal("0.6667")) == 0).findFirst();
            assertThat(health).as("2 of 3 votes name Health").isPresent();
            assertThat(voice.agencies()).extracting(Board.AgencyVoice::people).containsExactlyInAnyOrder(2, 1, 1);
        }

        @Test
        void the_balance_is_one_minus_the_gini_of_speaking_time_across_agencies_present() {
            assertThat(VoiceBalance.of(List.of(60, 60, 60))).isEqualByComparingTo("1.00");
            assertThat(VoiceBalance.of(List.of(180, 0, 0))).as("one agency did all the talking").isEqualByComparingTo("0.00");
            // Police 180 s, Health 90 s, Education 30 s: sum |xi - xj| = 2 * (90 + 150 + 60) = 600; total 300, n 3
            // Gini = 600 / (2 * 3 * 300) * 3/2 = 0.5 -> balance 0.50
            assertThat(VoiceBalance.of(List.of(180, 90, 30))).isEqualByComparingTo("0.50");
            assertThat(VoiceBalance.of(List.of(100))).as("one agency: nothing to balance").isNull();
            assertThat(VoiceBalance.of(List.of(0, 0))).isNull();
        }

        @Test
        void card_sort_puts_the_most_disputed_card_first_with_the_ecological_share_and_contexts() {
            f.goTo(WorkshopFixture.CARDS);
            f.workshops().reveal(f.workshop.id(), WorkshopFixture.CARDS);
            List<Card> cards = f.participants().cards(police1);
            Card weapons = cards.get(0);
            Card street = cards.get(1);
            f.inputs().place(police1, WorkshopFixture.CARDS, street.id(), 70);
            f.inputs().place(health1, WorkshopFixture.CARDS, street.id(), 80);
            f.inputs().place(police1, WorkshopFixture.CARDS, weapons.id(), 10);
            f.inputs().place(health1, WorkshopFixture.CARDS, weapons.id(), 90);
            f.inputs().place(education1, WorkshopFixture.CARDS, weapons.id(), 50);
            f.inputs().tag(police1, WorkshopFixture.CARDS, street.id(), Set.of("peers", "neighbourhood"));
            f.inputs().tag(health1, WorkshopFixture.CARDS, street.id(), Set.of("peers"));
            var sort = (Board.CardSort) board().view();
            assertThat(sort.cards()).extracting(Board.CardSpread::text).startsWith(weapons.text(), street.text());
            assertThat(sort.cards().getFirst().spread()).isEqualTo(80);
            assertThat(sort.cards().getFirst().mean()).isEqualByComparingTo("50.0");
            assertThat(sort.placements()).isEqualTo(5);
            // above the middle: 70, 80, 90 -> 3 of 5; below: 10 -> 1 of 5; 50 is neither
            assertThat(sort.ecologicalShare()).isEqualByComparingTo("0.6");
            assertThat(sort.behaviourShare()).isEqualByComparingTo("0.2");
            assertThat(sort.meanPosition()).isEqualByComparingTo("60.0");
            assertThat(sort.contexts()).containsExactly(new Board.Count("Individual", 0), new Board.Count("Peers", 2),
                    new Board.Count("Neighbourhood", 1));
            assertThat(board().answered()).isEqualTo(3);
        }

        @Test
        void pulse_counts_each_answer_and_shows_comments_once_approved() {
            f.goTo(WorkshopFixture.PULSE);
            f.workshops().reveal(f.workshop.id(), WorkshopFixture.PULSE);
            f.inputs().pulse(police1, WorkshopFixture.PULSE, "space", 2, "=1+1");
            f.inputs().pulse(police2, WorkshopFixture.PULSE, "space", 2, null);
            f.inputs().pulse(health1, WorkshopFixture.PULSE, "space", 5, "Rejected");
            var pulse = (Board.Pulse) board().view();
            assertThat(pulse.questions().getFirst().counts()).containsExactly(0, 2, 0, 0, 1);
            assertThat(pulse.comments()).isEmpty();
            for (PendingText t : moderation.pending(f.workshop.id())) {
                moderation.moderate(f.workshop.id(), t.kind(), t.ref(), !"Rejected".equals(t.text()));
            }
            assertThat(((Board.Pulse) board().view()).comments()).containsExactly("=1+1");
        }

        @Test
        void the_pulse_shows_only_totals_and_its_comments_in_the_order_of_their_words_never_in_the_order_given() {
            f.goTo(WorkshopFixture.PULSE);
            f.workshops().reveal(f.workshop.id(), WorkshopFixture.PULSE);
            f.inputs().pulse(police1, WorkshopFixture.PULSE, "space", 1, "Zebra comment");
            f.inputs().pulse(health1, WorkshopFixture.PULSE, "space", 3, "Middle comment");
            f.inputs().pulse(education1, WorkshopFixture.PULSE, "space", 3, "Apple comment");
            approveAll();
            var pulse = (Board.Pulse) board().view();
            assertThat(pulse.questions().getFirst().counts()).containsExactly(1, 0, 2, 0, 0);
            assertThat(pulse.comments()).containsExactly("Apple comment", "Middle comment", "Zebra comment");
        }

        @Test
        void needs_are_ranked_by_dots_and_mapping_notes_sit_in_their_columns_approved_only() {
            f.goTo(WorkshopFixture.NEEDS);
            f.workshops().reveal(f.workshop.id(), WorkshopFixture.NEEDS);
            long few = f.inputs().addNeed(police1, WorkshopFixture.NEEDS, "Chairs who let people disagree", null, "chairing");
            long many = f.inputs().addNeed(health1, WorkshopFixture.NEEDS, "Commissioning for places", f.police, "commissioners");
            approveAll();
            f.inputs().dots(police1, WorkshopFixture.NEEDS, many, 3);
            f.inputs().dots(police2, WorkshopFixture.NEEDS, many, 1);
            f.inputs().dots(police2, WorkshopFixture.NEEDS, few, 2);
            var needs = (Board.Needs) board().view();
            assertThat(needs.needs()).extracting(Board.NeedDots::text, Board.NeedDots::dots)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Commissioning for places", 4),
                            org.assertj.core.groups.Tuple.tuple("Chairs who let people disagree", 2));
            assertThat(needs.needs().getFirst().category()).isEqualTo("Commissioners");
            assertThat(board().answered()).as("who wrote a need or placed dots").isEqualTo(3);

            f.goTo(WorkshopFixture.MAPPING);
            f.workshops().reveal(f.workshop.id(), WorkshopFixture.MAPPING);
            f.inputs().addNote(police1, WorkshopFixture.MAPPING, "worried", "Knife crime near the station");
            f.inputs().addNote(health1, WorkshopFixture.MAPPING, "working", "Detached youth work");
            assertThat(((Board.Mapping) board().view()).columns()).allSatisfy(c -> assertThat(c.notes()).isEmpty());
            approveAll();
            var mapping = (Board.Mapping) board().view();
            assertThat(mapping.columns()).extracting(Board.MappingColumn::title).containsExactly("Worried about", "Working well");
            assertThat(mapping.columns().get(0).notes()).containsExactly("Knife crime near the station");
            assertThat(mapping.columns().get(1).notes()).containsExactly("Detached youth work");
        }

        @Test
        void only_a_survey_of_the_workshops_own_partnership_can_be_its_young_peoples_voice() {
            var elsewhere = new org.hymnsheet.surveys.SurveyTargets(context, f.world, f.world.partnership()).survey();
            assertThatThrownBy(() -> f.workshops().chooseSurvey(f.workshop.id(), elsewhere.id()))
                    .isInstanceOf(org.hymnsheet.common.ValidationException.class);
            assertThatThrownBy(() -> f.workshops().chooseSurvey(f.workshop.id(), Long.MAX_VALUE))
                    .isInstanceOf(org.hymnsheet.common.ValidationException.class);
            TestWorld.as(f.facilitator);
            assertThat(board().youngPeople()).isNull();
            var own = new org.hymnsheet.surveys.SurveyTargets(context, f.world, f.partnership).survey();
            TestWorld.as(f.facilitator);
            assertThat(f.workshops().chooseSurvey(f.workshop.id(), own.id()).surveyId()).isEqualTo(own.id());
            assertThat(board().youngPeople().survey()).isEqualTo(own.title());
            assertThat(board().youngPeople().responses()).isEqualTo("fewer than 5 or held back");
            assertThat(f.workshops().chooseSurvey(f.workshop.id(), null).surveyId()).isNull();
            assertThat(board().youngPeople()).isNull();
        }

        @Test
        void every_stage_of_the_board_is_read_in_at_most_seven_statements_with_the_account_read_once() {
            f.inputs().frame(police1, 0, 20, "It is the streets");
            f.inputs().frame(health1, 0, 90, null);
            for (int stage = WorkshopFixture.FRAMING; stage <= WorkshopFixture.MAPPING; stage++) {
                f.goTo(stage);
                f.workshops().reveal(f.workshop.id(), stage);
            }
            approveAll();
            for (int stage = WorkshopFixture.FRAMING; stage <= WorkshopFixture.MAPPING; stage++) {
                f.goTo(stage);
                var read = StatementCount.of(db, () -> boards.stage(f.workshop.id()));
                assertThat(read.result().view()).as("stage %d is revealed", stage).isNotNull();
                assertThat(read.count()).as("statements are counted").isPositive();
                assertThat(read.count()).as("stage %d: %s", stage, read.statements()).isLessThanOrEqualTo(7);
                assertThat(read.statements()).as("the account is read once")
                        .filteredOn(sql -> sql.toLowerCase(java.util.Locale.ROOT).replace("\"", "")
                                .contains("account.session_generation"))
                        .hasSize(1);
            }
        }

        @Test
        void agencies_with_a_short_name_appear_in_the_boards_key_and_those_without_do_not() {
            TestWorld.as(f.world.account(f.partnership, Role.ADMIN));
            var directory = context.getBean(org.hymnsheet.accounts.DirectoryService.class);
            var police = directory.agencies(f.partnership).stream().filter(a -> a.id() == f.police).findFirst().orElseThrow();
            directory.updateAgency(police.id(), police.name(), "RS Police", police.sector(), police.version());
            TestWorld.as(f.facilitator);
            f.inputs().frame(police1, 0, 20, null);
            f.inputs().frame(health1, 0, 90, null);
            f.workshops().reveal(f.workshop.id(), WorkshopFixture.FRAMING);
            assertThat(boards.stage(f.workshop.id()).shortNames())
                    .containsExactly(new Board.ShortName("RS Police", police.name()));
        }

        @Test
        void only_the_partnerships_facilitators_and_administrators_see_the_board() {
            var world = new TestWorld(context);
            TestWorld.as(world.account(f.partnership, Role.LEAD));
            assertThatThrownBy(this::board).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(world.account(world.partnership(), Role.ADMIN));
            assertThatThrownBy(this::board).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(world.account(f.partnership, Role.ADMIN));
            assertThat(board().workshop().id()).isEqualTo(f.workshop.id());
        }

    }
}
