package org.hymnsheet.workshops;

import org.hymnsheet.common.WorkshopStatus;
/**
 * A workshop template run live for one partnership.
 *
 * @param currentStage the position (0-based) of the stage the room is on
 * @param surveyId the partnership survey whose findings the board shows as the young people's voice, or null
 */
public record Workshop(long id, long partnershipId, String templateId, String title, WorkshopStatus status,
                       String joinCode, int currentStage, int stageCount, int participants, int version, Long surveyId) {
    public boolean ended() {
        return status == WorkshopStatus.ENDED;
    }
}
