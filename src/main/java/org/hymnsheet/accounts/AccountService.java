package org.hymnsheet.accounts;

import java.util.List;
import java.util.Set;
import org.hymnsheet.common.ConcurrentEditException;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.Staff;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts of a partnership, managed by its administrators. */
@Service
public class AccountService {
    private final AccountRepository repository;
    private final CurrentStaff staff;
    private final PasswordEncoder encoder;

    AccountService(AccountRepository repository, CurrentStaff staff, PasswordEncoder encoder) {
        this.repository = repository;
        this.staff = staff;
        this.encoder = encoder;
    }

    /** The signed-in staff member, for the layout and the "my account" page. */
    @Transactional(readOnly = true)
    public Staff me() {
        return staff.require();
    }

    @Transactional(readOnly = true)
    public List<Account> list(long partnershipId) {
        staff.requireAdminOf(partnershipId);
        return repository.list(partnershipId);
    }

    @Transactional(readOnly = true)
    public Account get(long accountId) {
        return owned(accountId);
    }

    @Transactional
    public Account create(long partnershipId, AccountDraft draft) {
        staff.requireAdminOf(partnershipId);
        String email = Inputs.email("email", draft.email());
        String displayName = Inputs.name("displayName", draft.displayName());
        checkAgency(draft.agencyId(), partnershipId);
        Set<Role> roles = roles(draft.roles());
        String password = Inputs.password("password", draft.password());
        if (repository.emailTaken(email)) {
            throw new ValidationException("email", "validation.duplicateEmail");
        }
        try {
            long id = repository.insert(partnershipId, email, displayName, draft.agencyId(), encoder.encode(password),
                    false, roles);
            return repository.find(id).orElseThrow();
        } catch (DuplicateKeyException raced) {
            throw new ValidationException("email", "validation.duplicateEmail");
        }
    }

    @Transactional
    public Account update(long accountId, String displayName, Long agencyId, Set<Role> roles, int version) {
        Account account = changeable(accountId);
        Inputs.name("displayName", displayName);
        checkAgency(agencyId, account.partnershipId());
        Set<Role> newRoles = roles(roles);
        if (account.id() == staff.require().accountId() && !newRoles.contains(Role.ADMIN)) {
            throw new ValidationException("roles", "validation.keepOwnAdmin");
        }
        if (account.roles().contains(Role.ADMIN) && !newRoles.contains(Role.ADMIN)) {
            keepAdministrators(account, "roles");
        }
        if (!repository.update(accountId, displayName, agencyId, newRoles, version)) {
            throw new ConcurrentEditException("account");
        }
        if (!newRoles.equals(account.roles())) {
            endOtherSessions(accountId);
        }
        return repository.find(accountId).orElseThrow();
    }

    /**
     * Sets a new password chosen by the administrator, and lifts any sign-in lock. Every session of that account
     * ends: whoever was signed in with the old password is out.
     */
    @Transactional
    public void resetPassword(long accountId, String newPassword) {
        changeable(accountId);
        repository.setPasswordHash(accountId, encoder.encode(Inputs.password("password", newPassword)));
        endOtherSessions(accountId);
    }

    @Transactional
    public void deactivate(long accountId) {
        Account account = changeable(accountId);
        if (account.id() == staff.require().accountId()) {
            throw new ValidationException("active", "validation.notYourself");
        }
        if (account.active() && account.roles().contains(Role.ADMIN)) {
            keepAdministrators(account, "active");
        }
        repository.setActive(accountId, false);
        endOtherSessions(accountId);
    }

    @Transactional
    public void reactivate(long accountId) {
        changeable(accountId);
        repository.setActive(accountId, true);
    }

    @Transactional
    public void unlock(long accountId) {
        changeable(accountId);
        repository.unlock(accountId);
    }

    /** Changes the caller's own password: their other sessions end, the one they are using goes on. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Staff me = staff.require();
        var credentials = repository.credentials(me.email()).orElseThrow();
        if (currentPassword == null || !encoder.matches(currentPassword, credentials.passwordHash())) {
            throw new ValidationException("currentPassword", "validation.wrongPassword");
        }
        repository.setPasswordHash(me.accountId(), encoder.encode(Inputs.password("password", newPassword)));
        endOtherSessions(me.accountId());
    }

    /** An account an administrator of its partnership may read. */
    private Account owned(long accountId) {
        staff.require();
        Account account = repository.find(accountId).orElseThrow(() -> new NotFoundException("account"));
        staff.requireAdminOf(account.partnershipId());
        return account;
    }

    /**
     * An account the caller may change. A platform administrator's account sits in one partnership, but holds
     * every partnership: only another platform administrator may change it, never that partnership's own
     * administrators.
     */
    private Account changeable(long accountId) {
        Account account = owned(accountId);
        if (account.platformAdmin() && !staff.require().platformAdmin()) {
            throw new AccessDeniedException("Only a platform administrator may change a platform administrator");
        }
        return account;
    }

    /** Refuses to remove the last active administrator of the account's partnership, or the last platform one. */
    private void keepAdministrators(Account account, String field) {
        boolean platform = account.platformAdmin() && account.active();
        repository.lockAdministrators(account.partnershipId(), platform);
        if (platform && repository.otherActivePlatformAdmins(account.id()) == 0) {
            throw new ValidationException(field, "validation.lastPlatformAdmin");
        }
        if (repository.otherActiveAdminsOf(account.partnershipId(), account.id()) == 0) {
            throw new ValidationException(field, "validation.lastAdmin");
        }
    }

    /** Ends the account's sessions on every node; when it is the caller's own account, the caller's one goes on. */
    private void endOtherSessions(long accountId) {
        boolean mine = accountId == staff.require().accountId();
        int generation = repository.newSessionGeneration(accountId);
        if (mine) {
            staff.keepCurrentSession(generation);
        }
    }

    private void checkAgency(Long agencyId, long partnershipId) {
        if (agencyId != null && !repository.agencyInPartnership(agencyId, partnershipId)) {
            throw new ValidationException("agency", "validation.unknownAgency");
        }
    }

    private static Set<Role> roles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException("roles", "validation.roleRequired");
        }
        return Set.copyOf(roles);
    }
}
