package org.hymnsheet.workshops;

import org.hymnsheet.common.WorkshopStatus;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import org.hymnsheet.common.Codes;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.springframework.stereotype.Component;

/** Resolves a participant's token and checks that an input to a stage may be made now. */
@Component
class ParticipantAccess {
    /** A participant about to write to a stage that accepts input. */
    record Writing(Participant participant, Workshop workshop, WorkshopStage stage) {
        InputRepository.Author author() {
            return InputRepository.Author.of(participant);
        }
    }

    private final ParticipantRepository participants;
    private final WorkshopRepository workshops;
    private final LiveSignals signals;

    ParticipantAccess(ParticipantRepository participants, WorkshopRepository workshops, LiveSignals signals) {
        this.participants = participants;
        this.workshops = workshops;
        this.signals = signals;
    }

    Participant participant(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFoundException("participant");
        }
        return participants.byTokenHash(Codes.sha256Hex(token)).orElseThrow(() -> new NotFoundException("participant"));
    }

    /** A stage the room has reached (the current one or an earlier one). */
    WorkshopStage reached(Workshop workshop, int position) {
        if (position > workshop.currentStage() || workshop.status() == WorkshopStatus.DRAFT) {
            throw new ValidationException("stage", "workshops.stageNotOpen");
        }
        return workshops.stage(workshop.id(), position)
                .orElseThrow(() -> new ValidationException("stage", "workshops.noSuchStage"));
    }

    /**
     * The participant (row locked, so their own inputs apply one at a time) and the stage, when the workshop is
     * live, the stage has been reached, is of this kind and is not locked.
     */
    Writing writing(String token, int position, StageKind kind) {
        Participant p = participant(token);
        participants.lock(p.id());
        Workshop w = workshops.find(p.workshopId()).orElseThrow(() -> new NotFoundException("workshop"));
        if (w.ended()) {
            throw new ValidationException("workshop", "workshops.ended");
        }
        WorkshopStage stage = reached(w, position);
        if (stage.kind() != kind) {
            throw new ValidationException("stage", "workshops.wrongStageKind");
        }
        if (stage.locked()) {
            throw new ValidationException("stage", "workshops.stageLocked");
        }
        signals.changed(Topic.workshop(w.id())); // sent once the input commits
        return new Writing(p, w, stage);
    }

    /** Free text a participant typed: kept exactly, at most {@code max} characters, no control characters but line breaks and tabs. */
    static String text(String field, String value, int max, boolean required) {
        // stored exactly as typed (leading spaces, right-to-left marks and all); blank counts as empty
        String text = value == null ? "" : value;
        if (text.isBlank()) {
            if (required) {
                throw new ValidationException(field, "validation.required");
            }
            return null;
        }
        if (text.length() > max) {
            throw new ValidationException(field, "validation.tooLong", max);
        }
        if (text.codePoints().anyMatch(cp -> (Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t')
                || Character.getType(cp) == Character.SURROGATE)) {
            throw new ValidationException(field, "validation.controlCharacters");
        }
        return text;
    }
}
