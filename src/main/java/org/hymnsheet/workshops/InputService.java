package org.hymnsheet.workshops;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.templates.CardSortStage;
import org.hymnsheet.templates.MappingStage;
import org.hymnsheet.templates.NeedsStage;
import org.hymnsheet.templates.Option;
import org.hymnsheet.templates.PulseStage;
import org.hymnsheet.templates.VoiceStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's input to each kind of stage, by token. Each is stored as rows with the participant, their
 * agency and level, the stage and the time; inputs that can be given once (a framing, a placement, a pulse
 * answer, dots) replace the earlier one. Nothing is accepted by an ended workshop or a locked stage.
 */
@Service
public class InputService {
    /** What an id made by a phone looks like (a UUID fits). */
    public static final java.util.regex.Pattern CLIENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{8,36}");
    static final int TEXT_MAX = 1000;

    /** One answer of a pulse screen: a 1..5 value, and a comment (null for none) where the question offers one. */
    public record PulseAnswer(String questionId, int value, String comment) {}

    /** One card as a participant places it: 0 = behaviour-based … 100 = ecological, and the contexts it targets. */
    public record Placement(long cardId, int value, Set<String> contexts) {}

    private final ParticipantAccess access;
    private final InputRepository inputs;
    private final CardRepository cards;
    private final ParticipantRepository participants;

    InputService(ParticipantAccess access, InputRepository inputs, CardRepository cards, ParticipantRepository participants) {
        this.access = access;
        this.inputs = inputs;
        this.cards = cards;
        this.participants = participants;
    }

    /** Where the participant stands between the two ends (0..100), and optionally why, in a sentence. */
    @Transactional
    public void frame(String token, int position, int value, String sentence) {
        var at = access.writing(token, position, StageKind.FRAMING);
        inputs.framing(at.author(), at.stage().id(), range("value", value, 0, 100),
                ParticipantAccess.text("sentence", sentence, TEXT_MAX, false));
    }

    /** The agencies this participant sees as most influential; replaces their earlier choice. */
    @Transactional
    public void influence(String token, int position, Set<Long> agencyIds) {
        var at = access.writing(token, position, StageKind.VOICE);
        int max = ((VoiceStage) at.stage().definition()).influenceChoices();
        if (agencyIds == null || agencyIds.size() > max) {
            throw new ValidationException("agencies", "workshops.tooManyChoices", max);
        }
        for (long agency : agencyIds) {
            if (!participants.agencyIn(agency, at.workshop().partnershipId())) {
                throw new ValidationException("agencies", "workshops.unknownAgency");
            }
        }
        inputs.influence(at.author(), at.stage().id(), agencyIds);
    }

    /** Places a card (0 = behaviour-based … 100 = ecological); placing it again replaces the earlier placement. */
    @Transactional
    public void place(String token, int position, long cardId, int value) {
        var at = access.writing(token, position, StageKind.CARD_SORT);
        cards.place(at.author(), card(at, cardId), at.stage().id(), range("value", value, 0, 100));
    }

    /**
     * Places these cards and sets the contexts each targets, in one go: a phone's save is one call, one
     * transaction, one multi-row upsert of the placements and one insert of the contexts. Saving the same again
     * stores the same rows once (placements are keyed by participant and card; a card's contexts are replaced).
     */
    @Transactional
    public void placeAll(String token, int position, List<Placement> placements) {
        var at = access.writing(token, position, StageKind.CARD_SORT);
        if (placements == null || placements.isEmpty()) {
            return;
        }
        var allowed = ((CardSortStage) at.stage().definition()).contexts().stream().map(Option::id).toList();
        Set<Long> ids = new HashSet<>();
        for (Placement p : placements) {
            range("value", p.value(), 0, 100);
            if (p.contexts() == null || !allowed.containsAll(p.contexts())) {
                throw new ValidationException("contexts", "workshops.unknownContext");
            }
            if (!ids.add(p.cardId())) {
                throw new ValidationException("card", "workshops.cardTwice");
            }
        }
        if (!cards.allOf(at.workshop().id(), ids)) {
            throw new NotFoundException("card");
        }
        cards.placeAll(at.author(), at.stage().id(), placements);
    }

    /** The contexts this participant says the card targets; replaces their earlier tags of the card. */
    @Transactional
    public void tag(String token, int position, long cardId, Set<String> contextIds) {
        var at = access.writing(token, position, StageKind.CARD_SORT);
        var allowed = ((CardSortStage) at.stage().definition()).contexts().stream().map(Option::id).toList();
        if (contextIds == null || !allowed.containsAll(contextIds)) {
            throw new ValidationException("contexts", "workshops.unknownContext");
        }
        cards.setContexts(at.author(), card(at, cardId), at.stage().id(), contextIds);
    }

    /** A 1..5 answer to a pulse question, with an optional comment where the question offers one. */
    @Transactional
    public void pulse(String token, int position, String questionId, int value, String comment) {
        pulse(token, position, List.of(new PulseAnswer(questionId, value, comment)));
    }

    /**
     * The answers of one pulse screen, saved together: one call, one transaction, one upsert of all the rows.
     * A question answered again replaces the earlier answer; a comment whose words changed waits for approval again.
     */
    @Transactional
    public void pulse(String token, int position, List<PulseAnswer> answers) {
        var at = access.writing(token, position, StageKind.PULSE);
        var questions = ((PulseStage) at.stage().definition()).questions();
        List<PulseAnswer> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PulseAnswer a : answers == null ? List.<PulseAnswer>of() : answers) {
            var question = questions.stream().filter(q -> q.id().equals(a.questionId())).findFirst()
                    .orElseThrow(() -> new ValidationException("question", "workshops.unknownQuestion"));
            if (!seen.add(question.id())) {
                throw new ValidationException("question", "workshops.unknownQuestion");
            }
            String text = ParticipantAccess.text("comment", a.comment(), TEXT_MAX, false);
            if (text != null && !question.allowText()) {
                throw new ValidationException("comment", "workshops.noCommentHere");
            }
            checked.add(new PulseAnswer(question.id(), range("value", a.value(), 1, 5), text));
        }
        inputs.pulse(at.author(), at.stage().id(), checked);
    }

    /** A need or action the partnership has, in a category, optionally with the agency that should own it. */
    @Transactional
    public long addNeed(String token, int position, String text, Long ownerAgencyId, String category) {
        return addNeed(token, position, text, ownerAgencyId, category, UUID.randomUUID().toString());
    }

    /**
     * A need, with the id the phone made for it ({@link #CLIENT_ID}): sent twice with the same id, it is stored once
     * and the same need's id is returned.
     */
    @Transactional
    public long addNeed(String token, int position, String text, Long ownerAgencyId, String category, String clientId) {
        var at = access.writing(token, position, StageKind.NEEDS);
        known("category", category, ((NeedsStage) at.stage().definition()).categories());
        if (ownerAgencyId != null && !participants.agencyIn(ownerAgencyId, at.workshop().partnershipId())) {
            throw new ValidationException("owner", "workshops.unknownAgency");
        }
        return inputs.need(at.author(), at.stage().id(), ParticipantAccess.text("text", text, TEXT_MAX, true),
                ownerAgencyId, category, clientId(clientId));
    }

    /**
     * Puts {@code dots} of the participant's dots on a need (0 takes them off). Only needs the room can see
     * (revealed and approved) take dots, and nobody spends more than the stage allows.
     */
    @Transactional
    public void dots(String token, int position, long needId, int dots) {
        dots(token, position, Map.of(needId, dots));
    }

    /**
     * Sets the participant's dots on several needs at once (0 takes them off; needs not named keep theirs): the
     * needs stage's one save. Only needs the room can see take dots, and nobody spends more than the stage allows.
     */
    @Transactional
    public void dots(String token, int position, Map<Long, Integer> dotsByNeed) {
        var at = access.writing(token, position, StageKind.NEEDS);
        if (dotsByNeed == null || dotsByNeed.isEmpty()) {
            return;
        }
        int max = ((NeedsStage) at.stage().definition()).dotsPerParticipant();
        var needs = inputs.findNeeds(dotsByNeed.keySet());
        if (needs.size() != dotsByNeed.size() || needs.stream().anyMatch(n -> n.stageId() != at.stage().id())) {
            throw new NotFoundException("need");
        }
        if (!at.stage().revealed() || needs.stream().anyMatch(n -> n.moderation() != Moderation.APPROVED)) {
            throw new ValidationException("need", "workshops.notVisibleYet");
        }
        int sum = 0;
        for (int dots : dotsByNeed.values()) {
            sum += range("dots", dots, 0, max);
        }
        if (inputs.dotsUsed(at.participant().id(), at.stage().id(), dotsByNeed.keySet()) + sum > max) {
            throw new ValidationException("dots", "workshops.noDotsLeft", max);
        }
        inputs.dots(at.author(), at.stage().id(), dotsByNeed);
    }

    /** A note in one of the mapping stage's columns. */
    @Transactional
    public long addNote(String token, int position, String columnId, String text) {
        return addNote(token, position, columnId, text, UUID.randomUUID().toString());
    }

    /** A note, with the id the phone made for it: sent twice with the same id, it is stored once. */
    @Transactional
    public long addNote(String token, int position, String columnId, String text, String clientId) {
        var at = access.writing(token, position, StageKind.MAPPING);
        known("column", columnId, ((MappingStage) at.stage().definition()).columns());
        return inputs.note(at.author(), at.stage().id(), columnId, ParticipantAccess.text("text", text, TEXT_MAX, true),
                clientId(clientId));
    }

    /** An id a phone made: letters, digits and hyphens, 8 to 36 of them (a UUID fits). */
    private static String clientId(String id) {
        if (id == null || !CLIENT_ID.matcher(id).matches()) {
            throw new ValidationException("clientId", "workshops.badClientId");
        }
        return id;
    }

    private long card(ParticipantAccess.Writing at, long cardId) {
        return cards.find(cardId).filter(c -> c.workshopId() == at.workshop().id())
                .orElseThrow(() -> new NotFoundException("card")).id();
    }

    private static void known(String field, String id, List<Option> options) {
        if (id == null || options.stream().noneMatch(o -> o.id().equals(id))) {
            throw new ValidationException(field, "workshops.unknownOption");
        }
    }

    private static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ValidationException(field, "validation.range", min, max);
        }
        return value;
    }
}
