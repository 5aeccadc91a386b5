package org.hymnsheet.surveys.ui;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hymnsheet.surveys.ResponseService;

/** The questions of a survey opened from its link, after its welcome screen ({@link RespondView}). */
@Route(value = "s/:token/" + SurveyVisit.QUESTIONS, autoLayout = false)
@AnonymousAllowed
public class RespondQuestionsView extends SurveyQuestionsPage {
    RespondQuestionsView(ResponseService responses, RespondentSettings settings, HelpText help) {
        super(responses, settings, help, "s/");
    }
}
