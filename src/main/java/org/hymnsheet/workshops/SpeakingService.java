package org.hymnsheet.workshops;

import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
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
    private final CurrentStaff staff;
    private final Clock clock;
    private final LiveSignals signals;

    SpeakingService(WorkshopRepository workshops, ParticipantRepository participants, SpeakingRepository turns,
                    AggregateRepository aggregates, CurrentStaff staff, Clock clock, LiveSignals signals) {
        this.workshops = workshops;
        this.participants = participants;
        this.turns = turns;
        this.aggregates = aggregates;
        this.staff = staff;
        this.clock = clock;
        this.signals = signals;
    }

    /** Someone of this agency (and level, if known) speaks now. Tapping whoever is already speaking changes nothing. */
    @Transactional
    public void tap(long workshopId, long agencyId, Level level) {
        Workshop w = live(workshopId);
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
        live(workshopId);
        Instant now = clock.instant();
        turns.open(workshopId).ifPresent(t -> turns.end(t.id(), now));
    }

    /**
     * Takes back the last tap: its turn goes, and the turn that tap ended runs on as if the tap never happened
     * (open again, or ended where the removed turn ended).
     */
    @Transactional
    public void undoLast(long workshopId) {
        live(workshopId);
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
        var scope = WorkshopScope.workshop(owned(workshopId).partnershipId(), workshopId);
        return new Shares(aggregates.speaking(scope, false, now), aggregates.speaking(scope, true, now));
    }

    private Workshop owned(long workshopId) {
        staff.require();
        Workshop w = workshops.find(workshopId).orElseThrow(() -> new NotFoundException("workshop"));
        staff.requireRoleIn(w.partnershipId(), Role.FACILITATOR, Role.ADMIN);
        return w;
    }

    private Workshop live(long workshopId) {
        owned(workshopId);
        Workshop w = workshops.lock(workshopId).orElseThrow();
        if (w.status() != WorkshopStatus.LIVE) {
            throw new ValidationException("workshop", w.ended() ? "workshops.ended" : "workshops.notStarted");
        }
        signals.changed(Topic.workshop(workshopId));
        return w;
    }
}
