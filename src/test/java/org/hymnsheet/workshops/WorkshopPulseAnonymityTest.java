package org.hymnsheet.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The anonymous pulse is what the phones promise ("the room sees only totals"): nobody's answer is ever given
 * with their agency, level, time or place in the room, neither to the room, nor in the record, its CSV or the
 * console; comments stand apart from the answers, in the order of their words.
 */
class WorkshopPulseAnonymityTest {

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
        @Autowired WorkshopRecordService records;
        @Autowired ApplicationContext context;
        WorkshopFixture f;
        String ann;
        String bob;
        String carl;

        @BeforeEach
        void room() {
            f = new WorkshopFixture(context);
            ann = f.join(f.police, Level.MANAGER, "Ann");
            bob = f.join(f.health, Level.PRACTITIONER, "Bob");
            carl = f.join(f.education, Level.STRATEGIC_LEADER, "Carl");
            f.goTo(WorkshopFixture.PULSE);
            // joined and answered in the order Ann, Bob, Carl; the comments' words sort the other way round
            inputs.pulse(ann, WorkshopFixture.PULSE, "space", 1, "Zebra crossing comment");
            inputs.pulse(bob, WorkshopFixture.PULSE, "space", 4, "Middle comment");
            inputs.pulse(carl, WorkshopFixture.PULSE, "space", 4, "Apple comment");
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        private void approveAllAndReveal() {
            f.asFacilitator(() -> {
                moderation.pending(f.workshop.id()).forEach(t -> moderation.moderate(f.workshop.id(), t.kind(), t.ref(), true));
                workshops.reveal(f.workshop.id(), WorkshopFixture.PULSE);
                return null;
            });
        }

        @Test
        void after_reveal_a_phone_reads_no_one_elses_pulse_answer_only_its_own() {
            approveAllAndReveal();
            var annSees = participants.inputs(ann, WorkshopFixture.PULSE);
            assertThat(annSees).isNotEmpty().allMatch(StageInput::mine);
            assertThat(annSees).extracting(StageInput::text).containsExactly("Zebra crossing comment");
        }

        @Test
        void after_reveal_a_phone_reads_the_rooms_totals_per_option_and_comments_in_the_order_of_their_words() {
            assertThat(participants.pulse(ann, WorkshopFixture.PULSE).totals()).as("before the reveal").isEmpty();
            approveAllAndReveal();
            PulseRoom room = participants.pulse(ann, WorkshopFixture.PULSE);
            assertThat(room.totals()).singleElement().satisfies(t -> {
                assertThat(t.question()).isEqualTo("space");
                assertThat(t.counts()).containsExactly(1, 0, 0, 2, 0);
                assertThat(t.answered()).isEqualTo(3);
            });
            assertThat(room.comments()).extracting(PulseRoom.Comment::text)
                    .containsExactly("Apple comment", "Middle comment", "Zebra crossing comment");
            assertThat(Arrays.stream(PulseRoom.Comment.class.getRecordComponents()).map(c -> c.getName()))
                    .containsExactly("question", "text");
        }

        @Test
        void only_approved_comments_reach_the_room() {
            f.asFacilitator(() -> {
                moderation.pending(f.workshop.id()).forEach(t -> moderation.moderate(f.workshop.id(), t.kind(), t.ref(),
                        !t.text().startsWith("Middle")));
                workshops.reveal(f.workshop.id(), WorkshopFixture.PULSE);
                return null;
            });
            assertThat(participants.pulse(bob, WorkshopFixture.PULSE).comments()).extracting(PulseRoom.Comment::text)
                    .containsExactly("Apple comment", "Zebra crossing comment");
        }

        @Test
        void the_record_gives_pulse_comments_without_agency_level_or_time_in_the_order_of_their_words() {
            approveAllAndReveal();
            var comments = f.asFacilitator(() -> records.record(f.workshop.id())).comments();
            String shown = comments.toString();
            assertThat(shown).doesNotContain("MANAGER", "PRACTITIONER", "STRATEGIC_LEADER", "agency", "at=");
            assertThat(shown.indexOf("Apple comment")).isLessThan(shown.indexOf("Middle comment"));
            assertThat(shown.indexOf("Middle comment")).isLessThan(shown.indexOf("Zebra crossing comment"));
        }

        @Test
        void the_csv_gives_the_pulse_as_totals_and_comments_on_their_own_never_with_agency_level_or_time() {
            approveAllAndReveal();
            List<CSVRecord> rows = WorkshopRecordTest.Contract.parse(f.asFacilitator(() -> records.csv(f.workshop.id())));
            var pulse = rows.stream().filter(r -> r.get("kind").startsWith("PULSE")).toList();
            assertThat(pulse).isNotEmpty().allSatisfy(r -> {
                assertThat(r.get("agency")).isEmpty();
                assertThat(r.get("level")).isEmpty();
                assertThat(r.get("time")).isEmpty();
                assertThat(r.get("value").isEmpty() || r.get("text").isEmpty()).as("a comment never beside an answer").isTrue();
            });
            assertThat(pulse).filteredOn(r -> !r.get("text").isEmpty()).extracting(r -> r.get("text"))
                    .containsExactly("Apple comment", "Middle comment", "Zebra crossing comment");
            assertThat(pulse).filteredOn(r -> !r.get("value").isEmpty())
                    .extracting(r -> r.get("item") + ":" + r.get("value") + "=" + r.get("count"))
                    .containsExactly("space:1=1", "space:4=2");
        }

        @Test
        void the_console_shows_waiting_pulse_comments_without_agency_or_level_in_the_order_of_their_words() {
            var participantIds = List.of(ann, bob, carl).stream()
                    .map(t -> String.valueOf(participants.rejoin(t).orElseThrow().id())).toList();
            var waiting = f.asFacilitator(() -> moderation.pending(f.workshop.id())).stream()
                    .filter(p -> p.kind() == PendingText.TextKind.PULSE).toList();
            assertThat(waiting).extracting(PendingText::text)
                    .containsExactly("Apple comment", "Middle comment", "Zebra crossing comment");
            assertThat(waiting).allSatisfy(p -> {
                assertThat((Object) p.agencyId()).isNull();
                assertThat(p.level()).isNull();
                assertThat(p.ref().split("[/@]")).as("the ref names no participant").doesNotContainAnyElementsOf(participantIds);
            });
        }
    }
}
