package org.hymnsheet.boards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.surveys.SurveyVoice;
import org.hymnsheet.surveys.SurveyVoiceService;
import org.springframework.stereotype.Component;

/**
 * The young people's voice panel from the chosen survey's findings: every count as the small-numbers rule shows
 * it (under 5 reads "fewer than 5 or held back"), and only words a facilitator approved.
 */
@Component
class YoungPeoplesVoiceReader {
    private static final Locale ENGLISH = Locale.ENGLISH;

    private final SurveyVoiceService surveys;

    YoungPeoplesVoiceReader(SurveyVoiceService surveys) {
        this.surveys = surveys;
    }

    YoungPeoplesVoice read(long surveyId) {
        SurveyVoice voice = surveys.voice(surveyId); // checks role and partnership again
        List<YoungPeoplesVoice.Finding> findings = new ArrayList<>();
        for (SurveyVoice.QuestionCounts q : voice.questions()) {
            if (q.questionId().startsWith("about-")) {
                continue; // who answered (age, gender, …) is for findings, not for a room of professionals
            }
            // on a projected panel only counts that can be shown are listed; the rest are named together once
            switch (q) {
                case SurveyVoice.Choices c -> findings.add(new YoungPeoplesVoice.Finding(c.text(), c.cells().stream()
                        .filter(cell -> !cell.count().hidden())
                        .map(cell -> new YoungPeoplesVoice.Shown(cell.label(), cell.count().label(ENGLISH))).toList(),
                        c.cells().stream().anyMatch(cell -> cell.count().hidden())));
                case SurveyVoice.Places p -> findings.add(new YoungPeoplesVoice.Finding(p.text(), p.places().stream()
                        .filter(place -> !place.safe().hidden() || !place.unsafe().hidden() || !place.notSure().hidden())
                        .map(place -> new YoungPeoplesVoice.Shown(place.name(), String.format(ENGLISH,
                                "safe %s, not sure %s, unsafe %s", place.safe().label(ENGLISH),
                                place.notSure().label(ENGLISH), place.unsafe().label(ENGLISH))))
                        .toList(), true));
            }
        }
        return new YoungPeoplesVoice(voice.title(), voice.submitted().label(ENGLISH), findings, voice.approvedTexts(),
                Suppression.rule(ENGLISH));
    }
}
