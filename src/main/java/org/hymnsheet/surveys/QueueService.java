package org.hymnsheet.surveys;

import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
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
    private final QueueRepository queues;
    private final CurrentStaff staff;
    private final Clock clock;
    private final LiveSignals signals;

    QueueService(QueueRepository queues, CurrentStaff staff, Clock clock, LiveSignals signals) {
        this.signals = signals;
        this.queues = queues;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PendingText> pendingTexts(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.FACILITATOR, Role.ADMIN);
        return queues.pending(partnershipId);
    }

    @Transactional
    public void approve(long textId) {
        queues.moderate(textId, "APPROVED", moderator(textId).accountId());
        queues.textSurvey(textId).ifPresent(survey -> signals.changed(Topic.survey(survey)));
    }

    @Transactional
    public void reject(long textId) {
        queues.moderate(textId, "REJECTED", moderator(textId).accountId());
        queues.textSurvey(textId).ifPresent(survey -> signals.changed(Topic.survey(survey)));
    }

    private Staff moderator(long textId) {
        staff.require();
        long partnership = queues.textPartnership(textId).orElseThrow(() -> new NotFoundException("text"));
        return staff.requireRoleIn(partnership, Role.FACILITATOR, Role.ADMIN);
    }

    @Transactional(readOnly = true)
    public List<FlaggedText> safeguardingQueue(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.SAFEGUARDING_LEAD);
        return queues.flags(partnershipId);
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
