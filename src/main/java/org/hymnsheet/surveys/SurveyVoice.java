package org.hymnsheet.surveys;

import org.hymnsheet.common.SurveyStatus;
import java.util.List;
import org.hymnsheet.common.Suppression.Shown;

/**
 * What young people said in one survey, for a board panel or a lead: submitted responses only, every count
 * counted in SQL and then passed through {@link org.hymnsheet.common.Suppression}, and only the words a facilitator
 * approved. Texts are in English (the template's fallback language) and are plain text, exactly as typed.
 *
 * @param submitted how many young people sent their answers
 * @param questions the closed questions, in template order
 * @param approvedTexts up to {@link SurveyVoiceService#TEXTS} approved answers in young people's own words (free-text
 *                      answers and the "why" of a rated place), the most recent first
 */
public record SurveyVoice(long surveyId, String title, SurveyStatus status, Shown submitted,
                          List<QuestionCounts> questions, List<String> approvedTexts) {

    public SurveyVoice {
        questions = List.copyOf(questions);
        approvedTexts = List.copyOf(approvedTexts);
    }

    /** The counts of one closed question. */
    public sealed interface QuestionCounts permits Choices, Places {
        String questionId();

        String text();
    }

    /**
     * A single-choice, multiple-choice, 1–5 scale or trusted-people question: how many answered it, and how many
     * gave each option (or scale point), in template order. Options found in answers but no longer in the template
     * come last, labelled with their id.
     *
     * @param severalAnswers whether one respondent may give several options (multiple choice, trusted people), so
     *                       the options add up to more than {@code answered}
     */
    public record Choices(String questionId, String text, boolean severalAnswers, Shown answered, List<Cell> cells)
            implements QuestionCounts {
        public Choices {
            cells = List.copyOf(cells);
        }
    }

    /** An option or a scale point (id "1" to "5") with how many chose it. */
    public record Cell(String id, String label, Shown count) {}

    /** A places question: each of the partnership's places, then "somewhere else", and how they were rated. */
    public record Places(String questionId, String text, List<RatedPlace> places) implements QuestionCounts {
        public Places {
            places = List.copyOf(places);
        }
    }

    /**
     * One place and how many rated it, and how.
     *
     * @param ref the place id, or {@code "elsewhere"} for somewhere else
     */
    public record RatedPlace(String ref, String name, Shown rated, Shown safe, Shown notSure, Shown unsafe) {}
}
