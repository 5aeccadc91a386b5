package org.hymnsheet.security;

import static org.hymnsheet.db.Tables.AUDIT_EVENT;

import static org.hymnsheet.db.Tables.ACCOUNT;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.db.tables.Account;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of security-relevant actions: staff accounts' second step, who viewed or exported which findings
 * with which filter, who opened the safeguarding queue, who approved or rejected which text. Services record into
 * it inside their own transaction (so an action and its line commit together; a read-only transaction would
 * refuse the insert on PostgreSQL, so a service that records a read is a read-write transaction); administrators
 * read their partnership's lines. It holds account ids, actions, filters and ids only, never anything a young
 * person or participant gave. Nothing edits a line, and no other code writes to the table; lines are deleted only by
 * the retention rule once older than the operator's period ({@link #expire}), and that deletion is itself recorded.
 */
@Service
public class AuditLog {
    /** Days in the audit filter are days in the UK, where the partnerships are. */
    static final ZoneId UK = ZoneId.of("Europe/London");
    static final int DETAIL_MAX = 1000;
    private static final int PAGE_MAX = 500;
    private final DSLContext db;
    private final CurrentStaff staff;
    private final Clock clock;

    AuditLog(DSLContext db, CurrentStaff staff, Clock clock) {
        this.db = db;
        this.staff = staff;
        this.clock = clock;
    }

    /** Records an action; the calling service has already decided that it may happen. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, Long actorAccountId, Long partnershipId, Long targetAccountId) {
        record(action, actorAccountId, partnershipId, targetAccountId, null);
    }

    /**
     * Records an action with its detail (a findings filter, a text's id; never a text's words), cut to
     * {@value #DETAIL_MAX} characters.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, Long actorAccountId, Long partnershipId, Long targetAccountId,
                       String detail) {
        String kept = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
        db.insertInto(AUDIT_EVENT, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR_ACCOUNT_ID, AUDIT_EVENT.PARTNERSHIP_ID,
                        AUDIT_EVENT.ACTION, AUDIT_EVENT.TARGET_ACCOUNT_ID, AUDIT_EVENT.DETAIL)
                .values(clock.instant().atOffset(ZoneOffset.UTC), actorAccountId, partnershipId, action.name(),
                        targetAccountId, kept)
                .execute();
    }

    /**
     * Deletes the lines older than {@code before} (the retention rule's period for the log, set by the operator) and
     * records, for each partnership that lost lines, how many went. Returns the number deleted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int expire(java.time.Instant before) {
        var cutoff = before.atOffset(ZoneOffset.UTC);
        var perPartnership = db.select(AUDIT_EVENT.PARTNERSHIP_ID, DSL.count()).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.OCCURRED_AT.lt(cutoff)).groupBy(AUDIT_EVENT.PARTNERSHIP_ID).fetch();
        int deleted = db.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.OCCURRED_AT.lt(cutoff)).execute();
        for (var r : perPartnership) {
            record(AuditAction.RETENTION_DELETED, null, r.value1(), null,
                    "audit log: " + r.value2() + " lines from before " + before);
        }
        return deleted;
    }

    /**
     * One page of a partnership's lines, newest first, narrowed by action and period, with who did it and to whom,
     * for its administrators (a platform administrator: any partnership's).
     */
    @Transactional(readOnly = true)
    public List<AuditLine> lines(long partnershipId, AuditQuery query, int offset, int limit) {
        staff.requireAdminOf(partnershipId);
        Account actor = ACCOUNT.as("actor");
        Account target = ACCOUNT.as("target");
        return db.select(AUDIT_EVENT.ID, AUDIT_EVENT.OCCURRED_AT, actor.DISPLAY_NAME, actor.EMAIL, AUDIT_EVENT.ACTION,
                        target.DISPLAY_NAME, target.EMAIL, AUDIT_EVENT.DETAIL)
                .from(AUDIT_EVENT)
                .leftJoin(actor).on(actor.ID.eq(AUDIT_EVENT.ACTOR_ACCOUNT_ID))
                .leftJoin(target).on(target.ID.eq(AUDIT_EVENT.TARGET_ACCOUNT_ID))
                .where(where(partnershipId, query))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(Math.max(0, offset)).limit(Math.clamp(limit, 1, PAGE_MAX))
                .fetch(r -> new AuditLine(r.value1(), r.value2().toInstant(), person(r.value3(), r.value4()),
                        AuditAction.valueOf(r.value5()), person(r.value6(), r.value7()), r.value8()));
    }

    /** How many lines {@link #lines} pages through. */
    @Transactional(readOnly = true)
    public int count(long partnershipId, AuditQuery query) {
        staff.requireAdminOf(partnershipId);
        return db.fetchCount(AUDIT_EVENT, where(partnershipId, query));
    }

    private static Condition where(long partnershipId, AuditQuery query) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(AUDIT_EVENT.PARTNERSHIP_ID.eq(partnershipId));
        query.action().ifPresent(a -> conditions.add(AUDIT_EVENT.ACTION.eq(a.name())));
        query.from().ifPresent(d -> conditions.add(AUDIT_EVENT.OCCURRED_AT.ge(d.atStartOfDay(UK).toOffsetDateTime())));
        query.to().ifPresent(d -> conditions.add(AUDIT_EVENT.OCCURRED_AT.lt(d.plusDays(1).atStartOfDay(UK)
                .toOffsetDateTime())));
        return DSL.and(conditions);
    }

    private static String person(String name, String email) {
        return name == null ? "" : name + " (" + email + ")";
    }

    /** A partnership's most recent lines, newest first, for its administrators. */
    @Transactional(readOnly = true)
    public List<AuditEvent> recent(long partnershipId, int limit) {
        staff.requireAdminOf(partnershipId);
        return db.select(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR_ACCOUNT_ID, AUDIT_EVENT.PARTNERSHIP_ID,
                        AUDIT_EVENT.ACTION, AUDIT_EVENT.TARGET_ACCOUNT_ID, AUDIT_EVENT.DETAIL)
                .from(AUDIT_EVENT).where(AUDIT_EVENT.PARTNERSHIP_ID.eq(partnershipId))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(Math.max(1, Math.min(limit, 500)))
                .fetch(r -> new AuditEvent(r.value1().toInstant(), r.value2(), r.value3(),
                        AuditAction.valueOf(r.value4()), r.value5(), r.value6()));
    }
}
