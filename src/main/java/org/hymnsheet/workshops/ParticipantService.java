package org.hymnsheet.workshops;

import org.hymnsheet.common.WorkshopStatus;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.hymnsheet.common.Codes;
import org.hymnsheet.common.CodeGuessGuard;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.templates.PulseStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participant's side, without an account: join by code, choose agency and level, come back as the same
 * person with the token after a refresh or a locked phone, and read a stage's inputs — only one's own until the
 * facilitator reveals the stage.
 */
@Service
public class ParticipantService {
    static final int FIRST_NAME_MAX = 60;

    private final WorkshopRepository workshops;
    private final ParticipantRepository participants;
    private final CardRepository cards;
    private final InputReads reads;
    private final ParticipantAccess access;
    private final CodeGuessGuard guard;
    private final LiveSignals signals;

    ParticipantService(WorkshopRepository workshops, ParticipantRepository participants, CardRepository cards,
                       InputReads reads, ParticipantAccess access, CodeGuessGuard guard, LiveSignals signals) {
        this.workshops = workshops;
        this.participants = participants;
        this.cards = cards;
        this.reads = reads;
        this.access = access;
        this.guard = guard;
        this.signals = signals;
    }

    /**
     * Looks a typed code up, for the screen that then asks for agency and level. A wrong code counts against
     * {@code clientKey} (e.g. the client's address): too many and that key is refused for a while.
     */
    @Transactional(readOnly = true)
    public JoinResult open(String code, String clientKey) {
        return lookUp(code, clientKey).map(w -> new JoinResult(JoinResult.Outcome.JOINED, w.id(), w.title(),
                participants.agencies(w.partnershipId()), null, null)).orElseGet(() -> refusal(code, clientKey));
    }

    /**
     * Joins the workshop with this code, live or not started yet (then the phone waits on a "you're in" screen and
     * the person is in the roster already); the token in the result is the participant's only key.
     */
    @Transactional
    public JoinResult join(String code, long agencyId, Level level, String firstName, String clientKey) {
        Optional<Workshop> workshop = lookUp(code, clientKey);
        if (workshop.isEmpty()) {
            return refusal(code, clientKey);
        }
        Workshop w = workshop.get();
        if (!participants.agencyIn(agencyId, w.partnershipId())) {
            throw new ValidationException("agency", "workshops.unknownAgency");
        }
        if (level == null) {
            throw new ValidationException("level", "validation.required");
        }
        String name = ParticipantAccess.text("firstName", firstName, FIRST_NAME_MAX, false);
        if (name != null && name.contains("\n")) {
            throw new ValidationException("firstName", "validation.controlCharacters");
        }
        String token = Codes.randomToken(24);
        long id = participants.insert(w.id(), Codes.sha256Hex(token), agencyId, level, name);
        signals.changed(Topic.workshop(w.id()));
        return new JoinResult(JoinResult.Outcome.JOINED, w.id(), w.title(), participants.agencies(w.partnershipId()),
                token, new Participant(id, w.id(), agencyId, level, name));
    }

    /** The same person again, from the token the device kept; empty for an unknown token. */
    @Transactional(readOnly = true)
    public Optional<Participant> rejoin(String token) {
        try {
            return Optional.of(access.participant(token));
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
    }

    /**
     * Everything a phone shows now, read once after one look-up of the token: the workshop's status and stage, and
     * for a live one the stage with this participant's inputs (and the room's once revealed), the cards of a card
     * sort, the room's pulse once revealed, and the agencies where the screen names them.
     */
    @Transactional(readOnly = true)
    public PhoneState phone(String token) {
        Participant p = access.participant(token);
        Workshop w = workshops.find(p.workshopId()).orElseThrow(() -> new NotFoundException("workshop"));
        if (w.status() != WorkshopStatus.LIVE) {
            List<AgencyChoice> agencies = w.ended() ? List.of() : participants.agencies(w.partnershipId());
            return new PhoneState(w, p, null, List.of(), List.of(), PulseRoom.NOTHING_YET, agencies);
        }
        WorkshopStage stage = access.reached(w, w.currentStage());
        StageKind kind = stage.kind();
        return new PhoneState(w, p, stage, reads.inputs(stage.id(), p.id(), stage.revealed()),
                kind == StageKind.CARD_SORT ? cards.cards(w.id()) : List.of(),
                kind == StageKind.PULSE ? room(stage) : PulseRoom.NOTHING_YET,
                kind == StageKind.VOICE || kind == StageKind.NEEDS ? participants.agencies(w.partnershipId()) : List.of());
    }

    /** The workshop as the participant's phone shows it: status and current stage. */
    @Transactional(readOnly = true)
    public Workshop workshop(String token) {
        return workshops.find(access.participant(token).workshopId()).orElseThrow(() -> new NotFoundException("workshop"));
    }

    /** A stage the room has reached, with its definition (labels, cards' contexts, questions, columns). */
    @Transactional(readOnly = true)
    public WorkshopStage stage(String token, int position) {
        Participant p = access.participant(token);
        return access.reached(workshops.find(p.workshopId()).orElseThrow(), position);
    }

    @Transactional(readOnly = true)
    public List<Card> cards(String token) {
        return cards.cards(access.participant(token).workshopId());
    }

    /**
     * The inputs to a stage this participant may see: their own, and everyone else's only once the facilitator
     * revealed the stage (others' free text only once approved). Never anyone else's answer to the anonymous pulse:
     * the room's pulse is read as totals, with {@link #pulse}.
     */
    @Transactional(readOnly = true)
    public List<StageInput> inputs(String token, int position) {
        Participant p = access.participant(token);
        WorkshopStage stage = access.reached(workshops.find(p.workshopId()).orElseThrow(), position);
        return reads.inputs(stage.id(), p.id(), stage.revealed());
    }

    /**
     * The room's anonymous pulse on a pulse stage, once the facilitator revealed it: totals per question and the
     * approved comments in the order of their words. Nothing before the reveal.
     */
    @Transactional(readOnly = true)
    public PulseRoom pulse(String token, int position) {
        Participant p = access.participant(token);
        WorkshopStage stage = access.reached(workshops.find(p.workshopId()).orElseThrow(), position);
        if (!(stage.definition() instanceof PulseStage)) {
            throw new ValidationException("stage", "workshops.wrongStageKind");
        }
        return room(stage);
    }

    private PulseRoom room(WorkshopStage stage) {
        if (!(stage.definition() instanceof PulseStage pulse) || !stage.revealed()) {
            return PulseRoom.NOTHING_YET;
        }
        var counts = reads.pulseTotals(stage.id());
        var totals = pulse.questions().stream().map(q -> {
            List<Integer> byValue = IntStream.rangeClosed(1, 5).map(v -> counts.stream()
                    .filter(c -> c.question().equals(q.id()) && c.value() == v)
                    .mapToInt(InputReads.PulseCount::count).sum()).boxed().toList();
            return new PulseRoom.Total(q.id(), byValue.stream().mapToInt(Integer::intValue).sum(), byValue);
        }).toList();
        return new PulseRoom(totals, reads.approvedPulseComments(stage.id()));
    }

    private Optional<Workshop> lookUp(String code, String clientKey) {
        if (guard.blocked(clientKey)) {
            return Optional.empty();
        }
        // a workshop not started yet takes joiners: they wait on their phones until the facilitator starts
        return workshops.byCode(Codes.normaliseCode(code)).filter(w -> !w.ended());
    }

    private JoinResult refusal(String code, String clientKey) {
        if (guard.blocked(clientKey)) {
            return JoinResult.refused(JoinResult.Outcome.TOO_MANY_TRIES);
        }
        Optional<Workshop> w = workshops.byCode(Codes.normaliseCode(code));
        if (w.isEmpty()) {
            guard.wrongCode(clientKey);
            return JoinResult.refused(JoinResult.Outcome.WRONG_CODE);
        }
        return JoinResult.refused(JoinResult.Outcome.ENDED);
    }
}
