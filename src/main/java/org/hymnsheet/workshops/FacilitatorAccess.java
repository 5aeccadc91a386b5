package org.hymnsheet.workshops;

import org.hymnsheet.common.WorkshopStatus;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.Staff;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one access check of the facilitator's services: the caller is signed in and runs workshops of the
 * workshop's partnership (its facilitator, or an administrator of it). Reads the account once per check.
 */
@Component
class FacilitatorAccess {
    /** Who acts on which workshop, as one check found them. */
    record Running(Staff by, Workshop workshop) {
        long id() {
            return workshop.id();
        }
    }

    private final CurrentStaff staff;
    private final WorkshopRepository workshops;
    private final LiveSignals signals;

    FacilitatorAccess(CurrentStaff staff, WorkshopRepository workshops, LiveSignals signals) {
        this.staff = staff;
        this.workshops = workshops;
        this.signals = signals;
    }

    /** The workshop, when the caller may run it; a signed-out caller is denied before anything is looked up. */
    Running owned(long workshopId) {
        Staff by = staff.require();
        Workshop w = workshops.find(workshopId).orElseThrow(() -> new NotFoundException("workshop"));
        if (!runs(by, w.partnershipId())) {
            throw new AccessDeniedException("Missing role");
        }
        return new Running(by, w);
    }

    /**
     * As {@link #owned}, with the workshop's row locked for this transaction, so facilitator changes to one workshop
     * happen one after another; the workshop's pages hear of it once the change commits.
     */
    Running locked(long workshopId) {
        Running r = owned(workshopId);
        Workshop w = workshops.lock(workshopId).orElseThrow(() -> new NotFoundException("workshop"));
        signals.changed(Topic.workshop(workshopId));
        return new Running(r.by(), w);
    }

    /** Locked and not ended. */
    Running changeable(long workshopId) {
        Running r = locked(workshopId);
        if (r.workshop().ended()) {
            throw new ValidationException("workshop", "workshops.ended");
        }
        return r;
    }

    /** Locked, started and not ended. */
    Running live(long workshopId) {
        Running r = locked(workshopId);
        if (r.workshop().status() != WorkshopStatus.LIVE) {
            throw new ValidationException("workshop", r.workshop().ended() ? "workshops.ended" : "workshops.notStarted");
        }
        return r;
    }

    /** The same rule as {@code requireRoleIn(partnership, FACILITATOR, ADMIN)}, on the account already read. */
    private static boolean runs(Staff by, long partnershipId) {
        return by.administers(partnershipId) || (by.has(Role.FACILITATOR) && by.partnershipId() == partnershipId);
    }
}
