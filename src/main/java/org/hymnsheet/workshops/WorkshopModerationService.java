package org.hymnsheet.workshops;

import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.AuditAction;
import org.hymnsheet.security.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facilitator approves or rejects participants' free text before the room can see it, or sends it to the
 * partnership's safeguarding lead.
 */
@Service
public class WorkshopModerationService {
    private final FacilitatorAccess access;
    private final ModerationRepository moderation;
    private final LiveSignals signals;
    private static final int REASON_MAX = 1000;
    private final AuditLog audit;
    private final EscalationRepository escalations;
    private final Clock clock;

    /**
     * What "approve all" did: how many of the texts shown it approved, and those it left because their words changed
     * (or were decided by someone else) since they were shown; changed words wait again, as they now are.
     */
    public record ApprovedAll(int approved, List<PendingText> notApproved) {}

    WorkshopModerationService(FacilitatorAccess access, ModerationRepository moderation,
                              LiveSignals signals, AuditLog audit, EscalationRepository escalations, Clock clock) {
        this.audit = audit;
        this.escalations = escalations;
        this.clock = clock;
        this.access = access;
        this.moderation = moderation;
        this.signals = signals;
    }

    @Transactional(readOnly = true)
    public List<PendingText> pending(long workshopId) {
        access.owned(workshopId);
        return moderation.pending(workshopId);
    }

    /**
     * Approves or rejects the words a {@link PendingText} showed. Refused with {@code workshops.moderation.changed}
     * when the participant has changed them since: the changed words wait under a new ref.
     */
    @Transactional
    public void moderate(long workshopId, PendingText.TextKind kind, String ref, boolean approve) {
        var running = open(workshopId);
        decide(workshopId, kind, ref, approve ? Moderation.APPROVED : Moderation.REJECTED);
        audit.record(approve ? AuditAction.WORKSHOP_TEXT_APPROVED : AuditAction.WORKSHOP_TEXT_REJECTED,
                running.by().accountId(), running.workshop().partnershipId(), null,
                "workshop=" + workshopId + " kind=" + kind + " ref=" + withoutVersion(ref));
        signals.changed(Topic.workshop(workshopId));
        signals.changed(Topic.room(workshopId));
    }

    /**
     * Approves exactly the texts the console showed, each only in the words shown (the rule of {@link #moderate}),
     * in one transaction with one audit line and one signal to the board. A text changed or decided since it was
     * shown is left as it is and named in the result; the rest are approved all the same.
     */
    @Transactional
    public ApprovedAll approveAll(long workshopId, List<PendingText> shown) {
        var running = open(workshopId);
        List<PendingText> notApproved = new ArrayList<>();
        for (PendingText text : shown) {
            var decided = text.kind() == null ? ModerationRepository.Decided.NOT_FOUND
                    : moderation.decide(workshopId, text.kind(), text.ref(), Moderation.APPROVED);
            if (decided.outcome() != ModerationRepository.Outcome.DECIDED) {
                notApproved.add(text);
            }
        }
        int approved = shown.size() - notApproved.size();
        audit.record(AuditAction.WORKSHOP_TEXT_APPROVED, running.by().accountId(), running.workshop().partnershipId(),
                null, "workshop=" + workshopId + " all approved=" + approved + " changed=" + notApproved.size());
        if (approved > 0) {
            signals.changed(Topic.workshop(workshopId));
            signals.changed(Topic.room(workshopId));
        }
        return new ApprovedAll(approved, List.copyOf(notApproved));
    }

    /**
     * Sends the words a {@link PendingText} showed to the partnership's safeguarding lead, with an optional reason:
     * the text leaves the list, never reaches the board or the record, and becomes a flag in the safeguarding queue
     * with who sent it and why. Refused like {@link #moderate} when the words changed; sending the same text again
     * updates its one flag. Allowed after the workshop ended too: a disclosure does not wait for the next workshop.
     */
    @Transactional
    public long escalate(long workshopId, PendingText.TextKind kind, String ref, String reason) {
        var running = access.owned(workshopId);
        Workshop workshop = running.workshop();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > REASON_MAX) {
            throw new ValidationException("reason", "validation.tooLong", REASON_MAX);
        }
        String words = decide(workshopId, kind, ref, Moderation.ESCALATED);
        long accountId = running.by().accountId();
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
        access.owned(workshopId);
        return escalations.sent(workshopId, ConsoleReads.SENT_SHOWN);
    }

    /** Decides the words the ref names and returns them. */
    private String decide(long workshopId, PendingText.TextKind kind, String ref, Moderation decision) {
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

    /** The caller runs the workshop and it has not ended. */
    private FacilitatorAccess.Running open(long workshopId) {
        var running = access.owned(workshopId);
        if (running.workshop().ended()) {
            throw new ValidationException("workshop", "workshops.ended");
        }
        return running;
    }
}
