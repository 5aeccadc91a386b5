package org.hymnsheet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.ACCOUNT_FACTOR;
import static org.hymnsheet.db.Tables.AUDIT_EVENT;

import java.time.Instant;
import java.util.List;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.testing.Authenticator;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The second factor: who owes it, enrolment, codes used once, recovery codes, the lock, and who may reset it. */
class SecondFactorServiceTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired SecondFactorService factors;
        @Autowired AuthenticationProvider signIn;
        @Autowired CurrentStaff currentStaff;
        @Autowired AccountService accounts;
        @Autowired AuditLog audit;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        TestWorld world;
        long p;

        @BeforeEach
        void world() {
            world = new TestWorld(context);
            p = world.partnership();
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        Authentication passwordSignIn(TestWorld.Persona persona) {
            Authentication auth = signIn.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(persona.email(), TestWorld.PASSWORD));
            SecurityContextHolder.getContext().setAuthentication(auth);
            return auth;
        }

        /** Signs in with the password and enrols; returns the recovery codes. */
        List<String> enrol(TestWorld.Persona persona) {
            passwordSignIn(persona);
            Enrolment enrolment = factors.beginEnrolment();
            Authenticator.enrolled(persona.email(), enrolment.secret());
            return factors.confirmEnrolment(Authenticator.nextCode(persona.email()));
        }

        int auditRows(AuditAction action, long target) {
            return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(action.name()),
                    AUDIT_EVENT.TARGET_ACCOUNT_ID.eq(target));
        }

        @Test
        void an_administrators_right_password_leaves_the_session_waiting_for_the_second_factor() {
            var admin = world.account(p, Role.ADMIN);
            Authentication auth = passwordSignIn(admin);

            assertThat(PendingFactor.owed(auth)).isTrue();
            assertThat(auth.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly(PendingFactor.AUTHORITY);
            assertThat(currentStaff.get()).isEmpty();
            assertThatThrownBy(() -> accounts.me()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.list(p)).isInstanceOf(AccessDeniedException.class);
            assertThat(factors.needsEnrolment()).isTrue();
        }

        @Test
        void a_safeguarding_lead_owes_it_too_and_a_facilitator_or_lead_does_not() {
            assertThat(PendingFactor.owed(passwordSignIn(world.account(p, Role.SAFEGUARDING_LEAD)))).isTrue();
            assertThat(PendingFactor.owed(passwordSignIn(world.account(p, Role.FACILITATOR)))).isFalse();
            assertThat(PendingFactor.owed(passwordSignIn(world.account(p, Role.LEAD)))).isFalse();
            assertThat(PendingFactor.owed(passwordSignIn(world.platformAdmin(p)))).isTrue();
        }

        @Test
        void enrolment_with_a_right_code_completes_the_sign_in_gives_ten_recovery_codes_and_is_logged() {
            var admin = world.account(p, Role.ADMIN);
            passwordSignIn(admin);
            Enrolment enrolment = factors.beginEnrolment();
            assertThat(factors.beginEnrolment().secret()).as("a reload shows the same key").isEqualTo(enrolment.secret());
            assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/Hymn%20Sheet:").contains(enrolment.secret());
            Authenticator.enrolled(admin.email(), enrolment.secret());

            assertThatThrownBy(() -> factors.confirmEnrolment("000000")).isInstanceOf(ValidationException.class);
            List<String> codes = factors.confirmEnrolment(Authenticator.nextCode(admin.email()));

            assertThat(codes).hasSize(10).doesNotHaveDuplicates();
            assertThat(currentStaff.require().accountId()).isEqualTo(admin.accountId());
            assertThat(accounts.list(p)).isNotEmpty();
            assertThat(auditRows(AuditAction.FACTOR_ENROLLED, admin.accountId())).isEqualTo(1);
            assertThat(db.select(ACCOUNT_FACTOR.SECRET).from(ACCOUNT_FACTOR)
                    .where(ACCOUNT_FACTOR.ACCOUNT_ID.eq(admin.accountId())).fetchSingle().value1())
                    .as("stored as configured, with its form marked").startsWith("plain:");
        }

        @Test
        void a_code_is_accepted_once_within_its_time_step() {
            var lead = world.account(p, Role.SAFEGUARDING_LEAD);
            enrol(lead);
            String secret = Authenticator.secret(lead.email());
            long now = Authenticator.step(Instant.now());
            String next = Authenticator.code(secret, now + 1);

            passwordSignIn(lead);
            factors.verify(next);
            assertThat(currentStaff.get()).isPresent();

            passwordSignIn(lead);
            assertThatThrownBy(() -> factors.verify(next)).isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).messageKey()).isEqualTo("factor.wrongCode");
            assertThat(currentStaff.get()).isEmpty();
        }

        @Test
        void a_recovery_code_signs_in_once_and_is_logged() {
            var admin = world.account(p, Role.ADMIN);
            List<String> codes = enrol(admin);

            passwordSignIn(admin);
            factors.verify(codes.get(3).toUpperCase());
            assertThat(currentStaff.get()).isPresent();
            assertThat(auditRows(AuditAction.RECOVERY_CODE_USED, admin.accountId())).isEqualTo(1);

            passwordSignIn(admin);
            assertThatThrownBy(() -> factors.verify(codes.get(3))).isInstanceOf(ValidationException.class);
            factors.verify(codes.get(4).replace("-", ""));
            assertThat(currentStaff.get()).isPresent();
        }

        @Test
        void five_wrong_codes_lock_the_second_factor_even_for_the_right_code() {
            var admin = world.account(p, Role.ADMIN);
            enrol(admin);
            passwordSignIn(admin);
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> factors.verify("not-a-code")).isInstanceOf(ValidationException.class)
                        .extracting(e -> ((ValidationException) e).messageKey()).isEqualTo("factor.wrongCode");
            }
            assertThatThrownBy(() -> factors.verify("000000")).isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).messageKey()).isEqualTo("factor.locked");
            assertThatThrownBy(() -> factors.verify(Authenticator.nextCode(admin.email())))
                    .isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).messageKey()).isEqualTo("factor.locked");
            assertThat(currentStaff.get()).isEmpty();
        }

        @Test
        void enrolment_and_codes_are_refused_to_a_session_that_owes_nothing() {
            TestWorld.as(world.account(p, Role.ADMIN));
            assertThatThrownBy(() -> factors.beginEnrolment()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> factors.verify("123456")).isInstanceOf(AccessDeniedException.class);
            TestWorld.anonymous();
            assertThatThrownBy(() -> factors.needsEnrolment()).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void an_administrator_of_the_partnership_resets_a_lost_factor_and_it_is_logged() {
            var lead = world.account(p, Role.SAFEGUARDING_LEAD);
            enrol(lead);
            var admin = world.account(p, Role.ADMIN);
            TestWorld.as(admin);

            factors.reset(lead.accountId());

            assertThat(db.fetchExists(ACCOUNT_FACTOR, ACCOUNT_FACTOR.ACCOUNT_ID.eq(lead.accountId()))).isFalse();
            assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("FACTOR_RESET"),
                    AUDIT_EVENT.ACTOR_ACCOUNT_ID.eq(admin.accountId()), AUDIT_EVENT.TARGET_ACCOUNT_ID.eq(lead.accountId()),
                    AUDIT_EVENT.PARTNERSHIP_ID.eq(p))).isEqualTo(1);
            assertThat(audit.recent(p, 10)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.FACTOR_RESET);
                assertThat(e.targetAccountId()).isEqualTo(lead.accountId());
            });
            passwordSignIn(lead);
            assertThat(factors.needsEnrolment()).as("enrols again at the next sign-in").isTrue();
        }

        @Test
        void only_a_platform_administrator_resets_a_platform_administrators_factor() {
            var platform = world.platformAdmin(p);
            var otherPlatform = world.platformAdmin(world.partnership());
            var admin = world.account(p, Role.ADMIN);

            TestWorld.as(admin);
            assertThatThrownBy(() -> factors.reset(platform.accountId())).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(otherPlatform);
            factors.reset(platform.accountId());
            factors.reset(admin.accountId());
            assertThat(auditRows(AuditAction.FACTOR_RESET, platform.accountId())).isEqualTo(1);
        }

        @Test
        void nobody_else_resets_a_factor_and_nobody_resets_their_own() {
            var facilitator = world.account(p, Role.FACILITATOR);
            var target = world.account(p, Role.ADMIN);
            var admin = world.account(p, Role.ADMIN);
            for (var caller : List.of(facilitator, world.account(p, Role.SAFEGUARDING_LEAD),
                    world.account(world.partnership(), Role.ADMIN))) {
                TestWorld.as(caller);
                assertThatThrownBy(() -> factors.reset(target.accountId())).isInstanceOf(AccessDeniedException.class);
            }
            TestWorld.anonymous();
            assertThatThrownBy(() -> factors.reset(target.accountId())).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(admin);
            assertThatThrownBy(() -> factors.reset(admin.accountId())).isInstanceOf(ValidationException.class);
            assertThat(auditRows(AuditAction.FACTOR_RESET, target.accountId())).isZero();
        }
    }
}
