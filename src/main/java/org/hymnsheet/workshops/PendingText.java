package org.hymnsheet.workshops;

/**
 * Free text a participant wrote, waiting for the facilitator before anyone else sees it.
 *
 * @param ref identifies the text for {@code moderate}; opaque to callers
 */
public record PendingText(TextKind kind, String ref, int stagePosition, String text, long agencyId, Level level) {

    public enum TextKind { FRAMING, PULSE, NEED, NOTE }
}
