package org.hymnsheet.workshops;

import java.time.Instant;

/**
 * A board saved into the workshop record: the stage the room was on, when, and by whom. The PDF itself is fetched
 * on its own, only when someone downloads it.
 *
 * @param stagePosition the stage's position (0-based)
 * @param savedBy the display name of the staff member who saved it, or null if the account is gone
 */
public record BoardSnapshot(long id, int stagePosition, String stageTitle, Instant savedAt, String savedBy) {}
