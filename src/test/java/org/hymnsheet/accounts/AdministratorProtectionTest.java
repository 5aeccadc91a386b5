package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.accounts.DirectoryServiceTest.Contract.assertRefused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.security.access.AccessDeniedException;

/**
 * A partnership's administrator manages its accounts, but never the platform administrator's account that lives
 * in the same partnership (that would hand them every partnership), and nobody leaves a partnership without an
 * active administrator or the installation without a platform administrator.
 */
class AdministratorProtectionTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired AccountService accounts;
        @Autowired StaffAuthenticationProvider signIn;
        @Autowired ApplicationContext context;
        TestWorld world;
        long partnership;

        @BeforeEach
        void world() {
            world = new TestWorld(context);
            partnership = world.partnership();
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @Test
        void an_administrator_cannot_change_the_platform_administrator_who_lives_in_their_partnership() {
            TestWorld.Persona platform = world.platformAdmin(partnership);
            TestWorld.as(world.account(partnership, Role.ADMIN));
            Account target = accounts.get(platform.accountId());
            long agency = world.agency(partnership);

            assertThatThrownBy(() -> accounts.resetPassword(target.id(), "the administrator's own choice"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.update(target.id(), target.displayName(), null,
                    Set.of(Role.FACILITATOR), target.version())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.update(target.id(), "Renamed", agency, Set.of(Role.ADMIN),
                    target.version())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.deactivate(target.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.reactivate(target.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.unlock(target.id())).isInstanceOf(AccessDeniedException.class);

            Account after = accounts.get(target.id());
            assertThat(after.active()).isTrue();
            assertThat(after.roles()).containsExactly(Role.ADMIN);
            assertThat(after.version()).isEqualTo(target.version());
            assertThat(signIn.signIn(platform.email(), TestWorld.PASSWORD, "192.0.2.10", Instant.now())
                    .isAuthenticated()).as("the platform administrator's password still works").isTrue();
        }

        @Test
        void a_platform_administrator_may_change_another_platform_administrator() {
            TestWorld.Persona other = world.platformAdmin(partnership);
            world.account(partnership, Role.ADMIN); // so the partnership keeps an administrator meanwhile
            TestWorld.as(world.platformAdmin(world.partnership()));
            accounts.resetPassword(other.accountId(), "a new passphrase for them");
            Account target = accounts.get(other.accountId());
            accounts.update(target.id(), "Renamed", null, Set.of(Role.ADMIN, Role.LEAD), target.version());
            accounts.deactivate(target.id());
            accounts.reactivate(target.id());
            accounts.unlock(target.id());
            assertThat(accounts.get(target.id()).roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.LEAD);
        }

        @Test
        void the_last_active_administrator_of_a_partnership_can_be_neither_demoted_nor_deactivated() {
            TestWorld.Persona onlyAdmin = world.account(partnership, Role.ADMIN, Role.LEAD);
            TestWorld.Persona inactiveAdmin = world.account(partnership, Role.ADMIN);
            TestWorld.as(world.platformAdmin(world.partnership()));
            accounts.deactivate(inactiveAdmin.accountId()); // an inactive administrator does not count
            Account target = accounts.get(onlyAdmin.accountId());

            assertRefused(() -> accounts.update(target.id(), target.displayName(), null, Set.of(Role.LEAD),
                    target.version()), "roles", "validation.lastAdmin");
            assertRefused(() -> accounts.deactivate(target.id()), "active", "validation.lastAdmin");
            assertThat(accounts.get(target.id()).roles()).contains(Role.ADMIN);
            assertThat(accounts.get(target.id()).active()).isTrue();

            // once the partnership has another active administrator, the first may go
            accounts.reactivate(inactiveAdmin.accountId());
            accounts.update(target.id(), target.displayName(), null, Set.of(Role.LEAD), target.version());
            assertThat(accounts.get(target.id()).roles()).containsExactly(Role.LEAD);
        }

        @Test
        void the_only_platform_administrator_cannot_be_deactivated_or_demoted_by_a_partnership_administrator() {
            long fresh = world.partnership();
            TestWorld.Persona platform = world.platformAdmin(fresh);
            TestWorld.as(world.account(fresh, Role.ADMIN));
            Account target = accounts.get(platform.accountId());
            assertThatThrownBy(() -> accounts.deactivate(target.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.update(target.id(), target.displayName(), null, Set.of(Role.LEAD),
                    target.version())).isInstanceOf(AccessDeniedException.class);
            assertThat(accounts.get(target.id()).active()).isTrue();
            assertThat(accounts.get(target.id()).roles()).contains(Role.ADMIN);
        }

        @Test
        void two_administrators_removing_each_other_at_the_same_moment_leave_one_of_them() throws Exception {
            for (int round = 0; round < 5; round++) {
                long p = world.partnership();
                TestWorld.Persona first = world.account(p, Role.ADMIN);
                TestWorld.Persona second = world.account(p, Role.ADMIN);
                List<String> outcomes = race(first, () -> accounts.deactivate(second.accountId()),
                        second, () -> accounts.deactivate(first.accountId()));
                // the slower one is refused: either it finds itself deactivated, or it would remove the last one
                assertThat(outcomes).as("round " + round).containsOnlyOnce("done")
                        .allMatch(o -> o.equals("done") || o.equals("validation.lastAdmin") || o.equals("denied"));
                TestWorld.as(world.platformAdmin(world.partnership()));
                assertThat(accounts.list(p)).filteredOn(Account::active).hasSize(1);
            }
        }

        /** Runs two actions at once, each signed in as its own persona; what each ended with. */
        private static List<String> race(TestWorld.Persona a, Runnable actionA, TestWorld.Persona b, Runnable actionB)
                throws Exception {
            var barrier = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (var pair : List.of(new Object[] {a, actionA}, new Object[] {b, actionB})) {
                    futures.add(pool.submit(() -> {
                        TestWorld.as((TestWorld.Persona) pair[0]);
                        try {
                            barrier.await();
                            ((Runnable) pair[1]).run();
                            return "done";
                        } catch (ValidationException refused) {
                            return refused.messageKey();
                        } catch (AccessDeniedException denied) {
                            return "denied";
                        } finally {
                            TestWorld.anonymous();
                        }
                    }));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : futures) {
                    outcomes.add(f.get());
                }
                return outcomes;
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
