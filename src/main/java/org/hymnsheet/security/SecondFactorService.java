package org.hymnsheet.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The second factor: enrolment with an authenticator app, the code (or a single-use recovery code) after the
 * password, and an administrator's reset of a lost factor. Enrolment and the code are for a session that
 * {@link SecondFactorPolicy} left pending; nothing else in the app answers such a session.
 */
@Service
public class SecondFactorService {
    private static final Logger log = LoggerFactory.getLogger(SecondFactorService.class);
    static final int RECOVERY_CODES = 10;
    static final int WRONG_CODES_BEFORE_LOCK = 5;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private final FactorRepository factors;
    private final Totp totp;
    private final SecretBox box;
    private final PasswordEncoder encoder;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration lock;
    private final SecureRandom random = new SecureRandom();

    SecondFactorService(FactorRepository factors, Totp totp, SecretBox box, PasswordEncoder encoder,
                        CurrentStaff staff, AuditLog audit, Clock clock,
                        @Value("${hymnsheet.sign-in.lock-minutes:15}") long lockMinutes) {
        this.factors = factors;
        this.totp = totp;
        this.box = box;
        this.encoder = encoder;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
        this.lock = Duration.ofMinutes(lockMinutes);
    }

    /** Whether this pending sign-in must first enrol (no confirmed factor yet). */
    @Transactional(readOnly = true)
    public boolean needsEnrolment() {
        return !factors.enrolled(pending().accountId());
    }

    /** The key to add to an authenticator app; the same key until it is confirmed. */
    @Transactional
    public Enrolment beginEnrolment() {
        PendingFactor pending = pending();
        long id = pending.accountId();
        var factor = factors.find(id).orElse(null);
        if (factor == null) {
            factors.insertUnconfirmed(id, box.seal(totp.newSecret()), clock.instant());
            factor = factors.find(id).orElseThrow();
        }
        if (factor.confirmed()) {
            throw new ValidationException("code", "factor.alreadyEnrolled");
        }
        String secret = box.open(factor.sealedSecret());
        return new Enrolment(pending.staff().email(), secret, Totp.uri("Hymn Sheet", pending.staff().email(), secret));
    }

    /** Confirms the enrolment with a first code; returns the recovery codes, which are never shown again. */
    @Transactional(noRollbackFor = ValidationException.class)
    public List<String> confirmEnrolment(String code) {
        PendingFactor pending = pending();
        long id = pending.accountId();
        var factor = factors.find(id).filter(f -> !f.confirmed())
                .orElseThrow(() -> new ValidationException("code", "factor.alreadyEnrolled"));
        Instant now = clock.instant();
        refuseWhileLocked(factor, now);
        long step = totp.match(box.open(factor.sealedSecret()), digits(code), now, factor.lastUsedStep());
        if (step < 0) {
            throw wrong(id, now);
        }
        factors.confirm(id, step, now);
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            hashes.add(encoder.encode(recovery));
        }
        factors.replaceRecoveryCodes(id, hashes);
        long partnership = factors.target(id).orElseThrow().partnershipId();
        audit.record(AuditAction.FACTOR_ENROLLED, id, partnership, id);
        complete(pending);
        return List.copyOf(codes);
    }

    /** Checks a code from the app, or a recovery code, and completes the sign-in. */
    @Transactional(noRollbackFor = ValidationException.class)
    public void verify(String code) {
        PendingFactor pending = pending();
        long id = pending.accountId();
        var factor = factors.find(id).filter(FactorRepository.Factor::confirmed)
                .orElseThrow(() -> new AccessDeniedException("No second factor to check"));
        Instant now = clock.instant();
        refuseWhileLocked(factor, now);
        String typed = code == null ? "" : code.strip();
        if (digits(typed).matches("\\d{6}")) {
            long step = totp.match(box.open(factor.sealedSecret()), digits(typed), now, factor.lastUsedStep());
            if (step < 0 || !factors.useStep(id, step)) {
                throw wrong(id, now);
            }
        } else if (!useRecoveryCode(id, typed, now)) {
            throw wrong(id, now);
        }
        complete(pending);
    }

    /**
     * Removes a staff member's lost factor; they enrol again at their next sign-in. For administrators of the
     * account's partnership; a platform administrator's factor only by another platform administrator.
     */
    @Transactional
    public void reset(long accountId) {
        Staff me = staff.require();
        var target = factors.target(accountId).orElseThrow(() -> new NotFoundException("account"));
        staff.requireAdminOf(target.partnershipId());
        if (target.platformAdmin() && !me.platformAdmin()) {
            throw new AccessDeniedException("Only a platform administrator may reset a platform administrator");
        }
        if (accountId == me.accountId()) {
            throw new ValidationException("factor", "factor.notYourOwn");
        }
        factors.delete(accountId);
        audit.record(AuditAction.FACTOR_RESET, me.accountId(), target.partnershipId(), accountId);
        log.info("Second factor of account {} reset by account {}", accountId, me.accountId());
    }

    private boolean useRecoveryCode(long id, String typed, Instant now) {
        String normalised = typed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (normalised.length() != 10) {
            return false;
        }
        String formatted = normalised.substring(0, 5) + "-" + normalised.substring(5);
        for (var stored : factors.unusedRecoveryCodes(id)) {
            if (encoder.matches(formatted, stored.hash())) {
                if (!factors.useRecoveryCode(stored.id(), now)) {
                    return false;
                }
                factors.succeeded(id);
                audit.record(AuditAction.RECOVERY_CODE_USED, id, factors.target(id).orElseThrow().partnershipId(), id);
                log.info("Recovery code used by account {}", id);
                return true;
            }
        }
        return false;
    }

    private ValidationException wrong(long id, Instant now) {
        int failures = factors.failed(id);
        if (failures >= WRONG_CODES_BEFORE_LOCK) {
            factors.lock(id, now.plus(lock));
            log.warn("Second factor locked for account {} after {} wrong codes", id, failures);
            return new ValidationException("code", "factor.locked", lock.toMinutes());
        }
        return new ValidationException("code", "factor.wrongCode");
    }

    private void refuseWhileLocked(FactorRepository.Factor factor, Instant now) {
        if (factor.lockedUntil() != null && factor.lockedUntil().toInstant().isAfter(now)) {
            throw new ValidationException("code", "factor.locked", lock.toMinutes());
        }
    }

    /** The session becomes the full sign-in, in this thread and in the HTTP session that holds it. */
    private void complete(PendingFactor pending) {
        var full = UsernamePasswordAuthenticationToken.authenticated(pending.staff(), null,
                pending.staff().getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            request.getRequest().getSession().setAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }

    private PendingFactor pending() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof PendingFactor pending)) {
            throw new AccessDeniedException("No sign-in is waiting for a second factor");
        }
        if (!factors.target(pending.accountId()).map(FactorRepository.Target::active).orElse(false)) {
            throw new AccessDeniedException("Account no longer active");
        }
        return pending;
    }

    private String recoveryCode() {
        var code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String digits(String code) {
        return code == null ? "" : code.replaceAll("\\s", "");
    }
}
