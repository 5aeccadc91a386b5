package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopService;
import org.hymnsheet.workshops.WorkshopStage;
import org.hymnsheet.common.WorkshopStatus;

/**
 * The stages and how the facilitator moves the room through them: start, previous and next, reveal, lock, the
 * time left (setting the timer is a click away), and ending the workshop after a confirmation in the page.
 */
final class StageControls extends ConsolePanel {
    private final transient WorkshopService workshops;
    private final transient Clock clock;
    private final long workshopId;
    private final OrderedList stageList = new OrderedList();
    private final Button start;
    private final Button previous;
    private final Button next;
    private final Button lock;
    private final Button reveal;
    private final TextField minutes = new TextField();
    private final Span remaining = new Span();
    private final Button end = new Button();
    private final Div endConfirmation = new Div();
    private Workshop workshop;
    private WorkshopStage current;
    private List<WorkshopStage> shownStages;
    private int shownCurrent = -1;

    StageControls(WorkshopService workshops, Clock clock, long workshopId, Consumer<Runnable> act) {
        super("console.stagesHeading", act);
        this.workshops = workshops;
        this.clock = clock;
        this.workshopId = workshopId;
        start = button("console.start", "workshop-start", () -> workshops.start(workshopId));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        previous = button("console.previous", "stage-previous", () -> workshops.back(workshopId));
        next = button("console.next", "stage-next", () -> workshops.advance(workshopId));
        lock = button("console.lock", "stage-lock",
                () -> workshops.lock(workshopId, workshop.currentStage(), !current.locked()));
        reveal = button("console.reveal", "stage-reveal", () -> workshops.reveal(workshopId, workshop.currentStage()));
        minutes.setLabel(getTranslation("console.minutes"));
        minutes.setAllowedCharPattern("[0-9]");
        minutes.setMaxLength(3);
        minutes.setId("timer-minutes");
        var timer = new Button(getTranslation("console.startTimer"), e -> startTimer());
        timer.setId("timer-start");
        remaining.setId("timer-remaining");
        end.setText(getTranslation("console.end"));
        end.setId("workshop-end");
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        end.addClickListener(e -> confirmEnd());
        changes(minutes, timer, end);
        stageList.setId("stage-list");
        stageList.addClassName("stage-list");
        var steps = new Div(start, previous, next);
        steps.addClassName("console-actions");
        var showing = new Div(reveal, lock);
        showing.addClassName("console-actions");
        remaining.addClassName("timer-remaining");
        var setTimer = new Div(minutes, timer);
        setTimer.addClassName("form-actions");
        var timing = new NativeDetails(getTranslation("console.setTimer"), setTimer);
        timing.setId("timer-settings");
        timing.addClassName("console-more");
        endConfirmation.setVisible(false);
        endConfirmation.addClassName("end-confirmation");
        endConfirmation.getElement().setAttribute("role", "alertdialog");
        endConfirmation.getElement().setAttribute("aria-labelledby", "end-question");
        var timeAndEnd = new Div(remaining, timing, end);
        timeAndEnd.addClassName("console-actions");
        timeAndEnd.addClassName("console-timing");
        add(stageList, steps, showing, timeAndEnd, endConfirmation);
    }

    void show(Workshop workshop, List<WorkshopStage> stages) {
        this.workshop = workshop;
        this.current = stages.get(workshop.currentStage());
        if (!stages.equals(shownStages) || workshop.currentStage() != shownCurrent) {
            shownStages = stages;
            shownCurrent = workshop.currentStage();
            showStages(stages);
        }
        lock.setText(getTranslation(current.locked() ? "console.unlock" : "console.lock"));
        start.setVisible(workshop.status() == WorkshopStatus.DRAFT);
        // before the start there is nowhere to move to: Start takes the place of Previous and Next, on one line
        previous.setVisible(workshop.status() != WorkshopStatus.DRAFT);
        next.setVisible(workshop.status() != WorkshopStatus.DRAFT);
        // the next thing to do stands out: start, then reveal what the room wrote, then move on
        setPrimary(reveal, workshop.status() == WorkshopStatus.LIVE && !current.revealed());
        setPrimary(next, workshop.status() == WorkshopStatus.LIVE && current.revealed());
        if (minutes.isEmpty() && current.timerSeconds() != null) {
            minutes.setValue(String.valueOf(Math.max(1, current.timerSeconds() / 60)));
        }
        remaining.setText(timeLeft(current));
    }

    /** The clock moves on without a read: the time left is worked out from the stage as last read. */
    void tick() {
        if (current != null) {
            remaining.setText(timeLeft(current));
        }
    }

    private static void setPrimary(Button button, boolean primary) {
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }

    private void showStages(List<WorkshopStage> stages) {
        stageList.removeAll();
        for (WorkshopStage s : stages) {
            var item = new ListItem(WorkshopConsoleView.title(s));
            if (s.locked()) {
                item.add(new Span(" · " + getTranslation("console.locked")));
            }
            if (s.revealed()) {
                item.add(new Span(" · " + getTranslation("console.revealed")));
            }
            if (s.position() == workshop.currentStage()) {
                item.addClassName("current-stage");
                item.getElement().setAttribute("aria-current", "step");
            }
            stageList.add(item);
        }
    }

    @Override
    void setOpen(boolean open) {
        super.setOpen(open);
        boolean live = workshop.status() == WorkshopStatus.LIVE;
        start.setEnabled(workshop.status() == WorkshopStatus.DRAFT);
        previous.setEnabled(live && workshop.currentStage() > 0);
        next.setEnabled(live && workshop.currentStage() + 1 < workshop.stageCount());
    }

    private void startTimer() {
        String typed = minutes.getValue().strip();
        int stage = workshop.currentStage();
        act(() -> Forms.save(this, Map.of("seconds", minutes), () -> {
            // anything but 1 to 3 digits (letters, a huge number) gets the same plain message, never an error page
            int m = typed.matches("\\d{1,3}") ? Integer.parseInt(typed) : 0;
            if (m < 1) {
                throw new ValidationException("seconds", "console.minutesRange");
            }
            workshops.startTimer(workshopId, stage, m * 60);
        }));
    }

    /**
     * Asks before ending, in the page itself: the production bundle lazy-loads vaadin-dialog only for the routes
     * it was built with, so an inline confirmation keeps this route working without rebuilding the bundle.
     */
    private void confirmEnd() {
        var question = new H2(getTranslation("console.endTitle"));
        question.setId("end-question");
        var confirm = new Button(getTranslation("console.endConfirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setId("end-confirm");
        var cancel = new Button(getTranslation("console.cancel"));
        cancel.setId("end-cancel");
        var actions = new Div(cancel, confirm);
        actions.addClassName("form-actions");
        endConfirmation.removeAll();
        endConfirmation.add(question, new Paragraph(getTranslation("console.endText")), actions);
        endConfirmation.setVisible(true);
        end.setVisible(false);
        cancel.addClickListener(e -> closeEndConfirmation());
        confirm.addClickListener(e -> {
            closeEndConfirmation();
            act(() -> workshops.end(workshopId));
        });
        cancel.focus();
    }

    private void closeEndConfirmation() {
        endConfirmation.removeAll();
        endConfirmation.setVisible(false);
        end.setVisible(true);
    }

    private String timeLeft(WorkshopStage s) {
        if (s.timerStartedAt() == null || s.timerSeconds() == null) {
            return getTranslation("console.timerNotStarted");
        }
        long left = Duration.between(clock.instant(), s.timerStartedAt().plusSeconds(s.timerSeconds())).toSeconds();
        if (left <= 0) {
            return getTranslation("console.timeUp");
        }
        return getTranslation("console.timeLeft", String.format("%d:%02d", left / 60, left % 60));
    }
}
