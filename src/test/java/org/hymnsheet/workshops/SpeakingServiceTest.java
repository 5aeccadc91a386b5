package org.hymnsheet.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
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

/** Done-when (6): shares of speaking time and turns, by agency and by level, summed in SQL. */
class SpeakingServiceTest {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired SpeakingService speaking;
        @Autowired SpeakingRepository turns;
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

        private void turn(long agency, Level level, int from, Integer to) {
            turns.insert(f.workshop.id(), null, agency, level, T0.plusSeconds(from), to == null ? null : T0.plusSeconds(to));
        }

        @Test
        void shares_by_agency_and_level_match_the_hand_computed_values() {
            turn(f.police, Level.MANAGER, 0, 60);               // 60 s
            turn(f.health, Level.PRACTITIONER, 60, 90);         // 30 s
            turn(f.police, Level.STRATEGIC_LEADER, 90, 210);    // 120 s
            turn(f.education, Level.PRACTITIONER, 210, 240);    // 30 s (then a pause of 60 s)
            turn(f.health, null, 300, null);                    // open: counts up to now = 360, so 60 s
            // 300 s and 5 turns in all
            var shares = speaking.shares(f.workshop.id(), T0.plusSeconds(360));

            assertThat(shares.byAgency()).extracting(SpeakingShare::agencyId, SpeakingShare::turns,
                    s -> s.seconds().doubleValue(), s -> s.timeShare().doubleValue(), s -> s.turnShare().doubleValue())
                    .containsExactly(
                            tuple(f.police, 2, 180.0, 0.6, 0.4),
                            tuple(f.health, 2, 90.0, 0.3, 0.4),
                            tuple(f.education, 1, 30.0, 0.1, 0.2));
            assertThat(shares.byLevel()).extracting(SpeakingShare::level, SpeakingShare::turns,
                    s -> s.seconds().doubleValue(), s -> s.timeShare().doubleValue(), s -> s.turnShare().doubleValue())
                    .containsExactlyInAnyOrder(
                            tuple(Level.STRATEGIC_LEADER, 1, 120.0, 0.4, 0.2),
                            tuple(Level.MANAGER, 1, 60.0, 0.2, 0.2),
                            tuple(Level.PRACTITIONER, 2, 60.0, 0.2, 0.4),
                            tuple(null, 1, 60.0, 0.2, 0.2));
        }

        @Test
        void a_workshop_without_turns_has_no_shares() {
            var shares = speaking.shares(f.workshop.id());
            assertThat(shares.byAgency()).isEmpty();
            assertThat(shares.byLevel()).isEmpty();
        }

        @Test
        void a_tap_ends_the_turn_under_way_pause_ends_it_and_undo_takes_back_the_last_tap() {
            long id = f.workshop.id();
            speaking.tap(id, f.police, Level.MANAGER);
            speaking.tap(id, f.police, Level.MANAGER); // the same speaker again: still one turn
            assertThat(turns.latest(id, 10)).hasSize(1);
            speaking.tap(id, f.health, null);
            var latest = turns.latest(id, 10);
            assertThat(latest).extracting(SpeakingRepository.Turn::agencyId).containsExactly(f.health, f.police);
            assertThat(latest.get(1).endedAt()).isEqualTo(latest.get(0).startedAt());
            assertThat(latest.get(0).endedAt()).isNull();

            speaking.undoLast(id); // the health tap was a mistake: police is speaking again
            latest = turns.latest(id, 10);
            assertThat(latest).extracting(SpeakingRepository.Turn::agencyId, SpeakingRepository.Turn::endedAt)
                    .containsExactly(tuple(f.police, null));

            speaking.pause(id);
            assertThat(turns.open(id)).isEmpty();
            speaking.pause(id); // nobody speaking: nothing to end
            assertThat(speaking.shares(id).byAgency()).extracting(SpeakingShare::agencyId, SpeakingShare::turns)
                    .containsExactly(tuple(f.police, 1));
        }

        @Test
        void an_agency_of_another_partnership_cannot_be_tapped() {
            long foreign = f.world.agency(f.world.partnership());
            assertThatThrownBy(() -> speaking.tap(f.workshop.id(), foreign, null)).isInstanceOf(ValidationException.class);
        }
    }
}
