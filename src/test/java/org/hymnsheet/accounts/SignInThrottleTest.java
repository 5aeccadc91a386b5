package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Repeated failed sign-ins are slowed, then locked, per account and per client network (an IPv6 client counts with
 * its /64), and every refusal looks the same. Time is passed in.
 */
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
        @Autowired AccountRepository repository;
        @Autowired PasswordEncoder encoder;
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
            } catch (BadCredentialsException refused) {
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
                    .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
            assertThat(signIn.signIn(staff.email(), TestWorld.PASSWORD, "203.0.113.251", t0.plusSeconds(1)).isAuthenticated())
                    .isTrue();
            assertThat(signIn.signIn(staff.email(), TestWorld.PASSWORD, attacker,
                    t0.plus(guard.lockDuration()).plusSeconds(2)).isAuthenticated()).isTrue();
        }

        @Test
        void an_unknown_email_and_a_locked_account_get_the_same_answer_after_the_same_work() {
            Instant at = t0;
            for (int i = 0; i < SignInGuard.LOCK_AFTER; i++) {
                at = at.plusSeconds(60);
                fail(at);
            }
            var counting = new CountingEncoder(encoder);
            var probe = new StaffAuthenticationProvider(repository, new SignInGuard(15, Clock.systemUTC()), counting,
                    Clock.systemUTC());
            Instant then = at.plusSeconds(60);
            List<Throwable> answers = new ArrayList<>();
            List<Integer> work = new ArrayList<>();
            for (String email : List.of(staff.email(), "nobody-" + staff.email())) {
                for (String password : List.of(TestWorld.PASSWORD, "whatever it is")) {
                    counting.checks = 0;
                    answers.add(catchThrowable(() -> probe.signIn(email, password, "198.51.100.77", then)));
                    work.add(counting.checks);
                }
            }
            assertThat(answers).allSatisfy(a -> assertThat(a).isExactlyInstanceOf(BadCredentialsException.class)
                    .hasMessage("Bad credentials"));
            assertThat(work).as("bcrypt checks per answer").containsOnly(1);
        }

        @Test
        void failed_sign_ins_from_rotating_addresses_in_one_ipv6_slash_64_block_the_whole_slash_64() {
            String prefix = "2001:db8:" + Integer.toHexString((int) (Math.random() * 0xffff)) + ":1:";
            for (int i = 0; i < SignInGuard.ADDRESS_LIMIT; i++) {
                int n = i;
                assertThatThrownBy(() -> signIn.signIn("guess" + n + "@nowhere.example", "guess",
                        prefix + Integer.toHexString(n + 1) + "::1", t0)).isInstanceOf(BadCredentialsException.class);
            }
            assertThatThrownBy(() -> signIn.signIn(staff.email(), TestWorld.PASSWORD, prefix + "beef::2", t0.plusSeconds(1)))
                    .isInstanceOf(BadCredentialsException.class);
            assertThat(signIn.signIn(staff.email(), TestWorld.PASSWORD, "2001:db8:ffff:2::1", t0.plusSeconds(1))
                    .isAuthenticated()).as("another /64").isTrue();
        }

        @Test
        void a_hundred_thousand_distinct_addresses_leave_the_address_count_within_its_bound() {
            var guard = new SignInGuard(15, Clock.systemUTC());
            for (int i = 0; i < 100_000; i++) {
                guard.addressFailed("10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff), t0);
            }
            assertThat(guard.trackedAddresses()).isLessThanOrEqualTo(SignInGuard.MAX_TRACKED_ADDRESSES);
        }
    }

    /** Counts bcrypt checks, so "the same work" is measured without timing. */
    static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder real;
        volatile int checks;

        CountingEncoder(PasswordEncoder real) {
            this.real = real;
        }

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return real.matches(raw, encoded);
        }
    }
}
