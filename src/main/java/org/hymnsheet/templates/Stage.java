package org.hymnsheet.templates;

/**
 * One stage of a partnership workshop. The kinds are a closed set: each has a participant input, a facilitator
 * control, a board projection and findings queries, so adding a kind touches those places and nothing else.
 */
public sealed interface Stage permits FramingStage, VoiceStage, CardSortStage, PulseStage, NeedsStage, MappingStage {
    /** Unique within the template; inputs are stored under it. */
    String id();

    LocalizedText title();

    /** The question the room answers in this stage, shown to participants and on the board. */
    LocalizedText prompt();

    /** Suggested minutes for the stage timer, or 0 for none. */
    int minutes();
}
