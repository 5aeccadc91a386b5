package org.hymnsheet.workshops;

import java.util.List;

/**
 * The room's anonymous pulse as a participant may read it once the facilitator revealed it: totals per question
 * and the approved comments, neither joined to anyone's agency, level, time or answer.
 */
public record PulseRoom(List<Total> totals, List<Comment> comments) {

    public PulseRoom {
        totals = List.copyOf(totals);
        comments = List.copyOf(comments);
    }

    static final PulseRoom NOTHING_YET = new PulseRoom(List.of(), List.of());

    /**
     * How many answered one question, and how many chose each option.
     *
     * @param counts how many answered 1, 2, 3, 4 and 5 (always five entries)
     */
    public record Total(String question, int answered, List<Integer> counts) {
        public Total {
            counts = List.copyOf(counts);
        }
    }

    /** An approved comment on a question: its words alone. */
    public record Comment(String question, String text) {}
}
