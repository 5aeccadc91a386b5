package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.html.Paragraph;
import org.hymnsheet.safeguarding.SafeguardingAlerts;

/**
 * Says on the safeguarding queue that email alerts are off when no mail server is set up, so a lead knows to look
 * here (and at the count in the menu) instead of waiting for an email. Empty and hidden when email alerts are on.
 */
public class AlertsNotice extends Paragraph {

    AlertsNotice(SafeguardingAlerts alerts) {
        setId("alerts-off");
        addClassName("alerts-off");
        if (alerts.emailOn()) {
            setVisible(false);
        } else {
            setText(getTranslation("alerts.off"));
        }
    }
}
