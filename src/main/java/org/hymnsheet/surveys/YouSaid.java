package org.hymnsheet.surveys;

import java.util.List;
import org.hymnsheet.common.Suppression.Shown;

/**
 * A survey's public "you said, we did" page, in one language: what young people told us (counts already through
 * the disclosure rule, approved words only, with nothing beside them) and what the partnership did.
 *
 * @param language  the language the texts are in (one of {@code languages})
 * @param languages the languages the page can be read in (the survey template's)
 * @param answered  how many young people's answers are counted
 * @param topics    the survey's questions (not the "about you" ones), each with its answers counted
 * @param quotes    approved words of young people, exactly as typed
 * @param actions   what the partnership did, the newest first
 */
public record YouSaid(String title, String language, List<String> languages, Shown answered, List<Topic> topics,
                      List<String> quotes, List<SurveyAction> actions) {
    public YouSaid {
        languages = List.copyOf(languages);
        topics = List.copyOf(topics);
        quotes = List.copyOf(quotes);
        actions = List.copyOf(actions);
    }

    /** What a topic shows: a question's answers, or the places rated safe, or unsafe. */
    public enum Kind { QUESTION, PLACES_SAFE, PLACES_UNSAFE }

    /**
     * A question, or one side (safe or unsafe) of a places question, with its answers.
     *
     * @param heading the question's text; for the places kinds the page words the heading itself
     */
    public record Topic(Kind kind, String questionId, String heading, List<Line> lines) {
        public Topic {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One answer (an option, a scale point, a place) and how many young people gave it.
     *
     * @param id the option id, scale point ("1" to "5") or place ref ({@code "elsewhere"} for somewhere else, which
     *           the page words itself)
     */
    public record Line(String id, String label, Shown count) {}
}
