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
        Account account = owned(accountId);
        Inputs.name("displayName", displayName);
        checkAgency(agencyId, account.partnershipId());
        Set<Role> newRoles = roles(roles);
        if (account.id() == staff.require().accountId() && !newRoles.contains(Role.ADMIN)) {
            throw new ValidationException("roles", "validation.keepOwnAdmin");
        }
        if (!repository.update(accountId, displayName, agencyId, newRoles, version)) {
            throw new ConcurrentEditException("account");
        }
        return repository.find(accountId).orElseThrow();
    }

    /** Sets a new password chosen by the administrator, and lifts any sign-in lock. */
    @Transactional
    public void resetPassword(long accountId, String newPassword) {
        owned(accountId);
        repository.setPasswordHash(accountId, encoder.encode(Inputs.password("password", newPassword)));
    }

    @Transactional
    public void deactivate(long accountId) {
        Account account = owned(accountId);
        if (account.id() == staff.require().accountId()) {
            throw new ValidationException("active", "validation.notYourself");
        }
        repository.setActive(accountId, false);
    }

    @Transactional
    public void reactivate(long accountId) {
        owned(accountId);
        repository.setActive(accountId, true);
    }

    @Transactional
    public void unlock(long accountId) {
        owned(accountId);
        repository.unlock(accountId);
    }

    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Staff me = staff.require();
        var credentials = repository.credentials(me.email()).orElseThrow();
        if (currentPassword == null || !encoder.matches(currentPassword, credentials.passwordHash())) {
            throw new ValidationException("currentPassword", "validation.wrongPassword");
        }
        repository.setPasswordHash(me.accountId(), encoder.encode(Inputs.password("password", newPassword)));
    }

    private Account owned(long accountId) {
        staff.require();
        Account account = repository.find(accountId).orElseThrow(() -> new NotFoundException("account"));
        staff.requireAdminOf(account.partnershipId());
        return account;
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
