package org.hymnsheet.templates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.SurveyTemplate;
import org.hymnsheet.templates.TemplateService;
import org.hymnsheet.testing.OnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The templates page, built with the real services as the signed-in staff member would see it. */
@OnH2
class TemplatesViewTest extends BrowserlessTest {
    @Autowired TemplateService templates;
    @Autowired AccountService accounts;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    TemplatesView openAs(Role role) {
        var world = new TestWorld(context);
        TestWorld.as(world.account(world.partnership(), role));
        var view = new TemplatesView(templates, accounts);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void a_facilitator_sees_the_loaded_surveys_and_workshops_and_that_no_file_has_problems_but_cannot_reload() {
        openAs(Role.FACILITATOR);

        @SuppressWarnings("unchecked")
        Grid<SurveyTemplate> surveys = (Grid<SurveyTemplate>) $(Grid.class).id("template-surveys");
        assertThat(test(surveys).size()).isEqualTo(3);
        assertThat(test(surveys).getCellText(2, 0)).isEqualTo("Safe places and trusted adults");
        assertThat(test(surveys).getCellText(2, 2)).isEqualTo("en, cy");
        assertThat(test(surveys).getCellText(1, 4)).isEqualTo("Professionals");
        Grid<?> workshops = $(Grid.class).id("template-workshops");
        assertThat(test(workshops).size()).isEqualTo(2);
        assertThat(test(workshops).getCellText(0, 0)).isEqualTo("Singing from the same hymn sheet");
        assertThat(test(workshops).getCellText(0, 1)).isEqualTo("hymn-sheet");
        assertThat(test(workshops).getCellText(0, 2)).isEqualTo("5");
        assertThat(test(workshops).getCellText(1, 1)).isEqualTo("three-column-mapping");
        assertThat(test($(Grid.class).id("template-problems")).size()).isZero();
        assertThat($(Button.class).withId("template-reload").exists()).isFalse();
    }

    @Test
    void an_administrator_reloads_the_templates_and_is_told_the_outcome() {
        openAs(Role.ADMIN);

        test($(Button.class).id("template-reload")).click();

        assertThat(test($(Notification.class).single()).getText())
                .isEqualTo("3 survey templates and 2 workshop templates loaded; 0 files skipped with problems");
    }
}
