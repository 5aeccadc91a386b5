package org.hymnsheet.surveys;

import java.util.List;
import org.hymnsheet.templates.SurveyTemplate;

/**
 * What a respondent's device gets when it opens a survey: the questions and the partnership's places, and how many
 * days after the survey closes its answers are deleted (the partnership's retention period, said on the welcome
 * screen). Nothing here identifies any respondent.
 */
public record SurveyEntry(State state, long surveyId, String title, SurveyTemplate template, List<PlaceChoice> places,
                          String kioskLabel, String kioskToken, int retentionDays) {

    public enum State { OPEN, CLOSED, NOT_FOUND, TOO_MANY_GUESSES }

    public record PlaceChoice(String ref, String name) {}

    static SurveyEntry missing() {
        return new SurveyEntry(State.NOT_FOUND, 0, null, null, List.of(), null, null, 0);
    }

    static SurveyEntry tooManyGuesses() {
        return new SurveyEntry(State.TOO_MANY_GUESSES, 0, null, null, List.of(), null, null, 0);
    }

    public boolean open() {
        return state == State.OPEN;
    }

    public boolean kiosk() {
        return kioskToken != null;
    }
}
