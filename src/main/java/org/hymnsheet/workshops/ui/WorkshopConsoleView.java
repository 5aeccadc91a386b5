package org.hymnsheet.workshops.ui;

import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import org.hymnsheet.live.ui.LiveRefresh;
import org.hymnsheet.surveys.SurveyService;
import java.util.Set;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hymnsheet.accounts.Agency;
import org.hymnsheet.accounts.DirectoryService;
import org.hymnsheet.common.QrCodes;
import org.hymnsheet.common.ui.Links;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.security.Role;
import org.hymnsheet.workshops.Card;
import org.hymnsheet.workshops.CardService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.RosterEntry;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.SpeakingShare;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.hymnsheet.workshops.WorkshopStage;
import org.hymnsheet.workshops.WorkshopStatus;

/**
 * The facilitator's console for one live workshop: how to join, who is here, the stages and their controls, the
 * speaking tracker, the cards and the free text waiting for approval. Polls every two seconds; once the workshop
 * has ended every control is disabled.
 */
@Route("workshops/:id(\\d+)")
@RolesAllowed({Role.Names.FACILITATOR, Role.Names.ADMIN})
public class WorkshopConsoleView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient WorkshopService workshops;
    private final transient CardService cards;
    private final transient SpeakingService speaking;
    private final transient WorkshopModerationService moderation;
    private final transient DirectoryService directory;
    private final transient SurveyService surveys;

    private final LiveRefresh live;
    private long id;
    private Workshop workshop;
    private List<WorkshopStage> stages = List.of();
    private final Map<Long, String> agencyNames = new HashMap<>();
    private final List<HasEnabled> changers = new ArrayList<>();

    private final H1 heading = new H1();
    private final Paragraph status = new Paragraph();
    private final OrderedList stageList = new OrderedList();
    private final Button start = new Button();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Button lock = new Button();
    private final Button reveal = new Button();
    private final TextField minutes = new TextField();
    private final Button timer = new Button();
    private final Span remaining = new Span();
    private final Button end = new Button();
    private final Div endConfirmation = new Div();
    private final H2 rosterHeading = new H2();
    private final Grid<RosterEntry> roster = new Grid<>();
    private final Select<Level> level = new Select<>();
    private final Div speakButtons = new Div();
    private List<Long> speakAgencies = List.of();
    private final Grid<SpeakingShare> byAgency = new Grid<>();
    private final Grid<SpeakingShare> byLevel = new Grid<>();
    private final Grid<Card> cardGrid = new Grid<>();
    private final TextField newCard = new TextField();
    private final TextField editCard = new TextField();
    private final Select<Workshop> importFrom = new Select<>();
    private final Div pending = new Div();
    private List<String> pendingRefs = List.of();

    WorkshopConsoleView(WorkshopService workshops, CardService cards, SpeakingService speaking,
                        WorkshopModerationService moderation, DirectoryService directory, SurveyService surveys,
                        LiveSignals signals) {
        // the timer and an open speaking turn tick by the poll; everything the room does arrives by push at once
        Polling.whileAttached(this, this::refresh);
        live = LiveRefresh.on(this, signals, this::refresh);
        this.surveys = surveys;
        this.workshops = workshops;
        this.cards = cards;
        this.speaking = speaking;
        this.moderation = moderation;
        this.directory = directory;
        addClassName("page");
        addClassName("workshop-console");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        workshop = workshops.get(id);
        for (Agency a : directory.agencies(workshop.partnershipId())) {
            agencyNames.put(a.id(), a.name());
        }
        removeAll();
        changers.clear();
        live.follow(Set.of(Topic.workshop(id)));
        add(heading, status, join(), new BoardSettings(workshops, surveys, workshop), controls(), rosterPanel(),
                speakingPanel(), cardsPanel(), moderationPanel());
        add(new RouterLink(getTranslation("console.openRecord"), WorkshopRecordView.class,
                new RouteParameters("id", String.valueOf(id))));
        refreshCards();
        refresh();
    }

    private Section join() {
        String link = Links.base() + "join/" + workshop.joinCode();
        var code = new Span(workshop.joinCode());
        code.addClassName("access-code");
        code.setId("join-code");
        var qr = new Image(QrCodes.png(link, 480), getTranslation("console.qrAlt", workshop.title()));
        qr.addClassName("qr-code");
        var anchor = new Anchor(link, link);
        anchor.setId("join-link");
        return section("console.joinHeading", new Paragraph(getTranslation("console.joinIntro")), code, qr, anchor);
    }

    private Section controls() {
        button(start, "console.start", "workshop-start", () -> workshops.start(id));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button(previous, "console.previous", "stage-previous", () -> workshops.back(id));
        button(next, "console.next", "stage-next", () -> workshops.advance(id));
        button(lock, "console.lock", "stage-lock", () -> workshops.lock(id, workshop.currentStage(), !current().locked()));
        button(reveal, "console.reveal", "stage-reveal", () -> workshops.reveal(id, workshop.currentStage()));
        minutes.setLabel(getTranslation("console.minutes"));
        minutes.setAllowedCharPattern("[0-9]");
        minutes.setMaxLength(3);
        minutes.setId("timer-minutes");
        timer.setText(getTranslation("console.startTimer"));
        timer.setId("timer-start");
        timer.addClickListener(e -> startTimer());
        changers.add(minutes);
        changers.add(timer);
        remaining.setId("timer-remaining");
        end.setText(getTranslation("console.end"));
        end.setId("workshop-end");
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        end.addClickListener(e -> confirmEnd());
        changers.add(end);
        stageList.setId("stage-list");
        stageList.addClassName("stage-list");
        var steps = new Div(start, previous, next, lock, reveal);
        steps.addClassName("form-actions");
        var timing = new Div(minutes, timer, remaining);
        timing.addClassName("form-actions");
        endConfirmation.setVisible(false);
        endConfirmation.addClassName("end-confirmation");
        endConfirmation.getElement().setAttribute("role", "alertdialog");
        endConfirmation.getElement().setAttribute("aria-labelledby", "end-question");
        return section("console.stagesHeading", stageList, steps, timing, new Div(end), endConfirmation);
    }

    private Section rosterPanel() {
        roster.addColumn(RosterEntry::agencyName).setHeader(getTranslation("console.agency"));
        roster.addColumn(r -> levelName(r.level())).setHeader(getTranslation("console.level"));
        roster.addColumn(r -> r.firstName() == null ? "" : r.firstName()).setHeader(getTranslation("console.firstName"));
        roster.setAllRowsVisible(true);
        roster.setEmptyStateText(getTranslation("console.nobodyYet"));
        roster.setId("roster");
        var box = new Section(rosterHeading, roster);
        box.addClassName("console-panel");
        return box;
    }

    private Section speakingPanel() {
        level.setLabel(getTranslation("console.speakerLevel"));
        level.setItems(Level.values());
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("console.anyLevel"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("console.anyLevel") : levelName(l));
        level.setId("speaking-level");
        speakButtons.setId("speak-buttons");
        speakButtons.addClassName("form-actions");
        var pause = new Button();
        button(pause, "console.pause", "speaking-pause", () -> speaking.pause(id));
        var undo = new Button();
        button(undo, "console.undo", "speaking-undo", () -> speaking.undoLast(id));
        shareColumns(byAgency, s -> agencyNames.getOrDefault(s.agencyId(), ""), "console.agency");
        shareColumns(byLevel, s -> s.level() == null ? getTranslation("console.anyLevel") : levelName(s.level()),
                "console.level");
        byAgency.setId("shares-agency");
        byLevel.setId("shares-level");
        var actions = new Div(pause, undo);
        actions.addClassName("form-actions");
        return section("console.speakingHeading", new Paragraph(getTranslation("console.speakingIntro")), level,
                speakButtons, actions, byAgency, byLevel);
    }

    private void shareColumns(Grid<SpeakingShare> grid, com.vaadin.flow.function.ValueProvider<SpeakingShare, String> name,
                              String header) {
        grid.addColumn(name).setHeader(getTranslation(header)).setFlexGrow(2);
        grid.addColumn(SpeakingShare::turns).setHeader(getTranslation("console.turns"));
        grid.addColumn(s -> s.seconds().setScale(0, java.math.RoundingMode.HALF_UP) + " s")
                .setHeader(getTranslation("console.seconds"));
        grid.addColumn(s -> percent(s.timeShare())).setHeader(getTranslation("console.timeShare"));
        grid.addColumn(s -> percent(s.turnShare())).setHeader(getTranslation("console.turnShare"));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("console.nobodySpoke"));
    }

    private Section cardsPanel() {
        cardGrid.addColumn(Card::text).setHeader(getTranslation("console.card")).setFlexGrow(1);
        cardGrid.setAllRowsVisible(true);
        cardGrid.setId("cards");
        cardGrid.setEmptyStateText(getTranslation("console.noCards"));
        cardGrid.asSingleSelect().addValueChangeListener(e -> editCard.setValue(e.getValue() == null ? "" : e.getValue().text()));
        newCard.setLabel(getTranslation("console.newCard"));
        newCard.setMaxLength(300);
        newCard.setId("card-new");
        var add = new Button(getTranslation("console.addCard"), e -> {
            if (Forms.save(this, Map.of("text", newCard), () -> cards.add(id, newCard.getValue()))) {
                newCard.clear();
                refreshCards();
            }
        });
        add.setId("card-add");
        editCard.setLabel(getTranslation("console.editCard"));
        editCard.setMaxLength(300);
        editCard.setId("card-edit");
        var save = new Button(getTranslation("console.saveCard"), e -> {
            Card card = cardGrid.asSingleSelect().getValue();
            if (card == null) {
                editCard.setErrorMessage(getTranslation("console.chooseCard"));
                editCard.setInvalid(true);
                return;
            }
            if (Forms.save(this, Map.of("text", editCard), () -> cards.edit(card.id(), editCard.getValue(), card.version()))) {
                refreshCards();
            } else {
                refreshCards(); // after a conflict the grid shows what the other person saved
            }
        });
        save.setId("card-save");
        importFrom.setLabel(getTranslation("console.importFrom"));
        importFrom.setItemLabelGenerator(Workshop::title);
        importFrom.setId("card-import-from");
        var doImport = new Button(getTranslation("console.import"), e -> {
            int[] added = new int[1];
            if (importFrom.getValue() == null) {
                importFrom.setErrorMessage(getTranslation("workshops.importSamePartnership"));
                importFrom.setInvalid(true);
            } else if (Forms.save(this, Map.of("from", importFrom),
                    () -> added[0] = cards.importFrom(id, importFrom.getValue().id()))) {
                Notification.show(getTranslation("console.imported", added[0]), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refreshCards();
            }
        });
        doImport.setId("card-import");
        changers.addAll(List.of(newCard, add, editCard, save, importFrom, doImport));
        var adding = new Div(newCard, add);
        adding.addClassName("form-actions");
        var editing = new Div(editCard, save);
        editing.addClassName("form-actions");
        var importing = new Div(importFrom, doImport);
        importing.addClassName("form-actions");
        return section("console.cardsHeading", cardGrid, adding, editing, importing);
    }

    private Section moderationPanel() {
        pending.setId("pending");
        return section("console.moderationHeading", new Paragraph(getTranslation("console.moderationIntro")), pending);
    }

    private Section section(String headingKey, com.vaadin.flow.component.Component... content) {
        var box = new Section(new H2(getTranslation(headingKey)));
        box.add(content);
        box.addClassName("console-panel");
        return box;
    }

    private void button(Button b, String key, String elementId, Runnable action) {
        b.setText(getTranslation(key));
        b.setId(elementId);
        b.addClickListener(e -> act(action));
        changers.add(b);
    }

    private void act(Runnable action) {
        Forms.save(this, Map.of(), action);
        refresh();
    }

    private void startTimer() {
        String typed = minutes.getValue().strip();
        Forms.save(this, Map.of("seconds", minutes), () -> {
            // anything but 1 to 3 digits (letters, a huge number) gets the same plain message, never an error page
            int m = typed.matches("\\d{1,3}") ? Integer.parseInt(typed) : 0;
            if (m < 1) {
                throw new ValidationException("seconds", "console.minutesRange");
            }
            workshops.startTimer(id, workshop.currentStage(), m * 60);
        });
        refresh();
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
            act(() -> workshops.end(id));
        });
        cancel.focus();
    }

    private void closeEndConfirmation() {
        endConfirmation.removeAll();
        endConfirmation.setVisible(false);
        end.setVisible(true);
    }

    private WorkshopStage current() {
        return stages.get(workshop.currentStage());
    }

    /** Reads the workshop afresh and shows it; runs on every poll. */
    private void refresh() {
        workshop = workshops.get(id);
        stages = workshops.stages(id);
        heading.setText(workshop.title());
        WorkshopStage now = current();
        status.setText(getTranslation("console.statusLine", getTranslation("console.status." + workshop.status()),
                workshop.currentStage() + 1, workshop.stageCount(), title(now)));
        status.setId("workshop-status");
        stageList.removeAll();
        for (WorkshopStage s : stages) {
            var item = new ListItem(title(s));
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
        lock.setText(getTranslation(now.locked() ? "console.unlock" : "console.lock"));
        if (minutes.isEmpty() && now.timerSeconds() != null) {
            minutes.setValue(String.valueOf(Math.max(1, now.timerSeconds() / 60)));
        }
        remaining.setText(timeLeft(now));

        List<RosterEntry> people = workshops.roster(id);
        roster.setItems(people);
        rosterHeading.setText(getTranslation("console.rosterHeading", people.size()));
        Map<Long, String> present = new LinkedHashMap<>();
        people.stream().sorted(java.util.Comparator.comparing(RosterEntry::agencyName))
                .forEach(r -> present.putIfAbsent(r.agencyId(), r.agencyName()));
        if (!speakAgencies.equals(List.copyOf(present.keySet()))) {
            speakAgencies = List.copyOf(present.keySet());
            speakButtons.removeAll();
            changers.removeIf(c -> c instanceof Button b && b.hasClassName("speak-button"));
            present.forEach((agencyId, name) -> {
                agencyNames.put(agencyId, name);
                var b = new Button(name, e -> act(() -> speaking.tap(id, agencyId, level.getValue())));
                b.addThemeVariants(ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_CONTRAST);
                b.addClassName("speak-button");
                b.setId("speak-" + agencyId);
                changers.add(b);
                speakButtons.add(b);
            });
        }
        SpeakingService.Shares shares = speaking.shares(id);
        byAgency.setItems(shares.byAgency());
        byLevel.setItems(shares.byLevel());

        List<PendingText> waiting = workshop.ended() ? List.of() : moderation.pending(id);
        List<String> refs = waiting.stream().map(p -> p.kind() + ":" + p.ref()).toList();
        if (!refs.equals(pendingRefs)) {
            pendingRefs = refs;
            showPending(waiting);
        }

        boolean open = !workshop.ended();
        changers.forEach(c -> c.setEnabled(open));
        level.setEnabled(open && workshop.status() == WorkshopStatus.LIVE);
        start.setEnabled(workshop.status() == WorkshopStatus.DRAFT);
        boolean live = workshop.status() == WorkshopStatus.LIVE;
        previous.setEnabled(live && workshop.currentStage() > 0);
        next.setEnabled(live && workshop.currentStage() + 1 < workshop.stageCount());
        speakButtons.getChildren().forEach(c -> ((Button) c).setEnabled(live));
    }

    private void showPending(List<PendingText> waiting) {
        pending.removeAll();
        if (waiting.isEmpty()) {
            pending.add(new Paragraph(getTranslation("console.nothingPending")));
        }
        for (PendingText p : waiting) {
            var text = new Paragraph(p.text());
            text.addClassName("free-text");
            var about = new Span(getTranslation("console.pendingFrom", p.stagePosition() + 1,
                    agencyNames.getOrDefault(p.agencyId(), ""), levelName(p.level())));
            var approve = new Button(getTranslation("console.approve"), e -> act(() -> moderation.moderate(id, p.kind(), p.ref(), true)));
            approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            var reject = new Button(getTranslation("console.reject"), e -> act(() -> moderation.moderate(id, p.kind(), p.ref(), false)));
            approve.addClassName("approve");
            reject.addClassName("reject");
            var row = new Div(about, text, new Div(approve, reject));
            row.addClassName("pending-text");
            pending.add(row);
        }
    }

    private void refreshCards() {
        cardGrid.setItems(cards.cards(id));
        editCard.clear();
        importFrom.setItems(workshops.list(workshop.partnershipId()).stream().filter(w -> w.id() != id).toList());
    }

    private String timeLeft(WorkshopStage s) {
        if (s.timerStartedAt() == null || s.timerSeconds() == null) {
            return getTranslation("console.timerNotStarted");
        }
        long left = Duration.between(Instant.now(), s.timerStartedAt().plusSeconds(s.timerSeconds())).toSeconds();
        if (left <= 0) {
            return getTranslation("console.timeUp");
        }
        return getTranslation("console.timeLeft", String.format("%d:%02d", left / 60, left % 60));
    }

    private static String title(WorkshopStage s) {
        return s.definition().title().in("en");
    }

    private String levelName(Level l) {
        return getTranslation("console.level." + l.name());
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP) + " %";
    }


    @Override
    public String getPageTitle() {
        return (workshop == null ? getTranslation("console.heading") : workshop.title()) + " | " + getTranslation("app.name");
    }
}
