package org.hymnsheet.workshops;

/**
 * A workshop template run live for one partnership.
 *
 * @param currentStage the position (0-based) of the stage the room is on
 */
public record Workshop(long id, long partnershipId, String templateId, String title, WorkshopStatus status,
                       String joinCode, int currentStage, int stageCount, int participants, int version) {
    public boolean ended() {
        return status == WorkshopStatus.ENDED;
    }
}
