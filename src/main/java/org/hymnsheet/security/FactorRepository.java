package org.hymnsheet.security;

import static org.hymnsheet.db.Tables.ACCOUNT;
import static org.hymnsheet.db.Tables.ACCOUNT_FACTOR;
import static org.hymnsheet.db.Tables.RECOVERY_CODE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** Second-factor secrets and recovery codes. The secret column holds what {@link SecretBox} sealed. */
@Repository
class FactorRepository {
    record Factor(long accountId, String sealedSecret, boolean confirmed, long lastUsedStep, int failedCodes,
                  OffsetDateTime lockedUntil) {}

    record Target(long accountId, long partnershipId, boolean platformAdmin, boolean active) {}

    record RecoveryCode(long id, String hash) {}

    private final DSLContext db;

    FactorRepository(DSLContext db) {
        this.db = db;
    }

    boolean enrolled(long accountId) {
        return db.fetchExists(ACCOUNT_FACTOR, ACCOUNT_FACTOR.ACCOUNT_ID.eq(accountId),
                ACCOUNT_FACTOR.CONFIRMED_AT.isNotNull());
    }

    Optional<Factor> find(long accountId) {
        return db.select(ACCOUNT_FACTOR.ACCOUNT_ID, ACCOUNT_FACTOR.SECRET, ACCOUNT_FACTOR.CONFIRMED_AT.isNotNull(),
                        ACCOUNT_FACTOR.LAST_USED_STEP, ACCOUNT_FACTOR.FAILED_CODES, ACCOUNT_FACTOR.LOCKED_UNTIL)
                .from(ACCOUNT_FACTOR).where(ACCOUNT_FACTOR.ACCOUNT_ID.eq(accountId))
                .forUpdate()
                .fetchOptional(Records.mapping(Factor::new));
    }

    Optional<Target> target(long accountId) {
        return db.select(ACCOUNT.ID, ACCOUNT.PARTNERSHIP_ID, ACCOUNT.PLATFORM_ADMIN, ACCOUNT.ACTIVE)
                .from(ACCOUNT).where(ACCOUNT.ID.eq(accountId))
                .fetchOptional(Records.mapping(Target::new));
    }

    /** Starts an enrolment; false when another request started one first. */
    boolean insertUnconfirmed(long accountId, String sealedSecret, Instant now) {
        return db.insertInto(ACCOUNT_FACTOR, ACCOUNT_FACTOR.ACCOUNT_ID, ACCOUNT_FACTOR.SECRET, ACCOUNT_FACTOR.CREATED_AT)
                .values(accountId, sealedSecret, at(now))
                .onConflictDoNothing()
                .execute() == 1;
    }

    void confirm(long accountId, long step, Instant now) {
        db.update(ACCOUNT_FACTOR).set(ACCOUNT_FACTOR.CONFIRMED_AT, at(now)).set(ACCOUNT_FACTOR.LAST_USED_STEP, step)
                .set(ACCOUNT_FACTOR.FAILED_CODES, 0).setNull(ACCOUNT_FACTOR.LOCKED_UNTIL)
                .where(ACCOUNT_FACTOR.ACCOUNT_ID.eq(accountId)).execute();
    }

    /** Records a code's time step as used; false when this step (or a later one) was already used. */
    boolean useStep(long accountId, long step) {
        return db.update(ACCOUNT_FACTOR).set(ACCOUNT_FACTOR.LAST_USED_STEP, step).set(ACCOUNT_FACTOR.FAILED_CODES, 0)
                .where(ACCOUNT_FACTOR.ACCOUNT_ID.eq(accountId)).and(ACCOUNT_FACTOR.LAST_USED_STEP.lt(step))
                .execute() == 1;
    }

    void succeeded(long accountId) {
        db.update(ACCOUNT_FACTOR).set(ACCOUNT_FACTOR.FAILED_CODES, 0).setNull(ACCOUNT_FACTOR.LOCKED_UNTIL)
                .where(ACCOUNT_FACTOR.ACCOUNT_ID.eq(accountId)).execute();
    }

    /** Counts a wrong code and returns the new count. */
    int failed(long accountId) {
        db.update(ACCOUNT_FACTOR).set(ACCOUNT_FACTOR.FAILED_CODES, ACCOUNT_FACTOR.FAILED_CODES.plus(1))
                .where(ACCOUNT_FACTOR.ACCOUNT_ID.eq(accountId)).execute();
        return db.select(ACCOUNT_FACTOR.FAILED_CODES).from(ACCOUNT_FACTOR)
                .where(ACCOUNT_FACTOR.ACCOUNT_ID.eq(accountId)).fetchSingle().value1();
    }

    void lock(long accountId, Instant until) {
        db.update(ACCOUNT_FACTOR).set(ACCOUNT_FACTOR.LOCKED_UNTIL, at(until)).set(ACCOUNT_FACTOR.FAILED_CODES, 0)
                .where(ACCOUNT_FACTOR.ACCOUNT_ID.eq(accountId)).execute();
    }

    void replaceRecoveryCodes(long accountId, List<String> hashes) {
        db.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.ACCOUNT_ID.eq(accountId)).execute();
        var insert = db.insertInto(RECOVERY_CODE, RECOVERY_CODE.ACCOUNT_ID, RECOVERY_CODE.CODE_HASH);
        for (String hash : hashes) {
            insert = insert.values(accountId, hash);
        }
        insert.execute();
    }

    List<RecoveryCode> unusedRecoveryCodes(long accountId) {
        return db.select(RECOVERY_CODE.ID, RECOVERY_CODE.CODE_HASH).from(RECOVERY_CODE)
                .where(RECOVERY_CODE.ACCOUNT_ID.eq(accountId)).and(RECOVERY_CODE.USED_AT.isNull())
                .orderBy(RECOVERY_CODE.ID)
                .fetch(Records.mapping(RecoveryCode::new));
    }

    /** Marks a recovery code used; false when a concurrent request used it first. */
    boolean useRecoveryCode(long codeId, Instant now) {
        return db.update(RECOVERY_CODE).set(RECOVERY_CODE.USED_AT, at(now))
                .where(RECOVERY_CODE.ID.eq(codeId)).and(RECOVERY_CODE.USED_AT.isNull()).execute() == 1;
    }

    /** Removes the factor and its recovery codes: the next sign-in enrols again. */
    boolean delete(long accountId) {
        db.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.ACCOUNT_ID.eq(accountId)).execute();
        return db.deleteFrom(ACCOUNT_FACTOR).where(ACCOUNT_FACTOR.ACCOUNT_ID.eq(accountId)).execute() == 1;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
