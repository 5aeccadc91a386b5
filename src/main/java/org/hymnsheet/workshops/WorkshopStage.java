package org.hymnsheet.workshops;

import java.time.Instant;
import org.hymnsheet.templates.Stage;

/**
 * One stage of a workshop: the template's stage as copied at creation, and its live state.
 *
 * @param locked inputs to this stage are refused
 * @param revealed participants see everyone's inputs to this stage, not only their own
 * @param timerStartedAt when the facilitator started the stage timer, or null
 */
public record WorkshopStage(long id, int position, StageKind kind, Stage definition, boolean locked, boolean revealed,
                            Instant timerStartedAt, Integer timerSeconds) {}
