package org.hymnsheet.workshops;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hymnsheet.common.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The speaking tracker: the facilitator (or an observer signed in as one) taps whoever is speaking. A tap ends
 * the turn under way and starts the next; pause ends it; undo takes back the last tap. Shares are SQL sums.
 */
@Service
public class SpeakingService {
    /** Shares by agency and by level: the two ways the board compares the room with an equal share. */
    public record Shares(List<SpeakingShare> byAgency, List<SpeakingShare> byLevel) {}

    private final WorkshopRepository workshops;
    private final ParticipantRepository participants;
    private final SpeakingRepository turns;
    private final AggregateRepository aggregates;
    private final FacilitatorAccess access;
    private final Clock clock;

    SpeakingService(WorkshopRepository workshops, ParticipantRepository participants, SpeakingRepository turns,
                    AggregateRepository aggregates, FacilitatorAccess access, Clock clock) {
        this.workshops = workshops;
        this.participants = participants;
        this.turns = turns;
        this.aggregates = aggregates;
        this.access = access;
        this.clock = clock;
    }

    /** Someone of this agency (and level, if known) speaks now. Tapping whoever is already speaking changes nothing. */
    @Transactional
    public void tap(long workshopId, long agencyId, Level level) {
        Workshop w = access.live(workshopId).workshop();
        if (!participants.agencyIn(agencyId, w.partnershipId())) {
            throw new ValidationException("agency", "workshops.unknownAgency");
        }
        Instant now = clock.instant();
        var open = turns.open(workshopId);
        if (open.isPresent() && open.get().agencyId() == agencyId && open.get().level() == level) {
            return;
        }
        open.ifPresent(t -> turns.end(t.id(), now));
        Long stageId = workshops.stage(workshopId, w.currentStage()).map(WorkshopStage::id).orElse(null);
        turns.insert(workshopId, stageId, agencyId, level, now, null);
    }

    /** Nobody is speaking: ends the turn under way, if any. */
    @Transactional
    public void pause(long workshopId) {
        access.live(workshopId);
        Instant now = clock.instant();
        turns.open(workshopId).ifPresent(t -> turns.end(t.id(), now));
    }

    /**
     * Takes back the last tap: its turn goes, and the turn that tap ended runs on as if the tap never happened
     * (open again, or ended where the removed turn ended).
     */
    @Transactional
    public void undoLast(long workshopId) {
        access.live(workshopId);
        var latest = turns.latest(workshopId, 2);
        if (latest.isEmpty()) {
            return;
        }
        var last = latest.getFirst();
        turns.delete(last.id());
        if (latest.size() == 2 && last.startedAt().equals(latest.get(1).endedAt())) {
            turns.end(latest.get(1).id(), last.endedAt());
        }
    }

    /** Shares of speaking time and of turns; the turn under way counts up to now. */
    @Transactional(readOnly = true)
    public Shares shares(long workshopId) {
        return shares(workshopId, clock.instant());
    }

    @Transactional(readOnly = true)
    Shares shares(long workshopId, Instant now) {
        var scope = WorkshopScope.workshop(access.owned(workshopId).workshop().partnershipId(), workshopId);
        return new Shares(aggregates.speaking(scope, false, now), aggregates.speaking(scope, true, now));
    }
}
