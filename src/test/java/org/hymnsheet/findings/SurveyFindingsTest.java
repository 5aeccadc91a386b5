package org.hymnsheet.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.PLACE;
import static org.hymnsheet.db.Tables.RELEASE_GROUP;
import static org.hymnsheet.db.Tables.RESPONSE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.PendingText;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.templates.PlaceRating;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The survey side of findings on a small fixture whose every figure is counted by hand below: young person i
 * (1 to 15) of the safe-places survey and professional j (1 to 10) of the 9xAs check. Each expected count is the
 * hand count passed through the rule with the key sum of exactly those responses (decision 0016).
 */
class SurveyFindingsTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        static final LocalDate RELEASED = LocalDate.of(2026, 8, 10);

        @Autowired ApplicationContext context;
        @Autowired ResponseService responses;
        @Autowired SurveyService surveys;
        @Autowired QueueService queues;
        @Autowired FindingsService findings;
        @Autowired DSLContext db;
        @Autowired PopulationService population;

        long partnership;
        TestWorld.Persona lead;
        long canal;
        long school;
        final List<String> young = new ArrayList<>();
        final List<String> staff = new ArrayList<>();

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @BeforeEach
        void fifteenYoungPeopleAndTenProfessionals() {
            TestWorld world = new TestWorld(context);
            partnership = world.partnership();
            lead = world.account(partnership, Role.LEAD);
            var facilitator = world.account(partnership, Role.FACILITATOR);
            canal = place("Canal path " + TestWorld.unique(""), "PARK");
            school = place("Riverside High " + TestWorld.unique(""), "SCHOOL");
            place("Gaming chat " + TestWorld.unique(""), "ONLINE");
            TestWorld.as(facilitator);
            Survey safe = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Safe")).id());
            String kiosk = surveys.addKiosk(safe.id(), "Club tablet", "4821").token();
            Survey check = surveys.open(surveys.create(partnership, "nine-as-conditions", TestWorld.unique("9xAs")).id());
            TestWorld.anonymous();
            for (int i = 1; i <= 15; i++) {
                var entry = i <= 10 ? responses.openByLink(safe.linkToken()) : responses.openByKiosk(kiosk);
                String id = responses.start(entry, "en");
                responses.save(id, "area-feels", new AnswerInput.ScaleValue(i <= 12 ? 4 : 2));
                List<AnswerInput.PlaceAnswer> rated = new ArrayList<>();
                if (i <= 12) {
                    rated.add(new AnswerInput.PlaceAnswer(String.valueOf(canal), i <= 9 ? PlaceRating.UNSAFE : PlaceRating.SAFE,
                            i == 1 ? "Too dark after school" : i == 2 ? "Waiting words" : null));
                }
                rated.add(new AnswerInput.PlaceAnswer(String.valueOf(school), i <= 6 ? PlaceRating.SAFE : PlaceRating.UNSAFE, null));
                responses.save(id, "places", new AnswerInput.Places(rated));
                responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("home")));
                responses.save(id, "trusted-adults", new AnswerInput.Trusted(i <= 7 ? Set.of("teacher")
                        : Set.of("parent-carer", "teacher"), null));
                if (i == 3) {
                    responses.save(id, "make-safer", new AnswerInput.Text("=More lights by the canal"));
                }
                responses.save(id, "about-gender", new AnswerInput.Choice(Set.of(i <= 10 ? "boy-man" : "girl-woman")));
                responses.submit(id);
                young.add(id);
            }
            for (int j = 1; j <= 10; j++) {
                String id = responses.start(responses.openByLink(check.linkToken()), "en");
                responses.save(id, "level", new AnswerInput.Choice(Set.of(j <= 5 ? "practitioner" : "manager")));
                responses.save(id, "attunement-time", new AnswerInput.ScaleValue(j <= 5 ? 4 : j <= 8 ? 5 : 2));
                responses.submit(id);
                staff.add(id);
            }
            TestWorld.as(facilitator);
            for (PendingText t : queues.pendingTexts(partnership, 0, 100)) {
                if (!t.body().equals("Waiting words")) {
                    queues.approve(t.id(), t.body(), t.flagged());
                }
            }
            db.update(RELEASE_GROUP).set(RELEASE_GROUP.RELEASED_ON, RELEASED)
                    .where(RELEASE_GROUP.SURVEY_ID.in(safe.id(), check.id())).execute();
            TestWorld.as(lead);
        }

        long place(String name, String kind) {
            return db.insertInto(PLACE).set(PLACE.PARTNERSHIP_ID, partnership).set(PLACE.NAME, name)
                    .set(PLACE.NAME_KEY, name.toLowerCase(Locale.ROOT)).set(PLACE.KIND, kind).returning(PLACE.ID).fetchOne().getId();
        }

        /** The rule's figure for the young people (or professionals) whose number matches. */
        Shown rule(List<String> ids, IntPredicate which) {
            List<String> chosen = IntStream.rangeClosed(1, ids.size()).filter(which).mapToObj(i -> ids.get(i - 1)).toList();
            long keySum = chosen.isEmpty() ? 0 : db.select(DSL.sum(RESPONSE.RECORD_KEY)).from(RESPONSE)
                    .where(RESPONSE.ID.in(chosen)).fetchOne(0, long.class);
            return Suppression.cell(chosen.size(), keySum);
        }

        Shown yp(IntPredicate which) {
            return rule(young, which);
        }

        static String share(Shown part, Shown whole) {
            if (part instanceof Shown.Exact p && whole instanceof Shown.Exact w) {
                return BigDecimal.valueOf(100L * p.value()).divide(BigDecimal.valueOf(w.value()), 0, RoundingMode.HALF_UP) + "%";
            }
            return "fewer than 5 or held back";
        }

        FindingsTable table(FindingsFilter filter, String id) {
            return findings.findings(partnership, filter, Locale.UK).stream().flatMap(s -> s.tables().stream())
                    .filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        }

        static List<String> row(FindingsTable table, String label) {
            return table.rows().stream().filter(r -> r.values().getFirst().label(Locale.UK).startsWith(label)).findFirst()
                    .orElseThrow().values().stream().map(v -> v.label(Locale.UK)).toList();
        }

        @Test
        void places_list_every_place_with_how_young_people_rated_it_and_the_share_rating_it_unsafe() {
            FindingsTable places = table(FindingsFilter.ALL, "voice.places");
            assertThat(places.rows()).hasSize(3);
            Shown canalRated = yp(i -> i <= 12);
            Shown canalUnsafe = yp(i -> i <= 9);
            assertThat(row(places, "Canal path")).containsExactly(row(places, "Canal path").getFirst(), "Park",
                    canalRated.label(Locale.UK), Shown.HIDDEN.label(Locale.UK), Shown.HIDDEN.label(Locale.UK),
                    canalUnsafe.label(Locale.UK), share(canalUnsafe, canalRated));
            Shown schoolRated = yp(i -> true);
            Shown schoolUnsafe = yp(i -> i >= 7);
            assertThat(row(places, "Riverside High")).containsExactly(row(places, "Riverside High").getFirst(), "School",
                    schoolRated.label(Locale.UK), yp(i -> i <= 6).label(Locale.UK), Shown.HIDDEN.label(Locale.UK),
                    schoolUnsafe.label(Locale.UK), share(schoolUnsafe, schoolRated));
            assertThat(row(places, "Gaming chat")).containsOnly(row(places, "Gaming chat").getFirst(), "Online",
                    Shown.HIDDEN.label(Locale.UK));
            assertThat(table(FindingsFilter.ALL, "voice.reasons").rows()).extracting(r -> r.values().get(1).label(Locale.UK))
                    .containsExactly("Too dark after school");
            assertThat(table(FindingsFilter.ALL, "voice.change").rows()).extracting(r -> r.values().getFirst().label(Locale.UK))
                    .containsExactly("=More lights by the canal");
        }

        @Test
        void trusted_adults_and_scales_give_counts_and_shares_of_those_who_answered() {
            FindingsTable trusted = table(FindingsFilter.ALL, "voice.trusted.safe-places");
            Shown all = yp(i -> true);
            assertThat(row(trusted, "Teacher")).containsExactly("Teacher", all.label(Locale.UK), share(all, all));
            Shown parents = yp(i -> i >= 8);
            assertThat(row(trusted, "Parent or carer")).containsExactly("Parent or carer", parents.label(Locale.UK), share(parents, all));
            assertThat(trusted.rows()).hasSize(12).filteredOn(r -> !List.of("Teacher", "Parent or carer")
                            .contains(r.values().getFirst().label(Locale.UK)))
                    .allSatisfy(r -> assertThat(r.values().subList(1, 3)).extracting(v -> v.label(Locale.UK))
                            .containsOnly(Shown.HIDDEN.label(Locale.UK)));

            FindingsTable scales = table(FindingsFilter.ALL, "voice.scales.safe-places");
            Shown safe = yp(i -> i <= 12);
            assertThat(scales.rows()).hasSize(1);
            assertThat(row(scales, "How safe")).containsExactly("How safe do you feel in your area?", all.label(Locale.UK),
                    share(safe, all), share(Shown.HIDDEN, all));
        }

        @Test
        void the_nine_as_check_is_shown_by_the_role_of_whoever_answered() {
            FindingsTable nineAs = table(FindingsFilter.ALL, "voice.nine-as");
            Shown answered = rule(staff, j -> true);
            Shown top = rule(staff, j -> j <= 8);
            Shown practitioners = rule(staff, j -> j <= 5);
            Shown managers = rule(staff, j -> j > 5);
            Shown managersTop = rule(staff, j -> j > 5 && j <= 8);
            assertThat(row(nineAs, "Practice level: attunement")).containsExactly("Practice level: attunement",
                    "Practitioners here have the time and space to build trusted relationships with young people.",
                    answered.label(Locale.UK), share(top, answered), share(practitioners, practitioners),
                    share(managersTop, managers), Shown.HIDDEN.label(Locale.UK));
            assertThat(nineAs.rows().subList(1, nineAs.rows().size())).as("conditions nobody rated")
                    .allSatisfy(r -> assertThat(r.values().subList(2, 7)).extracting(v -> v.label(Locale.UK))
                            .containsOnly(Shown.HIDDEN.label(Locale.UK)));
        }

        @Test
        void participation_counts_young_people_by_setting_and_age() {
            FindingsTable setting = table(FindingsFilter.ALL, "participation.setting");
            Shown all = yp(i -> true);
            Shown own = yp(i -> i <= 10);
            Shown kiosk = yp(i -> i > 10);
            assertThat(setting.rows()).extracting(r -> r.values().stream().map(v -> v.label(Locale.UK)).toList())
                    .containsExactly(List.of("Shared device (kiosk)", kiosk.label(Locale.UK), share(kiosk, all)),
                            List.of("Own phone or computer", own.label(Locale.UK), share(own, all)));
            FindingsTable kioskOnly = table(FindingsFilter.ALL.setting(Setting.KIOSK), "participation.setting");
            assertThat(kioskOnly.rows().getLast().values().get(1).label(Locale.UK)).isEqualTo(Shown.HIDDEN.label(Locale.UK));
            assertThat(table(FindingsFilter.ALL, "participation.age").rows())
                    .extracting(r -> r.values().stream().map(v -> v.label(Locale.UK)).toList())
                    .containsExactly(List.of("Age not given", all.label(Locale.UK), share(all, all)));
        }

        @Test
        void the_link_sets_unsafe_contexts_beside_response_cards_per_quarter_and_says_it_in_a_sentence() {
            FindingsTable link = table(FindingsFilter.ALL, "link.contexts");
            // every unsafe rating: the canal (a park: neighbourhood or public space) by 1-9, the school by 7-15
            long keyNeighbourhood = keySum(young.subList(0, 9));
            long keySchool = keySum(young.subList(6, 15));
            Shown neighbourhood = Suppression.cell(9, keyNeighbourhood);
            Shown schoolCount = Suppression.cell(9, keySchool);
            Shown total = Suppression.cell(18, keyNeighbourhood + keySchool);
            assertThat(link.rows()).extracting(r -> r.values().stream().map(v -> v.label(Locale.UK)).toList()).containsExactly(
                    List.of("2026 Q3", "Neighbourhood or public space", neighbourhood.label(Locale.UK), share(neighbourhood, total), "–"),
                    List.of("2026 Q3", "School", schoolCount.label(Locale.UK), share(schoolCount, total), "–"),
                    List.of("2026 Q3", "Online", Shown.HIDDEN.label(Locale.UK), share(Shown.HIDDEN, total), "–"));
            assertThat(link.summary()).startsWith("In 2026 Q3, young people named ")
                    .contains("no response cards were sorted in that quarter");
        }

        @Test
        void a_filter_outside_the_release_days_counts_nobody_and_a_facilitator_sees_only_what_they_ran() {
            FindingsFilter before = FindingsFilter.ALL.between(RELEASED.minusDays(30), RELEASED.minusDays(1));
            assertThat(row(table(before, "voice.places"), "Riverside High")).contains(Shown.HIDDEN.label(Locale.UK));
            assertThat(table(before, "link.contexts").rows()).isEmpty();
            TestWorld.as(new TestWorld(context).account(partnership, Role.FACILITATOR));
            assertThat(row(table(FindingsFilter.ALL, "voice.places"), "Riverside High"))
                    .as("another facilitator's surveys are not theirs").contains(Shown.HIDDEN.label(Locale.UK));
        }

        @Test
        void about_you_shows_each_group_beside_the_areas_population_and_says_who_is_under_represented() {
            TestWorld.as(new TestWorld(context).account(partnership, Role.ADMIN));
            population.save(partnership, "about-gender", Map.of("girl-woman", new BigDecimal("49"),
                    "boy-man", new BigDecimal("49")));
            TestWorld.as(lead);
            FindingsTable gender = table(FindingsFilter.ALL, "participation.about.gender");
            Shown all = yp(i -> true);
            Shown boys = yp(i -> i <= 10);
            Shown girls = yp(i -> i > 10);
            String verdict;
            if (girls instanceof Shown.Exact g && boys instanceof Shown.Exact b) {
                double share = 100.0 * g.value() / (g.value() + b.value());
                verdict = 49 - share >= 5 && share < 49 * 0.8 ? "Yes" : "No";
            } else {
                verdict = "Cannot say";
            }
            assertThat(row(gender, "Girl or woman")).containsExactly("Girl or woman", girls.label(Locale.UK),
                    share(girls, all), "49%", verdict);
            assertThat(row(gender, "Boy or man").subList(0, 4)).containsExactly("Boy or man", boys.label(Locale.UK),
                    share(boys, all), "49%");
            assertThat(row(gender, "Non-binary")).containsExactly("Non-binary", Shown.HIDDEN.label(Locale.UK),
                    Shown.HIDDEN.label(Locale.UK), "–", "Cannot say");
            if (verdict.equals("Yes")) {
                assertThat(gender.summary()).contains("Under-represented").contains("Girl or woman");
            }
        }

        long keySum(List<String> ids) {
            return db.select(DSL.sum(RESPONSE.RECORD_KEY)).from(RESPONSE).where(RESPONSE.ID.in(ids)).fetchOne(0, long.class);
        }
    }
}
