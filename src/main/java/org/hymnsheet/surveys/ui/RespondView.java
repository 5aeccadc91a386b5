package org.hymnsheet.surveys.ui;

import org.hymnsheet.shell.FirstPaint;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;

/** A survey opened from its link or QR code, on the respondent's own device. */
@FirstPaint.InPageHtml
@Route(value = "s/:token", autoLayout = false)
@AnonymousAllowed
public class RespondView extends RespondentPage {
    RespondView(ResponseService responses, RespondentSettings settings, HelpText help) {
        super(responses, settings, help);
    }

    @Override
    SurveyEntry open(String token) {
        return responses.openByLink(token);
    }
}
