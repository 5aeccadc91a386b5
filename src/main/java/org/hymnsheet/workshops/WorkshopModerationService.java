package org.hymnsheet.workshops;

import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.AuditAction;
import org.hymnsheet.security.AuditLog;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facilitator approves or rejects participants' free text before the room can see it, or sends it to the
 * partnership's safeguarding lead.
 */
@Service
public class WorkshopModerationService {
    private final WorkshopRepository workshops;
    private final ModerationRepository moderation;
    private final CurrentStaff staff;
    private final LiveSignals signals;
    private static final int REASON_MAX = 1000;
    private static final int SENT_SHOWN = 20;
    private final AuditLog audit;
    private final EscalationRepository escalations;
    private final Clock clock;

    WorkshopModerationService(WorkshopRepository workshops, ModerationRepository moderation, CurrentStaff staff,
                              LiveSignals signals, AuditLog audit, EscalationRepository escalations, Clock clock) {
        this.audit = audit;
        this.escalations = escalations;
        this.clock = clock;
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
        decide(workshopId, kind, ref, approve ? "APPROVED" : "REJECTED");
        audit.record(approve ? AuditAction.WORKSHOP_TEXT_APPROVED : AuditAction.WORKSHOP_TEXT_REJECTED,
                staff.require().accountId(), workshop.partnershipId(), null,
                "workshop=" + workshopId + " kind=" + kind + " ref=" + withoutVersion(ref));
        signals.changed(Topic.workshop(workshopId));
        signals.changed(Topic.room(workshopId));
    }

    /**
     * Sends the words a {@link PendingText} showed to the partnership's safeguarding lead, with an optional reason:
     * the text leaves the list, never reaches the board or the record, and becomes a flag in the safeguarding queue
     * with who sent it and why. Refused like {@link #moderate} when the words changed; sending the same text again
     * updates its one flag. Allowed after the workshop ended too: a disclosure does not wait for the next workshop.
     */
    @Transactional
    public long escalate(long workshopId, PendingText.TextKind kind, String ref, String reason) {
        Workshop workshop = owned(workshopId);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > REASON_MAX) {
            throw new ValidationException("reason", "validation.tooLong", REASON_MAX);
        }
        String words = decide(workshopId, kind, ref, "ESCALATED");
        long accountId = staff.require().accountId();
        // the pulse's comments share their stage and question, so only their words' version tells two apart
        String source = kind + ":" + (kind == PendingText.TextKind.PULSE ? ref : withoutVersion(ref));
        long flagId = escalations.send(workshop.partnershipId(), workshopId, source, words,
                new EscalationRepository.Sending(accountId, OffsetDateTime.now(clock), why));
        audit.record(AuditAction.WORKSHOP_TEXT_ESCALATED, accountId, workshop.partnershipId(), null,
                "workshop=" + workshopId + " kind=" + kind + " ref=" + withoutVersion(ref) + " flag=" + flagId);
        signals.changed(Topic.workshop(workshopId));
        signals.changed(Topic.room(workshopId));
        signals.changed(Topic.safeguarding(workshop.partnershipId()));
        return flagId;
    }

    /** This workshop's texts sent to the safeguarding lead, newest first, with whether a lead opened each. */
    @Transactional(readOnly = true)
    public List<EscalatedText> escalated(long workshopId) {
        owned(workshopId);
        return escalations.sent(workshopId, SENT_SHOWN);
    }

    /** Decides the words the ref names and returns them. */
    private String decide(long workshopId, PendingText.TextKind kind, String ref, String decision) {
        var decided = kind == null ? ModerationRepository.Decided.NOT_FOUND : moderation.decide(workshopId, kind, ref, decision);
        return switch (decided.outcome()) {
            case NOT_FOUND -> throw new NotFoundException("text");
            // the words changed (or were decided) since the facilitator read them: they decide what they saw or nothing
            case CHANGED -> throw new ValidationException("text", "workshops.moderation.changed");
            case DECIDED -> decided.words();
        };
    }

    /** A ref without the words' version, for the audit line: a hash of a short text could be guessed. */
    private static String withoutVersion(String ref) {
        return ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref;
    }

    private Workshop owned(long workshopId) {
        staff.require();
        Workshop w = workshops.find(workshopId).orElseThrow(() -> new NotFoundException("workshop"));
        staff.requireRoleIn(w.partnershipId(), Role.FACILITATOR, Role.ADMIN);
        return w;
    }
}
