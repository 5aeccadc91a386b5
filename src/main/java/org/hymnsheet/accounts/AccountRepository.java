package org.hymnsheet.accounts;

import static org.hymnsheet.db.Tables.ACCOUNT;
import static org.hymnsheet.db.Tables.ACCOUNT_ROLE;
import static org.hymnsheet.db.Tables.AGENCY;
import static org.hymnsheet.db.Tables.INSTALLATION;
import static org.hymnsheet.db.Tables.PARTNERSHIP;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hymnsheet.security.Role;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    /** What sign-in needs: never shown anywhere. */
    record Credentials(long id, String email, String passwordHash, boolean active, int failedSignIns,
                       Instant lastFailedAt, Instant lockedUntil, Set<Role> roles, boolean platformAdmin,
                       int sessionGeneration) {}

    private final DSLContext db;
    private final Clock clock;

    AccountRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    boolean anyAccount() {
        return db.fetchExists(ACCOUNT);
    }

    /** Claims the one-time installation row; false if setup already happened. */
    boolean claimInstallation() {
        return db.insertInto(INSTALLATION).set(INSTALLATION.ID, 1).set(INSTALLATION.COMPLETED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing().execute() == 1;
    }

    boolean installed() {
        return db.fetchExists(INSTALLATION);
    }

    List<Account> list(long partnershipId) {
        return accounts(ACCOUNT.PARTNERSHIP_ID.eq(partnershipId));
    }

    Optional<Account> find(long id) {
        return accounts(ACCOUNT.ID.eq(id)).stream().findFirst();
    }

    private List<Account> accounts(Condition condition) {
        var roles = multiset(select(ACCOUNT_ROLE.ROLE).from(ACCOUNT_ROLE)
                .where(ACCOUNT_ROLE.ACCOUNT_ID.eq(ACCOUNT.ID))).as("roles");
        return db.select(ACCOUNT.ID, ACCOUNT.PARTNERSHIP_ID, ACCOUNT.EMAIL, ACCOUNT.DISPLAY_NAME, ACCOUNT.AGENCY_ID,
                        AGENCY.NAME, roles, ACCOUNT.ACTIVE, ACCOUNT.PLATFORM_ADMIN, ACCOUNT.LOCKED_UNTIL, ACCOUNT.VERSION)
                .from(ACCOUNT).leftJoin(AGENCY).on(AGENCY.ID.eq(ACCOUNT.AGENCY_ID))
                .where(condition)
                .orderBy(ACCOUNT.DISPLAY_NAME, ACCOUNT.EMAIL)
                .fetch(r -> new Account(r.get(ACCOUNT.ID), r.get(ACCOUNT.PARTNERSHIP_ID), r.get(ACCOUNT.EMAIL),
                        r.get(ACCOUNT.DISPLAY_NAME), r.get(ACCOUNT.AGENCY_ID), r.get(AGENCY.NAME),
                        roleSet(r.get(roles).map(x -> x.value1())), r.get(ACCOUNT.ACTIVE), r.get(ACCOUNT.PLATFORM_ADMIN),
                        isLocked(r), r.get(ACCOUNT.VERSION)));
    }

    private boolean isLocked(Record r) {
        OffsetDateTime until = r.get(ACCOUNT.LOCKED_UNTIL);
        return until != null && until.toInstant().isAfter(clock.instant());
    }

    Optional<Credentials> credentials(String email) {
        var roles = multiset(select(ACCOUNT_ROLE.ROLE).from(ACCOUNT_ROLE)
                .where(ACCOUNT_ROLE.ACCOUNT_ID.eq(ACCOUNT.ID))).as("roles");
        return db.select(ACCOUNT.ID, ACCOUNT.EMAIL, ACCOUNT.PASSWORD_HASH, ACCOUNT.ACTIVE, ACCOUNT.FAILED_SIGN_INS,
                        ACCOUNT.LAST_FAILED_AT, ACCOUNT.LOCKED_UNTIL, roles, ACCOUNT.PLATFORM_ADMIN, ACCOUNT.SESSION_GENERATION)
                .from(ACCOUNT).where(ACCOUNT.EMAIL.eq(email))
                .fetchOptional(r -> new Credentials(r.get(ACCOUNT.ID), r.get(ACCOUNT.EMAIL), r.get(ACCOUNT.PASSWORD_HASH),
                        r.get(ACCOUNT.ACTIVE), r.get(ACCOUNT.FAILED_SIGN_INS), instant(r.get(ACCOUNT.LAST_FAILED_AT)),
                        instant(r.get(ACCOUNT.LOCKED_UNTIL)), roleSet(r.get(roles).map(x -> x.value1())),
                        r.get(ACCOUNT.PLATFORM_ADMIN), r.get(ACCOUNT.SESSION_GENERATION)));
    }

    boolean emailTaken(String email) {
        return db.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq(email));
    }

    long insert(long partnershipId, String email, String displayName, Long agencyId, String passwordHash,
                boolean platformAdmin, Set<Role> roles) {
        long id = db.insertInto(ACCOUNT)
                .set(ACCOUNT.PARTNERSHIP_ID, partnershipId)
                .set(ACCOUNT.EMAIL, email)
                .set(ACCOUNT.DISPLAY_NAME, displayName)
                .set(ACCOUNT.AGENCY_ID, agencyId)
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(ACCOUNT.PLATFORM_ADMIN, platformAdmin)
                .set(ACCOUNT.CREATED_AT, OffsetDateTime.now(clock))
                .returning(ACCOUNT.ID).fetchOne().getId();
        replaceRoles(id, roles);
        return id;
    }

    boolean update(long id, String displayName, Long agencyId, Set<Role> roles, int version) {
        boolean updated = db.update(ACCOUNT)
                .set(ACCOUNT.DISPLAY_NAME, displayName)
                .set(ACCOUNT.AGENCY_ID, agencyId)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.ID.eq(id).and(ACCOUNT.VERSION.eq(version))).execute() == 1;
        if (updated) {
            replaceRoles(id, roles);
        }
        return updated;
    }

    private void replaceRoles(long id, Set<Role> roles) {
        db.deleteFrom(ACCOUNT_ROLE).where(ACCOUNT_ROLE.ACCOUNT_ID.eq(id)).execute();
        var insert = db.insertInto(ACCOUNT_ROLE, ACCOUNT_ROLE.ACCOUNT_ID, ACCOUNT_ROLE.ROLE);
        for (Role role : roles) {
            insert = insert.values(id, role.name());
        }
        if (!roles.isEmpty()) {
            insert.execute();
        }
    }

    void setPasswordHash(long id, String hash) {
        db.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, hash).set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .set(ACCOUNT.FAILED_SIGN_INS, 0).setNull(ACCOUNT.LOCKED_UNTIL).setNull(ACCOUNT.LAST_FAILED_AT)
                .where(ACCOUNT.ID.eq(id)).execute();
    }

    void setActive(long id, boolean active) {
        db.update(ACCOUNT).set(ACCOUNT.ACTIVE, active).set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.ID.eq(id)).execute();
    }

    void unlock(long id) {
        db.update(ACCOUNT).set(ACCOUNT.FAILED_SIGN_INS, 0).setNull(ACCOUNT.LOCKED_UNTIL).setNull(ACCOUNT.LAST_FAILED_AT)
                .where(ACCOUNT.ID.eq(id)).execute();
    }

    /** Counts a failed sign-in in one statement, so concurrent guesses cannot lose a count. */
    int recordFailure(long id, Instant at) {
        db.update(ACCOUNT).set(ACCOUNT.FAILED_SIGN_INS, ACCOUNT.FAILED_SIGN_INS.plus(1))
                .set(ACCOUNT.LAST_FAILED_AT, at.atOffset(ZoneOffset.UTC))
                .where(ACCOUNT.ID.eq(id)).execute();
        return db.select(ACCOUNT.FAILED_SIGN_INS).from(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOne().value1();
    }

    void lockUntil(long id, Instant until) {
        db.update(ACCOUNT).set(ACCOUNT.LOCKED_UNTIL, until.atOffset(ZoneOffset.UTC)).where(ACCOUNT.ID.eq(id)).execute();
    }

    boolean agencyInPartnership(long agencyId, long partnershipId) {
        return db.fetchExists(AGENCY, AGENCY.ID.eq(agencyId).and(AGENCY.PARTNERSHIP_ID.eq(partnershipId)));
    }

    /** Active administrators of the partnership other than {@code excluding}. */
    int otherActiveAdminsOf(long partnershipId, long excluding) {
        return db.fetchCount(ACCOUNT, ACCOUNT.PARTNERSHIP_ID.eq(partnershipId)
                .and(ACCOUNT.ID.ne(excluding))
                .and(ACCOUNT.ACTIVE.isTrue())
                .and(ACCOUNT.ID.in(select(ACCOUNT_ROLE.ACCOUNT_ID).from(ACCOUNT_ROLE)
                        .where(ACCOUNT_ROLE.ROLE.eq(Role.ADMIN.name())))));
    }

    /** Active platform administrators (the flag and the administrator role) other than {@code excluding}. */
    int otherActivePlatformAdmins(long excluding) {
        return db.fetchCount(ACCOUNT, ACCOUNT.PLATFORM_ADMIN.isTrue()
                .and(ACCOUNT.ID.ne(excluding))
                .and(ACCOUNT.ACTIVE.isTrue())
                .and(ACCOUNT.ID.in(select(ACCOUNT_ROLE.ACCOUNT_ID).from(ACCOUNT_ROLE)
                        .where(ACCOUNT_ROLE.ROLE.eq(Role.ADMIN.name())))));
    }

    /**
     * Row locks held to the end of the transaction, so two administrators removing each other at the same moment
     * are taken one after the other and the second one counts what the first left. Always in this order
     * (the partnership, then the platform administrators by id), so two such transactions cannot deadlock.
     */
    void lockAdministrators(long partnershipId, boolean platformToo) {
        db.select(PARTNERSHIP.ID).from(PARTNERSHIP).where(PARTNERSHIP.ID.eq(partnershipId)).forUpdate().fetch();
        if (platformToo) {
            db.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.PLATFORM_ADMIN.isTrue()).orderBy(ACCOUNT.ID)
                    .forUpdate().fetch();
        }
    }

    /** Ends every session of the account that was signed in before now; returns the new generation. */
    int newSessionGeneration(long id) {
        db.update(ACCOUNT).set(ACCOUNT.SESSION_GENERATION, ACCOUNT.SESSION_GENERATION.plus(1))
                .where(ACCOUNT.ID.eq(id)).execute();
        return db.select(ACCOUNT.SESSION_GENERATION).from(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOne().value1();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static Set<Role> roleSet(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return Set.copyOf(roles);
    }
}
