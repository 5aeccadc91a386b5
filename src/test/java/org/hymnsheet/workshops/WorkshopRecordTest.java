package org.hymnsheet.workshops;

import org.hymnsheet.common.WorkshopStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.Blns;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

class WorkshopRecordTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired WorkshopRecordService records;
        @Autowired WorkshopService workshops;
        @Autowired CardService cards;
        @Autowired InputService inputs;
        @Autowired SpeakingService speaking;
        @Autowired WorkshopModerationService moderation;
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
        void the_record_counts_every_stage_in_sql_and_shows_only_approved_text() {
            long id = f.workshop.id();
            String a = f.join(f.police, Level.MANAGER, "Ann");
            String b = f.join(f.police, Level.PRACTITIONER, null);
            String c = f.join(f.health, Level.STRATEGIC_LEADER, null);
            inputs.frame(a, WorkshopFixture.FRAMING, 20, "Approved sentence");
            inputs.frame(b, WorkshopFixture.FRAMING, 60, "Secret sentence");
            inputs.frame(c, WorkshopFixture.FRAMING, 90, null);
            approve(PendingText.TextKind.FRAMING, "Approved sentence");
            reject(PendingText.TextKind.FRAMING, "Secret sentence");

            f.goTo(WorkshopFixture.VOICE);
            inputs.influence(a, WorkshopFixture.VOICE, Set.of(f.health));
            inputs.influence(b, WorkshopFixture.VOICE, Set.of(f.health, f.police));
            speaking.tap(id, f.police, Level.MANAGER);
            speaking.tap(id, f.health, null);
            speaking.pause(id);

            f.goTo(WorkshopFixture.CARDS);
            Card first = cards.cards(id).getFirst();
            inputs.place(a, WorkshopFixture.CARDS, first.id(), 10);
            inputs.place(b, WorkshopFixture.CARDS, first.id(), 90);
            inputs.place(c, WorkshopFixture.CARDS, first.id(), 50);
            inputs.tag(a, WorkshopFixture.CARDS, first.id(), Set.of("peers", "individual"));
            inputs.tag(b, WorkshopFixture.CARDS, first.id(), Set.of("peers"));

            f.goTo(WorkshopFixture.PULSE);
            inputs.pulse(a, WorkshopFixture.PULSE, "space", 2, "=HYPERLINK(\"x\")");
            inputs.pulse(b, WorkshopFixture.PULSE, "space", 2, "Pending comment");
            inputs.pulse(c, WorkshopFixture.PULSE, "space", 5, null);
            approve(PendingText.TextKind.PULSE, "=HYPERLINK(\"x\")");

            f.goTo(WorkshopFixture.NEEDS);
            long need = inputs.addNeed(a, WorkshopFixture.NEEDS, "Chairing that invites challenge", f.health, "chairing");
            inputs.addNeed(b, WorkshopFixture.NEEDS, "Hidden need", null, "commissioners");
            approve(PendingText.TextKind.NEED, "Chairing that invites challenge");
            workshops.reveal(id, WorkshopFixture.NEEDS);
            inputs.dots(b, WorkshopFixture.NEEDS, need, 2);
            inputs.dots(c, WorkshopFixture.NEEDS, need, 1);

            f.goTo(WorkshopFixture.MAPPING);
            inputs.addNote(c, WorkshopFixture.MAPPING, "working", "Good chairing");
            inputs.addNote(a, WorkshopFixture.MAPPING, "worried", "Unseen note");
            approve(PendingText.TextKind.NOTE, "Good chairing");
            workshops.end(id);

            WorkshopRecord r = records.record(id);
            assertThat(r.workshop().status()).isEqualTo(WorkshopStatus.ENDED);
            assertThat(r.stages()).hasSize(6);
            assertThat(r.framing()).extracting(WorkshopRecord.Framing::agencyId, WorkshopRecord.Framing::answers,
                    WorkshopRecord.Framing::min, WorkshopRecord.Framing::max)
                    .containsExactlyInAnyOrder(tuple(f.police, 2, 20, 60), tuple(f.health, 1, 90, 90));
            assertThat(r.framing()).filteredOn(x -> x.agencyId() == f.police).first()
                    .satisfies(x -> assertThat(x.mean()).isEqualByComparingTo("40"));
            assertThat(r.sentences()).extracting(WorkshopRecord.ApprovedText::text).containsExactly("Approved sentence");
            assertThat(r.influence()).extracting(WorkshopRecord.Influence::agencyId, WorkshopRecord.Influence::votes)
                    .containsExactly(tuple(f.health, 2), tuple(f.police, 1));
            assertThat(r.speaking().byAgency()).extracting(SpeakingShare::agencyId).containsExactlyInAnyOrder(f.police, f.health);
            var spread = r.cards().stream().filter(x -> x.cardId() == first.id()).findFirst().orElseThrow();
            assertThat(spread.placements()).isEqualTo(3);
            assertThat(spread.mean()).isEqualByComparingTo(new BigDecimal("50"));
            assertThat(spread.min()).isEqualTo(10);
            assertThat(spread.max()).isEqualTo(90);
            assertThat(spread.spread()).isEqualTo(80);
            assertThat(r.cards().getFirst().cardId()).isEqualTo(first.id()); // most disagreed on first
            assertThat(r.contexts()).extracting(WorkshopRecord.ContextCount::context, WorkshopRecord.ContextCount::count)
                    .containsExactly(tuple("peers", 2), tuple("individual", 1));
            assertThat(r.pulse()).extracting(WorkshopRecord.PulseCount::value, WorkshopRecord.PulseCount::count)
                    .containsExactly(tuple(2, 2), tuple(5, 1));
            assertThat(r.comments()).extracting(WorkshopRecord.AnonymousText::text).containsExactly("=HYPERLINK(\"x\")");
            assertThat(r.needs()).extracting(WorkshopRecord.NeedDots::text, WorkshopRecord.NeedDots::dots)
                    .containsExactly(tuple("Chairing that invites challenge", 3));
            assertThat(r.notes()).extracting(WorkshopRecord.ApprovedText::text).containsExactly("Good chairing");

            String csv = records.csv(id);
            for (String hidden : List.of("Secret sentence", "Pending comment", "Hidden need", "Unseen note")) {
                assertThat(csv).doesNotContain(hidden);
            }
            List<CSVRecord> rows = parse(csv);
            // 3 framing + 3 influence + 3 placements + 3 contexts + 2 pulse totals (2 and 5) and 1 approved comment
            // + 2 needs + 2 dots + 2 notes + 2 turns
            assertThat(rows).hasSize(23);
            assertThat(rows).extracting(x -> x.get("kind")).contains("FRAMING", "INFLUENCE", "PLACEMENT", "CONTEXT",
                    "PULSE", "PULSE_COMMENT", "NEED", "DOTS", "NOTE", "SPEAKING");
            assertThat(rows).filteredOn(x -> x.get("kind").equals("PULSE_COMMENT"))
                    .extracting(x -> x.get("text")).containsExactly("'=HYPERLINK(\"x\")");
            // the anonymous pulse has no time (nor agency or level); every other line has its time
            assertThat(rows).filteredOn(x -> !x.get("kind").startsWith("PULSE"))
                    .allSatisfy(x -> assertThat(x.get("time")).isNotEmpty());
        }

        @Test
        void card_texts_from_the_big_list_of_naughty_strings_round_trip_through_the_record_and_the_csv() {
            long id = f.workshop.id();
            Map<Long, String> stored = new HashMap<>();
            for (String s : Blns.strings()) {
                try {
                    Card card = cards.add(id, s);
                    stored.put(card.id(), card.text());
                } catch (ValidationException refused) {
                    // empty, too long, control characters or a duplicate: refused with a message, nothing stored
                }
            }
            assertThat(stored).hasSizeGreaterThan(300);
            String token = f.join(f.police, Level.MANAGER, null);
            f.goTo(WorkshopFixture.CARDS);
            for (long cardId : stored.keySet()) {
                inputs.place(token, WorkshopFixture.CARDS, cardId, 40);
            }
            var record = records.record(id);
            for (var spread : record.cards()) {
                if (stored.containsKey(spread.cardId())) {
                    assertThat(spread.text()).isEqualTo(stored.get(spread.cardId()));
                }
            }
            List<CSVRecord> rows = parse(records.csv(id));
            List<String> items = new ArrayList<>(rows.stream().filter(x -> x.get("kind").equals("PLACEMENT"))
                    .map(x -> x.get("item")).toList());
            List<String> expected = new ArrayList<>(stored.values().stream().map(Contract::expectedCell).toList());
            assertThat(items).containsExactlyInAnyOrderElementsOf(expected);
            for (String item : items) {
                assertThat(item).doesNotMatch("(?s)^[=+\\-@\\t\\r].*");
            }
        }

        @Test
        void formula_like_cells_get_an_apostrophe_and_nothing_else_changes() {
            assertThat(WorkshopRecordService.cell("=1+1")).isEqualTo("'=1+1");
            assertThat(WorkshopRecordService.cell("+44")).isEqualTo("'+44");
            assertThat(WorkshopRecordService.cell("-2")).isEqualTo("'-2");
            assertThat(WorkshopRecordService.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
            assertThat(WorkshopRecordService.cell("\tx")).isEqualTo("'\tx");
            assertThat(WorkshopRecordService.cell("\rx")).isEqualTo("'\rx");
            assertThat(WorkshopRecordService.cell("Plain, \"quoted\"\nline")).isEqualTo("Plain, \"quoted\"\nline");
            assertThat(WorkshopRecordService.cell(null)).isEmpty();
        }

        @Test
        void only_facilitators_and_admins_of_the_partnership_read_the_record() {
            long id = f.workshop.id();
            TestWorld.as(f.world.account(f.partnership, Role.LEAD));
            assertThatThrownBy(() -> records.record(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> records.csv(id)).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(f.world.account(f.world.partnership(), Role.FACILITATOR));
            assertThatThrownBy(() -> records.csv(id)).isInstanceOf(AccessDeniedException.class);
        }

        private static String expectedCell(String text) {
            return WorkshopRecordService.cell(text);
        }

        private void approve(PendingText.TextKind kind, String text) {
            decide(kind, text, true);
        }

        private void reject(PendingText.TextKind kind, String text) {
            decide(kind, text, false);
        }

        private void decide(PendingText.TextKind kind, String text, boolean approve) {
            var pending = moderation.pending(f.workshop.id()).stream()
                    .filter(p -> p.kind() == kind && text.equals(p.text())).findFirst().orElseThrow();
            moderation.moderate(f.workshop.id(), kind, pending.ref(), approve);
        }

        static List<CSVRecord> parse(String csv) {
            try {
                return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new StringReader(csv)).getRecords();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
