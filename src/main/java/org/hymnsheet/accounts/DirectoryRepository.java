package org.hymnsheet.accounts;

import static org.hymnsheet.db.Tables.AGENCY;
import static org.hymnsheet.db.Tables.PLACE;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hymnsheet.common.Inputs;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Agencies and places share one shape (a name unique within a partnership, plus one category),
 * so one repository serves both tables.
 */
@Repository
class DirectoryRepository {

    /** A partnership's list of named, categorised things. */
    record Kind(Table<?> table, Field<Long> id, Field<Long> partnershipId, Field<String> name,
                Field<String> nameKey, Field<String> category, Field<Integer> version, Field<String> shortName) {}

    /** @param shortName an agency's short name, or null (places have none) */
    record Row(long id, long partnershipId, String name, String category, int version, String shortName) {}

    static final Kind AGENCIES = new Kind(AGENCY, AGENCY.ID, AGENCY.PARTNERSHIP_ID, AGENCY.NAME, AGENCY.NAME_KEY,
            AGENCY.SECTOR, AGENCY.VERSION, AGENCY.SHORT_NAME);
    static final Kind PLACES = new Kind(PLACE, PLACE.ID, PLACE.PARTNERSHIP_ID, PLACE.NAME, PLACE.NAME_KEY,
            PLACE.KIND, PLACE.VERSION, DSL.castNull(SQLDataType.VARCHAR(40)));

    private final DSLContext db;

    DirectoryRepository(DSLContext db) {
        this.db = db;
    }

    List<Row> list(Kind k, long partnershipId) {
        return db.select(k.id(), k.partnershipId(), k.name(), k.category(), k.version(), k.shortName()).from(k.table())
                .where(k.partnershipId().eq(partnershipId)).orderBy(k.nameKey())
                .fetch(Records.mapping(Row::new));
    }

    Optional<Row> find(Kind k, long id) {
        return db.select(k.id(), k.partnershipId(), k.name(), k.category(), k.version(), k.shortName()).from(k.table())
                .where(k.id().eq(id)).fetchOptional(Records.mapping(Row::new));
    }

    boolean nameTaken(Kind k, long partnershipId, String name, Long exceptId) {
        var condition = k.partnershipId().eq(partnershipId).and(k.nameKey().eq(Inputs.nameKey(name)));
        if (exceptId != null) {
            condition = condition.and(k.id().ne(exceptId));
        }
        return db.fetchExists(k.table(), condition);
    }

    long insert(Kind k, long partnershipId, String name, String category) {
        return db.insertInto(k.table())
                .set(k.partnershipId(), partnershipId)
                .set(k.name(), name)
                .set(k.nameKey(), Inputs.nameKey(name))
                .set(k.category(), category)
                .returningResult(k.id()).fetchOne().value1();
    }

    boolean update(Kind k, long id, String name, String category, int version) {
        return db.update(k.table())
                .set(k.name(), name)
                .set(k.nameKey(), Inputs.nameKey(name))
                .set(k.category(), category)
                .set(k.version(), k.version().plus(1))
                .where(k.id().eq(id).and(k.version().eq(version))).execute() == 1;
    }

    /** Whether another agency of the partnership has this short name, in any case. */
    boolean shortNameTaken(long partnershipId, String shortName, long exceptId) {
        return db.fetchExists(AGENCY, AGENCY.PARTNERSHIP_ID.eq(partnershipId)
                .and(DSL.lower(AGENCY.SHORT_NAME).eq(shortName.toLowerCase(Locale.ROOT))).and(AGENCY.ID.ne(exceptId)));
    }

    void setShortName(long agencyId, String shortName) {
        db.update(AGENCY).set(AGENCY.SHORT_NAME, shortName).where(AGENCY.ID.eq(agencyId)).execute();
    }

    boolean delete(Kind k, long id) {
        return db.deleteFrom(k.table()).where(k.id().eq(id)).execute() == 1;
    }
}
