package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;

import java.time.OffsetDateTime;
import java.util.List;
import org.hymnsheet.common.FlagStatus;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Workshop texts a facilitator sent to the safeguarding lead: each is one flag in the partnership's safeguarding
 * queue, found again by its workshop and its text ({@code source_ref}, unique with the workshop), so sending the same
 * text twice updates the one flag.
 */
@Repository
class EscalationRepository {
    private final DSLContext db;

    EscalationRepository(DSLContext db) {
        this.db = db;
    }

    /** Who sent a text, when and why. */
    record Sending(long accountId, OffsetDateTime at, String reason) {}

    /**
     * Writes the flag of a workshop text: new, or the one it already has updated with the latest words (the words
     * before kept as "earlier" when they differ), who sent it and why, and open again. Returns the flag's id.
     */
    long send(long partnershipId, long workshopId, String sourceRef, String words, Sending sending) {
        int bodyMax = SAFEGUARDING_FLAG.BODY.getDataType().length();
        String body = words.length() <= bodyMax ? words : words.substring(0, bodyMax - 1) + "…";
        var existing = db.select(SAFEGUARDING_FLAG.ID, SAFEGUARDING_FLAG.BODY, SAFEGUARDING_FLAG.STATUS)
                .from(SAFEGUARDING_FLAG)
                .where(SAFEGUARDING_FLAG.WORKSHOP_ID.eq(workshopId).and(SAFEGUARDING_FLAG.SOURCE_REF.eq(sourceRef)))
                .forUpdate().fetchOptional();
        if (existing.isPresent()) {
            long id = existing.get().value1();
            var update = db.update(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.BODY, body)
                    .set(SAFEGUARDING_FLAG.SENT_BY, sending.accountId()).set(SAFEGUARDING_FLAG.SENT_AT, sending.at())
                    .set(SAFEGUARDING_FLAG.REASON, sending.reason()).set(SAFEGUARDING_FLAG.STATUS, FlagStatus.OPEN);
            if (!existing.get().value2().equals(body)) {
                update = update.set(SAFEGUARDING_FLAG.EARLIER, existing.get().value2());
            }
            if (existing.get().value3() != FlagStatus.OPEN) {
                update = update.set(SAFEGUARDING_FLAG.FLAGGED_AT, sending.at())
                        .setNull(SAFEGUARDING_FLAG.OPENED_BY).setNull(SAFEGUARDING_FLAG.OPENED_AT);
            }
            update.where(SAFEGUARDING_FLAG.ID.eq(id)).execute();
            return id;
        }
        return db.insertInto(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.PARTNERSHIP_ID, partnershipId)
                .set(SAFEGUARDING_FLAG.WORKSHOP_ID, workshopId).set(SAFEGUARDING_FLAG.SOURCE_REF, sourceRef)
                .set(SAFEGUARDING_FLAG.BODY, body).set(SAFEGUARDING_FLAG.INDICATORS, "")
                .set(SAFEGUARDING_FLAG.FLAGGED_AT, sending.at()).set(SAFEGUARDING_FLAG.SOURCE, "PERSON")
                .set(SAFEGUARDING_FLAG.SENT_BY, sending.accountId()).set(SAFEGUARDING_FLAG.SENT_AT, sending.at())
                .set(SAFEGUARDING_FLAG.REASON, sending.reason())
                .returningResult(SAFEGUARDING_FLAG.ID).fetchSingle().value1();
    }

    /** The texts of this workshop sent to the safeguarding lead, newest first. */
    List<EscalatedText> sent(long workshopId, int limit) {
        return db.select(SAFEGUARDING_FLAG.ID, SAFEGUARDING_FLAG.BODY, SAFEGUARDING_FLAG.SENT_AT,
                        DSL.field(SAFEGUARDING_FLAG.OPENED_AT.isNotNull().or(SAFEGUARDING_FLAG.STATUS.ne(FlagStatus.OPEN))))
                .from(SAFEGUARDING_FLAG)
                .where(SAFEGUARDING_FLAG.WORKSHOP_ID.eq(workshopId).and(SAFEGUARDING_FLAG.SENT_BY.isNotNull()))
                .orderBy(SAFEGUARDING_FLAG.SENT_AT.desc(), SAFEGUARDING_FLAG.ID.desc()).limit(limit)
                .fetch(Records.mapping(EscalatedText::new));
    }
}
