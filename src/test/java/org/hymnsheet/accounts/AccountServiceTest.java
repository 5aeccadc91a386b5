package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.accounts.DirectoryServiceTest.Contract.assertRefused;

import java.time.Instant;
import java.util.Set;
import org.hymnsheet.common.ConcurrentEditException;
import org.hymnsheet.security.CurrentStaff;
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
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;

class AccountServiceTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired AccountService accounts;
        @Autowired DirectoryService directory;
        @Autowired CurrentStaff currentStaff;
        @Autowired StaffAuthenticationProvider signIn;
        @Autowired AccountRepository repository;
        @Autowired PasswordEncoder encoder;
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

        String email() {
            return TestWorld.unique("staff").replace(" ", "") + "@Example.ORG";
        }

        Account create(Role... roles) {
            return accounts.create(partnership, new AccountDraft(email(), "Jo Bloggs", null, Set.of(roles), TestWorld.PASSWORD));
        }

        @Test
        void an_administrator_creates_a_facilitator_who_can_then_sign_in() {
            long agency = world.agency(partnership);
            String email = email();
            Account created = accounts.create(partnership, new AccountDraft(email, "Fran Facilitator", agency,
                    Set.of(Role.FACILITATOR, Role.LEAD), TestWorld.PASSWORD));
            assertThat(created.email()).isEqualTo(email.toLowerCase());
            assertThat(created.roles()).containsExactlyInAnyOrder(Role.FACILITATOR, Role.LEAD);
            assertThat(created.agencyId()).isEqualTo(agency);
            assertThat(created.active()).isTrue();
            assertThat(accounts.list(partnership)).extracting(Account::email).contains(created.email());

            var credentials = repository.credentials(created.email()).orElseThrow();
            assertThat(credentials.passwordHash()).doesNotContain(TestWorld.PASSWORD).startsWith("{bcrypt}");
            var auth = signIn.signIn(email.toUpperCase(), TestWorld.PASSWORD, "10.0.0.1", Instant.now());
            assertThat(auth.getAuthorities()).extracting(Object::toString)
                    .containsExactlyInAnyOrder("ROLE_FACILITATOR", "ROLE_LEAD");
        }

        @Test
        void bad_account_details_are_refused_with_a_message_per_field() {
            assertRefused(() -> accounts.create(partnership, new AccountDraft("", "Jo", null, Set.of(Role.LEAD), TestWorld.PASSWORD)),
                    "email", "validation.required");
            assertRefused(() -> accounts.create(partnership, new AccountDraft("not-an-email", "Jo", null, Set.of(Role.LEAD), TestWorld.PASSWORD)),
                    "email", "validation.email");
            assertRefused(() -> accounts.create(partnership, new AccountDraft("a@b", "Jo", null, Set.of(Role.LEAD), TestWorld.PASSWORD)),
                    "email", "validation.email");
            assertRefused(() -> accounts.create(partnership, new AccountDraft("x".repeat(10_000) + "@example.org", "Jo", null, Set.of(Role.LEAD), TestWorld.PASSWORD)),
                    "email", "validation.tooLong");
            assertRefused(() -> accounts.create(partnership, new AccountDraft(email(), "", null, Set.of(Role.LEAD), TestWorld.PASSWORD)),
                    "displayName", "validation.required");
            assertRefused(() -> accounts.create(partnership, new AccountDraft(email(), "Jo", null, Set.of(), TestWorld.PASSWORD)),
                    "roles", "validation.roleRequired");
            assertRefused(() -> accounts.create(partnership, new AccountDraft(email(), "Jo", null, Set.of(Role.LEAD), "short")),
                    "password", "validation.passwordShort");
            assertRefused(() -> accounts.create(partnership, new AccountDraft(email(), "Jo", null, Set.of(Role.LEAD), "é".repeat(40))),
                    "password", "validation.passwordLong");
            long otherAgency = world.agency(world.partnership());
            assertRefused(() -> accounts.create(partnership, new AccountDraft(email(), "Jo", otherAgency, Set.of(Role.LEAD), TestWorld.PASSWORD)),
                    "agency", "validation.unknownAgency");
            assertThat(accounts.list(partnership)).hasSize(1);
        }

        @Test
        void an_email_can_hold_only_one_account_in_any_case() {
            Account first = create(Role.LEAD);
            assertRefused(() -> accounts.create(partnership, new AccountDraft(first.email().toUpperCase(), "Twin", null,
                    Set.of(Role.LEAD), TestWorld.PASSWORD)), "email", "validation.duplicateEmail");
            long other = world.partnership();
            TestWorld.as(world.account(other, Role.ADMIN));
            assertRefused(() -> accounts.create(other, new AccountDraft(first.email(), "Twin", null,
                    Set.of(Role.LEAD), TestWorld.PASSWORD)), "email", "validation.duplicateEmail");
        }

        @Test
        void roles_and_agency_change_and_a_stale_edit_is_refused() {
            Account account = create(Role.FACILITATOR);
            long agency = world.agency(partnership);
            Account changed = accounts.update(account.id(), "Jo B.", agency, Set.of(Role.SAFEGUARDING_LEAD), account.version());
            assertThat(changed.roles()).containsExactly(Role.SAFEGUARDING_LEAD);
            assertThat(changed.displayName()).isEqualTo("Jo B.");
            assertThat(changed.agencyId()).isEqualTo(agency);
            assertThatThrownBy(() -> accounts.update(account.id(), "Stale", null, Set.of(Role.LEAD), account.version()))
                    .isInstanceOf(ConcurrentEditException.class);
        }

        @Test
        void an_administrator_cannot_lock_themselves_out() {
            Account me = accounts.get(admin.accountId());
            assertRefused(() -> accounts.update(me.id(), "Me", null, Set.of(Role.LEAD), me.version()), "roles",
                    "validation.keepOwnAdmin");
            assertRefused(() -> accounts.deactivate(me.id()), "active", "validation.notYourself");
        }

        @Test
        void a_deactivated_account_cannot_sign_in_and_loses_access_at_once() {
            Account account = create(Role.ADMIN);
            var persona = new TestWorld.Persona(account.id(), account.email(), partnership, account.roles(), false);
            accounts.deactivate(account.id());
            assertThatThrownBy(() -> signIn.signIn(account.email(), TestWorld.PASSWORD, "10.0.0.2", Instant.now()))
                    .isInstanceOf(BadCredentialsException.class);
            TestWorld.as(persona); // a session opened before the deactivation
            assertThatThrownBy(() -> accounts.list(partnership)).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(admin);
            accounts.reactivate(account.id());
            assertThat(signIn.signIn(account.email(), TestWorld.PASSWORD, "10.0.0.2", Instant.now()).isAuthenticated()).isTrue();
        }

        @Test
        void a_removed_role_stops_working_without_signing_out() {
            Account account = create(Role.ADMIN, Role.LEAD);
            TestWorld.as(new TestWorld.Persona(account.id(), account.email(), partnership, account.roles(), false));
            assertThat(accounts.list(partnership)).isNotEmpty();
            TestWorld.as(admin);
            accounts.update(account.id(), account.displayName(), null, Set.of(Role.LEAD), account.version());
            TestWorld.as(new TestWorld.Persona(account.id(), account.email(), partnership, account.roles(), false));
            assertThatThrownBy(() -> accounts.list(partnership)).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void a_password_reset_replaces_the_password_and_lifts_a_lock() {
            Account account = create(Role.LEAD);
            Instant now = Instant.now();
            for (int i = 0; i < SignInGuard.LOCK_AFTER; i++) {
                try {
                    signIn.signIn(account.email(), "wrong password " + i, "10.0.0.3", now.plusSeconds(i * 600L));
                } catch (RuntimeException expected) {
                    // counted
                }
            }
            assertThat(accounts.get(account.id()).locked()).isTrue();
            accounts.resetPassword(account.id(), "a brand new passphrase");
            assertThat(accounts.get(account.id()).locked()).isFalse();
            assertThatThrownBy(() -> signIn.signIn(account.email(), TestWorld.PASSWORD, "10.0.0.3", Instant.now()))
                    .isInstanceOf(BadCredentialsException.class);
            assertThat(signIn.signIn(account.email(), "a brand new passphrase", "10.0.0.4", Instant.now()).isAuthenticated()).isTrue();
        }

        @Test
        void staff_change_their_own_password_only_with_the_current_one() {
            Account account = create(Role.FACILITATOR);
            TestWorld.as(new TestWorld.Persona(account.id(), account.email(), partnership, account.roles(), false));
            assertRefused(() -> accounts.changeOwnPassword("not my password", "another long passphrase"),
                    "currentPassword", "validation.wrongPassword");
            assertRefused(() -> accounts.changeOwnPassword(TestWorld.PASSWORD, "short"), "password", "validation.passwordShort");
            accounts.changeOwnPassword(TestWorld.PASSWORD, "another long passphrase");
            assertThat(encoder.matches("another long passphrase", repository.credentials(account.email()).orElseThrow().passwordHash()))
                    .isTrue();
            assertThat(accounts.me().email()).isEqualTo(account.email());
        }

        @Test
        void a_password_set_by_an_administrator_a_role_change_and_a_deactivation_each_end_the_accounts_sessions() {
            for (int change = 0; change < 3; change++) {
                TestWorld.as(admin);
                Account account = create(Role.FACILITATOR, Role.LEAD);
                var session = new TestWorld.Persona(account.id(), account.email(), partnership, account.roles(), false);
                TestWorld.as(session);
                assertThat(accounts.me().accountId()).isEqualTo(account.id());
                TestWorld.as(admin);
                switch (change) {
                    case 0 -> accounts.resetPassword(account.id(), "chosen by the administrator");
                    case 1 -> accounts.update(account.id(), account.displayName(), null, Set.of(Role.LEAD), account.version());
                    default -> {
                        accounts.deactivate(account.id());
                        accounts.reactivate(account.id());
                    }
                }
                TestWorld.as(session); // the session signed in before the change
                assertThatThrownBy(() -> accounts.me()).as("change " + change).isInstanceOf(AccessDeniedException.class);
            }
        }

        @Test
        void a_new_display_name_leaves_the_accounts_sessions_alone() {
            Account account = create(Role.FACILITATOR);
            TestWorld.as(admin);
            accounts.update(account.id(), "New name", null, account.roles(), account.version());
            TestWorld.as(new TestWorld.Persona(account.id(), account.email(), partnership, account.roles(), false));
            assertThat(accounts.me().displayName()).isEqualTo("New name");
        }

        @Test
        void changing_ones_own_password_keeps_the_session_in_use_and_ends_the_others() {
            Account account = create(Role.FACILITATOR);
            var session = new TestWorld.Persona(account.id(), account.email(), partnership, account.roles(), false);
            TestWorld.as(session);
            accounts.changeOwnPassword(TestWorld.PASSWORD, "my own new passphrase");
            assertThat(accounts.me().accountId()).as("the session that changed it").isEqualTo(account.id());
            TestWorld.as(session); // another session, signed in before the change
            assertThatThrownBy(() -> accounts.me()).isInstanceOf(AccessDeniedException.class);
        }
    }
}
