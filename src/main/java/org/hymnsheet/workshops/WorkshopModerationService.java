package org.hymnsheet.workshops;

import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import java.util.List;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.AuditAction;
import org.hymnsheet.security.AuditLog;
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
    private final LiveSignals signals;
    private final AuditLog audit;

    WorkshopModerationService(WorkshopRepository workshops, ModerationRepository moderation, CurrentStaff staff,
                              LiveSignals signals, AuditLog audit) {
        this.audit = audit;
        this.workshops = workshops;
        this.moderation = moderation;
        this.staff = staff;
        this.signals = signals;
    }

    @Transactional(readOnly = true)
    public List<PendingText> pending(long workshopId) {
        owned(workshopId);
        return moderation.pending(workshopId);
    }

    /**
     * Approves or rejects the words a {@link PendingText} showed. Refused with {@code workshops.moderation.changed}
     * when the participant has changed them since: the changed words wait under a new ref.
     */
    @Transactional
    public void moderate(long workshopId, PendingText.TextKind kind, String ref, boolean approve) {
        Workshop workshop = owned(workshopId);
        if (workshop.ended()) {
            throw new ValidationException("workshop", "workshops.ended");
        }
        var outcome = kind == null ? ModerationRepository.Outcome.NOT_FOUND : moderation.decide(workshopId, kind, ref, approve);
        switch (outcome) {
            case NOT_FOUND -> throw new NotFoundException("text");
            // the words changed (or were decided) since the facilitator read them: they decide what they saw or nothing
            case CHANGED -> throw new ValidationException("text", "workshops.moderation.changed");
            case DECIDED -> { }
        }
        // the line names the text by its ref without the words' version: a hash of a short text could be guessed
        String text = ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref;
        audit.record(approve ? AuditAction.WORKSHOP_TEXT_APPROVED : AuditAction.WORKSHOP_TEXT_REJECTED,
                staff.require().accountId(), workshop.partnershipId(), null,
                "workshop=" + workshopId + " kind=" + kind + " ref=" + text);
        signals.changed(Topic.workshop(workshopId));
        signals.changed(Topic.room(workshopId));
    }

    private Workshop owned(long workshopId) {
        staff.require();
        Workshop w = workshops.find(workshopId).orElseThrow(() -> new NotFoundException("workshop"));
        staff.requireRoleIn(w.partnershipId(), Role.FACILITATOR, Role.ADMIN);
        return w;
    }
}
