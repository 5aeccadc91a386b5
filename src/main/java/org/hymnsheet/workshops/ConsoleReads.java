package org.hymnsheet.workshops;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads what the facilitator's console shows of one workshop, for a caller already checked: the stages, who is here,
 * the words waiting and sent, and the speaking so far. Runs in the caller's transaction.
 */
@Component
class ConsoleReads {
    /** How many texts sent to the safeguarding lead the console lists. */
    static final int SENT_SHOWN = 20;

    private final WorkshopRepository workshops;
    private final ParticipantRepository participants;
    private final ModerationRepository moderation;
    private final EscalationRepository escalations;
    private final SpeakingRepository turns;
    private final AggregateRepository aggregates;
    private final Clock clock;

    ConsoleReads(WorkshopRepository workshops, ParticipantRepository participants, ModerationRepository moderation,
                 EscalationRepository escalations, SpeakingRepository turns, AggregateRepository aggregates,
                 Clock clock) {
        this.workshops = workshops;
        this.participants = participants;
        this.moderation = moderation;
        this.escalations = escalations;
        this.turns = turns;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    ConsoleState read(Workshop w) {
        List<PendingText> pending = w.ended() ? List.of() : moderation.pending(w.id());
        var speakingNow = turns.open(w.id()).map(t -> new ConsoleState.Speaker(t.agencyId(), t.level())).orElse(null);
        return new ConsoleState(w, workshops.stages(w.id()), participants.roster(w.id()), pending,
                escalations.sent(w.id(), SENT_SHOWN), shares(w), speakingNow);
    }

    /** Shares of speaking time and of turns; the turn under way counts up to now. */
    SpeakingService.Shares shares(Workshop w) {
        var scope = WorkshopScope.workshop(w.partnershipId(), w.id());
        var now = clock.instant();
        return new SpeakingService.Shares(aggregates.speaking(scope, false, now), aggregates.speaking(scope, true, now));
    }
}
