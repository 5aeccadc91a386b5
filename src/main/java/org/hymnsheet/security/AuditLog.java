package org.hymnsheet.security;

import static org.hymnsheet.db.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of security-relevant actions on staff accounts. Services record into it inside their own
 * transaction (so an action and its line commit together); administrators read their partnership's lines.
 * It holds account ids and actions only, never anything a young person or participant gave.
 */
@Service
public class AuditLog {
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
        db.insertInto(AUDIT_EVENT, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR_ACCOUNT_ID, AUDIT_EVENT.PARTNERSHIP_ID,
                        AUDIT_EVENT.ACTION, AUDIT_EVENT.TARGET_ACCOUNT_ID)
                .values(clock.instant().atOffset(ZoneOffset.UTC), actorAccountId, partnershipId, action.name(),
                        targetAccountId)
                .execute();
    }

    /** A partnership's most recent lines, newest first, for its administrators. */
    @Transactional(readOnly = true)
    public List<AuditEvent> recent(long partnershipId, int limit) {
        staff.requireAdminOf(partnershipId);
        return db.select(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR_ACCOUNT_ID, AUDIT_EVENT.PARTNERSHIP_ID,
                        AUDIT_EVENT.ACTION, AUDIT_EVENT.TARGET_ACCOUNT_ID)
                .from(AUDIT_EVENT).where(AUDIT_EVENT.PARTNERSHIP_ID.eq(partnershipId))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(Math.max(1, Math.min(limit, 500)))
                .fetch(r -> new AuditEvent(r.value1().toInstant(), r.value2(), r.value3(),
                        AuditAction.valueOf(r.value4()), r.value5()));
    }
}
