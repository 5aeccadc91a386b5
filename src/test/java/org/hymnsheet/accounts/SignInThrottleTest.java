package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;

/** Repeated failed sign-ins are slowed, then locked, per account and per client address. Time is passed in. */
class SignInThrottleTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired StaffAuthenticationProvider signIn;
        @Autowired SignInGuard guard;
        @Autowired ApplicationContext context;
        TestWorld.Persona staff;
        String address;
        Instant t0;

        @BeforeEach
        void account() {
            var world = new TestWorld(context);
            staff = world.account(world.partnership(), Role.FACILITATOR);
            address = "192.0.2." + (int) (Math.random() * 250);
            t0 = Instant.now().plus(Duration.ofDays(1));
        }

        void fail(Instant at) {
            assertThatThrownBy(() -> signIn.signIn(staff.email(), "wrong password!", address + at.getEpochSecond(), at))
                    .isInstanceOf(BadCredentialsException.class);
        }

        boolean succeeds(Instant at) {
            try {
                return signIn.signIn(staff.email(), TestWorld.PASSWORD, address + at.getEpochSecond() + "ok", at).isAuthenticated();
            } catch (LockedException locked) {
                return false;
            }
        }

        @Test
        void after_three_failures_each_further_try_must_wait_a_little_longer() {
            fail(t0);
            fail(t0.plusSeconds(1));
            fail(t0.plusSeconds(2));
            // third failure at t0+2s: the right password is refused for 2 s, then accepted
            assertThat(succeeds(t0.plusSeconds(3))).isFalse();
            assertThat(succeeds(t0.plusSeconds(5))).isTrue();
        }

        @Test
        void five_failures_lock_the_account_for_fifteen_minutes_even_with_the_right_password() {
            Instant at = t0;
            for (int i = 0; i < SignInGuard.LOCK_AFTER; i++) {
                at = at.plusSeconds(60); // slow enough to get past each wait
                fail(at);
            }
            assertThat(succeeds(at.plusSeconds(60))).isFalse();
            assertThat(succeeds(at.plus(guard.lockDuration()).minusSeconds(1))).isFalse();
            assertThat(succeeds(at.plus(guard.lockDuration()).plusSeconds(1))).isTrue();
        }

        @Test
        void a_successful_sign_in_resets_the_count() {
            fail(t0);
            fail(t0.plusSeconds(1));
            assertThat(succeeds(t0.plusSeconds(2))).isTrue();
            fail(t0.plusSeconds(3));
            fail(t0.plusSeconds(4));
            assertThat(succeeds(t0.plusSeconds(5))).isTrue();
        }

        @Test
        void unknown_emails_and_wrong_passwords_get_the_same_answer() {
            assertThatThrownBy(() -> signIn.signIn("nobody-" + staff.email(), "whatever it is", "198.51.100.1", t0))
                    .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
            assertThatThrownBy(() -> signIn.signIn(staff.email(), "whatever it is", "198.51.100.1", t0))
                    .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        }

        @Test
        void many_failures_from_one_address_block_that_address_only() {
            String attacker = "203.0.113." + (int) (Math.random() * 250);
            for (int i = 0; i < SignInGuard.ADDRESS_LIMIT; i++) {
                int n = i;
                assertThatThrownBy(() -> signIn.signIn("guess" + n + "@nowhere.example", "guess", attacker, t0))
                        .isInstanceOf(BadCredentialsException.class);
            }
            assertThatThrownBy(() -> signIn.signIn(staff.email(), TestWorld.PASSWORD, attacker, t0.plusSeconds(1)))
                    .isInstanceOf(LockedException.class);
            assertThat(signIn.signIn(staff.email(), TestWorld.PASSWORD, "203.0.113.251", t0.plusSeconds(1)).isAuthenticated())
                    .isTrue();
            assertThat(signIn.signIn(staff.email(), TestWorld.PASSWORD, attacker,
                    t0.plus(guard.lockDuration()).plusSeconds(2)).isAuthenticated()).isTrue();
        }
    }
}
