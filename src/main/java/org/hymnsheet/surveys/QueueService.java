package org.hymnsheet.surveys;

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
import org.hymnsheet.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two queues young people's free text passes through: moderation (facilitators approve or reject before
 * anything reaches a board or a finding) and safeguarding (safeguarding leads act on possible disclosures).
 */
@Service
public class QueueService {
    private static final int NOTE_MAX = 2000;
    private static final int PAGE_MAX = 500;
    private final QueueRepository queues;
    private final CurrentStaff staff;
    private final Clock clock;
    private final LiveSignals signals;
    private final DisclosureDetector detector;
    private final AuditLog audit;

    QueueService(QueueRepository queues, CurrentStaff staff, Clock clock, LiveSignals signals, DisclosureDetector detector,
                 AuditLog audit) {
        this.detector = detector;
        this.audit = audit;
        this.signals = signals;
        this.queues = queues;
        this.staff = staff;
        this.clock = clock;
    }

    /** One page of the texts waiting for moderation, newest first; page through with {@link #pendingCount}. */
    @Transactional(readOnly = true)
    public List<PendingText> pendingTexts(long partnershipId, int offset, int limit) {
        staff.requireRoleIn(partnershipId, Role.FACILITATOR, Role.ADMIN);
        return queues.pending(partnershipId, Math.max(0, offset), page(limit)).stream()
                .map(r -> new PendingText(r.id(), r.surveyId(), r.surveyTitle(), r.questionId(), r.body(), r.flagged(),
                        r.flagged() ? flagReason(r.body()) : ""))
                .toList();
    }

    @Transactional(readOnly = true)
    public int pendingCount(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.FACILITATOR, Role.ADMIN);
        return queues.pendingCount(partnershipId);
    }

    /** The kinds of harm a flagged text matched, as the indicator file names them ("Physical harm, Self-harm"). */
    private String flagReason(String body) {
        var found = detector.check(body);
        return String.join(", ", found.categories().stream().map(c -> detector.indicators().label(c)).toList());
    }

    /**
     * Approves exactly the text the facilitator was shown: refused ({@code moderation.changed}) when the text now
     * says something else or no longer waits, and ({@code moderation.flagNotAcknowledged}) when it was flagged as a
     * possible disclosure and the facilitator has not confirmed that they want it on boards anyway.
     */
    @Transactional
    public void approve(long textId, String shownBody, boolean flagAcknowledged) {
        Staff moderator = moderator(textId);
        if (shownBody == null || !queues.approveAsShown(textId, shownBody, flagAcknowledged, moderator.accountId())) {
            var now = queues.textState(textId).orElseThrow(() -> new NotFoundException("text"));
            boolean asShown = now.body().equals(shownBody) && "PENDING".equals(now.moderation()) && now.submitted();
            throw new ValidationException("text", asShown && now.flagged() ? "moderation.flagNotAcknowledged" : "moderation.changed");
        }
        decided(AuditAction.SURVEY_TEXT_APPROVED, moderator, textId);
        queues.textSurvey(textId).ifPresent(survey -> signals.changed(Topic.survey(survey)));
    }

    @Transactional
    public void reject(long textId) {
        Staff moderator = moderator(textId);
        queues.moderate(textId, "REJECTED", moderator.accountId());
        decided(AuditAction.SURVEY_TEXT_REJECTED, moderator, textId);
        queues.textSurvey(textId).ifPresent(survey -> signals.changed(Topic.survey(survey)));
    }

    /** The audit line names the text by its id only: its words stay in the moderation queue. */
    private void decided(AuditAction action, Staff moderator, long textId) {
        long partnership = queues.textPartnership(textId).orElseThrow(() -> new NotFoundException("text"));
        audit.record(action, moderator.accountId(), partnership, null, "text=" + textId);
    }

    private Staff moderator(long textId) {
        staff.require();
        long partnership = queues.textPartnership(textId).orElseThrow(() -> new NotFoundException("text"));
        return staff.requireRoleIn(partnership, Role.FACILITATOR, Role.ADMIN);
    }

    /**
     * One page of the safeguarding queue, open flags first and newest first; nothing is ever cut off. Each page read
     * leaves an audit line (so this is a read-write transaction: PostgreSQL refuses an insert in a read-only one).
     */
    @Transactional
    public List<FlaggedText> safeguardingQueue(long partnershipId, int offset, int limit) {
        Staff lead = staff.requireRoleIn(partnershipId, Role.SAFEGUARDING_LEAD);
        int from = Math.max(0, offset);
        int size = page(limit);
        audit.record(AuditAction.SAFEGUARDING_QUEUE_VIEWED, lead.accountId(), partnershipId, null,
                "offset=" + from + " limit=" + size);
        return queues.flags(partnershipId, from, size);
    }

    /** How many flags there are, how many are open, and how many arrived in the last hour (so a flood shows). */
    @Transactional(readOnly = true)
    public SafeguardingSummary safeguardingSummary(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.SAFEGUARDING_LEAD);
        return queues.summary(partnershipId, OffsetDateTime.now(clock).minusHours(1));
    }

    private static int page(int limit) {
        return Math.clamp(limit, 1, PAGE_MAX);
    }

    @Transactional
    public void markHandled(long flagId, String note) {
        staff.require();
        long partnership = queues.flagPartnership(flagId).orElseThrow(() -> new NotFoundException("flag"));
        Staff lead = staff.requireRoleIn(partnership, Role.SAFEGUARDING_LEAD);
        if (note != null && note.length() > NOTE_MAX) {
            throw new ValidationException("note", "validation.tooLong", NOTE_MAX);
        }
        queues.handle(flagId, lead.accountId(), note, OffsetDateTime.now(clock));
    }
}
