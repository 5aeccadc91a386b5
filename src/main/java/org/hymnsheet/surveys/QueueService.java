package org.hymnsheet.surveys;

import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.hymnsheet.common.Moderation;
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
 * anything reaches a board or a finding, or send it to the safeguarding lead) and safeguarding (safeguarding leads
 * act on possible disclosures: they say who is dealing with one, and close it with what was done).
 */
@Service
public class QueueService {
    private static final int NOTE_MAX = 2000;
    private static final int PAGE_MAX = 500;
    private static final int REASON_MAX = 1000;
    private static final int SENT_SHOWN = 20;
    private final QueueRepository queues;
    private final FlagRepository flags;
    private final CurrentStaff staff;
    private final Clock clock;
    private final LiveSignals signals;
    private final DisclosureDetector detector;
    private final AuditLog audit;

    QueueService(QueueRepository queues, FlagRepository flags, CurrentStaff staff, Clock clock, LiveSignals signals, DisclosureDetector detector,
                 AuditLog audit) {
        this.detector = detector;
        this.audit = audit;
        this.signals = signals;
        this.queues = queues;
        this.flags = flags;
        this.staff = staff;
        this.clock = clock;
    }

    /** One page of the texts waiting for moderation, newest first; page through with {@link #pendingCount}. */
    @Transactional(readOnly = true)
    public List<PendingText> pendingTexts(long partnershipId, int offset, int limit) {
        staff.requireRoleIn(partnershipId, Role.FACILITATOR, Role.ADMIN);
        return queues.pending(partnershipId, Math.max(0, offset), page(limit)).stream()
                .map(r -> new PendingText(r.id(), r.surveyId(), r.surveyTitle(), r.questionId(), r.body(), r.flagged(),
                        r.flagged() ? flagReason(r) : ""))
                .toList();
    }

    @Transactional(readOnly = true)
    public int pendingCount(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.FACILITATOR, Role.ADMIN);
        return queues.pendingCount(partnershipId);
    }

    /**
     * The kinds of harm a flagged text was flagged for, as the indicator file names them ("Physical harm, Self-harm"):
     * those stored on its flag (found by the list or by meaning), else what the list finds in it again.
     */
    private String flagReason(QueueRepository.PendingRow r) {
        return String.join(", ", FlagWords.categories(r.categories(), r.body(), detector));
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
            boolean asShown = now.body().equals(shownBody) && now.moderation() == Moderation.PENDING && now.submitted();
            throw new ValidationException("text", asShown && now.flagged() ? "moderation.flagNotAcknowledged" : "moderation.changed");
        }
        decided(AuditAction.SURVEY_TEXT_APPROVED, moderator, textId);
        queues.textSurvey(textId).ifPresent(survey -> signals.changed(Topic.survey(survey)));
    }

    @Transactional
    public void reject(long textId) {
        Staff moderator = moderator(textId);
        queues.moderate(textId, Moderation.REJECTED, moderator.accountId());
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
     * Sends a young person's text to the partnership's safeguarding lead instead of approving or rejecting it: the
     * same people may do it as may moderate, and only for exactly the words shown ({@code moderation.changed}
     * otherwise). The text leaves the moderation queue and never reaches a board or a finding; the queue gets a
     * flag with who sent it and why (the answer's existing flag, updated and open again, when the detector already
     * made one). Returns the flag's id.
     */
    @Transactional
    public long escalate(long textId, String shownBody, String reason) {
        Staff moderator = moderator(textId);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > REASON_MAX) {
            throw new ValidationException("reason", "validation.tooLong", REASON_MAX);
        }
        if (shownBody == null || !queues.escalateAsShown(textId, shownBody, moderator.accountId())) {
            throw new ValidationException("text", "moderation.changed");
        }
        var origin = flags.origin(textId).orElseThrow(() -> new NotFoundException("text"));
        long flagId = flags.sendSurveyText(origin, shownBody,
                new FlagRepository.Sending(moderator.accountId(), OffsetDateTime.now(clock), why),
                ResponseRepository.flagBodyMax());
        audit.record(AuditAction.SURVEY_TEXT_ESCALATED, moderator.accountId(), origin.partnershipId(), null,
                "text=" + textId + " flag=" + flagId);
        signals.changed(Topic.survey(origin.surveyId()));
        signals.changed(Topic.safeguarding(origin.partnershipId()));
        return flagId;
    }

    /** The survey texts the caller sent to the safeguarding lead, newest first, with whether a lead opened each. */
    @Transactional(readOnly = true)
    public List<SentText> sentTexts(long partnershipId) {
        Staff me = staff.requireRoleIn(partnershipId, Role.FACILITATOR, Role.ADMIN);
        return flags.sentBy(partnershipId, me.accountId(), SENT_SHOWN);
    }

    /** The whole safeguarding queue, a page at a time; see {@link #safeguardingQueue(long, QueueFilter, int, int)}. */
    @Transactional
    public List<FlaggedText> safeguardingQueue(long partnershipId, int offset, int limit) {
        return safeguardingQueue(partnershipId, QueueFilter.ALL, offset, limit);
    }

    /**
     * One page of the safeguarding queue, open flags first and newest first; nothing is ever cut off. Each page read
     * leaves an audit line with the filter (so this is a read-write transaction: PostgreSQL refuses an insert in a
     * read-only one).
     */
    @Transactional
    public List<FlaggedText> safeguardingQueue(long partnershipId, QueueFilter filter, int offset, int limit) {
        Staff lead = staff.requireRoleIn(partnershipId, Role.SAFEGUARDING_LEAD);
        int from = Math.max(0, offset);
        int size = page(limit);
        audit.record(AuditAction.SAFEGUARDING_QUEUE_VIEWED, lead.accountId(), partnershipId, null,
                filter.detail() + " offset=" + from + " limit=" + size);
        return flags.flags(partnershipId, filter, from, size).stream().map(r -> FlagWords.of(r, detector)).toList();
    }

    /** How many flags the filter finds. */
    @Transactional(readOnly = true)
    public int safeguardingCount(long partnershipId, QueueFilter filter) {
        staff.requireRoleIn(partnershipId, Role.SAFEGUARDING_LEAD);
        return flags.count(partnershipId, filter);
    }

    /** The surveys and workshops with flags in the queue, for the filter. */
    @Transactional(readOnly = true)
    public List<QueueSource> safeguardingSources(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.SAFEGUARDING_LEAD);
        return flags.sources(partnershipId);
    }

    /** How many flags there are, how many are open, and how many arrived in the last hour (so a flood shows). */
    @Transactional(readOnly = true)
    public SafeguardingSummary safeguardingSummary(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.SAFEGUARDING_LEAD);
        return flags.summary(partnershipId, OffsetDateTime.now(clock).minusHours(1));
    }

    private static int page(int limit) {
        return Math.clamp(limit, 1, PAGE_MAX);
    }

    /**
     * "I'm dealing with this": the lead is named on the flag with the time, which counts it as opened (no more
     * reminders). The first lead to say so stays named.
     */
    @Transactional
    public void openFlag(long flagId) {
        Staff lead = lead(flagId);
        long partnership = flags.flagPartnership(flagId).orElseThrow();
        flags.open(flagId, lead.accountId(), OffsetDateTime.now(clock));
        signals.changed(Topic.safeguarding(partnership));
    }

    /**
     * Closes an open flag with what was done (required), who did it and when. Refused
     * ({@code safeguarding.alreadyHandled}) when another lead handled it meanwhile, so their words are not replaced.
     */
    @Transactional
    public void markHandled(long flagId, String note) {
        Staff lead = lead(flagId);
        if (note == null || note.isBlank()) {
            throw new ValidationException("note", "validation.required");
        }
        if (note.length() > NOTE_MAX) {
            throw new ValidationException("note", "validation.tooLong", NOTE_MAX);
        }
        long partnership = flags.flagPartnership(flagId).orElseThrow();
        if (!flags.handle(flagId, lead.accountId(), note.strip(), OffsetDateTime.now(clock))) {
            throw new ValidationException("flag", "safeguarding.alreadyHandled");
        }
        signals.changed(Topic.safeguarding(partnership));
    }

    private Staff lead(long flagId) {
        staff.require();
        long partnership = flags.flagPartnership(flagId).orElseThrow(() -> new NotFoundException("flag"));
        return staff.requireRoleIn(partnership, Role.SAFEGUARDING_LEAD);
    }
}
