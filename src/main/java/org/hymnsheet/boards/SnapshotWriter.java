package org.hymnsheet.boards;

import static org.hymnsheet.db.Tables.BOARD_SNAPSHOT;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Stores a saved board in the workshop's record (the workshops feature reads it back for the record page). */
@Repository
class SnapshotWriter {
    private final DSLContext db;

    SnapshotWriter(DSLContext db) {
        this.db = db;
    }

    long insert(long workshopId, int stagePosition, String stageTitle, long createdBy, Instant at, byte[] pdf) {
        return db.insertInto(BOARD_SNAPSHOT)
                .set(BOARD_SNAPSHOT.WORKSHOP_ID, workshopId)
                .set(BOARD_SNAPSHOT.STAGE_POSITION, stagePosition)
                .set(BOARD_SNAPSHOT.STAGE_TITLE, stageTitle)
                .set(BOARD_SNAPSHOT.CREATED_BY, createdBy)
                .set(BOARD_SNAPSHOT.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(BOARD_SNAPSHOT.PDF, pdf)
                .returning(BOARD_SNAPSHOT.ID).fetchOne().getId();
    }
}
