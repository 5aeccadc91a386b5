package org.hymnsheet.surveys.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyAction;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.surveys.YouSaidService;
import org.hymnsheet.testing.OnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A lead picks a survey, writes what the partnership did, and gets the public page's link and QR code. */
@OnH2
class WeDidViewTest extends BrowserlessTest {
    @Autowired YouSaidService youSaid;
    @Autowired SurveyService surveys;
    @Autowired AccountService accounts;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_lead_writes_an_entry_and_gets_the_page_link_and_qr_code() {
        var world = new TestWorld(context);
        long partnership = world.partnership();
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        Survey survey = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Youth club survey")).id());
        TestWorld.as(world.account(partnership, Role.LEAD));
        UI.getCurrent().add(new WeDidView(youSaid, accounts));

        Select<Survey> select = (Select<Survey>) $(Select.class).id("we-did-survey");
        select.setValue(survey);
        assertThat($(TextField.class).id("we-did-link").getValue()).endsWith("you-said/" + youSaid.resultsToken(survey.id()))
                .doesNotContain(survey.linkToken());
        assertThat($(Image.class).single().getAlt().orElseThrow()).contains(survey.title());

        $(TextArea.class).id("we-did-body").setValue("<b>New lights</b> on the canal path");
        test($(Button.class).id("we-did-add")).click();
        assertThat(youSaid.actions(survey.id())).extracting(SurveyAction::body)
                .containsExactly("<b>New lights</b> on the canal path");
        assertThat($(TextArea.class).all()).extracting(TextArea::getValue)
                .contains("<b>New lights</b> on the canal path");

        $(TextArea.class).id("we-did-body").setValue("   ");
        test($(Button.class).id("we-did-add")).click();
        assertThat($(TextArea.class).id("we-did-body").isInvalid()).isTrue();
        assertThat(youSaid.actions(survey.id())).hasSize(1);
    }
}
