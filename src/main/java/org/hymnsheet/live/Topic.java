package org.hymnsheet.live;

/**
 * What changed, never how: "workshop 12 changed", "survey 7 changed". A page that hears a topic re-reads what it
 * shows from the tables, so a lost or merged signal costs at most a refresh, never a wrong page.
 */
public record Topic(String key) {
    private static final int MAX_KEY = 100;

    public Topic {
        if (key == null || key.isBlank() || key.length() > MAX_KEY || key.contains("|")) {
            throw new IllegalArgumentException("Bad topic key");
        }
    }

    /** Anything about a workshop: its stages, participants, inputs, cards, speaking turns, moderation. */
    public static Topic workshop(long workshopId) {
        return new Topic("workshop:" + workshopId);
    }

    /**
     * What the facilitator does to the room: stages, reveal, lock, timer, end, cards, approved words. Said together
     * with {@link #workshop}; participants' own inputs are not in it, so phones that only need to follow the
     * facilitator are not woken by every answer in the room.
     */
    public static Topic room(long workshopId) {
        return new Topic("room:" + workshopId);
    }

    /** A survey's submitted responses or the moderation of its free text. */
    public static Topic survey(long surveyId) {
        return new Topic("survey:" + surveyId);
    }

    /** A partnership's safeguarding queue: a flag arrived, was opened or was handled. */
    public static Topic safeguarding(long partnershipId) {
        return new Topic("safeguarding:" + partnershipId);
    }
}
