package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.accounts.DirectoryServiceTest.Contract.assertRefused;
import static org.hymnsheet.db.Tables.INSTALLATION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SetupServiceTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired SetupService setup;
        @Autowired StaffAuthenticationProvider signIn;
        @Autowired AccountRepository accounts;
        @Autowired DSLContext db;

        /** Other tests share this database and may have claimed setup; each test here starts from first run. */
        @BeforeEach
        void firstRun() {
            db.deleteFrom(INSTALLATION).execute();
            TestWorld.anonymous();
        }

        @AfterEach
        void installed() {
            accounts.claimInstallation();
        }

        FirstAdministrator first(String suffix) {
            return new FirstAdministrator(TestWorld.unique("Riverside Partnership " + suffix),
                    TestWorld.unique("first").replace(" ", "") + "@council.example", "Alex Admin", TestWorld.PASSWORD);
        }

        @Test
        void the_first_administrator_is_created_once_and_can_sign_in() {
            assertThat(setup.setupNeeded()).isTrue();
            FirstAdministrator first = first("a");
            setup.createFirstAdministrator(first);
            assertThat(setup.setupNeeded()).isFalse();

            var auth = signIn.signIn(first.email(), TestWorld.PASSWORD, "10.1.1.1", Instant.now());
            assertThat(auth.getAuthorities()).extracting(Object::toString)
                    .containsExactlyInAnyOrder(Role.ADMIN.authority(), "ROLE_" + Role.Names.PLATFORM_ADMIN);

            assertRefused(() -> setup.createFirstAdministrator(first("b")), "email", "setup.alreadyDone");
        }

        @Test
        void a_refused_setup_form_does_not_use_up_the_setup() {
            assertRefused(() -> setup.createFirstAdministrator(new FirstAdministrator("", "a@b.example", "A", TestWorld.PASSWORD)),
                    "partnershipName", "validation.required");
            assertRefused(() -> setup.createFirstAdministrator(new FirstAdministrator("P", "nope", "A", TestWorld.PASSWORD)),
                    "email", "validation.email");
            assertRefused(() -> setup.createFirstAdministrator(new FirstAdministrator("P", "a@b.example", "A", "123")),
                    "password", "validation.passwordShort");
            assertThat(setup.setupNeeded()).isTrue();
        }

        @Test
        void two_people_completing_setup_at_the_same_moment_create_one_administrator() throws Exception {
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(4);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                FirstAdministrator attempt = first("race " + i);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        setup.createFirstAdministrator(attempt);
                        return true;
                    } catch (ValidationException | org.springframework.dao.DataAccessException lost) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> r : results) {
                winners += r.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(winners).isEqualTo(1);
            assertThat(setup.setupNeeded()).isFalse();
        }
    }
}
