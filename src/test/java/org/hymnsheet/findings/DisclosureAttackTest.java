package org.hymnsheet.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.RELEASE_GROUP;
import static org.hymnsheet.db.Tables.RESPONSE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.surveys.SurveyVoice;
import org.hymnsheet.surveys.SurveyVoiceService;
import org.hymnsheet.templates.PlaceRating;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An attacker with every view a lead has (findings under every combination of template, setting and period, the
 * board's young people's voice of each survey) and the published rule (perturbation of at most 2, threshold 5,
 * groups of five) tries each attack of DISCLOSURE-CONTROL.md on seeded random data. It knows the true answers only
 * to judge itself: a small count (1 to 4) is recovered when everything shown leaves it exactly one possible value.
 */
class DisclosureAttackTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    /** One young person's answers as the test gave them, with where they answered. */
    record Respondent(String id, long surveyId, String template, Setting setting, Map<String, Set<String>> choices,
                      Map<String, Integer> scales, Map<String, PlaceRating> places) {}

    abstract static class Contract {
        static final int MAX_CHANGE = 2;
        static final int MAX_HIDDEN = Suppression.THRESHOLD - 1 + MAX_CHANGE;

        @Autowired ResponseService responses;
        @Autowired SurveyService surveys;
        @Autowired SurveyVoiceService voices;
        @Autowired FindingsService findings;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;

        final List<Respondent> respondents = new ArrayList<>();
        final Map<String, LocalDate> releasedOn = new HashMap<>();
        int attacks;

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 2})
        void no_view_filter_or_combination_recovers_a_small_count_or_one_young_persons_answer(long seed) {
            Random random = new Random(seed);
            TestWorld world = new TestWorld(context);
            long partnership = world.partnership();
            var facilitator = world.account(partnership, Role.FACILITATOR);
            var lead = world.account(partnership, Role.LEAD);
            List<String> places = List.of(String.valueOf(world.place(partnership)), String.valueOf(world.place(partnership)));

            TestWorld.as(facilitator);
            Survey safe = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Safe")).id());
            Survey known = surveys.open(surveys.create(partnership, "known-by-professionals", TestWorld.unique("Known")).id());
            String safeKiosk = surveys.addKiosk(safe.id(), "Club tablet", "4821").token();
            String knownKiosk = surveys.addKiosk(known.id(), "Club tablet", "4821").token();
            TestWorld.anonymous();

            for (int i = 0, n = 20 + random.nextInt(16); i < n; i++) {
                respond(random, safe, safeKiosk, places);
            }
            for (int i = 0, n = 20 + random.nextInt(16); i < n; i++) {
                respond(random, known, knownKiosk, places);
            }
            // release days spread over two quarters, a few groups sharing a day
            LocalDate start = LocalDate.of(2026, 5, 20);
            for (Long group : db.select(RELEASE_GROUP.ID).from(RELEASE_GROUP)
                    .where(RELEASE_GROUP.SURVEY_ID.in(safe.id(), known.id())).fetch(RELEASE_GROUP.ID)) {
                db.update(RELEASE_GROUP).set(RELEASE_GROUP.RELEASED_ON, start.plusDays(random.nextInt(70)))
                        .where(RELEASE_GROUP.ID.eq(group)).execute();
            }
            db.select(RESPONSE.ID, RELEASE_GROUP.RELEASED_ON).from(RESPONSE).join(RELEASE_GROUP)
                    .on(RELEASE_GROUP.ID.eq(RESPONSE.RELEASE_GROUP_ID))
                    .where(RELEASE_GROUP.SURVEY_ID.in(safe.id(), known.id()))
                    .forEach(r -> releasedOn.put(r.value1(), r.value2()));
            assertThat(releasedOn.size() % 5).as("responses are released in groups of five").isZero();
            assertThat(respondents.size() - releasedOn.size()).as("some wait for their group").isPositive();

            TestWorld.as(lead);
            // every filter a lead can set: template, setting, and periods between release days, a day either way
            TreeSet<LocalDate> days = new TreeSet<>(releasedOn.values());
            List<Optional<LocalDate[]>> periods = new ArrayList<>();
            periods.add(Optional.empty());
            List<LocalDate> dayList = new ArrayList<>(days);
            for (int i = 0; i < dayList.size(); i += Math.max(1, dayList.size() / 4)) {
                LocalDate from = dayList.get(i);
                for (LocalDate to : List.of(from, from.plusDays(1), dayList.getLast(), dayList.getLast().minusDays(1))) {
                    if (!to.isBefore(from)) {
                        periods.add(Optional.of(new LocalDate[] {from, to}));
                        periods.add(Optional.of(new LocalDate[] {from.minusDays(1), to}));
                        periods.add(Optional.of(new LocalDate[] {from.plusDays(1), to.plusDays(1)}));
                    }
                }
            }
            Map<Set<String>, List<FindingsSection>> seen = new HashMap<>();
            List<Set<String>> populations = new ArrayList<>();
            for (String template : new String[] {null, "safe-places", "known-by-professionals"}) {
                for (Setting setting : new Setting[] {null, Setting.KIOSK, Setting.OWN_DEVICE}) {
                    for (Optional<LocalDate[]> period : periods) {
                        FindingsFilter filter = FindingsFilter.ALL.template(template).setting(setting)
                                .between(period.map(p -> p[0]).orElse(null), period.map(p -> p[1]).orElse(null));
                        Set<String> population = population(filter);
                        List<FindingsSection> view = surveySections(findings.findings(partnership, filter, Locale.UK));
                        everyShownCountObeysTheRule(view, filter);
                        subtractionWithinPlacesRecoversNothing(view, filter);
                        // asking again, or asking a different question about the same young people, gives the same
                        List<FindingsSection> before = seen.putIfAbsent(population, view);
                        firstFilter.putIfAbsent(population, filter.describe());
                        if (before != null) {
                            assertThat(counts(view)).as("same young people, same figures: %s and %s (%d people)",
                                    filter.describe(), firstFilter.get(population), population.size())
                                    .isEqualTo(counts(before));
                        }
                        populations.add(population);
                    }
                }
            }
            differencingNeverIsolatesFewerThanFive(populations);

            for (Survey survey : List.of(safe, known)) {
                SurveyVoice voice = voices.voice(survey.id());
                subtractionWithinTheBoardRecoversNothing(voice, survey.id());
            }
            linkedQuestionsGiveNothingAway(voices.voice(known.id()), known.id());

            // a board before and after one young person presses Send: nothing moves until the group is complete
            SurveyVoice board = voices.voice(safe.id());
            long waiting = respondents.stream().filter(r -> r.surveyId() == safe.id() && !releasedOn.containsKey(r.id())
                    && r.setting() == Setting.OWN_DEVICE).count();
            if (waiting < 4) {
                TestWorld.anonymous();
                respondKnownPerson(safe, places);
                TestWorld.as(lead);
                assertThat(voices.voice(safe.id())).as("one more submission changes nothing on the board").isEqualTo(board);
                attacks++;
            }
            assertThat(attacks).as("the attacker tried many things").isGreaterThan(100);
        }

        // ---- the young people, as the survey pages would send them ----

        void respond(Random random, Survey survey, String kioskToken, List<String> places) {
            Setting setting = random.nextInt(10) < 4 ? Setting.KIOSK : Setting.OWN_DEVICE;
            var entry = setting == Setting.KIOSK ? responses.openByKiosk(kioskToken) : responses.openByLink(survey.linkToken());
            String id = responses.start(entry, "en");
            Map<String, Set<String>> choices = new LinkedHashMap<>();
            Map<String, Integer> scales = new LinkedHashMap<>();
            Map<String, PlaceRating> rated = new LinkedHashMap<>();
            if (survey.templateId().equals("safe-places")) {
                if (random.nextInt(10) < 9) {
                    scale(id, "area-feels", 1 + Math.min(4, (int) Math.abs(random.nextGaussian() * 1.2 + 3)), scales);
                }
                List<AnswerInput.PlaceAnswer> answers = new ArrayList<>();
                for (String place : places) {
                    if (random.nextBoolean()) {
                        PlaceRating rating = PlaceRating.values()[random.nextInt(10) < 6 ? 0 : random.nextInt(3)];
                        answers.add(new AnswerInput.PlaceAnswer(place, rating, null));
                        rated.put(place, rating);
                    }
                }
                if (!answers.isEmpty()) {
                    responses.save(id, "places", new AnswerInput.Places(answers));
                }
                choice(id, "most-safe", Set.of(pick(random, "home", "home", "home", "school", "school", "youth-club",
                        "online", "nowhere")), choices);
            } else {
                String has = pick(random, "yes", "yes", "yes", "no", "no", "not-sure");
                choice(id, "has-worker", Set.of(has), choices);
                if (has.equals("yes")) {
                    Set<String> kinds = new HashSet<>();
                    kinds.add(pick(random, "social-worker", "youth-worker", "youth-worker", "school"));
                    if (random.nextInt(4) == 0) {
                        kinds.add(pick(random, "police", "health", "housing"));
                    }
                    choice(id, "worker-kind", kinds, choices);
                    if (random.nextInt(5) > 0) {
                        scale(id, "knows-me", 1 + random.nextInt(5), scales);
                    }
                }
            }
            responses.submit(id);
            respondents.add(new Respondent(id, survey.id(), survey.templateId(), setting, choices, scales, rated));
        }

        void respondKnownPerson(Survey survey, List<String> places) {
            String id = responses.start(responses.openByLink(survey.linkToken()), "en");
            responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("nowhere")));
            responses.save(id, "places", new AnswerInput.Places(List.of(
                    new AnswerInput.PlaceAnswer(places.getFirst(), PlaceRating.UNSAFE, null))));
            responses.submit(id);
        }

        void choice(String id, String question, Set<String> options, Map<String, Set<String>> choices) {
            responses.save(id, question, new AnswerInput.Choice(options));
            choices.put(question, options);
        }

        void scale(String id, String question, int value, Map<String, Integer> scales) {
            responses.save(id, question, new AnswerInput.ScaleValue(value));
            scales.put(question, value);
        }

        static String pick(Random random, String... options) {
            return options[random.nextInt(options.length)];
        }

        // ---- what the attacker sees ----

        static List<FindingsSection> surveySections(List<FindingsSection> sections) {
            return sections.stream().filter(s -> s.id().equals("voice") || s.id().equals("link")
                    || s.id().equals("participation")).map(s -> new FindingsSection(s.id(), s.title(),
                    s.tables().stream().filter(t -> t.id().startsWith("voice.") || t.id().startsWith("link.")
                            || t.id().startsWith("participation.setting") || t.id().startsWith("participation.age"))
                            .toList())).toList();
        }

        /** The released young people a filter covers, worked out from the test's own records. */
        Set<String> population(FindingsFilter filter) {
            return respondents.stream().filter(r -> releasedOn.containsKey(r.id()))
                    .filter(r -> filter.templateId().map(r.template()::equals).orElse(true))
                    .filter(r -> filter.setting().map(s -> s == r.setting()).orElse(true))
                    .filter(r -> filter.from().map(d -> !releasedOn.get(r.id()).isBefore(d)).orElse(true))
                    .filter(r -> filter.to().map(d -> !releasedOn.get(r.id()).isAfter(d)).orElse(true))
                    .map(Respondent::id).collect(Collectors.toSet());
        }

        List<Respondent> in(FindingsFilter filter) {
            Set<String> ids = population(filter);
            return respondents.stream().filter(r -> ids.contains(r.id())).toList();
        }

        /** Shown counts are the truth moved by at most 2 and never under 5; nothing shown stands for under 5. */
        void everyShownCountObeysTheRule(List<FindingsSection> view, FindingsFilter filter) {
            List<Respondent> people = in(filter);
            for (FindingsSection section : view) {
                for (FindingsTable table : section.tables()) {
                    assertThat(table.rows()).allSatisfy(row -> assertThat(row.values())
                            .noneMatch(v -> v instanceof FindingsTable.Number)
                            .as("young people's panels carry counts only as the rule shows them"));
                }
            }
            FindingsTable bySetting = table(view, "participation.setting");
            for (int i = 0; i < Setting.values().length; i++) {
                Setting s = Setting.values()[i];
                long truth = people.stream().filter(r -> r.setting() == s).count();
                check(count(bySetting, i, 1), truth, "setting " + s + " " + filter.describe());
            }
            FindingsTable places = table(view, "voice.places");
            for (FindingsTable.Row row : places.rows()) {
                String name = ((FindingsTable.Text) row.values().getFirst()).text();
                String ref = placeRefNamed(name);
                long rated = people.stream().filter(r -> r.places().containsKey(ref)).count();
                check(((FindingsTable.Count) row.values().get(2)).shown(), rated, "rated " + name);
                long unsafe = people.stream().filter(r -> r.places().get(ref) == PlaceRating.UNSAFE).count();
                check(((FindingsTable.Count) row.values().get(5)).shown(), unsafe, "unsafe " + name);
            }
        }

        final Map<String, String> placeNames = new HashMap<>();
        final Map<Set<String>, String> firstFilter = new HashMap<>();

        /** Every count of a view by panel, row label and column: what two views of the same people must share. */
        static Map<String, Shown> counts(List<FindingsSection> view) {
            Map<String, Shown> counts = new java.util.TreeMap<>();
            for (FindingsSection section : view) {
                for (FindingsTable table : section.tables()) {
                    for (FindingsTable.Row row : table.rows()) {
                        String label = row.values().stream().filter(FindingsTable.Text.class::isInstance)
                                .map(v -> ((FindingsTable.Text) v).text()).collect(Collectors.joining("|"));
                        for (int c = 0; c < row.values().size(); c++) {
                            if (row.values().get(c) instanceof FindingsTable.Count count && !table.id().startsWith("voice.scales")
                                    && !table.id().startsWith("voice.trusted") && !table.id().equals("voice.nine-as")) {
                                counts.put(table.id() + "|" + label + "|" + c, count.shown());
                            }
                        }
                    }
                }
            }
            return counts;
        }

        String placeRefNamed(String name) {
            return placeNames.computeIfAbsent(name, n -> String.valueOf(db.select(org.hymnsheet.db.Tables.PLACE.ID)
                    .from(org.hymnsheet.db.Tables.PLACE).where(org.hymnsheet.db.Tables.PLACE.NAME.eq(n)).fetchOne(0, long.class)));
        }

        void check(Shown shown, long truth, String what) {
            attacks++;
            if (shown instanceof Shown.Exact e) {
                assertThat(truth).as("a shown %s stands for at least 5", what).isGreaterThanOrEqualTo(Suppression.THRESHOLD);
                assertThat((long) e.value()).as(what).isBetween(truth - MAX_CHANGE, truth + MAX_CHANGE);
            } else {
                assertThat(truth).as("a hidden %s", what).isLessThanOrEqualTo(MAX_HIDDEN);
            }
        }

        /** Places: rated = safe + not sure + unsafe. The attacker subtracts, knowing the rule, and must stay unsure. */
        void subtractionWithinPlacesRecoversNothing(List<FindingsSection> view, FindingsFilter filter) {
            List<Respondent> people = in(filter);
            for (FindingsTable.Row row : table(view, "voice.places").rows()) {
                String ref = placeRefNamed(((FindingsTable.Text) row.values().getFirst()).text());
                List<Shown> cells = List.of(shown(row, 3), shown(row, 4), shown(row, 5));
                List<Long> truth = new ArrayList<>();
                for (PlaceRating rating : PlaceRating.values()) {
                    truth.add(people.stream().filter(r -> r.places().get(ref) == rating).count());
                }
                attackBreakdown(shown(row, 2), cells, truth, true, "places " + filter.describe());
            }
        }

        void subtractionWithinTheBoardRecoversNothing(SurveyVoice voice, long surveyId) {
            List<Respondent> people = respondents.stream().filter(r -> r.surveyId() == surveyId && releasedOn.containsKey(r.id())).toList();
            for (SurveyVoice.QuestionCounts q : voice.questions()) {
                if (q instanceof SurveyVoice.Choices c) {
                    List<Long> truth = new ArrayList<>();
                    for (SurveyVoice.Cell cell : c.cells()) {
                        truth.add(people.stream().filter(r -> r.choices().getOrDefault(c.questionId(), Set.of()).contains(cell.id())
                                || String.valueOf(r.scales().get(c.questionId())).equals(cell.id())).count());
                    }
                    attackBreakdown(c.answered(), c.cells().stream().map(SurveyVoice.Cell::count).toList(), truth,
                            !c.severalAnswers(), "board " + c.questionId());
                    // and with the strong knowledge that the number of young people counted is a multiple of five
                    long all = people.size();
                    if (!c.severalAnswers() && people.stream().allMatch(r -> answered(r, c.questionId()))) {
                        attackWithExactTotal(all, c.cells().stream().map(SurveyVoice.Cell::count).toList(), truth,
                                "board " + c.questionId() + " with exact total");
                    }
                }
            }
        }

        static boolean answered(Respondent r, String question) {
            return r.choices().containsKey(question) || r.scales().containsKey(question);
        }

        /** "Has a worker: yes" beside "my worker knows me: answered": the second never reveals a hidden first. */
        void linkedQuestionsGiveNothingAway(SurveyVoice voice, long surveyId) {
            SurveyVoice.Choices has = (SurveyVoice.Choices) voice.questions().stream()
                    .filter(q -> q.questionId().equals("has-worker")).findFirst().orElseThrow();
            Shown yes = has.cells().stream().filter(c -> c.id().equals("yes")).findFirst().orElseThrow().count();
            long trueYes = respondents.stream().filter(r -> r.surveyId() == surveyId && releasedOn.containsKey(r.id())
                    && r.choices().get("has-worker").contains("yes")).count();
            for (String linked : List.of("worker-kind", "knows-me")) {
                voice.questions().stream().filter(q -> q.questionId().equals(linked)).map(SurveyVoice.Choices.class::cast)
                        .forEach(q -> {
                            attacks++;
                            if (trueYes >= 1 && trueYes <= 4) {
                                assertThat(q.answered()).as("%s answered while yes is small", linked).isEqualTo(Shown.HIDDEN);
                            }
                            if (yes.hidden() && q.answered() instanceof Shown.Exact e) {
                                // the attacker learns yes >= e - 2 >= 3: still never a single value under 5
                                assertThat(e.value() - MAX_CHANGE).isGreaterThanOrEqualTo(3);
                                assertThat(trueYes).isGreaterThanOrEqualTo(Suppression.THRESHOLD);
                            }
                        });
            }
        }

        /**
         * The attacker's best subtraction: every shown cell and the total could be off by up to 2, a hidden cell
         * holds 0 to 6. For every hidden cell with a true count of 1 to 4, and for the hidden cells' sum when it is 1
         * to 4, more than one value must stay possible.
         */
        void attackBreakdown(Shown total, List<Shown> cells, List<Long> truth, boolean addsUp, String what) {
            attacks++;
            if (!(total instanceof Shown.Exact t) || !addsUp) {
                hiddenCellsStayUncertain(cells, truth, 0, MAX_HIDDEN * cells.size(), what);
                return;
            }
            long lo = t.value() - MAX_CHANGE;
            long hi = t.value() + MAX_CHANGE;
            for (Shown c : cells) {
                if (c instanceof Shown.Exact e) {
                    lo -= e.value() + MAX_CHANGE;
                    hi -= e.value() - MAX_CHANGE;
                }
            }
            hiddenCellsStayUncertain(cells, truth, Math.max(0, lo), hi, what);
        }

        void attackWithExactTotal(long total, List<Shown> cells, List<Long> truth, String what) {
            attacks++;
            long lo = total;
            long hi = total;
            for (Shown c : cells) {
                if (c instanceof Shown.Exact e) {
                    lo -= e.value() + MAX_CHANGE;
                    hi -= e.value() - MAX_CHANGE;
                }
            }
            hiddenCellsStayUncertain(cells, truth, Math.max(0, lo), hi, what);
        }

        void hiddenCellsStayUncertain(List<Shown> cells, List<Long> truth, long sumLo, long sumHi, String what) {
            List<Integer> hidden = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).hidden()) {
                    hidden.add(i);
                }
            }
            if (hidden.isEmpty()) {
                return;
            }
            long hiddenSum = hidden.stream().mapToLong(truth::get).sum();
            long possibleSumLo = Math.max(sumLo, 0);
            long possibleSumHi = Math.min(sumHi, (long) MAX_HIDDEN * hidden.size());
            assertThat(hiddenSum).as("the truth is among what the attacker finds possible: %s", what)
                    .isBetween(possibleSumLo, possibleSumHi);
            if (hiddenSum >= 1 && hiddenSum < Suppression.THRESHOLD) {
                assertThat(possibleSumHi - possibleSumLo).as("the hidden cells' sum of %s stays uncertain: %s", hiddenSum, what)
                        .isPositive();
            }
            for (int i : hidden) {
                long others = (long) MAX_HIDDEN * (hidden.size() - 1);
                long cellLo = Math.max(0, possibleSumLo - others);
                long cellHi = Math.min(MAX_HIDDEN, possibleSumHi);
                if (truth.get(i) >= 1 && truth.get(i) < Suppression.THRESHOLD) {
                    assertThat(cellHi - cellLo).as("hidden cell %d (%d) stays uncertain: %s", i, truth.get(i), what).isPositive();
                }
            }
        }

        /** Two views whose young people differ differ by five or more: never by one, two, three or four. */
        void differencingNeverIsolatesFewerThanFive(List<Set<String>> populations) {
            List<Set<String>> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(populations));
            for (int a = 0; a < distinct.size(); a++) {
                for (int b = a + 1; b < distinct.size(); b++) {
                    Set<String> onlyA = new HashSet<>(distinct.get(a));
                    onlyA.removeAll(distinct.get(b));
                    Set<String> onlyB = new HashSet<>(distinct.get(b));
                    onlyB.removeAll(distinct.get(a));
                    attacks++;
                    assertThat(onlyA.size()).as("young people in one view and not the other").satisfies(anyOf(0));
                    assertThat(onlyB.size()).satisfies(anyOf(0));
                }
            }
        }

        static java.util.function.Consumer<Integer> anyOf(int zero) {
            return n -> assertThat(n == zero || n >= Suppression.THRESHOLD).as("%d young people apart", n).isTrue();
        }

        static FindingsTable table(List<FindingsSection> view, String id) {
            return view.stream().flatMap(s -> s.tables().stream()).filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        }

        static Shown count(FindingsTable table, int row, int column) {
            return ((FindingsTable.Count) table.rows().get(row).values().get(column)).shown();
        }

        static Shown shown(FindingsTable.Row row, int column) {
            return ((FindingsTable.Count) row.values().get(column)).shown();
        }
    }
}
