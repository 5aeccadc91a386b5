package org.hymnsheet.safeguarding;

import static org.hymnsheet.db.Tables.ACCOUNT;
import static org.hymnsheet.db.Tables.ACCOUNT_ROLE;
import static org.hymnsheet.db.Tables.PARTNERSHIP;
import static org.hymnsheet.db.Tables.SAFEGUARDING_ALERT;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.hymnsheet.db.Tables.WORKSHOP;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;
import org.hymnsheet.common.FlagStatus;
import org.hymnsheet.security.Role;
import org.hymnsheet.db.tables.SafeguardingAlert;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The alert outbox: which alerts are owed (one row per flag arrival, kind and lead), which a node has claimed,
 * which went out. Nothing here reads or stores the young person's words: the flag's body is never selected.
 */
@Repository
class AlertRepository {
    static final String NEW = "NEW";
    static final String REMINDER = "REMINDER";
    private static final SafeguardingAlert A = SAFEGUARDING_ALERT;
    private final DSLContext db;

    AlertRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * One NEW alert per active safeguarding lead of the flag's partnership, for every open flag that arrived (or
     * arrived again with changed words) since {@code since} and has no NEW alert for this arrival yet. Two nodes
     * doing this at once collide on the unique key, and the loser's transaction writes nothing.
     */
    int enqueueNew(OffsetDateTime since, OffsetDateTime now) {
        var known = SAFEGUARDING_ALERT.as("known");
        return db.insertInto(A, A.FLAG_ID, A.ACCOUNT_ID, A.KIND, A.FLAGGED_AT, A.CREATED_AT)
                .select(DSL.select(SAFEGUARDING_FLAG.ID, ACCOUNT.ID, DSL.inline(NEW), SAFEGUARDING_FLAG.FLAGGED_AT, DSL.val(now))
                        .from(SAFEGUARDING_FLAG)
                        .join(ACCOUNT).on(ACCOUNT.PARTNERSHIP_ID.eq(SAFEGUARDING_FLAG.PARTNERSHIP_ID).and(ACCOUNT.ACTIVE.isTrue()))
                        .join(ACCOUNT_ROLE).on(ACCOUNT_ROLE.ACCOUNT_ID.eq(ACCOUNT.ID)
                                .and(ACCOUNT_ROLE.ROLE.eq(Role.SAFEGUARDING_LEAD.name())))
                        .where(SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.OPEN).and(SAFEGUARDING_FLAG.FLAGGED_AT.ge(since))
                                .and(DSL.notExists(DSL.selectOne().from(known).where(known.FLAG_ID.eq(SAFEGUARDING_FLAG.ID)
                                        .and(known.KIND.eq(NEW)).and(known.FLAGGED_AT.eq(SAFEGUARDING_FLAG.FLAGGED_AT)))))))
                .execute();
    }

    /**
     * Open flags that nobody has opened since they (last) arrived, arrived at or before {@code arrivedBy}, were
     * alerted when they arrived (so flags from before alerts existed are left alone) and have not been reminded of
     * for this arrival.
     */
    private static Condition reminderDue(OffsetDateTime arrivedBy) {
        var alerted = SAFEGUARDING_ALERT.as("alerted");
        return SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.OPEN)
                .and(SAFEGUARDING_FLAG.OPENED_AT.isNull().or(SAFEGUARDING_FLAG.OPENED_AT.lt(SAFEGUARDING_FLAG.FLAGGED_AT)))
                .and(SAFEGUARDING_FLAG.FLAGGED_AT.le(arrivedBy))
                .and(SAFEGUARDING_FLAG.REMINDED_AT.isNull().or(SAFEGUARDING_FLAG.REMINDED_AT.lt(SAFEGUARDING_FLAG.FLAGGED_AT)))
                .and(DSL.exists(DSL.selectOne().from(alerted).where(alerted.FLAG_ID.eq(SAFEGUARDING_FLAG.ID)
                        .and(alerted.KIND.eq(NEW)).and(alerted.FLAGGED_AT.eq(SAFEGUARDING_FLAG.FLAGGED_AT)))));
    }

    /** One REMINDER per active lead for each flag due; the caller then marks the flags reminded in the same transaction. */
    int enqueueReminders(OffsetDateTime arrivedBy, OffsetDateTime now) {
        return db.insertInto(A, A.FLAG_ID, A.ACCOUNT_ID, A.KIND, A.FLAGGED_AT, A.CREATED_AT)
                .select(DSL.select(SAFEGUARDING_FLAG.ID, ACCOUNT.ID, DSL.inline(REMINDER), SAFEGUARDING_FLAG.FLAGGED_AT, DSL.val(now))
                        .from(SAFEGUARDING_FLAG)
                        .join(ACCOUNT).on(ACCOUNT.PARTNERSHIP_ID.eq(SAFEGUARDING_FLAG.PARTNERSHIP_ID).and(ACCOUNT.ACTIVE.isTrue()))
                        .join(ACCOUNT_ROLE).on(ACCOUNT_ROLE.ACCOUNT_ID.eq(ACCOUNT.ID)
                                .and(ACCOUNT_ROLE.ROLE.eq(Role.SAFEGUARDING_LEAD.name())))
                        .where(reminderDue(arrivedBy)))
                .execute();
    }

    int markReminded(OffsetDateTime arrivedBy, OffsetDateTime now) {
        return db.update(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.REMINDED_AT, now).where(reminderDue(arrivedBy)).execute();
    }

    /**
     * Rows not sent, not given up on, and free to take: never claimed, or claimed so long ago (the wait grows with
     * each failed attempt) that the node holding them has died or their back-off is over.
     */
    private static Condition takeable(OffsetDateTime now, int maxAttempts, IntFunction<Duration> wait) {
        Condition free = A.CLAIMED_AT.isNull();
        for (int attempts = 0; attempts < maxAttempts; attempts++) {
            free = free.or(A.ATTEMPTS.eq(attempts).and(A.CLAIMED_AT.lt(now.minus(wait.apply(attempts)))));
        }
        return A.SENT_AT.isNull().and(A.ATTEMPTS.lt(maxAttempts)).and(free);
    }

    List<Long> takeable(OffsetDateTime now, int maxAttempts, IntFunction<Duration> wait, int limit) {
        return db.select(A.ID).from(A).where(takeable(now, maxAttempts, wait)).orderBy(A.ID).limit(limit).fetch(A.ID);
    }

    /** Claims one row for this node: true for exactly one of several nodes trying at once. */
    boolean claim(long alertId, OffsetDateTime now, int maxAttempts, IntFunction<Duration> wait) {
        return db.update(A).set(A.CLAIMED_AT, now).where(A.ID.eq(alertId).and(takeable(now, maxAttempts, wait))).execute() == 1;
    }

    /** What an email says about its flag, and to whom: no words of the young person, nor the sender's reason. */
    record Outgoing(long id, String kind, OffsetDateTime flaggedAt, String email, String surveyTitle,
                    String workshopTitle, String deviceLabel, String source, String sentBy, int attempts) {}

    List<Outgoing> outgoing(Collection<Long> alertIds) {
        var sender = ACCOUNT.as("sender");
        return db.select(A.ID, A.KIND, A.FLAGGED_AT, ACCOUNT.EMAIL, SURVEY.TITLE, WORKSHOP.TITLE,
                        SAFEGUARDING_FLAG.DEVICE_LABEL, SAFEGUARDING_FLAG.SOURCE, sender.DISPLAY_NAME, A.ATTEMPTS)
                .from(A).join(SAFEGUARDING_FLAG).on(SAFEGUARDING_FLAG.ID.eq(A.FLAG_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(A.ACCOUNT_ID))
                .leftJoin(SURVEY).on(SURVEY.ID.eq(SAFEGUARDING_FLAG.SURVEY_ID))
                .leftJoin(WORKSHOP).on(WORKSHOP.ID.eq(SAFEGUARDING_FLAG.WORKSHOP_ID))
                .leftJoin(sender).on(sender.ID.eq(SAFEGUARDING_FLAG.SENT_BY))
                .where(A.ID.in(alertIds)).orderBy(A.ID)
                .fetch(Records.mapping(Outgoing::new));
    }

    void sent(long alertId, OffsetDateTime now) {
        db.update(A).set(A.SENT_AT, now).setNull(A.LAST_ERROR).where(A.ID.eq(alertId)).execute();
    }

    /** Counts a failed attempt; the back-off runs from now. Returns the attempts made so far. */
    int failed(long alertId, String error, OffsetDateTime now) {
        String cut = error.length() > A.LAST_ERROR.getDataType().length()
                ? error.substring(0, A.LAST_ERROR.getDataType().length()) : error;
        db.update(A).set(A.ATTEMPTS, A.ATTEMPTS.plus(1)).set(A.LAST_ERROR, cut).set(A.CLAIMED_AT, now)
                .where(A.ID.eq(alertId)).execute();
        return db.select(A.ATTEMPTS).from(A).where(A.ID.eq(alertId)).fetchOne(A.ATTEMPTS);
    }

    /** The open flags of a partnership, for the count in the navigation. */
    int openFlags(long partnershipId) {
        return db.fetchCount(SAFEGUARDING_FLAG, SAFEGUARDING_FLAG.PARTNERSHIP_ID.eq(partnershipId)
                .and(SAFEGUARDING_FLAG.STATUS.eq(FlagStatus.OPEN)));
    }

    /** The partnerships there are, so this node can hear each one's safeguarding signal. */
    List<Long> partnerships() {
        return db.select(PARTNERSHIP.ID).from(PARTNERSHIP).fetch(PARTNERSHIP.ID);
    }
}
