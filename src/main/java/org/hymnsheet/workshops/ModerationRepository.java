package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.hymnsheet.db.Tables.WORKSHOP_STAGE;

import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.workshops.PendingText.TextKind;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Free text of a workshop waiting for the facilitator, and their decisions. */
@Repository
class ModerationRepository {
    private final DSLContext db;

    ModerationRepository(DSLContext db) {
        this.db = db;
    }

    List<PendingText> pending(long workshopId) {
        Condition inWorkshop = WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId);
        List<PendingText> all = new ArrayList<>();
        all.addAll(db.select(FRAMING_INPUT.PARTICIPANT_ID, FRAMING_INPUT.STAGE_ID, WORKSHOP_STAGE.POSITION,
                        FRAMING_INPUT.SENTENCE, FRAMING_INPUT.AGENCY_ID, FRAMING_INPUT.WORK_LEVEL)
                .from(FRAMING_INPUT).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(FRAMING_INPUT.STAGE_ID))
                .where(inWorkshop).and(FRAMING_INPUT.MODERATION.eq("PENDING")).and(FRAMING_INPUT.SENTENCE.isNotNull())
                .fetch(r -> new PendingText(TextKind.FRAMING, r.value1() + "/" + r.value2(), r.value3(), r.value4(),
                        r.value5(), Level.valueOf(r.value6()))));
        all.addAll(db.select(PULSE_ANSWER.PARTICIPANT_ID, PULSE_ANSWER.STAGE_ID, PULSE_ANSWER.QUESTION_ID,
                        WORKSHOP_STAGE.POSITION, PULSE_ANSWER.COMMENT, PULSE_ANSWER.AGENCY_ID, PULSE_ANSWER.WORK_LEVEL)
                .from(PULSE_ANSWER).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(PULSE_ANSWER.STAGE_ID))
                .where(inWorkshop).and(PULSE_ANSWER.MODERATION.eq("PENDING")).and(PULSE_ANSWER.COMMENT.isNotNull())
                .fetch(r -> new PendingText(TextKind.PULSE, r.value1() + "/" + r.value2() + "/" + r.value3(), r.value4(),
                        r.value5(), r.value6(), Level.valueOf(r.value7()))));
        all.addAll(db.select(NEED.ID, WORKSHOP_STAGE.POSITION, NEED.TEXT, NEED.AGENCY_ID, NEED.WORK_LEVEL)
                .from(NEED).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(NEED.STAGE_ID))
                .where(inWorkshop).and(NEED.MODERATION.eq("PENDING"))
                .fetch(r -> new PendingText(TextKind.NEED, String.valueOf(r.value1()), r.value2(), r.value3(), r.value4(),
                        Level.valueOf(r.value5()))));
        all.addAll(db.select(MAPPING_NOTE.ID, WORKSHOP_STAGE.POSITION, MAPPING_NOTE.TEXT, MAPPING_NOTE.AGENCY_ID,
                        MAPPING_NOTE.WORK_LEVEL)
                .from(MAPPING_NOTE).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(MAPPING_NOTE.STAGE_ID))
                .where(inWorkshop).and(MAPPING_NOTE.MODERATION.eq("PENDING"))
                .fetch(r -> new PendingText(TextKind.NOTE, String.valueOf(r.value1()), r.value2(), r.value3(), r.value4(),
                        Level.valueOf(r.value5()))));
        return all;
    }

    /** Sets the decision on a text of this workshop; returns false when the ref names no such text there. */
    boolean decide(long workshopId, TextKind kind, String ref, boolean approve) {
        String decision = approve ? "APPROVED" : "REJECTED";
        String[] parts = ref == null ? new String[0] : ref.split("/", -1);
        try {
            return switch (kind) {
                case FRAMING -> parts.length == 2 && inWorkshop(workshopId, Long.parseLong(parts[1]))
                        && db.update(FRAMING_INPUT).set(FRAMING_INPUT.MODERATION, decision)
                        .where(FRAMING_INPUT.PARTICIPANT_ID.eq(Long.parseLong(parts[0]))
                                .and(FRAMING_INPUT.STAGE_ID.eq(Long.parseLong(parts[1])))).execute() == 1;
                case PULSE -> parts.length == 3 && inWorkshop(workshopId, Long.parseLong(parts[1]))
                        && db.update(PULSE_ANSWER).set(PULSE_ANSWER.MODERATION, decision)
                        .where(PULSE_ANSWER.PARTICIPANT_ID.eq(Long.parseLong(parts[0]))
                                .and(PULSE_ANSWER.STAGE_ID.eq(Long.parseLong(parts[1])))
                                .and(PULSE_ANSWER.QUESTION_ID.eq(parts[2]))).execute() == 1;
                case NEED -> parts.length == 1 && db.update(NEED).set(NEED.MODERATION, decision)
                        .where(NEED.ID.eq(Long.parseLong(parts[0]))).and(NEED.STAGE_ID.in(
                                db.select(WORKSHOP_STAGE.ID).from(WORKSHOP_STAGE).where(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId))))
                        .execute() == 1;
                case NOTE -> parts.length == 1 && db.update(MAPPING_NOTE).set(MAPPING_NOTE.MODERATION, decision)
                        .where(MAPPING_NOTE.ID.eq(Long.parseLong(parts[0]))).and(MAPPING_NOTE.STAGE_ID.in(
                                db.select(WORKSHOP_STAGE.ID).from(WORKSHOP_STAGE).where(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId))))
                        .execute() == 1;
            };
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    private boolean inWorkshop(long workshopId, long stageId) {
        return db.fetchExists(WORKSHOP_STAGE, WORKSHOP_STAGE.ID.eq(stageId).and(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId)));
    }
}
