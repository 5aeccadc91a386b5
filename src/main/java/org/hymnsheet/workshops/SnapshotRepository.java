package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.ACCOUNT;
import static org.hymnsheet.db.Tables.BOARD_SNAPSHOT;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Reads the boards saved into a workshop's record. Writing them is the boards feature's (it draws the PDF); the
 * table belongs to the record, so the record page reads it here without depending on the boards.
 */
@Repository
class SnapshotRepository {
    private final DSLContext db;

    SnapshotRepository(DSLContext db) {
        this.db = db;
    }

    /** The workshop's saved boards, newest first, without their PDFs. */
    List<BoardSnapshot> list(long workshopId) {
        return db.select(BOARD_SNAPSHOT.ID, BOARD_SNAPSHOT.STAGE_POSITION, BOARD_SNAPSHOT.STAGE_TITLE,
                        BOARD_SNAPSHOT.CREATED_AT, ACCOUNT.DISPLAY_NAME)
                .from(BOARD_SNAPSHOT).leftJoin(ACCOUNT).on(ACCOUNT.ID.eq(BOARD_SNAPSHOT.CREATED_BY))
                .where(BOARD_SNAPSHOT.WORKSHOP_ID.eq(workshopId))
                .orderBy(BOARD_SNAPSHOT.CREATED_AT.desc(), BOARD_SNAPSHOT.ID.desc())
                .fetch(r -> new BoardSnapshot(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5()));
    }

    Optional<Long> workshopOf(long snapshotId) {
        return db.select(BOARD_SNAPSHOT.WORKSHOP_ID).from(BOARD_SNAPSHOT).where(BOARD_SNAPSHOT.ID.eq(snapshotId))
                .fetchOptional(BOARD_SNAPSHOT.WORKSHOP_ID);
    }

    byte[] pdf(long snapshotId) {
        return db.select(BOARD_SNAPSHOT.PDF).from(BOARD_SNAPSHOT).where(BOARD_SNAPSHOT.ID.eq(snapshotId))
                .fetchOne(BOARD_SNAPSHOT.PDF);
    }
}
