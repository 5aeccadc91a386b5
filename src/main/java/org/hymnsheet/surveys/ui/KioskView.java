package org.hymnsheet.surveys.ui;

import org.hymnsheet.shell.FirstPaint;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;

/** A survey on a named shared device: resets between respondents, in a new server session each time. */
@FirstPaint.InPageHtml
@Route(value = "k/:token", autoLayout = false)
@AnonymousAllowed
public class KioskView extends RespondentPage {
    KioskView(ResponseService responses, RespondentSettings settings, HelpText help) {
        super(responses, settings, help);
    }

    @Override
    String kioskPath(String token) {
        return "k/" + token;
    }

    @Override
    SurveyEntry open(String token) {
        return responses.openByKiosk(token);
    }
}
