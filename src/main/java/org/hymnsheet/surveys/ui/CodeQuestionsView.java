package org.hymnsheet.surveys.ui;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hymnsheet.surveys.ResponseService;

/** The questions of a survey opened with its short code, after its welcome screen on the code page ({@link CodeView}). */
@Route(value = "survey/" + SurveyVisit.QUESTIONS, autoLayout = false)
@AnonymousAllowed
public class CodeQuestionsView extends SurveyQuestionsPage {
    CodeQuestionsView(ResponseService responses, RespondentSettings settings, HelpText help) {
        super(responses, settings, help, "survey");
    }
}
