package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.AGENCY;
import static org.hymnsheet.db.Tables.PARTICIPANT;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
class ParticipantRepository {
    /** Record keys for the disclosure rule's cell-key perturbation (decision 0016): drawn once, never shown. */
    private static final SecureRandom KEYS = new SecureRandom();

    private final DSLContext db;
    private final Clock clock;

    ParticipantRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    long insert(long workshopId, String tokenHash, long agencyId, Level level, String firstName) {
        return db.insertInto(PARTICIPANT)
                .set(PARTICIPANT.WORKSHOP_ID, workshopId)
                .set(PARTICIPANT.TOKEN_HASH, tokenHash)
                .set(PARTICIPANT.AGENCY_ID, agencyId)
                .set(PARTICIPANT.WORK_LEVEL, level.name())
                .set(PARTICIPANT.FIRST_NAME, firstName)
                .set(PARTICIPANT.RECORD_KEY, KEYS.nextInt(org.hymnsheet.common.Suppression.KEY_RANGE))
                .set(PARTICIPANT.JOINED_AT, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .returning(PARTICIPANT.ID).fetchOne().getId();
    }

    Optional<Participant> byTokenHash(String tokenHash) {
        return db.select(PARTICIPANT.ID, PARTICIPANT.WORKSHOP_ID, PARTICIPANT.AGENCY_ID,
                        PARTICIPANT.WORK_LEVEL.convertFrom(Level::valueOf), PARTICIPANT.FIRST_NAME)
                .from(PARTICIPANT).where(PARTICIPANT.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(Records.mapping(Participant::new));
    }

    /**
     * Locks the participant's row: one participant's inputs (two tabs, a retry) apply one after another, so the
     * last one made is the one stored, while different participants never wait for each other.
     */
    void lock(long participantId) {
        db.select(PARTICIPANT.ID).from(PARTICIPANT).where(PARTICIPANT.ID.eq(participantId)).forUpdate().fetch();
    }

    List<RosterEntry> roster(long workshopId) {
        return db.select(PARTICIPANT.ID, PARTICIPANT.AGENCY_ID, AGENCY.NAME, PARTICIPANT.WORK_LEVEL.convertFrom(Level::valueOf),
                        PARTICIPANT.FIRST_NAME, PARTICIPANT.JOINED_AT.convertFrom(t -> t.toInstant()))
                .from(PARTICIPANT).join(AGENCY).on(AGENCY.ID.eq(PARTICIPANT.AGENCY_ID))
                .where(PARTICIPANT.WORKSHOP_ID.eq(workshopId))
                .orderBy(AGENCY.NAME_KEY, PARTICIPANT.WORK_LEVEL, PARTICIPANT.JOINED_AT, PARTICIPANT.ID)
                .fetch(Records.mapping(RosterEntry::new));
    }

    List<AgencyChoice> agencies(long partnershipId) {
        return db.select(AGENCY.ID, AGENCY.NAME).from(AGENCY).where(AGENCY.PARTNERSHIP_ID.eq(partnershipId))
                .orderBy(AGENCY.NAME_KEY).fetch(Records.mapping(AgencyChoice::new));
    }

    boolean agencyIn(long agencyId, long partnershipId) {
        return db.fetchExists(AGENCY, AGENCY.ID.eq(agencyId).and(AGENCY.PARTNERSHIP_ID.eq(partnershipId)));
    }
}
