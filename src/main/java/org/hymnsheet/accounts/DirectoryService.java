package org.hymnsheet.accounts;

import java.util.List;
import org.hymnsheet.common.ConcurrentEditException;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.CurrentStaff;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partnership's agencies and places. Any staff member of the partnership may read them (workshops and
 * surveys offer them as choices); only its administrators change them.
 */
@Service
public class DirectoryService {
    private final DirectoryRepository repository;
    private final CurrentStaff staff;

    DirectoryService(DirectoryRepository repository, CurrentStaff staff) {
        this.repository = repository;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public List<Agency> agencies(long partnershipId) {
        staff.requireMemberOf(partnershipId);
        return repository.list(DirectoryRepository.AGENCIES, partnershipId).stream().map(DirectoryService::agency).toList();
    }

    @Transactional
    public Agency createAgency(long partnershipId, String name, Sector sector) {
        return createAgency(partnershipId, name, null, sector);
    }

    /** A new agency; {@code shortName} is optional (blank: none), see {@link #updateAgency(long, String, String, Sector, int)}. */
    @Transactional
    public Agency createAgency(long partnershipId, String name, String shortName, Sector sector) {
        staff.requireAdminOf(partnershipId);
        String shortened = shortName(shortName);
        long id = create(DirectoryRepository.AGENCIES, partnershipId, name, Inputs.required("sector", sector).name());
        setShortName(partnershipId, id, shortened);
        return agency(repository.find(DirectoryRepository.AGENCIES, id).orElseThrow());
    }

    /** Changes name and sector and keeps the short name as it is. */
    @Transactional
    public Agency updateAgency(long agencyId, String name, Sector sector, int version) {
        return agency(update(DirectoryRepository.AGENCIES, agencyId, name, Inputs.required("sector", sector).name(), version));
    }

    /**
     * Changes name, short name and sector. A short name is trimmed, at most {@link Agency#SHORT_NAME_MAX} characters,
     * without control or direction characters, and unique in the partnership whatever its case; blank removes it.
     */
    @Transactional
    public Agency updateAgency(long agencyId, String name, String shortName, Sector sector, int version) {
        String shortened = shortName(shortName);
        var row = update(DirectoryRepository.AGENCIES, agencyId, name, Inputs.required("sector", sector).name(), version);
        setShortName(row.partnershipId(), agencyId, shortened);
        return agency(repository.find(DirectoryRepository.AGENCIES, agencyId).orElseThrow());
    }

    @Transactional
    public void deleteAgency(long agencyId) {
        delete(DirectoryRepository.AGENCIES, agencyId);
    }

    @Transactional(readOnly = true)
    public List<Place> places(long partnershipId) {
        staff.requireMemberOf(partnershipId);
        return repository.list(DirectoryRepository.PLACES, partnershipId).stream().map(DirectoryService::place).toList();
    }

    @Transactional
    public Place createPlace(long partnershipId, String name, PlaceKind kind) {
        staff.requireAdminOf(partnershipId);
        long id = create(DirectoryRepository.PLACES, partnershipId, name, Inputs.required("kind", kind).name());
        return place(repository.find(DirectoryRepository.PLACES, id).orElseThrow());
    }

    @Transactional
    public Place updatePlace(long placeId, String name, PlaceKind kind, int version) {
        return place(update(DirectoryRepository.PLACES, placeId, name, Inputs.required("kind", kind).name(), version));
    }

    @Transactional
    public void deletePlace(long placeId) {
        delete(DirectoryRepository.PLACES, placeId);
    }

    /** A short name as stored: trimmed, null when blank; refused when too long or holding invisible characters. */
    private static String shortName(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > Agency.SHORT_NAME_MAX) {
            throw new ValidationException("shortName", "validation.tooLong", Agency.SHORT_NAME_MAX);
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new ValidationException("shortName", "validation.controlCharacters");
        }
        return trimmed;
    }

    private void setShortName(long partnershipId, long agencyId, String shortName) {
        if (shortName != null && repository.shortNameTaken(partnershipId, shortName, agencyId)) {
            throw new ValidationException("shortName", "validation.duplicateName");
        }
        try {
            repository.setShortName(agencyId, shortName);
        } catch (DuplicateKeyException raced) {
            throw new ValidationException("shortName", "validation.duplicateName");
        }
    }

    private long create(DirectoryRepository.Kind kind, long partnershipId, String name, String category) {
        Inputs.name("name", name);
        if (repository.nameTaken(kind, partnershipId, name, null)) {
            throw new ValidationException("name", "validation.duplicateName");
        }
        try {
            return repository.insert(kind, partnershipId, name, category);
        } catch (DuplicateKeyException raced) {
            throw new ValidationException("name", "validation.duplicateName");
        }
    }

    private DirectoryRepository.Row update(DirectoryRepository.Kind kind, long id, String name, String category, int version) {
        var existing = owned(kind, id);
        Inputs.name("name", name);
        if (repository.nameTaken(kind, existing.partnershipId(), name, id)) {
            throw new ValidationException("name", "validation.duplicateName");
        }
        try {
            if (!repository.update(kind, id, name, category, version)) {
                throw new ConcurrentEditException(kind.table().getName());
            }
        } catch (DuplicateKeyException raced) {
            throw new ValidationException("name", "validation.duplicateName");
        }
        return repository.find(kind, id).orElseThrow();
    }

    private void delete(DirectoryRepository.Kind kind, long id) {
        owned(kind, id);
        try {
            repository.delete(kind, id);
        } catch (DataIntegrityViolationException inUse) {
            throw new ValidationException("name", "validation.inUse");
        }
    }

    /** Loads the row and checks the caller administers its partnership; another partnership's id looks absent. */
    private DirectoryRepository.Row owned(DirectoryRepository.Kind kind, long id) {
        staff.require();
        var row = repository.find(kind, id).orElseThrow(() -> new NotFoundException(kind.table().getName()));
        staff.requireAdminOf(row.partnershipId());
        return row;
    }

    private static Agency agency(DirectoryRepository.Row r) {
        return new Agency(r.id(), r.partnershipId(), r.name(), Sector.valueOf(r.category()), r.version(), r.shortName());
    }

    private static Place place(DirectoryRepository.Row r) {
        return new Place(r.id(), r.partnershipId(), r.name(), PlaceKind.valueOf(r.category()), r.version());
    }
}
