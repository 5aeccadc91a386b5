package org.hymnsheet.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.AuditAction;
import org.hymnsheet.security.AuditLog;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention rule (decision 0031): a survey's responses (answers, texts, release groups, and its safeguarding flags
 * once handled) are deleted a partnership's number of days after the survey closes; a workshop's participants and
 * inputs, speaking turns and saved boards likewise after it ends; audit lines after the operator's period. What staff
 * wrote (the survey or workshop, its stages and cards, kiosks, "we did") stays. Findings and boards are counted from
 * the rows, so what was counted from deleted data falls away with it. Every deletion is an audit line of counts.
 */
@Service
public class RetentionService {
    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);
    private final RetentionRepository repository;
    private final AuditLog audit;
    private final CurrentStaff staff;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Duration auditKept;

    RetentionService(RetentionRepository repository, AuditLog audit, CurrentStaff staff, Clock clock,
                     PlatformTransactionManager transactions,
                     @Value("${hymnsheet.retention.audit-days:2190}") long auditDays) {
        this.repository = repository;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.auditKept = Duration.ofDays(auditDays);
    }

    /** The partnership's periods, for its administrators. */
    @Transactional(readOnly = true)
    public RetentionPeriods periods(long partnershipId) {
        staff.requireAdminOf(partnershipId);
        return repository.periods(partnershipId);
    }

    /** Sets the partnership's periods (whole days, 1 to 3650 each); the change is an audit line. */
    @Transactional
    public RetentionPeriods setPeriods(long partnershipId, Integer surveyDays, Integer workshopDays) {
        Staff me = staff.requireAdminOf(partnershipId);
        int surveys = days("surveyDays", surveyDays);
        int workshops = days("workshopDays", workshopDays);
        RetentionPeriods before = repository.periods(partnershipId);
        RetentionPeriods after = new RetentionPeriods(surveys, workshops);
        if (!after.equals(before)) {
            repository.setPeriods(partnershipId, after);
            audit.record(AuditAction.RETENTION_PERIODS_CHANGED, me.accountId(), partnershipId, null,
                    "surveys " + before.surveyDays() + " to " + surveys + " days; workshops " + before.workshopDays()
                            + " to " + workshops + " days");
        }
        return after;
    }

    private static int days(String field, Integer days) {
        if (days == null) {
            throw new ValidationException(field, "validation.required");
        }
        if (days < RetentionPeriods.MIN_DAYS || days > RetentionPeriods.MAX_DAYS) {
            throw new ValidationException(field, "retention.range", RetentionPeriods.MIN_DAYS, RetentionPeriods.MAX_DAYS);
        }
        return days;
    }

    /**
     * What the rule will delete next in this partnership, soonest first: closed surveys and ended workshops still
     * holding data, with the moment it goes under the periods as they are now.
     */
    @Transactional(readOnly = true)
    public List<DueDeletion> upcoming(long partnershipId) {
        staff.requireAdminOf(partnershipId);
        List<DueDeletion> due = new ArrayList<>();
        repository.closedSurveys(partnershipId).forEach(c -> due.add(due(DueDeletion.Kind.SURVEY, c)));
        repository.endedWorkshops(partnershipId).forEach(c -> due.add(due(DueDeletion.Kind.WORKSHOP, c)));
        due.sort(Comparator.comparing(DueDeletion::deleteAt).thenComparing(DueDeletion::kind).thenComparing(DueDeletion::id));
        return due;
    }

    private static DueDeletion due(DueDeletion.Kind kind, RetentionRepository.Candidate c) {
        return new DueDeletion(kind, c.id(), c.title(), c.since().toInstant(), c.deleteAt(), c.held());
    }

    /**
     * Deletes everything that is due, each survey and workshop in a transaction of its own (so one failure leaves the
     * rest to go ahead and is tried again at the next run), and returns how many surveys and workshops lost their
     * data. Safe on several nodes at once: each survey or workshop is claimed by one transaction. Runs for the
     * system, not for a staff member, from {@link RetentionSchedule}.
     */
    @Transactional(propagation = Propagation.NEVER)
    public int deleteDue() {
        Instant now = clock.instant();
        int done = 0;
        for (var c : repository.closedSurveys(null)) {
            if (!c.deleteAt().isAfter(now)) {
                done += once("survey", c, () -> repository.claimSurvey(c.id(), c.since(), now),
                        () -> withFlags(repository.deleteSurveyData(c.id()), repository.handledFlagsOf(c.id(), null)),
                        "survey " + c.id() + "; rule: survey responses " + c.days() + " days after closing");
            }
        }
        for (var c : repository.endedWorkshops(null)) {
            if (!c.deleteAt().isAfter(now)) {
                done += once("workshop", c, () -> repository.claimWorkshop(c.id(), now),
                        () -> withFlags(repository.deleteWorkshopData(c.id()), repository.handledFlagsOf(null, c.id())),
                        "workshop " + c.id() + "; rule: workshop inputs " + c.days() + " days after ending");
            }
        }
        for (var flags : repository.handledFlagsOfDeletedData()) {
            transactions.executeWithoutResult(tx -> {
                int[] gone = repository.deleteHandledFlags(flags.flagIds());
                if (gone[0] > 0) {
                    String of = flags.surveyId() != null ? "survey " + flags.surveyId() : "workshop " + flags.workshopId();
                    audit.record(AuditAction.RETENTION_DELETED, null, flags.partnershipId(), null,
                            of + "; rule: flags handled after its data was deleted; safeguarding flags " + gone[0]
                                    + ", alerts " + gone[1]);
                }
            });
        }
        Integer expired = transactions.execute(tx -> audit.expire(now.minus(auditKept)));
        if (done > 0 || (expired != null && expired > 0)) {
            log.info("Retention: deleted the data of {} surveys and workshops and {} audit lines", done, expired);
        }
        return done;
    }

    private Map<String, Integer> withFlags(Map<String, Integer> counts, List<Long> handledFlags) {
        int[] gone = handledFlags.isEmpty() ? new int[] {0, 0} : repository.deleteHandledFlags(handledFlags);
        counts.put("safeguarding flags", gone[0]);
        counts.put("alerts", gone[1]);
        return counts;
    }

    private int once(String what, RetentionRepository.Candidate c, java.util.function.BooleanSupplier claim,
                     java.util.function.Supplier<Map<String, Integer>> delete, String rule) {
        try {
            Boolean deleted = transactions.execute(tx -> {
                if (!claim.getAsBoolean()) {
                    return false; // another node did it, or it was opened again meanwhile
                }
                Map<String, Integer> counts = delete.get();
                audit.record(AuditAction.RETENTION_DELETED, null, c.partnershipId(), null, rule + "; "
                        + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
                return true;
            });
            return Boolean.TRUE.equals(deleted) ? 1 : 0;
        } catch (RuntimeException e) {
            log.warn("Retention: could not delete the data of {} {}; tried again at the next run", what, c.id(), e);
            return 0;
        }
    }
}
