package org.hymnsheet.workshops;

import java.util.List;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The facilitator approves or rejects participants' free text before the room can see it. */
@Service
public class WorkshopModerationService {
    private final WorkshopRepository workshops;
    private final ModerationRepository moderation;
    private final CurrentStaff staff;

    WorkshopModerationService(WorkshopRepository workshops, ModerationRepository moderation, CurrentStaff staff) {
        this.workshops = workshops;
        this.moderation = moderation;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public List<PendingText> pending(long workshopId) {
        owned(workshopId);
        return moderation.pending(workshopId);
    }

    @Transactional
    public void moderate(long workshopId, PendingText.TextKind kind, String ref, boolean approve) {
        if (owned(workshopId).ended()) {
            throw new ValidationException("workshop", "workshops.ended");
        }
        if (kind == null || !moderation.decide(workshopId, kind, ref, approve)) {
            throw new NotFoundException("text");
        }
    }

    private Workshop owned(long workshopId) {
        staff.require();
        Workshop w = workshops.find(workshopId).orElseThrow(() -> new NotFoundException("workshop"));
        staff.requireRoleIn(w.partnershipId(), Role.FACILITATOR, Role.ADMIN);
        return w;
    }
}
