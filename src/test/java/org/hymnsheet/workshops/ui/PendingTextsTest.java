package org.hymnsheet.workshops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import org.hymnsheet.common.ui.SendToLeadForm;
import java.util.Map;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.WorkshopFixture;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.testing.OnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The console's waiting texts: one can be sent to the safeguarding lead, and then shows as sent, not as waiting. */
@OnH2
class PendingTextsTest extends BrowserlessTest {
    @Autowired WorkshopModerationService moderation;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void a_text_sent_to_the_safeguarding_lead_leaves_the_waiting_list_and_shows_as_sent_and_not_yet_opened() {
        var f = new WorkshopFixture(context);
        String ann = f.join(f.police, Level.MANAGER, "Ann");
        f.inputs().frame(ann, WorkshopFixture.FRAMING, 30, "My manager threatens me after every shift");
        TestWorld.as(f.facilitator);
        PendingTexts[] panel = new PendingTexts[1];
        panel[0] = new PendingTexts(moderation, f.workshop.id(), Map.of(), action -> {
            Forms.save(panel[0], Map.of(), action);
            panel[0].show(moderation.pending(f.workshop.id()), moderation.escalated(f.workshop.id()));
        });
        UI.getCurrent().add(panel[0]);
        panel[0].show(moderation.pending(f.workshop.id()), moderation.escalated(f.workshop.id()));

        test($(Button.class, panel[0]).withText("Send to the safeguarding lead").single()).click();
        SendToLeadForm form = $(SendToLeadForm.class).single();
        test($(TextField.class, form).id("escalate-reason")).setValue("Threats at work");
        test($(Button.class, form).id("escalate-send")).click();

        assertThat(form.isVisible()).isFalse();
        assertThat($(Button.class, panel[0]).withText("Send to the safeguarding lead").all()).isEmpty();
        assertThat(panel[0].getElement().getTextRecursively()).contains("Nothing is waiting.");
        UnorderedList sent = $(UnorderedList.class, panel[0]).id("sent-to-lead");
        assertThat(sent.getElement().getTextRecursively())
                .contains("My manager threatens me after every shift", "not opened by a lead yet");
    }
}
