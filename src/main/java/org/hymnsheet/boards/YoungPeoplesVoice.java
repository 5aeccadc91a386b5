package org.hymnsheet.boards;

import java.util.List;

/**
 * The young people's voice panel: findings of the partnership survey chosen for the workshop. Every count is
 * already suppressed (under 5 reads "fewer than 5 or held back"); quotes are free text a facilitator approved.
 *
 * @param responses how many young people answered, as shown (e.g. "23" or "fewer than 5 or held back")
 * @param rule the small-numbers rule in plain words, shown under the panel
 */
public record YoungPeoplesVoice(String survey, String responses, List<Finding> findings, List<String> quotes,
                                String rule) {

    /**
     * One question with the answers whose counts can be shown, in the survey's order.
     *
     * @param othersHeldBack whether some answers are left out because their counts are small (or would give one away)
     */
    public record Finding(String question, List<Shown> answers, boolean othersHeldBack) {}

    public record Shown(String label, String count) {}
}
