package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;

/**
 * "Thank you", shown at the survey's address with {@code ?thanks} after the answers are sent. It is a fresh page
 * load in a new session: the respondent's own session ended at submit, and nothing of them is here. The help is
 * open for everyone (an answer to the last question may have been a disclosure). A kiosk hands over to its welcome
 * screen after the pause, replacing this page in the history.
 */
final class ThankYou extends Main {
    static final String PARAMETER = "thanks";

    /** @param kioskPath the kiosk's address, or null on a young person's own device */
    ThankYou(String kioskPath, RespondentSettings settings, HelpText helpText) {
        addClassName("respondent");
        var help = new HelpPanel(helpText);
        var bar = new Div(help.button(), LeaveQuickly.button(kioskPath, settings));
        bar.addClassName("respondent-bar");
        var screen = new Div(new H1(getTranslation("respond.thanks")), new Paragraph(getTranslation("respond.thanksBody")));
        if (kioskPath != null) {
            screen.add(new Paragraph(getTranslation("respond.handOver", settings.handOverSeconds)));
            addAttachListener(e -> Departure.restartLater(e.getUI(), kioskPath, settings.handOverSeconds));
        } else {
            screen.add(new Paragraph(getTranslation("respond.closePage")));
        }
        add(bar, screen, help);
        help.showOpen();
    }
}
