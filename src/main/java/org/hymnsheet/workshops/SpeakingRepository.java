package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.SPEAKING_TURN;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Speaking turns, and the shares of talking computed from them in SQL. */
@Repository
class SpeakingRepository {
    record Turn(long id, long agencyId, Level level, Instant startedAt, Instant endedAt) {}

    private final DSLContext db;

    SpeakingRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Turn> open(long workshopId) {
        return turns(workshopId, 1, true).stream().findFirst();
    }

    /** The latest turns first. */
    List<Turn> latest(long workshopId, int limit) {
        return turns(workshopId, limit, false);
    }

    private List<Turn> turns(long workshopId, int limit, boolean openOnly) {
        var where = SPEAKING_TURN.WORKSHOP_ID.eq(workshopId);
        if (openOnly) {
            where = where.and(SPEAKING_TURN.ENDED_AT.isNull());
        }
        return db.select(SPEAKING_TURN.ID, SPEAKING_TURN.AGENCY_ID, SPEAKING_TURN.WORK_LEVEL, SPEAKING_TURN.STARTED_AT,
                        SPEAKING_TURN.ENDED_AT)
                .from(SPEAKING_TURN).where(where)
                .orderBy(SPEAKING_TURN.STARTED_AT.desc(), SPEAKING_TURN.ID.desc()).limit(limit)
                .fetch(r -> new Turn(r.value1(), r.value2(), r.value3() == null ? null : Level.valueOf(r.value3()),
                        r.value4().toInstant(), r.value5() == null ? null : r.value5().toInstant()));
    }

    long insert(long workshopId, Long stageId, long agencyId, Level level, Instant start, Instant end) {
        return db.insertInto(SPEAKING_TURN).set(SPEAKING_TURN.WORKSHOP_ID, workshopId).set(SPEAKING_TURN.STAGE_ID, stageId)
                .set(SPEAKING_TURN.AGENCY_ID, agencyId).set(SPEAKING_TURN.WORK_LEVEL, level == null ? null : level.name())
                .set(SPEAKING_TURN.STARTED_AT, at(start)).set(SPEAKING_TURN.ENDED_AT, end == null ? null : at(end))
                .returning(SPEAKING_TURN.ID).fetchOne().getId();
    }

    void end(long turnId, Instant end) {
        db.update(SPEAKING_TURN).set(SPEAKING_TURN.ENDED_AT, end == null ? null : at(end))
                .where(SPEAKING_TURN.ID.eq(turnId)).execute();
    }

    void delete(long turnId) {
        db.deleteFrom(SPEAKING_TURN).where(SPEAKING_TURN.ID.eq(turnId)).execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
