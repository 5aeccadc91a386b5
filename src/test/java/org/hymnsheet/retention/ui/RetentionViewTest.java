package org.hymnsheet.retention.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.retention.RetentionPeriods;
import org.hymnsheet.retention.RetentionService;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.testing.OnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An administrator reads the periods and what goes next, changes a period and sees the date move, and a period out of
 * range or left empty is refused beside its field with the typed value kept.
 */
@OnH2
class RetentionViewTest extends BrowserlessTest {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    @Autowired RetentionService retention;
    @Autowired AccountService accounts;
    @Autowired SurveyService surveys;
    @Autowired ResponseService responses;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void an_administrator_sets_the_periods_sees_what_goes_next_and_a_wrong_period_is_refused_beside_its_field() {
        var world = new TestWorld(context);
        long partnership = world.partnership();
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        Survey survey = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Spring survey")).id());
        TestWorld.anonymous();
        responses.submit(responses.start(responses.openByLink(survey.linkToken()), "en"));
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        surveys.close(survey.id());
        LocalDate closed = LocalDate.now(ZoneId.of("Europe/London"));

        TestWorld.as(world.account(partnership, Role.ADMIN));
        UI.getCurrent().add(new RetentionView(retention, accounts));
        IntegerField surveyDays = $(IntegerField.class).id("survey-days");
        IntegerField workshopDays = $(IntegerField.class).id("workshop-days");
        assertThat(surveyDays.getValue()).isEqualTo(365);
        assertThat(workshopDays.getValue()).isEqualTo(365);
        var grid = test((Grid<?>) $(Grid.class).id("retention-upcoming"));
        assertThat(grid.size()).isOne();
        assertThat(row(grid)).containsExactly("Survey", survey.title(), DATE.format(closed),
                DATE.format(closed.plusDays(365)), "1 response");

        surveyDays.setValue(30);
        workshopDays.setValue(90);
        test($(Button.class).id("save-retention")).click();
        assertThat(retention.periods(partnership)).isEqualTo(new RetentionPeriods(30, 90));
        assertThat(row(grid).get(3)).isEqualTo(DATE.format(closed.plusDays(30)));

        surveyDays.setValue(0);
        test($(Button.class).id("save-retention")).click();
        assertThat(surveyDays.isInvalid()).isTrue();
        assertThat(surveyDays.getErrorMessage()).isEqualTo("From 1 to 3,650 days");
        assertThat(surveyDays.getValue()).isZero();

        surveyDays.setValue(30);
        workshopDays.clear();
        test($(Button.class).id("save-retention")).click();
        assertThat(surveyDays.isInvalid()).isFalse();
        assertThat(workshopDays.isInvalid()).isTrue();
        assertThat(workshopDays.getErrorMessage()).isEqualTo("Fill this in");
        assertThat(retention.periods(partnership)).isEqualTo(new RetentionPeriods(30, 90));
        assertThat($(Paragraph.class).all()).noneMatch(p -> p.isVisible() && p.getText().startsWith("Nothing is waiting"));
    }

    @Test
    void with_nothing_closed_the_page_says_nothing_is_waiting() {
        var world = new TestWorld(context);
        long partnership = world.partnership();
        TestWorld.as(world.account(partnership, Role.ADMIN));
        UI.getCurrent().add(new RetentionView(retention, accounts));
        assertThat($(Grid.class).all()).as("no visible list").isEmpty();
        assertThat($(Paragraph.class).all()).anyMatch(p -> p.isVisible() && p.getText().startsWith("Nothing is waiting"));
    }

    static java.util.List<String> row(com.vaadin.flow.component.grid.GridTester<?, ?> grid) {
        return java.util.stream.IntStream.range(0, 5).mapToObj(c -> grid.getCellText(0, c)).toList();
    }
}
