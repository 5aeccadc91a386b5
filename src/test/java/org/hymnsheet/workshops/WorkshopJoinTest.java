package org.hymnsheet.workshops;

import org.hymnsheet.common.CodeGuessGuard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hymnsheet.db.Tables.PARTICIPANT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

class WorkshopJoinTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired ParticipantService participants;
        @Autowired WorkshopService workshops;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        WorkshopFixture f;

        @BeforeEach
        void workshop() {
            f = new WorkshopFixture(context);
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @Test
        void a_participant_joins_by_code_and_rejoins_with_the_token_as_the_same_person() {
            var opened = participants.open(" " + f.workshop.joinCode().toLowerCase() + " ", "phone-1");
            assertThat(opened.outcome()).isEqualTo(JoinResult.Outcome.JOINED);
            assertThat(opened.agencies()).extracting(AgencyChoice::id).containsExactlyInAnyOrder(f.police, f.health, f.education);
            assertThat(opened.token()).isNull();

            var joined = participants.join(f.workshop.joinCode(), f.health, Level.MANAGER, "  Priya ", "phone-1");
            assertThat(joined.joined()).isTrue();
            assertThat(joined.token()).hasSizeGreaterThanOrEqualTo(32);
            // after a refresh or a locked phone the cookie's token brings back the same participant, not a new one
            assertThat(participants.rejoin(joined.token())).contains(joined.participant());
            assertThat(participants.rejoin(joined.token()).orElseThrow().firstName()).isEqualTo("  Priya "); // kept exactly as typed
            assertThat(participants.rejoin("not-a-token")).isEmpty();
            assertThat(participants.rejoin(null)).isEmpty();
            assertThat(db.fetchCount(PARTICIPANT, PARTICIPANT.WORKSHOP_ID.eq(f.workshop.id()))).isEqualTo(1);
            // only the token's hash is stored
            assertThat(db.fetchExists(PARTICIPANT, PARTICIPANT.TOKEN_HASH.eq(joined.token()))).isFalse();
            assertThat(db.fetchExists(PARTICIPANT, PARTICIPANT.TOKEN_HASH.eq(org.hymnsheet.common.Codes.sha256Hex(joined.token())))).isTrue();
        }

        @Test
        void a_wrong_and_an_ended_code_each_get_their_own_answer() {
            assertThat(participants.join("ZZZZZZ", f.police, Level.MANAGER, null, TestWorld.unique("k")).outcome())
                    .isEqualTo(JoinResult.Outcome.WRONG_CODE);
            f.asFacilitator(() -> workshops.end(f.workshop.id()));
            assertThat(participants.open(f.workshop.joinCode(), TestWorld.unique("k")).outcome())
                    .isEqualTo(JoinResult.Outcome.ENDED);
            assertThat(participants.join(f.workshop.joinCode(), f.police, Level.MANAGER, null, TestWorld.unique("k")).outcome())
                    .isEqualTo(JoinResult.Outcome.ENDED);
        }

        @Test
        void someone_joining_before_the_start_is_in_the_roster_and_waits_until_the_facilitator_starts() {
            Workshop draft = f.asFacilitator(() -> workshops.createFrom(f.partnership, WorkshopFixture.hymnSheet(), "Later"));
            var opened = participants.open(draft.joinCode(), TestWorld.unique("k"));
            assertThat(opened.outcome()).isEqualTo(JoinResult.Outcome.JOINED);
            assertThat(opened.title()).isEqualTo("Later");

            var joined = participants.join(draft.joinCode(), f.health, Level.MANAGER, "Priya", TestWorld.unique("k"));
            assertThat(joined.joined()).isTrue();
            assertThat(f.asFacilitator(() -> workshops.roster(draft.id())))
                    .extracting(RosterEntry::agencyId, RosterEntry::level, RosterEntry::firstName)
                    .containsExactly(tuple(f.health, Level.MANAGER, "Priya"));

            PhoneState waiting = participants.phone(joined.token());
            assertThat(waiting.waiting()).isTrue();
            assertThat(waiting.stage()).isNull();
            assertThat(waiting.agencyName()).isEqualTo(opened.agencies().stream().filter(a -> a.id() == f.health)
                    .findFirst().orElseThrow().name());
            assertThat(waiting.me().level()).isEqualTo(Level.MANAGER);
            // nothing can be answered before the start
            assertThatThrownBy(() -> f.inputs().frame(joined.token(), 0, 40, null)).isInstanceOf(ValidationException.class);

            f.asFacilitator(() -> workshops.start(draft.id()));
            PhoneState started = participants.phone(joined.token());
            assertThat(started.waiting()).isFalse();
            assertThat(started.stage().position()).isZero();
            assertThat(started.stage().kind()).isEqualTo(StageKind.FRAMING);
            assertThat(participants.rejoin(joined.token())).contains(joined.participant());

            f.asFacilitator(() -> workshops.end(draft.id()));
            assertThat(participants.phone(joined.token()).ended()).isTrue();
            assertThat(participants.join(draft.joinCode(), f.police, Level.MANAGER, null, TestWorld.unique("k")).outcome())
                    .isEqualTo(JoinResult.Outcome.ENDED);
        }

        @Test
        void an_agency_of_another_partnership_or_a_missing_level_is_refused() {
            long foreign = f.world.agency(f.world.partnership());
            assertThatThrownBy(() -> participants.join(f.workshop.joinCode(), foreign, Level.MANAGER, null, "k"))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> participants.join(f.workshop.joinCode(), f.police, null, null, "k"))
                    .isInstanceOf(ValidationException.class);
        }

        @Test
        void ten_wrong_codes_block_that_client_key_even_for_the_right_code_but_not_other_keys() {
            String key = TestWorld.unique("guesser");
            for (int i = 0; i < CodeGuessGuard.MAX_WRONG; i++) {
                assertThat(participants.open("WRONG" + i, key).outcome()).isEqualTo(JoinResult.Outcome.WRONG_CODE);
            }
            assertThat(participants.open(f.workshop.joinCode(), key).outcome()).isEqualTo(JoinResult.Outcome.TOO_MANY_TRIES);
            assertThat(participants.join(f.workshop.joinCode(), f.police, Level.MANAGER, null, key).outcome())
                    .isEqualTo(JoinResult.Outcome.TOO_MANY_TRIES);
            assertThat(participants.open(f.workshop.joinCode(), TestWorld.unique("someone else")).outcome())
                    .isEqualTo(JoinResult.Outcome.JOINED);
        }
    }

    /** The guard's clock, moved by the test: the block lasts ten minutes and the window slides. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void the_block_lifts_after_ten_minutes_and_wrong_codes_older_than_the_window_do_not_count() {
        var clock = new MovableClock();
        var guard = new CodeGuessGuard(clock);
        for (int i = 0; i < 9; i++) {
            guard.wrongCode("k");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(11)); // the nine fall out of the window
        guard.wrongCode("k");
        assertThat(guard.blocked("k")).isFalse();
        for (int i = 0; i < 9; i++) {
            guard.wrongCode("k");
        }
        assertThat(guard.blocked("k")).isTrue();
        assertThat(guard.blocked("other")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertThat(guard.blocked("k")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(guard.blocked("k")).isFalse();
    }
}
