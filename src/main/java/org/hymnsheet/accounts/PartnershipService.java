package org.hymnsheet.accounts;

import java.util.List;
import org.hymnsheet.common.ConcurrentEditException;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Staff;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partnerships: a platform administrator creates them; a partnership's administrators rename theirs. */
@Service
public class PartnershipService {
    private final PartnershipRepository repository;
    private final CurrentStaff staff;

    PartnershipService(PartnershipRepository repository, CurrentStaff staff) {
        this.repository = repository;
        this.staff = staff;
    }

    /** The partnerships the caller may work in: all of them for a platform administrator, else their own. */
    @Transactional(readOnly = true)
    public List<Partnership> available() {
        Staff me = staff.require();
        if (me.platformAdmin() && me.has(org.hymnsheet.security.Role.ADMIN)) {
            return repository.all();
        }
        return repository.find(me.partnershipId()).stream().toList();
    }

    @Transactional(readOnly = true)
    public Partnership get(long partnershipId) {
        staff.requireMemberOf(partnershipId);
        return repository.find(partnershipId).orElseThrow(() -> new NotFoundException("partnership"));
    }

    @Transactional
    public Partnership create(String name) {
        staff.requirePlatformAdmin();
        return repository.find(insert(name)).orElseThrow();
    }

    @Transactional
    public Partnership rename(long partnershipId, String name, int version) {
        staff.requireAdminOf(partnershipId);
        Inputs.name("name", name);
        if (repository.nameTaken(name, partnershipId)) {
            throw new ValidationException("name", "validation.duplicateName");
        }
        try {
            if (!repository.rename(partnershipId, name, version)) {
                throw new ConcurrentEditException("partnership");
            }
        } catch (DuplicateKeyException raced) {
            throw new ValidationException("name", "validation.duplicateName");
        }
        return repository.find(partnershipId).orElseThrow();
    }

    /** Shared by {@link #create} and first-run setup, which has nobody signed in yet. */
    long insert(String name) {
        Inputs.name("name", name);
        if (repository.nameTaken(name, null)) {
            throw new ValidationException("name", "validation.duplicateName");
        }
        try {
            return repository.insert(name);
        } catch (DuplicateKeyException raced) {
            throw new ValidationException("name", "validation.duplicateName");
        }
    }
}
