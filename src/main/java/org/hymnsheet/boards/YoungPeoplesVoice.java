package org.hymnsheet.boards;

import java.util.List;

/**
 * The young people's voice panel: findings of the partnership survey chosen for the workshop. Every count is
 * already suppressed (under 5 reads "fewer than 5"); quotes are free text a facilitator approved.
 *
 * @param responses how many young people answered, as shown (e.g. "23" or "fewer than 5")
 */
public record YoungPeoplesVoice(String survey, String responses, List<Finding> findings, List<String> quotes) {

    /** One question with its answers as shown, most chosen first. */
    public record Finding(String question, List<Shown> answers) {}

    public record Shown(String label, String count) {}
}
