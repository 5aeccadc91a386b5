package org.hymnsheet.workshops;

/**
 * Free text a participant wrote, waiting for the facilitator before anyone else sees it.
 *
 * @param ref identifies the text and the exact words shown, for {@code moderate}; opaque to callers. Approving it
 *            approves those words only: words changed since are refused and wait again under a new ref.
 * @param agencyId the writer's agency, or null for a comment on the anonymous pulse
 * @param level the writer's level, or null for a comment on the anonymous pulse
 */
public record PendingText(TextKind kind, String ref, int stagePosition, String text, Long agencyId, Level level) {

    public enum TextKind { FRAMING, PULSE, NEED, NOTE }
}
