package org.hymnsheet.accounts;

import static org.hymnsheet.db.Tables.PARTNERSHIP;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hymnsheet.common.Inputs;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
class PartnershipRepository {
    private final DSLContext db;
    private final Clock clock;

    PartnershipRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<Partnership> all() {
        return db.select(PARTNERSHIP.ID, PARTNERSHIP.NAME, PARTNERSHIP.VERSION).from(PARTNERSHIP)
                .orderBy(PARTNERSHIP.NAME_KEY).fetch(Records.mapping(Partnership::new));
    }

    Optional<Partnership> find(long id) {
        return db.select(PARTNERSHIP.ID, PARTNERSHIP.NAME, PARTNERSHIP.VERSION).from(PARTNERSHIP)
                .where(PARTNERSHIP.ID.eq(id)).fetchOptional(Records.mapping(Partnership::new));
    }

    boolean nameTaken(String name, Long exceptId) {
        var condition = PARTNERSHIP.NAME_KEY.eq(Inputs.nameKey(name));
        if (exceptId != null) {
            condition = condition.and(PARTNERSHIP.ID.ne(exceptId));
        }
        return db.fetchExists(PARTNERSHIP, condition);
    }

    long insert(String name) {
        return db.insertInto(PARTNERSHIP)
                .set(PARTNERSHIP.NAME, name)
                .set(PARTNERSHIP.NAME_KEY, Inputs.nameKey(name))
                .set(PARTNERSHIP.CREATED_AT, OffsetDateTime.now(clock))
                .returning(PARTNERSHIP.ID).fetchOne().getId();
    }

    boolean rename(long id, String name, int version) {
        return db.update(PARTNERSHIP)
                .set(PARTNERSHIP.NAME, name)
                .set(PARTNERSHIP.NAME_KEY, Inputs.nameKey(name))
                .set(PARTNERSHIP.VERSION, PARTNERSHIP.VERSION.plus(1))
                .where(PARTNERSHIP.ID.eq(id).and(PARTNERSHIP.VERSION.eq(version))).execute() == 1;
    }
}
