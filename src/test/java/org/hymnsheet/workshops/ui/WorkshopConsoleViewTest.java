package org.hymnsheet.workshops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.util.List;
import org.hymnsheet.accounts.DirectoryService;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.workshops.CardService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.StageInput;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopFixture;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.hymnsheet.common.WorkshopStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The facilitator's console, use case by use case, without a browser: approving one text, approving all, rejecting,
 * moving through the stages, revealing, timing and ending. What needs a browser (push, layout) is in
 * {@code browser.WorkshopConsoleTest}.
 */
@OnH2
class WorkshopConsoleViewTest extends BrowserlessTest {
    @Autowired ApplicationContext context;
    @Autowired WorkshopService workshops;
    @Autowired WorkshopModerationService moderation;

    /** The console leaves the page first: a push still queued then finds it gone, not a signed-out user. */
    @AfterEach
    void signOut() {
        UI.getCurrent().removeAll();
        TestWorld.anonymous();
    }

    private WorkshopConsoleView console(WorkshopFixture f, long workshopId) {
        TestWorld.as(f.facilitator);
        var view = new WorkshopConsoleView(workshops, context.getBean(CardService.class),
                context.getBean(SpeakingService.class), moderation, context.getBean(DirectoryService.class),
                context.getBean(SurveyService.class), context.getBean(LiveSignals.class), context.getBean(Clock.class));
        UI.getCurrent().add(view);
        view.open(workshopId);
        return view;
    }

    private List<String> waiting() {
        return $(Paragraph.class, $(Div.class).id("pending")).all().stream()
                .filter(p -> p.hasClassName("free-text")).map(Paragraph::getText).toList();
    }

    private String status() {
        return $(Paragraph.class).id("workshop-status").getText();
    }

    private void click(String id) {
        test($(Button.class).id(id)).click();
    }

    @Test
    void approving_one_text_takes_it_off_the_list_and_puts_it_before_the_room() {
        var f = new WorkshopFixture(context);
        String ann = f.join(f.police, Level.MANAGER, "Ann");
        String bo = f.join(f.health, Level.PRACTITIONER, "Bo");
        f.inputs().frame(ann, WorkshopFixture.FRAMING, 30, "Ann's words");
        f.inputs().frame(bo, WorkshopFixture.FRAMING, 70, "Bo's words");
        console(f, f.workshop.id());
        assertThat($(H2.class).withText("Who is here (2)").all()).hasSize(1);
        assertThat($(H2.class).withText("Waiting for approval (2)").all()).hasSize(1);
        assertThat(waiting()).containsExactly("Ann's words", "Bo's words");

        test($(Button.class, $(Div.class).id("pending")).withText("Approve").first()).click();

        assertThat(waiting()).containsExactly("Bo's words");
        click("stage-reveal");
        assertThat(f.participants().inputs(bo, WorkshopFixture.FRAMING)).filteredOn(i -> !i.mine())
                .extracting(StageInput::text).containsExactly("Ann's words");
    }

    @Test
    void approve_all_approves_the_texts_shown_and_says_that_one_changed_since_waits_again() {
        var f = new WorkshopFixture(context);
        String ann = f.join(f.police, Level.MANAGER, "Ann");
        String bo = f.join(f.health, Level.PRACTITIONER, "Bo");
        String cy = f.join(f.education, Level.STRATEGIC_LEADER, "Cy");
        f.inputs().frame(ann, WorkshopFixture.FRAMING, 30, "Ann's words");
        f.inputs().frame(bo, WorkshopFixture.FRAMING, 70, "Bo's words");
        f.inputs().frame(cy, WorkshopFixture.FRAMING, 50, "Cy's words");
        console(f, f.workshop.id());
        Button approveAll = $(Button.class).id("approve-all");
        assertThat(approveAll.getText()).isEqualTo("Approve all (3)");
        f.inputs().frame(bo, WorkshopFixture.FRAMING, 70, "Bo's second thoughts"); // after the console read

        test(approveAll).click();

        assertThat($(Span.class).id("approve-all-result").getText())
                .isEqualTo("Approved 2. 1 changed since you saw them and wait again: read them before approving.");
        assertThat(waiting()).containsExactly("Bo's second thoughts");
        assertThat(moderation.pending(f.workshop.id())).extracting(PendingText::text)
                .containsExactly("Bo's second thoughts");
    }

    @Test
    void rejecting_a_text_takes_it_off_the_list_and_keeps_it_from_the_room() {
        var f = new WorkshopFixture(context);
        String ann = f.join(f.police, Level.MANAGER, "Ann");
        String bo = f.join(f.health, Level.PRACTITIONER, "Bo");
        f.inputs().frame(ann, WorkshopFixture.FRAMING, 30, "Unkind words");
        console(f, f.workshop.id());

        test($(Button.class, $(Div.class).id("pending")).withText("Reject").single()).click();

        assertThat(waiting()).isEmpty();
        assertThat($(Div.class).id("pending").getElement().getTextRecursively()).contains("Nothing is waiting.");
        assertThat($(Button.class).withId("approve-all").all()).as("nothing to approve, no approve all").isEmpty();
        click("stage-reveal");
        assertThat(f.participants().inputs(bo, WorkshopFixture.FRAMING)).filteredOn(i -> !i.mine())
                .extracting(StageInput::text).containsOnlyNulls();
    }

    @Test
    void starting_moving_on_and_back_revealing_and_locking_show_on_the_console_at_once() {
        var f = new WorkshopFixture(context);
        Workshop draft = f.asFacilitator(() -> workshops.create(f.partnership, "hymn-sheet", TestWorld.unique("Draft")));
        console(f, draft.id());
        assertThat(status()).contains("Not started");
        assertThat($(Button.class).withId("stage-next").all()).as("before the start, Start stands in for next").isEmpty();
        assertThat($(Button.class).withId("stage-previous").all()).isEmpty();

        click("workshop-start");
        assertThat(status()).contains("Live", "stage 1 of 5");
        assertThat($(Button.class).withId("workshop-start").all()).as("start is done once").isEmpty();
        assertThat($(Button.class).id("stage-reveal").getThemeNames()).contains("primary");

        click("stage-reveal");
        assertThat(currentStage()).contains("revealed");
        assertThat($(Button.class).id("stage-next").getThemeNames()).as("next is the next thing to do").contains("primary");
        click("stage-lock");
        assertThat($(Button.class).id("stage-lock").getText()).isEqualTo("Unlock stage");
        assertThat(currentStage()).contains("locked");
        click("stage-lock");
        assertThat($(Button.class).id("stage-lock").getText()).isEqualTo("Lock stage");

        click("stage-next");
        assertThat(status()).contains("stage 2 of 5");
        assertThat(currentStage()).contains("Influence and voice");
        click("stage-previous");
        assertThat(status()).contains("stage 1 of 5");
        assertThat(workshops.get(draft.id()).currentStage()).isZero();
    }

    @Test
    void the_timer_is_set_a_click_away_and_ending_asks_first_then_disables_every_control() {
        var f = new WorkshopFixture(context);
        f.join(f.police, Level.MANAGER, "Ann");
        console(f, f.workshop.id());
        test($(TextField.class).id("timer-minutes")).setValue("5");
        click("timer-start");
        assertThat($(Span.class).id("timer-remaining").getText()).matches("Time left: [45]:\\d\\d");
        test($(TextField.class).id("timer-minutes")).setValue("0");
        click("timer-start");
        assertThat($(TextField.class).id("timer-minutes").isInvalid()).isTrue();

        click("workshop-end");
        assertThat($(Div.class).withClassName("end-confirmation").single().getElement().getTextRecursively())
                .contains("End this workshop?");
        click("end-cancel");
        assertThat(status()).contains("Live");
        click("workshop-end");
        click("end-confirm");

        assertThat(status()).contains("Ended");
        assertThat(workshops.get(f.workshop.id()).status()).isEqualTo(WorkshopStatus.ENDED);
        for (String id : List.of("stage-next", "stage-previous", "stage-lock", "stage-reveal", "timer-start",
                "workshop-end", "speaking-pause", "speaking-undo", "card-add", "card-import", "speak-" + f.police)) {
            assertThat(((HasEnabled) $(Component.class).id(id)).isEnabled()).as(id).isFalse();
        }
    }

    private String currentStage() {
        return $(Component.class).id("stage-list").getChildren()
                .filter(c -> c.getElement().hasAttribute("aria-current")).findFirst().orElseThrow()
                .getElement().getTextRecursively();
    }
}
