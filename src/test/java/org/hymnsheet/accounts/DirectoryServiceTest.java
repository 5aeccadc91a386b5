package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hymnsheet.common.ConcurrentEditException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class DirectoryServiceTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired DirectoryService directory;
        @Autowired AccountService accounts;
        @Autowired ApplicationContext context;
        TestWorld world;
        long partnership;
        TestWorld.Persona admin;

        @BeforeEach
        void world() {
            world = new TestWorld(context);
            partnership = world.partnership();
            admin = world.account(partnership, Role.ADMIN);
            TestWorld.as(admin);
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @Test
        void an_administrator_adds_renames_and_deletes_agencies_and_places() {
            Agency police = directory.createAgency(partnership, "Riverside Police", Sector.POLICE);
            Place park = directory.createPlace(partnership, "Riverside Park", PlaceKind.PARK);
            assertThat(directory.agencies(partnership)).containsExactly(police);
            assertThat(directory.places(partnership)).containsExactly(park);

            Agency renamed = directory.updateAgency(police.id(), "Riverside Police, Safer Neighbourhoods",
                    Sector.COMMUNITY_SAFETY, police.version());
            assertThat(renamed.name()).isEqualTo("Riverside Police, Safer Neighbourhoods");
            assertThat(renamed.sector()).isEqualTo(Sector.COMMUNITY_SAFETY);
            assertThat(renamed.version()).isEqualTo(police.version() + 1);

            directory.deletePlace(park.id());
            assertThat(directory.places(partnership)).isEmpty();
        }

        @Test
        void names_are_listed_in_alphabetical_order_whatever_their_case() {
            directory.createPlace(partnership, "canal towpath", PlaceKind.OTHER);
            directory.createPlace(partnership, "Bus station", PlaceKind.TRANSPORT_HUB);
            directory.createPlace(partnership, "Alder estate", PlaceKind.ESTATE);
            assertThat(directory.places(partnership)).extracting(Place::name)
                    .containsExactly("Alder estate", "Bus station", "canal towpath");
        }

        @Test
        void a_duplicate_name_is_refused_whatever_its_case_width_or_spacing() {
            directory.createAgency(partnership, "Youth Service", Sector.YOUTH_SERVICE);
            for (String duplicate : List.of("youth service", "  Youth   Service ", "ＹＯＵＴＨ ＳＥＲＶＩＣＥ")) {
                assertThatThrownBy(() -> directory.createAgency(partnership, duplicate, Sector.OTHER))
                        .isInstanceOfSatisfying(ValidationException.class,
                                e -> assertThat(e.messageKey()).isEqualTo("validation.duplicateName"));
            }
            assertThat(directory.agencies(partnership)).hasSize(1);
        }

        @Test
        void another_partnership_may_use_the_same_name() {
            directory.createAgency(partnership, "Youth Offending Team", Sector.YOUTH_JUSTICE);
            long other = world.partnership();
            TestWorld.as(world.account(other, Role.ADMIN));
            assertThat(directory.createAgency(other, "Youth Offending Team", Sector.YOUTH_JUSTICE).partnershipId())
                    .isEqualTo(other);
        }

        @Test
        void renaming_onto_another_name_is_refused_but_keeping_ones_own_name_is_fine() {
            directory.createPlace(partnership, "Market Street", PlaceKind.HIGH_STREET);
            Place park = directory.createPlace(partnership, "Park", PlaceKind.PARK);
            assertThatThrownBy(() -> directory.updatePlace(park.id(), "market street", PlaceKind.PARK, park.version()))
                    .isInstanceOf(ValidationException.class);
            assertThat(directory.updatePlace(park.id(), "Park", PlaceKind.OTHER, park.version()).kind())
                    .isEqualTo(PlaceKind.OTHER);
        }

        @Test
        void empty_blank_and_overlong_names_and_missing_categories_are_refused_with_a_message() {
            assertRefused(() -> directory.createAgency(partnership, "", Sector.POLICE), "name", "validation.required");
            assertRefused(() -> directory.createAgency(partnership, null, Sector.POLICE), "name", "validation.required");
            assertRefused(() -> directory.createAgency(partnership, " \t ", Sector.POLICE), "name", "validation.required");
            assertRefused(() -> directory.createAgency(partnership, "x".repeat(10_000), Sector.POLICE), "name", "validation.tooLong");
            assertRefused(() -> directory.createAgency(partnership, "Line\nbreak", Sector.POLICE), "name",
                    "validation.controlCharacters");
            assertRefused(() -> directory.createAgency(partnership, "Police", null), "sector", "validation.required");
            assertRefused(() -> directory.createPlace(partnership, "Park", null), "kind", "validation.required");
            assertThat(directory.agencies(partnership)).isEmpty();
        }

        @Test
        void a_save_over_someone_elses_newer_change_is_refused() {
            Agency agency = directory.createAgency(partnership, "Health", Sector.HEALTH);
            directory.updateAgency(agency.id(), "Health visitors", Sector.HEALTH, agency.version());
            assertThatThrownBy(() -> directory.updateAgency(agency.id(), "School nurses", Sector.HEALTH, agency.version()))
                    .isInstanceOf(ConcurrentEditException.class);
            assertThat(directory.agencies(partnership)).extracting(Agency::name).containsExactly("Health visitors");
        }

        @Test
        void an_agency_that_staff_belong_to_cannot_be_deleted() {
            Agency agency = directory.createAgency(partnership, "Education", Sector.EDUCATION);
            accounts.create(partnership, new AccountDraft("teacher@test.example".replace("teacher", TestWorld.unique("t").replace(" ", "")),
                    "Teacher", agency.id(), java.util.Set.of(Role.FACILITATOR), TestWorld.PASSWORD));
            assertRefused(() -> directory.deleteAgency(agency.id()), "name", "validation.inUse");
            assertThat(directory.agencies(partnership)).hasSize(1);
        }

        @Test
        void two_administrators_adding_the_same_name_at_once_store_it_once() throws Exception {
            int threads = 8;
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(threads);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> attempt = () -> {
                    TestWorld.as(admin);
                    start.await();
                    try {
                        directory.createPlace(partnership, "Skate park", PlaceKind.PARK);
                        return true;
                    } catch (ValidationException duplicate) {
                        return false;
                    } finally {
                        TestWorld.anonymous();
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int stored = 0;
            for (Future<Boolean> r : results) {
                stored += r.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(stored).isEqualTo(1);
            assertThat(directory.places(partnership)).extracting(Place::name).containsExactly("Skate park");
        }

        @Test
        void a_short_name_is_optional_trimmed_at_most_twelve_characters_visible_and_unique_in_the_partnership() {
            Agency police = directory.createAgency(partnership, "Riverside Partnership Police", "  RS Police ", Sector.POLICE);
            assertThat(police.shortName()).isEqualTo("RS Police");
            Agency health = directory.createAgency(partnership, "Riverside Partnership Health", " ", Sector.HEALTH);
            assertThat(health.shortName()).as("blank: none").isNull();
            assertRefused(() -> directory.updateAgency(health.id(), health.name(), "rs POLICE", health.sector(),
                    health.version()), "shortName", "validation.duplicateName");
            assertRefused(() -> directory.updateAgency(health.id(), health.name(), "Riverside Health", health.sector(),
                    health.version()), "shortName", "validation.tooLong");
            assertRefused(() -> directory.updateAgency(health.id(), health.name(), "RS \u202EHealth", health.sector(),
                    health.version()), "shortName", "validation.controlCharacters");
            assertRefused(() -> directory.updateAgency(health.id(), health.name(), "RS\tHealth", health.sector(),
                    health.version()), "shortName", "validation.controlCharacters");
            Agency kept = directory.updateAgency(police.id(), "Riverside Police", Sector.POLICE, police.version());
            assertThat(kept.shortName()).as("a change of name keeps the short name").isEqualTo("RS Police");
            Agency cleared = directory.updateAgency(police.id(), kept.name(), "", kept.sector(), kept.version());
            assertThat(cleared.shortName()).isNull();
            assertThat(directory.updateAgency(health.id(), health.name(), "RS Police", health.sector(), health.version())
                    .shortName()).as("free again once cleared").isEqualTo("RS Police");
        }

        static void assertRefused(Runnable action, String field, String key) {
            assertThatThrownBy(action::run).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.messageKey()).isEqualTo(key);
            });
        }
    }
}
