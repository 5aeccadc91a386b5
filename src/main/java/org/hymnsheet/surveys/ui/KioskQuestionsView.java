package org.hymnsheet.surveys.ui;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hymnsheet.surveys.ResponseService;

/** The questions of a survey on a kiosk, after its welcome screen ({@link KioskView}). */
@Route(value = "k/:token/" + SurveyVisit.QUESTIONS, autoLayout = false)
@AnonymousAllowed
public class KioskQuestionsView extends SurveyQuestionsPage {
    KioskQuestionsView(ResponseService responses, RespondentSettings settings, HelpText help) {
        super(responses, settings, help, "k/");
    }
}
