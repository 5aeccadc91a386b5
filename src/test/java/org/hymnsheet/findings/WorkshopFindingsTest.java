package org.hymnsheet.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.PARTICIPANT;
import static org.hymnsheet.db.Tables.SPEAKING_TURN;
import static org.hymnsheet.db.Tables.WORKSHOP;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.hymnsheet.workshops.CardService;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The workshop side of findings against a hand-computed fixture, on H2 and PostgreSQL: three workshops of the real
 * hymn sheet template in two quarters (2026 Q1: W1; 2026 Q3: W2 and W3) and one never started, built through the
 * services, with start times, speaking times and record keys set by hand so every figure can be worked out on paper.
 *
 * <pre>
 * agency (name order)  W1 (10 Feb, F1)      W2 (5 Aug, F1)                  W3 (20 Sep, F2)
 * Education            -                    b2 PRACT key 50, b3 LEADER 60   c2 MANAGER key 25
 * Health               a3 PRACT key 30      b4 MANAGER key 5                c1 PRACT key 15
 * Housing              -                    -                               -          (never attends)
 * Police               a1 PRACT 10, a2 MANAGER 20   b1 PRACT key 40         c3 LEADER key 35
 * </pre>
 */
class WorkshopFindingsTest {
    static final String HIDDEN = "fewer than 5 or held back";
    static final int FRAMING = 0;
    static final int CARDS = 2;
    static final int PULSE = 3;
    static final int NEEDS = 4;
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired WorkshopFindings findings;
        @Autowired FindingsService findingsService;
        @Autowired WorkshopService workshops;
        @Autowired ParticipantService participants;
        @Autowired InputService inputs;
        @Autowired CardService cards;
        @Autowired SpeakingService speaking;
        @Autowired WorkshopModerationService moderation;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        TestWorld world;

        long p;
        long police;
        long health;
        long education;
        long housing;
        String policeName;
        String healthName;
        String educationName;
        String housingName;
        TestWorld.Persona f1;
        TestWorld.Persona f2;
        TestWorld.Persona lead;
        Workshop w1;
        Workshop w2;
        Workshop w3;

        @BeforeEach
        void threeWorkshopsInTwoQuarters() {
            world = new TestWorld(context);
            p = world.partnership();
            policeName = TestWorld.unique("Police");
            healthName = TestWorld.unique("Health");
            educationName = TestWorld.unique("Education");
            housingName = TestWorld.unique("Housing");
            police = world.agency(p, policeName);
            health = world.agency(p, healthName);
            education = world.agency(p, educationName);
            housing = world.agency(p, housingName);
            f1 = world.account(p, Role.FACILITATOR);
            f2 = world.account(p, Role.FACILITATOR);
            lead = world.account(p, Role.LEAD);

            w1 = open(f1, "W1", LocalDateTime.of(2026, 2, 10, 10, 0));
            String a1 = join(w1, police, Level.PRACTITIONER, 10);
            String a2 = join(w1, police, Level.MANAGER, 20);
            String a3 = join(w1, health, Level.PRACTITIONER, 30);
            w2 = open(f1, "W2", LocalDateTime.of(2026, 8, 5, 10, 0));
            String b1 = join(w2, police, Level.PRACTITIONER, 40);
            String b2 = join(w2, education, Level.PRACTITIONER, 50);
            String b3 = join(w2, education, Level.STRATEGIC_LEADER, 60);
            String b4 = join(w2, health, Level.MANAGER, 5);
            w3 = open(f2, "W3", LocalDateTime.of(2026, 9, 20, 10, 0));
            String c1 = join(w3, health, Level.PRACTITIONER, 15);
            String c2 = join(w3, education, Level.MANAGER, 25);
            String c3 = join(w3, police, Level.STRATEGIC_LEADER, 35);
            TestWorld.as(f1);
            workshops.create(p, "hymn-sheet", TestWorld.unique("Never started")); // a draft: left out everywhere

            // framing: W1 Police 20, 40, Health 80; W2 Police 60, Education 10, Health 90; W3 Health 70, Police 30
            inputs.frame(a1, FRAMING, 20, null);
            inputs.frame(a2, FRAMING, 40, null);
            inputs.frame(a3, FRAMING, 80, null);
            inputs.frame(b1, FRAMING, 60, null);
            inputs.frame(b2, FRAMING, 10, null);
            inputs.frame(b4, FRAMING, 90, null);
            inputs.frame(c1, FRAMING, 70, null);
            inputs.frame(c3, FRAMING, 30, null);

            // card placements (card 0 and 1 of each workshop) and context tags
            long[] k1 = cardsOf(f1, w1);
            long[] k2 = cardsOf(f1, w2);
            long[] k3 = cardsOf(f2, w3);
            inputs.place(a1, CARDS, k1[0], 20);
            inputs.place(a2, CARDS, k1[0], 60);
            inputs.place(a3, CARDS, k1[0], 50);
            inputs.place(a1, CARDS, k1[1], 80);
            inputs.place(b1, CARDS, k2[0], 90);
            inputs.place(b2, CARDS, k2[0], 70);
            inputs.place(b3, CARDS, k2[1], 30);
            inputs.place(b4, CARDS, k2[1], 100);
            inputs.place(c1, CARDS, k3[0], 10);
            inputs.place(c2, CARDS, k3[0], 40);
            inputs.place(c3, CARDS, k3[1], 60);
            inputs.tag(a1, CARDS, k1[0], Set.of("school", "online"));
            inputs.tag(a2, CARDS, k1[0], Set.of("school"));
            inputs.tag(b1, CARDS, k2[0], Set.of("neighbourhood-or-public-space"));
            inputs.tag(b2, CARDS, k2[1], Set.of("neighbourhood-or-public-space", "peers"));
            inputs.tag(c1, CARDS, k3[0], Set.of("individual"));

            // the pulse: "critical-reflection" 4 by a1 a2 b1 b2 c1 c2, 2 by a3 b3 c3, 5 by b4; "ok-not-to-know" 3 by a1
            for (String t : List.of(a1, a2, b1, b2, c1, c2)) {
                inputs.pulse(t, PULSE, "critical-reflection", 4, null);
            }
            for (String t : List.of(a3, b3, c3)) {
                inputs.pulse(t, PULSE, "critical-reflection", 2, null);
            }
            inputs.pulse(b4, PULSE, "critical-reflection", 5, null);
            inputs.pulse(a1, PULSE, "ok-not-to-know", 3, null);

            // needs: four approved (one rejected), with dots
            inputs.addNeed(a1, NEEDS, "More youth workers", null, "commissioners");
            inputs.addNeed(a3, NEEDS, "Shorter meetings", null, "meeting-chairing");
            inputs.addNeed(a2, NEEDS, "Rejected need", null, "plans");
            inputs.addNeed(b2, NEEDS, "Fund detached work", null, "funders");
            inputs.addNeed(b1, NEEDS, "Commission places", null, "commissioners");
            decideNeeds(f1, w1);
            decideNeeds(f1, w2);
            TestWorld.as(f1);
            workshops.reveal(w1.id(), NEEDS);
            workshops.reveal(w2.id(), NEEDS);
            inputs.dots(a2, NEEDS, need(a2, "More youth workers"), 3);
            inputs.dots(a3, NEEDS, need(a3, "Shorter meetings"), 1);
            inputs.dots(b3, NEEDS, need(b3, "Fund detached work"), 2);
            inputs.dots(b1, NEEDS, need(b1, "Fund detached work"), 1);
            inputs.dots(b4, NEEDS, need(b4, "Commission places"), 1);

            // speaking: W1 Police 120 s, Health 60 s; W2 Education 90 s, Police 30 s (Health silent);
            // W3 Health 30 s (Education and Police silent)
            speak(f1, w1, new long[] {police, 120}, new long[] {health, 60});
            speak(f1, w2, new long[] {education, 90}, new long[] {police, 30});
            speak(f2, w3, new long[] {health, 30});
            TestWorld.as(lead);
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        Workshop open(TestWorld.Persona facilitator, String name, LocalDateTime londonStart) {
            TestWorld.as(facilitator);
            Workshop w = workshops.create(p, "hymn-sheet", name + " " + TestWorld.unique("workshop"));
            workshops.start(w.id());
            while (workshops.get(w.id()).currentStage() < w.stageCount() - 1) {
                workshops.advance(w.id());
            }
            db.update(WORKSHOP).set(WORKSHOP.STARTED_AT, londonStart.atZone(LONDON).toOffsetDateTime())
                    .where(WORKSHOP.ID.eq(w.id())).execute();
            return workshops.get(w.id());
        }

        String join(Workshop w, long agency, Level level, int recordKey) {
            var joined = participants.join(w.joinCode(), agency, level, null, TestWorld.unique("device"));
            assertThat(joined.joined()).isTrue();
            long id = participants.rejoin(joined.token()).orElseThrow().id();
            db.update(PARTICIPANT).set(PARTICIPANT.RECORD_KEY, recordKey).where(PARTICIPANT.ID.eq(id)).execute();
            return joined.token();
        }

        long[] cardsOf(TestWorld.Persona facilitator, Workshop w) {
            TestWorld.as(facilitator);
            var list = cards.cards(w.id());
            return new long[] {list.get(0).id(), list.get(1).id()};
        }

        void decideNeeds(TestWorld.Persona facilitator, Workshop w) {
            TestWorld.as(facilitator);
            for (PendingText t : moderation.pending(w.id())) {
                moderation.moderate(w.id(), t.kind(), t.ref(), !t.text().equals("Rejected need"));
            }
        }

        long need(String token, String text) {
            return participants.inputs(token, NEEDS).stream()
                    .filter(i -> i.kind() == org.hymnsheet.workshops.StageInput.Kind.NEED && text.equals(i.text()))
                    .findFirst().orElseThrow().ref();
        }

        /** Taps each agency in turn, then sets the turns' times so each lasted exactly the seconds given. */
        void speak(TestWorld.Persona facilitator, Workshop w, long[]... agencySeconds) {
            TestWorld.as(facilitator);
            for (long[] turn : agencySeconds) {
                speaking.tap(w.id(), turn[0], null);
            }
            speaking.pause(w.id());
            var ids = db.select(SPEAKING_TURN.ID).from(SPEAKING_TURN).where(SPEAKING_TURN.WORKSHOP_ID.eq(w.id()))
                    .orderBy(SPEAKING_TURN.ID).fetch(SPEAKING_TURN.ID);
            OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
            for (int i = 0; i < ids.size(); i++) {
                OffsetDateTime end = at.plusSeconds(agencySeconds[i][1]);
                db.update(SPEAKING_TURN).set(SPEAKING_TURN.STARTED_AT, at).set(SPEAKING_TURN.ENDED_AT, end)
                        .where(SPEAKING_TURN.ID.eq(ids.get(i))).execute();
                at = end;
            }
        }

        FindingsScope whole() {
            return FindingsScope.partnership(p);
        }

        static FindingsTable panel(List<FindingsTable> tables, String id) {
            return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        }

        static List<String> headings(FindingsTable t) {
            return t.columns().stream().map(FindingsTable.Column::heading).toList();
        }

        static List<List<String>> cells(FindingsTable t) {
            return t.rows().stream().map(r -> r.values().stream().map(v -> v.label(Locale.ENGLISH)).toList()).toList();
        }

        String title(Workshop w) {
            return w.title();
        }

        @Test
        void the_ecological_share_per_workshop_and_per_quarter_equals_the_hand_count() {
            var practice = findings.practice(whole(), FindingsFilter.ALL, Locale.ENGLISH);
            var byWorkshop = panel(practice, "practice.ecological-by-workshop");
            assertThat(byWorkshop.chart()).isEqualTo(FindingsTable.Chart.BAR);
            assertThat(headings(byWorkshop)).containsExactly("Workshop", "Started", "Card placements", "Ecological",
                    "Behaviour-based", "Mean position (0 behaviour-based, 100 ecological)");
            // W1 20 60 50 80: 2 of 4 over 50, 1 under, mean 52.5; W2 90 70 30 100: 3, 1, 72.5; W3 10 40 60: 1, 2, 36.7
            assertThat(cells(byWorkshop)).containsExactly(
                    List.of(title(w1), "2026-02-10", "4", "50%", "25%", "52.5"),
                    List.of(title(w2), "2026-08-05", "4", "75%", "25%", "72.5"),
                    List.of(title(w3), "2026-09-20", "3", "33%", "67%", "36.7"));
            assertThat(byWorkshop.summary()).isEqualTo("The ecological share was highest at " + title(w2)
                    + " (2026-08-05, 75%) and lowest at " + title(w3) + " (2026-09-20, 33%).");

            var byQuarter = panel(practice, "practice.ecological-by-quarter");
            assertThat(byQuarter.chart()).isEqualTo(FindingsTable.Chart.LINE);
            // Q3 = W2 + W3: 7 placements, 4 over 50 (57.1%), 3 under (42.9%), mean 400 / 7 = 57.1
            assertThat(cells(byQuarter)).containsExactly(
                    List.of("2026 Q1", "4", "50%", "25%", "52.5"),
                    List.of("2026 Q3", "7", "57%", "43%", "57.1"));
            assertThat(byQuarter.summary()).isEqualTo("Ecological share rose from 50% in 2026 Q1 to 57% in 2026 Q3.");
        }

        @Test
        void framing_positions_are_each_agencys_mean_per_quarter() {
            var framing = panel(findings.practice(whole(), FindingsFilter.ALL, Locale.ENGLISH), "practice.framing-by-agency");
            assertThat(framing.chart()).isEqualTo(FindingsTable.Chart.LINE);
            assertThat(headings(framing)).containsExactly("Quarter", educationName, healthName, policeName);
            // Q1: Health 80, Police (20 + 40) / 2; Q3: Education 10, Health (90 + 70) / 2, Police (60 + 30) / 2
            assertThat(cells(framing)).containsExactly(
                    List.of("2026 Q1", "–", "80", "30"),
                    List.of("2026 Q3", "10", "80", "45"));
            assertThat(framing.summary()).isEqualTo("In 2026 Q3, " + healthName
                    + " saw problems most as individual choices (mean 80) and " + educationName
                    + " most as the environment (mean 10).");
        }

        @Test
        void voice_balance_is_the_boards_index_per_workshop_and_speaking_shares_add_up_across_workshops() {
            var practice = findings.practice(whole(), FindingsFilter.ALL, Locale.ENGLISH);
            var balance = panel(practice, "practice.voice-balance");
            // W1 [120, 60]: Gini 120 / (2*2*180) * 2 = 1/3 -> 0.67; W2 [Education 90, Health 0, Police 30]:
            // 360 / (2*3*120) * 3/2 = 0.75 -> 0.25; W3 [30, 0, 0]: 120 / (2*3*30) * 3/2 = 1 -> 0
            assertThat(cells(balance)).containsExactly(
                    List.of(title(w1), "2026-02-10", "2", "0.67"),
                    List.of(title(w2), "2026-08-05", "3", "0.25"),
                    List.of(title(w3), "2026-09-20", "3", "0"));
            assertThat(balance.summary()).isEqualTo("Voice balance ranged from 0 at " + title(w3) + " (2026-09-20) to 0.67 at "
                    + title(w1) + " (2026-02-10).");

            var shares = panel(practice, "practice.speaking-share");
            assertThat(headings(shares)).containsExactly("Agency", "Turns", "Minutes spoken", "Share of speaking time",
                    "Share of turns");
            // Police 150 s of 330 in 2 of 5 turns; Health 90 s, 2 turns; Education 90 s, 1 turn (equal time: by id)
            assertThat(cells(shares)).containsExactly(
                    List.of(policeName, "2", "2.5", "45%", "40%"),
                    List.of(healthName, "2", "1.5", "27%", "40%"),
                    List.of(educationName, "1", "1.5", "27%", "20%"));
            assertThat(shares.summary()).isEqualTo(policeName + " had the largest share of speaking time: 45%.");
        }

        @Test
        void the_pulse_counts_go_through_the_disclosure_rule_and_a_count_under_five_is_hidden() {
            var pulse = panel(findings.practice(whole(), FindingsFilter.ALL, Locale.ENGLISH), "practice.pulse");
            String q1 = "Is there space for critical reflection in our meetings?";
            String q2 = "Is it OK not to know the answer here?";
            // "4 Often": 6 answers, keys 10+20+40+50+15+25 = 160 -> adjustment 0 -> 6.
            // all answers to q1: 10, keys 290 mod 256 = 34 -> adjustment -1 -> 9; 6 of 9 = 67%.
            // 2 (3 answers), 5 (1 answer) and every count of q2 (1 answer) are under 5: hidden.
            assertThat(cells(pulse)).containsExactly(
                    List.of(q1, "1 Never", HIDDEN, HIDDEN),
                    List.of(q1, "2 Rarely", HIDDEN, HIDDEN),
                    List.of(q1, "3 Sometimes", HIDDEN, HIDDEN),
                    List.of(q1, "4 Often", "6", "67%"),
                    List.of(q1, "5 Always", HIDDEN, HIDDEN),
                    List.of(q1, "All answers", "9", "100%"),
                    List.of(q2, "1 Never", HIDDEN, HIDDEN),
                    List.of(q2, "2 Rarely", HIDDEN, HIDDEN),
                    List.of(q2, "3 Sometimes", HIDDEN, HIDDEN),
                    List.of(q2, "4 Often", HIDDEN, HIDDEN),
                    List.of(q2, "5 Always", HIDDEN, HIDDEN),
                    List.of(q2, "All answers", HIDDEN, HIDDEN));
            assertThat(pulse.rows()).allSatisfy(r -> assertThat(r.values().get(2)).isInstanceOf(FindingsTable.Count.class));
            assertThat(pulse.summary()).isEqualTo(
                    "How participants answered the anonymous pulse, across 2 questions. Counts under 5 are not shown.");

            var policeOnly = panel(findings.practice(whole(), FindingsFilter.ALL.agency(police), Locale.ENGLISH),
                    "practice.pulse");
            assertThat(cells(policeOnly)).as("never split by agency").isEqualTo(cells(pulse));
        }

        @Test
        void needs_are_counted_by_category_with_their_dots_approved_only() {
            var practice = findings.practice(whole(), FindingsFilter.ALL, Locale.ENGLISH);
            var categories = panel(practice, "practice.needs-by-category");
            // commissioners: 2 needs, 3 + 1 dots; funders: 1 need, 2 + 1 dots; chairing 1, 1; the rejected need is out
            assertThat(cells(categories)).containsExactly(
                    List.of("Commissioners", "2", "4", "50%"),
                    List.of("Funders", "1", "3", "38%"),
                    List.of("Meeting chairing", "1", "1", "13%"));
            assertThat(categories.summary()).isEqualTo(
                    "Needs about Commissioners were raised most often (2); needs about Commissioners received the most dots (4).");

            var top = panel(practice, "practice.top-needs");
            assertThat(cells(top)).containsExactly(
                    List.of("More youth workers", "Commissioners", "3"),
                    List.of("Fund detached work", "Funders", "3"),
                    List.of("Shorter meetings", "Meeting chairing", "1"),
                    List.of("Commission places", "Commissioners", "1"));
            assertThat(top.summary()).isEqualTo("The need given most dots was \"More youth workers\" (3 dots).");
        }

        @Test
        void every_agency_is_listed_against_every_workshop_and_the_one_that_never_attends_is_named() {
            var participation = findings.participation(whole(), FindingsFilter.ALL, Locale.ENGLISH);
            var matrix = panel(participation, "participation.agencies-by-workshop");
            assertThat(matrix.chart()).isEqualTo(FindingsTable.Chart.MATRIX);
            assertThat(headings(matrix)).containsExactly("Agency", title(w1) + " (2026-02-10)", title(w2) + " (2026-08-05)",
                    title(w3) + " (2026-09-20)", "Workshops attended");
            assertThat(cells(matrix)).containsExactly(
                    List.of(educationName, "0", "2", "1", "2"),
                    List.of(healthName, "1", "1", "1", "3"),
                    List.of(housingName, "0", "0", "0", "0"),
                    List.of(policeName, "2", "1", "1", "3"));
            assertThat(matrix.summary()).isEqualTo(
                    "1 of the partnership's 4 agencies attended none of these workshops: " + housingName + ".");

            var levels = panel(participation, "participation.levels-by-workshop");
            assertThat(headings(levels)).containsExactly("Workshop", "Started", "Practitioners", "Managers",
                    "Strategic leaders");
            assertThat(cells(levels)).containsExactly(
                    List.of(title(w1), "2026-02-10", "2", "1", "0"),
                    List.of(title(w2), "2026-08-05", "2", "1", "1"),
                    List.of(title(w3), "2026-09-20", "1", "1", "1"));
            assertThat(levels.summary()).isEqualTo("Strategic leaders joined 2 of 3 workshops.");

            var filtered = findings.participation(whole(), FindingsFilter.ALL.agency(police).level(Level.MANAGER),
                    Locale.ENGLISH);
            assertThat(cells(panel(filtered, "participation.agencies-by-workshop"))).as("ignores agency and level")
                    .isEqualTo(cells(matrix));
        }

        @Test
        void a_facilitator_sees_only_the_workshops_they_ran() {
            TestWorld.as(f2);
            var sections = findingsService.findings(p, FindingsFilter.ALL, Locale.ENGLISH);
            var practice = sections.stream().filter(s -> s.id().equals("practice")).findFirst().orElseThrow().tables();
            assertThat(cells(panel(practice, "practice.ecological-by-workshop"))).containsExactly(
                    List.of(title(w3), "2026-09-20", "3", "33%", "67%", "36.7"));
            assertThat(cells(panel(practice, "practice.ecological-by-quarter"))).containsExactly(
                    List.of("2026 Q3", "3", "33%", "67%", "36.7"));
            var participation = sections.stream().filter(s -> s.id().equals("participation")).findFirst().orElseThrow()
                    .tables();
            assertThat(cells(panel(participation, "participation.agencies-by-workshop"))).containsExactly(
                    List.of(educationName, "1", "1"),
                    List.of(healthName, "1", "1"),
                    List.of(housingName, "0", "0"),
                    List.of(policeName, "1", "1"));
            assertThat(panel(participation, "participation.agencies-by-workshop").summary()).isEqualTo(
                    "1 of the partnership's 4 agencies attended none of these workshops: " + housingName + ".");
        }

        @Test
        void the_agency_and_level_filters_count_only_that_agencys_or_levels_inputs() {
            var police = findings.practice(whole(), FindingsFilter.ALL.agency(this.police), Locale.ENGLISH);
            // W1 a1 20, a2 60, a1 80: 2 of 3 over 50, mean 53.3; W2 b1 90; W3 c3 60
            assertThat(cells(panel(police, "practice.ecological-by-workshop"))).containsExactly(
                    List.of(title(w1), "2026-02-10", "3", "67%", "33%", "53.3"),
                    List.of(title(w2), "2026-08-05", "1", "100%", "0%", "90"),
                    List.of(title(w3), "2026-09-20", "1", "100%", "0%", "60"));
            assertThat(cells(panel(police, "practice.framing-by-agency"))).containsExactly(
                    List.of("2026 Q1", "30"), List.of("2026 Q3", "45"));

            var managers = findings.practice(whole(), FindingsFilter.ALL.level(Level.MANAGER), Locale.ENGLISH);
            // Q1: a2 60; Q3: b4 100, c2 40
            assertThat(cells(panel(managers, "practice.ecological-by-quarter"))).containsExactly(
                    List.of("2026 Q1", "1", "100%", "0%", "60"),
                    List.of("2026 Q3", "2", "50%", "50%", "70"));
        }

        @Test
        void the_period_filter_keeps_the_workshops_started_in_it_by_the_partnerships_day() {
            var summer = FindingsFilter.ALL.between(LocalDate.of(2026, 8, 5), LocalDate.of(2026, 9, 19));
            var practice = findings.practice(whole(), summer, Locale.ENGLISH);
            assertThat(cells(panel(practice, "practice.ecological-by-workshop"))).containsExactly(
                    List.of(title(w2), "2026-08-05", "4", "75%", "25%", "72.5"));
            assertThat(panel(practice, "practice.ecological-by-quarter").summary())
                    .isEqualTo("Ecological share was 75% in 2026 Q3.");
        }

        @Test
        void a_workshop_template_filter_narrows_workshops_and_a_survey_template_filter_leaves_them_alone() {
            var all = cells(panel(findings.practice(whole(), FindingsFilter.ALL, Locale.ENGLISH),
                    "practice.ecological-by-workshop"));
            assertThat(cells(panel(findings.practice(whole(), FindingsFilter.ALL.template("hymn-sheet"), Locale.ENGLISH),
                    "practice.ecological-by-workshop"))).isEqualTo(all).hasSize(3);
            assertThat(cells(panel(findings.practice(whole(), FindingsFilter.ALL.template("safe-places"), Locale.ENGLISH),
                    "practice.ecological-by-workshop"))).as("a survey template narrows surveys only").isEqualTo(all);
            var other = findings.practice(whole(), FindingsFilter.ALL.template("three-column-mapping"), Locale.ENGLISH);
            assertThat(panel(other, "practice.ecological-by-workshop").rows()).isEmpty();
            assertThat(panel(other, "practice.ecological-by-workshop").summary()).isEqualTo("Nothing recorded in this period.");
        }

        @Test
        void a_partnership_without_a_started_workshop_gets_every_panel_empty_with_a_plain_sentence() {
            long empty = world.partnership();
            world.agency(empty, TestWorld.unique("Lonely agency"));
            TestWorld.as(world.account(empty, Role.LEAD));
            var practice = findings.practice(FindingsScope.partnership(empty), FindingsFilter.ALL, Locale.ENGLISH);
            assertThat(practice).extracting(FindingsTable::id).containsExactly("practice.ecological-by-workshop",
                    "practice.ecological-by-quarter", "practice.framing-by-agency", "practice.voice-balance",
                    "practice.speaking-share", "practice.pulse", "practice.needs-by-category", "practice.top-needs");
            assertThat(practice).allSatisfy(t -> {
                assertThat(t.rows()).isEmpty();
                assertThat(t.summary()).isEqualTo("Nothing recorded in this period.");
            });
            var participation = findings.participation(FindingsScope.partnership(empty), FindingsFilter.ALL, Locale.ENGLISH);
            assertThat(participation).allSatisfy(t -> assertThat(t.summary()).isEqualTo("No workshops in this period."));
            assertThat(findings.cardContextsByQuarter(FindingsScope.partnership(empty), FindingsFilter.ALL)).isEmpty();
        }

        @Test
        void card_contexts_by_quarter_count_each_card_once_per_context_beside_the_cards_sorted() {
            Map<String, Map<String, Long>> link = findings.cardContextsByQuarter(whole(), FindingsFilter.ALL);
            assertThat(link.keySet()).containsExactly("2026 Q1", "2026 Q3");
            // Q1: W1's two sorted cards, card 0 tagged school (twice) and online
            assertThat(link.get("2026 Q1")).containsAllEntriesOf(Map.of(WorkshopFindings.CARDS, 2L, "school", 1L,
                    "online", 1L, "individual", 0L, "family", 0L, "peers", 0L, "neighbourhood-or-public-space", 0L));
            // Q3: W2 and W3's four sorted cards; W2 card 0 and card 1 public space, card 1 peers; W3 card 0 individual
            assertThat(link.get("2026 Q3")).containsAllEntriesOf(Map.of(WorkshopFindings.CARDS, 4L,
                    "neighbourhood-or-public-space", 2L, "peers", 1L, "individual", 1L, "school", 0L, "online", 0L,
                    "family", 0L));

            var police = findings.cardContextsByQuarter(whole(), FindingsFilter.ALL.agency(this.police));
            assertThat(police.get("2026 Q1")).containsAllEntriesOf(Map.of(WorkshopFindings.CARDS, 2L, "school", 1L,
                    "online", 1L));
            assertThat(police.get("2026 Q3")).containsAllEntriesOf(Map.of(WorkshopFindings.CARDS, 2L,
                    "neighbourhood-or-public-space", 1L, "peers", 0L, "individual", 0L));
        }

        @Test
        void participants_get_a_secret_record_key_from_0_to_255_when_they_join() {
            var joined = new java.util.ArrayList<Long>();
            for (int i = 0; i < 24; i++) {
                var result = participants.join(w1.joinCode(), health, Level.MANAGER, null, TestWorld.unique("device"));
                joined.add(participants.rejoin(result.token()).orElseThrow().id());
            }
            var keys = db.select(PARTICIPANT.RECORD_KEY).from(PARTICIPANT).where(PARTICIPANT.ID.in(joined))
                    .fetch(PARTICIPANT.RECORD_KEY);
            assertThat(keys).hasSize(24).allSatisfy(k -> assertThat(k).isBetween(0, 255));
            assertThat(Set.copyOf(keys)).as("drawn at random, not the column's default").hasSizeGreaterThan(1);
        }

        @Test
        void the_shared_aggregates_refuse_anyone_outside_the_partnership() {
            TestWorld.as(world.account(world.partnership(), Role.ADMIN));
            assertThatThrownBy(() -> findings.practice(whole(), FindingsFilter.ALL, Locale.ENGLISH))
                    .isInstanceOf(AccessDeniedException.class);
            TestWorld.as(world.account(p, Role.SAFEGUARDING_LEAD));
            assertThatThrownBy(() -> findings.participation(whole(), FindingsFilter.ALL, Locale.ENGLISH))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
