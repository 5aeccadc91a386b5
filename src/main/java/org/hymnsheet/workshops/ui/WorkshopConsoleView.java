package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hymnsheet.accounts.Agency;
import org.hymnsheet.accounts.DirectoryService;
import org.hymnsheet.common.QrCodes;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.common.ui.Links;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import org.hymnsheet.live.ui.LiveRefresh;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.workshops.CardService;
import org.hymnsheet.workshops.RosterEntry;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.hymnsheet.workshops.WorkshopStage;
import org.hymnsheet.workshops.WorkshopStatus;

/**
 * The facilitator's console for one live workshop: how to join, the board, the stages and their controls, who is
 * here, the speaking tracker, the cards and the free text waiting for approval. What the room does arrives by push
 * at once; a poll every two seconds ticks the timer and an open speaking turn. Once the workshop has ended every
 * control is disabled.
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
    private final transient Clock clock;
    private final LiveRefresh live;

    private long id;
    private Workshop workshop;
    private final H1 heading = new H1();
    private final Paragraph status = new Paragraph();
    private final H2 rosterHeading = new H2();
    private final Grid<RosterEntry> roster = new Grid<>();
    private List<RosterEntry> shownRoster;
    private StageControls stageControls;
    private SpeakingTracker tracker;
    private CardsEditor cardsEditor;
    private PendingTexts pending;

    WorkshopConsoleView(WorkshopService workshops, CardService cards, SpeakingService speaking,
                        WorkshopModerationService moderation, DirectoryService directory, SurveyService surveys,
                        LiveSignals signals, Clock clock) {
        Polling.whileAttached(this, this::refresh);
        live = LiveRefresh.on(this, signals, this::refresh);
        this.workshops = workshops;
        this.cards = cards;
        this.speaking = speaking;
        this.moderation = moderation;
        this.directory = directory;
        this.surveys = surveys;
        this.clock = clock;
        addClassName("page");
        addClassName("workshop-console");
        status.setId("workshop-status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        workshop = workshops.get(id);
        Map<Long, String> agencyNames = new HashMap<>();
        for (Agency a : directory.agencies(workshop.partnershipId())) {
            agencyNames.put(a.id(), a.name());
        }
        removeAll();
        live.follow(Set.of(Topic.workshop(id)));
        stageControls = new StageControls(workshops, clock, id, this::act);
        tracker = new SpeakingTracker(speaking, id, agencyNames, this::act);
        cardsEditor = new CardsEditor(cards, workshops, workshop, this::act);
        pending = new PendingTexts(moderation, id, agencyNames, this::act);
        add(heading, status, join(), new BoardSettings(workshops, surveys, workshop), stageControls, rosterPanel(),
                tracker, cardsEditor, pending, new RouterLink(getTranslation("console.openRecord"),
                        WorkshopRecordView.class, new RouteParameters("id", String.valueOf(id))));
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
        var box = new Section(new H2(getTranslation("console.joinHeading")),
                new Paragraph(getTranslation("console.joinIntro")), code, qr, anchor);
        box.addClassName("console-panel");
        return box;
    }

    private Section rosterPanel() {
        roster.addColumn(RosterEntry::agencyName).setHeader(getTranslation("console.agency"));
        roster.addColumn(r -> getTranslation("console.level." + r.level().name()))
                .setHeader(getTranslation("console.level"));
        roster.addColumn(r -> r.firstName() == null ? "" : r.firstName()).setHeader(getTranslation("console.firstName"));
        roster.setAllRowsVisible(true);
        roster.setEmptyStateText(getTranslation("console.nobodyYet"));
        roster.setId("roster");
        var box = new Section(rosterHeading, roster);
        box.addClassName("console-panel");
        return box;
    }

    /** Runs a facilitator's action (a refusal becomes a plain message) and shows the workshop as it now is. */
    private void act(Runnable action) {
        Forms.save(this, Map.of(), action);
        refresh();
    }

    /** Reads the workshop afresh and shows it; runs on every change, every poll and after every action. */
    private void refresh() {
        workshop = workshops.get(id);
        List<WorkshopStage> stages = workshops.stages(id);
        heading.setText(workshop.title());
        WorkshopStage now = stages.get(workshop.currentStage());
        status.setText(getTranslation("console.statusLine", getTranslation("console.status." + workshop.status()),
                workshop.currentStage() + 1, workshop.stageCount(), title(now)));
        stageControls.show(workshop, stages);

        List<RosterEntry> people = workshops.roster(id);
        if (!people.equals(shownRoster)) { // the poll must not reset the grid under a keyboard user
            shownRoster = people;
            roster.setItems(people);
        }
        rosterHeading.setText(getTranslation("console.rosterHeading", people.size()));
        Map<Long, String> present = new LinkedHashMap<>();
        people.stream().sorted(Comparator.comparing(RosterEntry::agencyName))
                .forEach(r -> present.putIfAbsent(r.agencyId(), r.agencyName()));
        tracker.show(present, workshop.status() == WorkshopStatus.LIVE);
        pending.show(workshop.ended());

        boolean open = !workshop.ended();
        for (ConsolePanel panel : List.of(stageControls, tracker, cardsEditor, pending)) {
            panel.setOpen(open);
        }
    }

    static String title(WorkshopStage s) {
        return s.definition().title().in("en");
    }

    @Override
    public String getPageTitle() {
        return (workshop == null ? getTranslation("console.heading") : workshop.title()) + " | "
                + getTranslation("app.name");
    }
}
