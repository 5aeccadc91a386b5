package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.CARD;
import static org.hymnsheet.db.Tables.CARD_CONTEXT;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.jooq.impl.DSL.excluded;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.db.tables.records.CardContextRecord;
import org.hymnsheet.db.tables.records.CardPlacementRecord;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
class CardRepository {
    private final DSLContext db;
    private final Clock clock;

    CardRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    static String key(String text) {
        String key = Inputs.nameKey(text);
        return key.length() > 300 ? key.substring(0, 300) : key;
    }

    List<Card> cards(long workshopId) {
        return db.select(CARD.ID, CARD.WORKSHOP_ID, CARD.TEXT, CARD.VERSION).from(CARD)
                .where(CARD.WORKSHOP_ID.eq(workshopId)).orderBy(CARD.ID).fetch(Records.mapping(Card::new));
    }

    Optional<Card> find(long cardId) {
        return db.select(CARD.ID, CARD.WORKSHOP_ID, CARD.TEXT, CARD.VERSION).from(CARD)
                .where(CARD.ID.eq(cardId)).fetchOptional(Records.mapping(Card::new));
    }

    boolean textTaken(long workshopId, String text, long exceptCardId) {
        return db.fetchExists(CARD, CARD.WORKSHOP_ID.eq(workshopId).and(CARD.TEXT_KEY.eq(key(text)))
                .and(CARD.ID.ne(exceptCardId)));
    }

    /** Adds the card unless the workshop has one with the same text; returns whether it added one. */
    boolean insertIfNew(long workshopId, String text, Long createdBy) {
        if (textTaken(workshopId, text, 0)) {
            return false;
        }
        db.insertInto(CARD).set(CARD.WORKSHOP_ID, workshopId).set(CARD.TEXT, text).set(CARD.TEXT_KEY, key(text))
                .set(CARD.CREATED_BY, createdBy).set(CARD.CREATED_AT, now()).execute();
        return true;
    }

    long insert(long workshopId, String text, Long createdBy) {
        return db.insertInto(CARD).set(CARD.WORKSHOP_ID, workshopId).set(CARD.TEXT, text).set(CARD.TEXT_KEY, key(text))
                .set(CARD.CREATED_BY, createdBy).set(CARD.CREATED_AT, now()).returning(CARD.ID).fetchOne().getId();
    }

    /** Optimistic: changes nothing (returns false) when someone saved the card since {@code version} was read. */
    boolean update(long cardId, String text, int version) {
        return db.update(CARD).set(CARD.TEXT, text).set(CARD.TEXT_KEY, key(text)).set(CARD.VERSION, CARD.VERSION.plus(1))
                .where(CARD.ID.eq(cardId).and(CARD.VERSION.eq(version))).execute() == 1;
    }

    /**
     * One placement per participant per card: an upsert on the primary key (INSERT … ON CONFLICT on PostgreSQL,
     * MERGE on H2, both rendered by jOOQ), so a re-placement replaces the earlier one and never duplicates.
     */
    void place(InputRepository.Author by, long cardId, long stageId, int position) {
        OffsetDateTime now = now();
        db.insertInto(CARD_PLACEMENT)
                .set(CARD_PLACEMENT.PARTICIPANT_ID, by.participantId())
                .set(CARD_PLACEMENT.CARD_ID, cardId)
                .set(CARD_PLACEMENT.STAGE_ID, stageId)
                .set(CARD_PLACEMENT.AGENCY_ID, by.agencyId())
                .set(CARD_PLACEMENT.WORK_LEVEL, by.level().name())
                .set(CARD_PLACEMENT.POSITION, (short) position)
                .set(CARD_PLACEMENT.PLACED_AT, now)
                .onConflict(CARD_PLACEMENT.PARTICIPANT_ID, CARD_PLACEMENT.CARD_ID)
                .doUpdate()
                .set(CARD_PLACEMENT.POSITION, (short) position)
                .set(CARD_PLACEMENT.STAGE_ID, stageId)
                .set(CARD_PLACEMENT.PLACED_AT, now)
                .execute();
    }

    /** Whether every one of these is a card of this workshop. */
    boolean allOf(long workshopId, Collection<Long> cardIds) {
        return db.fetchCount(CARD, CARD.WORKSHOP_ID.eq(workshopId).and(CARD.ID.in(cardIds))) == cardIds.size();
    }

    /**
     * A save of several cards: one multi-row upsert of the placements (keyed by participant and card, so saving
     * again replaces, never duplicates), one delete of these cards' earlier contexts and one insert of the new ones.
     */
    void placeAll(InputRepository.Author by, long stageId, List<InputService.Placement> placements) {
        OffsetDateTime now = now();
        InputRepository.allRows(db, CARD_PLACEMENT, placements.stream().map(p -> {
                    var row = new CardPlacementRecord();
                    row.setParticipantId(by.participantId());
                    row.setCardId(p.cardId());
                    row.setStageId(stageId);
                    row.setAgencyId(by.agencyId());
                    row.setWorkLevel(by.level().name());
                    row.setPosition((short) p.value());
                    row.setPlacedAt(now);
                    return row;
                }).toList())
                .onConflict(CARD_PLACEMENT.PARTICIPANT_ID, CARD_PLACEMENT.CARD_ID).doUpdate()
                .set(CARD_PLACEMENT.POSITION, excluded(CARD_PLACEMENT.POSITION))
                .set(CARD_PLACEMENT.STAGE_ID, excluded(CARD_PLACEMENT.STAGE_ID))
                .set(CARD_PLACEMENT.PLACED_AT, excluded(CARD_PLACEMENT.PLACED_AT))
                .execute();
        db.deleteFrom(CARD_CONTEXT).where(CARD_CONTEXT.PARTICIPANT_ID.eq(by.participantId())
                .and(CARD_CONTEXT.CARD_ID.in(placements.stream().map(InputService.Placement::cardId).toList()))).execute();
        List<CardContextRecord> contexts = placements.stream().flatMap(p -> p.contexts().stream().sorted().map(c -> {
            var row = new CardContextRecord();
            row.setParticipantId(by.participantId());
            row.setCardId(p.cardId());
            row.setStageId(stageId);
            row.setAgencyId(by.agencyId());
            row.setWorkLevel(by.level().name());
            row.setContextId(c);
            row.setCreatedAt(now);
            return row;
        })).toList();
        if (!contexts.isEmpty()) {
            InputRepository.allRows(db, CARD_CONTEXT, contexts).execute();
        }
    }

    void setContexts(InputRepository.Author by, long cardId, long stageId, Collection<String> contextIds) {
        db.deleteFrom(CARD_CONTEXT).where(CARD_CONTEXT.PARTICIPANT_ID.eq(by.participantId())
                .and(CARD_CONTEXT.CARD_ID.eq(cardId))).execute();
        OffsetDateTime now = now();
        for (String context : contextIds) {
            db.insertInto(CARD_CONTEXT).set(CARD_CONTEXT.PARTICIPANT_ID, by.participantId())
                    .set(CARD_CONTEXT.CARD_ID, cardId).set(CARD_CONTEXT.STAGE_ID, stageId)
                    .set(CARD_CONTEXT.AGENCY_ID, by.agencyId()).set(CARD_CONTEXT.WORK_LEVEL, by.level().name())
                    .set(CARD_CONTEXT.CONTEXT_ID, context).set(CARD_CONTEXT.CREATED_AT, now).execute();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
