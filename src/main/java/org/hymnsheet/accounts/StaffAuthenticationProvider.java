package org.hymnsheet.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.SecondFactorPolicy;
import org.hymnsheet.security.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email and password sign-in against the account table, with the {@link SignInGuard} in front.
 * Unknown emails, wrong passwords, deactivated, slowed-down and locked accounts all get the same answer after the
 * same work (one bcrypt check), so sign-in reveals neither which emails have accounts nor which of them are locked.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {
    private static final Logger log = LoggerFactory.getLogger(StaffAuthenticationProvider.class);
    private final AccountRepository accounts;
    private final SignInGuard guard;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String dummyHash;
    private SecondFactorPolicy secondFactor;

    StaffAuthenticationProvider(AccountRepository accounts, SignInGuard guard, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.guard = guard;
        this.encoder = encoder;
        this.clock = clock;
        this.dummyHash = encoder.encode("no account has this password " + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = String.valueOf(authentication.getName());
        String password = String.valueOf(authentication.getCredentials());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        Authentication passwordChecked = signIn(email, password, address, clock.instant());
        return secondFactor.afterPassword(passwordChecked);
    }

    /** A right password for a role that needs it leaves the session waiting for the second factor. */
    @Autowired
    void secondFactor(SecondFactorPolicy policy) {
        this.secondFactor = policy;
    }

    Authentication signIn(String typedEmail, String password, String address, Instant now) {
        String email = typedEmail.strip().toLowerCase(Locale.ROOT);
        if (guard.addressBlocked(address, now)) {
            // nothing about any account is involved here, so no bcrypt work is spent on a blocked network
            log.warn("Sign-in refused: too many failures from one client network");
            throw refused();
        }
        var account = accounts.credentials(email).orElse(null);
        if (account == null || guard.accountBlocked(account, now)) {
            encoder.matches(password, dummyHash); // same work as a real check, so timing reveals nothing either
            guard.addressFailed(address, now);
            throw refused();
        }
        if (!encoder.matches(password, account.passwordHash()) || !account.active()) {
            int failures = accounts.recordFailure(account.id(), now);
            Instant lockUntil = guard.lockAfterFailure(failures, now);
            if (lockUntil != null) {
                accounts.lockUntil(account.id(), lockUntil);
                log.warn("Sign-in locked for account {} until {} after {} failures", account.id(), lockUntil, failures);
            }
            guard.addressFailed(address, now);
            throw refused();
        }
        accounts.unlock(account.id());
        guard.addressSucceeded(address);
        var principal = StaffPrincipal.of(account.id(), account.email(), account.roles(), account.platformAdmin(),
                account.sessionGeneration());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    /** The one answer to every refused sign-in. */
    private static BadCredentialsException refused() {
        return new BadCredentialsException("Bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
