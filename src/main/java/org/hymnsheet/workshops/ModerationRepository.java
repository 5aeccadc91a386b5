package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.hymnsheet.db.Tables.WORKSHOP_STAGE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hymnsheet.common.Codes;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.workshops.PendingText.TextKind;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Free text of a workshop waiting for the facilitator, and their decisions. A text's ref carries the version of
 * the words shown (their SHA-256), and a decision applies only while the stored words still have that version.
 * The anonymous pulse's comments are referred to by stage, question and words alone, never by their writer.
 */
@Repository
class ModerationRepository {
    /** What became of a decision. */
    enum Outcome { DECIDED, CHANGED, NOT_FOUND }

    /** What became of a decision, and the words decided (null unless decided). */
    record Decided(Outcome outcome, String words) {
        static final Decided NOT_FOUND = new Decided(Outcome.NOT_FOUND, null);
        static final Decided CHANGED = new Decided(Outcome.CHANGED, null);
    }

    private final DSLContext db;

    ModerationRepository(DSLContext db) {
        this.db = db;
    }

    /** The version of a text that a ref carries: the SHA-256 of its exact words. */
    static String version(String text) {
        return Codes.sha256Hex(text);
    }

    List<PendingText> pending(long workshopId) {
        Condition inWorkshop = WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId);
        List<PendingText> all = new ArrayList<>();
        all.addAll(db.select(FRAMING_INPUT.PARTICIPANT_ID, FRAMING_INPUT.STAGE_ID, WORKSHOP_STAGE.POSITION,
                        FRAMING_INPUT.SENTENCE, FRAMING_INPUT.AGENCY_ID, FRAMING_INPUT.WORK_LEVEL)
                .from(FRAMING_INPUT).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(FRAMING_INPUT.STAGE_ID))
                .where(inWorkshop).and(FRAMING_INPUT.MODERATION.eq(Moderation.PENDING)).and(FRAMING_INPUT.SENTENCE.isNotNull())
                .orderBy(WORKSHOP_STAGE.POSITION, FRAMING_INPUT.CREATED_AT, FRAMING_INPUT.PARTICIPANT_ID)
                .fetch(r -> new PendingText(TextKind.FRAMING, r.value1() + "/" + r.value2() + "@" + version(r.value4()),
                        r.value3(), r.value4(), r.value5(), Level.valueOf(r.value6()))));
        // the anonymous pulse: the words alone (the same words from two people wait once), in the order of the words
        all.addAll(db.selectDistinct(PULSE_ANSWER.STAGE_ID, PULSE_ANSWER.QUESTION_ID, WORKSHOP_STAGE.POSITION,
                        PULSE_ANSWER.COMMENT)
                .from(PULSE_ANSWER).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(PULSE_ANSWER.STAGE_ID))
                .where(inWorkshop).and(PULSE_ANSWER.MODERATION.eq(Moderation.PENDING)).and(PULSE_ANSWER.COMMENT.isNotNull())
                .orderBy(WORKSHOP_STAGE.POSITION, PULSE_ANSWER.COMMENT, PULSE_ANSWER.QUESTION_ID)
                .fetch(r -> new PendingText(TextKind.PULSE, r.value1() + "/" + r.value2() + "@" + version(r.value4()),
                        r.value3(), r.value4(), null, null)));
        all.addAll(db.select(NEED.ID, WORKSHOP_STAGE.POSITION, NEED.TEXT, NEED.AGENCY_ID, NEED.WORK_LEVEL)
                .from(NEED).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(NEED.STAGE_ID))
                .where(inWorkshop).and(NEED.MODERATION.eq(Moderation.PENDING)).orderBy(NEED.ID)
                .fetch(r -> new PendingText(TextKind.NEED, r.value1() + "@" + version(r.value3()), r.value2(), r.value3(),
                        r.value4(), Level.valueOf(r.value5()))));
        all.addAll(db.select(MAPPING_NOTE.ID, WORKSHOP_STAGE.POSITION, MAPPING_NOTE.TEXT, MAPPING_NOTE.AGENCY_ID,
                        MAPPING_NOTE.WORK_LEVEL)
                .from(MAPPING_NOTE).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(MAPPING_NOTE.STAGE_ID))
                .where(inWorkshop).and(MAPPING_NOTE.MODERATION.eq(Moderation.PENDING)).orderBy(MAPPING_NOTE.ID)
                .fetch(r -> new PendingText(TextKind.NOTE, r.value1() + "@" + version(r.value3()), r.value2(), r.value3(),
                        r.value4(), Level.valueOf(r.value5()))));
        return all;
    }

    /**
     * Sets the decision on a text of this workshop if its words are still the version the ref names: the row is
     * locked first, so a participant's edit lands either before (and the decision is refused) or after (and the
     * edit waits again).
     */
    Decided decide(long workshopId, TextKind kind, String ref, Moderation decision) {
        int at = ref == null ? -1 : ref.lastIndexOf('@');
        if (at < 0) {
            return Decided.NOT_FOUND;
        }
        String key = ref.substring(0, at);
        String shown = ref.substring(at + 1);
        try {
            return switch (kind) {
                case FRAMING -> framing(workshopId, key, shown, decision);
                case PULSE -> pulse(workshopId, key, shown, decision);
                case NEED -> {
                    long id = Long.parseLong(key);
                    Optional<String> text = db.select(NEED.TEXT).from(NEED)
                            .where(NEED.ID.eq(id)).and(NEED.STAGE_ID.in(stagesOf(workshopId))).forUpdate()
                            .fetchOptional(NEED.TEXT);
                    yield apply(text, shown, () -> db.update(NEED).set(NEED.MODERATION, decision).where(NEED.ID.eq(id))
                            .execute());
                }
                case NOTE -> {
                    long id = Long.parseLong(key);
                    Optional<String> text = db.select(MAPPING_NOTE.TEXT).from(MAPPING_NOTE)
                            .where(MAPPING_NOTE.ID.eq(id)).and(MAPPING_NOTE.STAGE_ID.in(stagesOf(workshopId))).forUpdate()
                            .fetchOptional(MAPPING_NOTE.TEXT);
                    yield apply(text, shown, () -> db.update(MAPPING_NOTE).set(MAPPING_NOTE.MODERATION, decision)
                            .where(MAPPING_NOTE.ID.eq(id)).execute());
                }
            };
        } catch (NumberFormatException malformed) {
            return Decided.NOT_FOUND;
        }
    }

    private Decided framing(long workshopId, String key, String shown, Moderation decision) {
        String[] parts = key.split("/", -1);
        if (parts.length != 2 || !inWorkshop(workshopId, Long.parseLong(parts[1]))) {
            return Decided.NOT_FOUND;
        }
        Condition row = FRAMING_INPUT.PARTICIPANT_ID.eq(Long.parseLong(parts[0]))
                .and(FRAMING_INPUT.STAGE_ID.eq(Long.parseLong(parts[1])));
        Optional<String> text = db.select(FRAMING_INPUT.SENTENCE).from(FRAMING_INPUT).where(row).forUpdate()
                .fetchOptional(FRAMING_INPUT.SENTENCE);
        return apply(text, shown, () -> db.update(FRAMING_INPUT).set(FRAMING_INPUT.MODERATION, decision).where(row)
                .execute());
    }

    /** Every waiting comment with these words on this question is decided together: the words are the same. */
    private Decided pulse(long workshopId, String key, String shown, Moderation decision) {
        String[] parts = key.split("/", 2);
        if (parts.length != 2 || !inWorkshop(workshopId, Long.parseLong(parts[0]))) {
            return Decided.NOT_FOUND;
        }
        Condition question = PULSE_ANSWER.STAGE_ID.eq(Long.parseLong(parts[0])).and(PULSE_ANSWER.QUESTION_ID.eq(parts[1]));
        var waiting = db.select(PULSE_ANSWER.PARTICIPANT_ID, PULSE_ANSWER.COMMENT).from(PULSE_ANSWER)
                .where(question).and(PULSE_ANSWER.MODERATION.eq(Moderation.PENDING)).and(PULSE_ANSWER.COMMENT.isNotNull())
                .forUpdate().fetch();
        var same = waiting.stream().filter(r -> version(r.value2()).equals(shown)).toList();
        if (same.isEmpty()) {
            return Decided.CHANGED;
        }
        db.update(PULSE_ANSWER).set(PULSE_ANSWER.MODERATION, decision)
                .where(question).and(PULSE_ANSWER.PARTICIPANT_ID.in(same.stream().map(r -> r.value1()).toList())).execute();
        return new Decided(Outcome.DECIDED, same.getFirst().value2());
    }

    private static Decided apply(Optional<String> text, String shown, Runnable update) {
        if (text.isEmpty()) {
            return Decided.NOT_FOUND;
        }
        if (text.get() == null || !version(text.get()).equals(shown)) {
            return Decided.CHANGED;
        }
        update.run();
        return new Decided(Outcome.DECIDED, text.get());
    }

    private org.jooq.Select<org.jooq.Record1<Long>> stagesOf(long workshopId) {
        return db.select(WORKSHOP_STAGE.ID).from(WORKSHOP_STAGE).where(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId));
    }

    private boolean inWorkshop(long workshopId, long stageId) {
        return db.fetchExists(WORKSHOP_STAGE, WORKSHOP_STAGE.ID.eq(stageId).and(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId)));
    }
}
