package org.hymnsheet.security;

import static org.hymnsheet.db.Tables.ACCOUNT;
import static org.hymnsheet.db.Tables.ACCOUNT_ROLE;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place services ask who is calling and whether they may. Every check reads the account again,
 * so a deactivated account or a removed role loses access on its next action, and a session whose account's
 * session generation has moved on since sign-in counts as signed out (on every node: the number is in the table).
 * Within one transaction the account is read once: a service that checks access and then calls other services that
 * check again (a board refresh) reads the same row as it would have a moment before, in the same transaction.
 */
@Component
public class CurrentStaff {
    private final DSLContext db;

    CurrentStaff(DSLContext db) {
        this.db = db;
    }

    @Transactional(readOnly = true)
    public Optional<Staff> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal principal)) {
            return Optional.empty();
        }
        if (TransactionSynchronizationManager.getResource(this) instanceof Read read && read.principal() == principal) {
            return read.staff();
        }
        Optional<Staff> staff = read(principal);
        remember(new Read(principal, staff));
        return staff;
    }

    /** Who was read for which principal in the current transaction. */
    private record Read(StaffPrincipal principal, Optional<Staff> staff) {}

    private void remember(Read read) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (TransactionSynchronizationManager.getResource(this) != null) {
            TransactionSynchronizationManager.unbindResource(this);
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CurrentStaff.this);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(this, read);
    }

    private Optional<Staff> read(StaffPrincipal principal) {
        var account = db.select(ACCOUNT.ID, ACCOUNT.PARTNERSHIP_ID, ACCOUNT.EMAIL, ACCOUNT.DISPLAY_NAME,
                        ACCOUNT.PLATFORM_ADMIN, ACCOUNT.ACTIVE, ACCOUNT.SESSION_GENERATION)
                .from(ACCOUNT).where(ACCOUNT.ID.eq(principal.accountId())).fetchOne();
        if (account == null || !account.get(ACCOUNT.ACTIVE)
                || account.get(ACCOUNT.SESSION_GENERATION) != principal.sessionGeneration()) {
            return Optional.empty();
        }
        return Optional.of(new Staff(account.get(ACCOUNT.ID), account.get(ACCOUNT.PARTNERSHIP_ID),
                account.get(ACCOUNT.EMAIL), account.get(ACCOUNT.DISPLAY_NAME), roles(principal.accountId()),
                account.get(ACCOUNT.PLATFORM_ADMIN)));
    }

    private Set<Role> roles(long accountId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        db.select(ACCOUNT_ROLE.ROLE).from(ACCOUNT_ROLE).where(ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId))
                .forEach(r -> roles.add(Role.valueOf(r.value1())));
        return Set.copyOf(roles);
    }

    /**
     * Whether a session signed in as this principal is over: the account is gone or inactive, or its session
     * generation has moved on since sign-in (password set by someone else, roles changed, deactivated).
     */
    @Transactional(readOnly = true)
    public boolean sessionEnded(StaffPrincipal principal) {
        var account = db.select(ACCOUNT.ACTIVE, ACCOUNT.SESSION_GENERATION).from(ACCOUNT)
                .where(ACCOUNT.ID.eq(principal.accountId())).fetchOne();
        return account == null || !account.value1() || account.value2() != principal.sessionGeneration();
    }

    /**
     * After the caller changed their own account (their password, their roles), which ended all its sessions:
     * this session goes on, at the new generation and with the account's current roles.
     */
    @Transactional(readOnly = true)
    public void keepCurrentSession(int generation) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal old)) {
            return;
        }
        var account = db.select(ACCOUNT.EMAIL, ACCOUNT.PLATFORM_ADMIN).from(ACCOUNT)
                .where(ACCOUNT.ID.eq(old.accountId())).fetchOne();
        if (account == null) {
            return;
        }
        var principal = StaffPrincipal.of(old.accountId(), account.value1(), roles(old.accountId()),
                account.value2(), generation);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
    }

    /** Any signed-in, active staff member. */
    public Staff require() {
        return get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
    }

    public Staff requirePlatformAdmin() {
        Staff staff = require();
        if (!staff.platformAdmin() || !staff.has(Role.ADMIN)) {
            throw new AccessDeniedException("Platform administrators only");
        }
        return staff;
    }

    /** An administrator of this partnership (or a platform administrator). */
    public Staff requireAdminOf(long partnershipId) {
        Staff staff = require();
        if (!staff.administers(partnershipId)) {
            throw new AccessDeniedException("Not an administrator of this partnership");
        }
        return staff;
    }

    /** Any staff member of this partnership, or its administrator. */
    public Staff requireMemberOf(long partnershipId) {
        Staff staff = require();
        if (!staff.belongsTo(partnershipId)) {
            throw new AccessDeniedException("Not a member of this partnership");
        }
        return staff;
    }

    /** A member of this partnership holding at least one of these roles. */
    public Staff requireRoleIn(long partnershipId, Role... anyOf) {
        Staff staff = requireMemberOf(partnershipId);
        for (Role role : anyOf) {
            if (staff.has(role) && (staff.partnershipId() == partnershipId || staff.administers(partnershipId))) {
                return staff;
            }
        }
        throw new AccessDeniedException("Missing role");
    }
}
