package org.hymnsheet.surveys.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.hymnsheet.common.ui.SendToLeadForm;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.PendingText;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.testing.OnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The moderation page asks before a flagged answer goes on boards, and names the flag. */
@OnH2
class ModerationViewTest extends BrowserlessTest {
    @Autowired QueueService queues;
    @Autowired ResponseService responses;
    @Autowired SurveyService surveys;
    @Autowired AccountService accounts;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    @SuppressWarnings("unchecked")
    void approving_a_flagged_answer_asks_first_naming_the_flag_and_cancel_leaves_it_waiting() {
        var world = new TestWorld(context);
        long partnership = world.partnership();
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        var survey = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Survey")).id());
        String id = responses.start(responses.openByLink(survey.linkToken()), "en");
        responses.save(id, "anything-else", new AnswerInput.Text("my dad hits me"));
        responses.submit(id);
        UI.getCurrent().add(new ModerationView(queues, accounts));

        Grid<PendingText> grid = (Grid<PendingText>) $(Grid.class).id("moderation-queue");
        assertThat(test(grid).size()).isEqualTo(1);
        Button approve = (Button) ((Div) test(grid).getCellComponent(0, 2)).getChildren().findFirst().orElseThrow();
        test(approve).click();

        Section confirm = $(Section.class).id("moderation-confirm");
        assertThat(confirm.isVisible()).isTrue();
        assertThat($(Paragraph.class, confirm).single().getText())
                .isEqualTo("This answer was flagged as a possible disclosure (Physical harm and violence). Approve it for boards anyway?");
        test($(Button.class, confirm).id("moderation-approve-cancel")).click();
        assertThat(confirm.isVisible()).isFalse();
        assertThat(queues.pendingTexts(partnership, 0, 10)).as("cancel approves nothing").hasSize(1);

        test(approve).click();
        test($(Button.class).id("moderation-approve-anyway")).click();
        assertThat(queues.pendingTexts(partnership, 0, 10)).isEmpty();
        assertThat(test(grid).size()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sending_a_text_to_the_safeguarding_lead_asks_for_a_reason_refuses_a_long_one_and_lists_it_as_sent() {
        var world = new TestWorld(context);
        long partnership = world.partnership();
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        var survey = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Survey")).id());
        String id = responses.start(responses.openByLink(survey.linkToken()), "en");
        responses.save(id, "anything-else", new AnswerInput.Text("I stay at my cousins because home is not safe"));
        responses.submit(id);
        var view = new ModerationView(queues, accounts);
        UI.getCurrent().add(view);
        SentToLead sent = view.getChildren().filter(SentToLead.class::isInstance).map(SentToLead.class::cast)
                .findFirst().orElseThrow();
        assertThat(sent.isVisible()).as("nothing sent yet").isFalse();

        Grid<PendingText> grid = (Grid<PendingText>) $(Grid.class).id("moderation-queue");
        Button send = (Button) ((Div) test(grid).getCellComponent(0, 2)).getChildren().skip(2).findFirst().orElseThrow();
        assertThat(send.getText()).isEqualTo("Send to the safeguarding lead");
        test(send).click();
        SendToLeadForm form = $(SendToLeadForm.class).single();
        assertThat($(Paragraph.class, form).all()).extracting(Paragraph::getText)
                .contains("I stay at my cousins because home is not safe");
        TextField reason = $(TextField.class, form).id("escalate-reason");
        test(reason).setValue("x".repeat(1001));
        test($(Button.class, form).id("escalate-send")).click();
        assertThat(form.isVisible()).as("the form keeps what was typed").isTrue();
        assertThat(reason.getValue()).hasSize(1001);
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Too long: at most 1,000 characters");
        assertThat(queues.pendingTexts(partnership, 0, 10)).hasSize(1);

        test(reason).setValue("Says home is not safe");
        test($(Button.class, form).id("escalate-send")).click();
        assertThat(form.isVisible()).isFalse();
        assertThat(test(grid).size()).as("never back in the pending list").isZero();
        assertThat(sent.isVisible()).isTrue();
        assertThat($(ListItem.class, sent).single().getElement().getTextRecursively())
                .contains(survey.title(), "not opened by a lead yet", "I stay at my cousins because home is not safe");
    }
}
