package org.hymnsheet.workshops;

import java.util.List;

/**
 * Everything the facilitator's console shows of a workshop, read in one transaction after one access check.
 *
 * @param stages every stage in order, with its lock, reveal and timer
 * @param roster who is here, by agency name, level and time of joining
 * @param pending the room's free text waiting for approval (none once the workshop has ended)
 * @param escalated the texts sent to the safeguarding lead, newest first
 * @param speaking shares of speaking time and turns so far
 * @param speakingNow the turn under way, or null when nobody speaks
 */
public record ConsoleState(Workshop workshop, List<WorkshopStage> stages, List<RosterEntry> roster,
                           List<PendingText> pending, List<EscalatedText> escalated, SpeakingService.Shares speaking,
                           Speaker speakingNow) {

    /** Who holds the turn under way: an agency, and a level when the facilitator chose one. */
    public record Speaker(long agencyId, Level level) {}

    public WorkshopStage currentStage() {
        return stages.get(workshop.currentStage());
    }
}
