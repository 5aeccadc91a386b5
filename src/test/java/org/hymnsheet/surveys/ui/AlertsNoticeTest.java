package org.hymnsheet.surveys.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.SAFEGUARDING_ALERT;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.safeguarding.SafeguardingAlerts;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.testing.OnH2;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Without a mail server the app runs, owes no alert emails, and the safeguarding queue says that alerts are off. */
@OnH2
class AlertsNoticeTest extends BrowserlessTest {
    @Autowired SafeguardingAlerts alerts;
    @Autowired ResponseService responses;
    @Autowired SurveyService surveys;
    @Autowired DSLContext db;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void without_a_mail_server_no_alert_is_owed_and_the_queue_says_email_alerts_are_off() {
        var world = new TestWorld(context);
        long partnership = world.partnership();
        world.account(partnership, Role.SAFEGUARDING_LEAD);
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        var survey = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Survey")).id());
        TestWorld.anonymous();
        String id = responses.start(responses.openByLink(survey.linkToken()), "en");
        responses.save(id, "anything-else", new AnswerInput.Text("my dad hits me"));

        alerts.runOnce();
        assertThat(alerts.emailOn()).isFalse();
        assertThat(db.fetchCount(SAFEGUARDING_ALERT, SAFEGUARDING_ALERT.FLAG_ID.in(db.select(SAFEGUARDING_FLAG.ID)
                .from(SAFEGUARDING_FLAG).where(SAFEGUARDING_FLAG.RESPONSE_ID.eq(id))))).isZero();

        UI.getCurrent().add(new AlertsNotice(alerts));
        Paragraph notice = $(Paragraph.class).id("alerts-off");
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).isEqualTo("Email alerts are off: no mail server is set up. Safeguarding leads see "
                + "new flags on this page and as a count beside \"Safeguarding queue\" in the menu.");
    }
}
