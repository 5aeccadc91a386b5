package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Paragraph;
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
import org.hymnsheet.workshops.ConsoleState;
import org.hymnsheet.workshops.RosterEntry;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.hymnsheet.workshops.WorkshopStage;
import org.hymnsheet.common.WorkshopStatus;

/**
 * The facilitator's console for one live workshop, laid out as a dashboard that fits a laptop screen: the stage
 * controls, the texts waiting for approval, the speaking tracker and who is here side by side; the QR code, cards,
 * board settings and record a click away. Each refresh is one service call ({@link WorkshopService#console}). What
 * the room does arrives by push at once; a tick every two seconds moves the timer and, while someone speaks, reads
 * the speaking shares alone. Once the workshop has ended every control is disabled.
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
    private ConsoleState state;
    private final H1 heading = new H1();
    private final Paragraph status = new Paragraph();
    private StageControls stageControls;
    private SpeakingTracker tracker;
    private PendingTexts pending;
    private RosterPanel roster;
    private CardsEditor cardsEditor;

    WorkshopConsoleView(WorkshopService workshops, CardService cards, SpeakingService speaking,
                        WorkshopModerationService moderation, DirectoryService directory, SurveyService surveys,
                        LiveSignals signals, Clock clock) {
        Polling.whileAttached(this, this::tick);
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
        status.addClassName("console-status");
    }

    /** The dashboard needs the whole width of a laptop: the menu closes, a click on its button opens it again. */
    @Override
    protected void onAttach(AttachEvent event) {
        AppLayout layout = findAncestor(AppLayout.class);
        if (layout != null) {
            layout.setDrawerOpened(false);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        open(Long.parseLong(event.getRouteParameters().get("id").orElseThrow()));
    }

    /** Builds the console for this workshop and shows it as it is now. */
    void open(long workshopId) {
        id = workshopId;
        state = workshops.console(id);
        Workshop workshop = state.workshop();
        Map<Long, String> agencyNames = new HashMap<>();
        for (Agency a : directory.agencies(workshop.partnershipId())) {
            agencyNames.put(a.id(), a.name());
        }
        // everything but the push hook, which must stay to hear the room
        getChildren().filter(c -> c != live).toList().forEach(this::remove);
        live.follow(Set.of(Topic.workshop(id)));
        stageControls = new StageControls(workshops, clock, id, this::act);
        stageControls.addClassName("console-stages");
        pending = new PendingTexts(moderation, id, agencyNames, this::act);
        pending.addClassName("console-pending");
        tracker = new SpeakingTracker(speaking, id, agencyNames, this::act);
        tracker.addClassName("console-speaking");
        roster = new RosterPanel();
        roster.addClassName("console-roster");
        cardsEditor = new CardsEditor(cards, workshops, workshop, this::act);
        var dashboard = new Div(column(stageControls, roster), column(pending, more(workshop)), column(tracker));
        dashboard.addClassName("console-dashboard");
        add(header(workshop), dashboard);
        show(state);
    }

    private Header header(Workshop workshop) {
        String link = Links.base() + "join/" + workshop.joinCode();
        var code = new Span(workshop.joinCode());
        code.addClassName("access-code");
        code.setId("join-code");
        var qr = new Image(QrCodes.png(link, 480), getTranslation("console.qrAlt", workshop.title()));
        qr.addClassName("qr-code");
        var anchor = new Anchor(link, link);
        anchor.setId("join-link");
        var qrBox = new Div(new Paragraph(getTranslation("console.joinIntro")), qr, anchor);
        qrBox.addClassName("join-popup");
        var showQr = new NativeDetails(getTranslation("console.showQr"), qrBox);
        showQr.setId("join-details");
        showQr.addClassName("join-details");
        var joinLine = new Div(new Span(getTranslation("console.code")), code, showQr);
        joinLine.addClassName("console-join");
        var board = new Anchor("workshops/" + workshop.id() + "/board", getTranslation("console.openBoard"),
                AnchorTarget.BLANK);
        board.setId("open-board");
        var record = new RouterLink(getTranslation("console.openRecord"), WorkshopRecordView.class,
                new RouteParameters("id", String.valueOf(workshop.id())));
        var links = new Div(board, record);
        links.addClassName("console-links");
        var title = new Div(heading, status);
        title.addClassName("console-title");
        var join = new Div(joinLine, links);
        join.addClassName("console-side");
        var header = new Header(title, join);
        header.addClassName("console-header");
        return header;
    }

    private static Div column(com.vaadin.flow.component.Component... panels) {
        var column = new Div(panels);
        column.addClassName("console-column");
        return column;
    }

    /** What a facilitator needs now and then, each a click away: the cards and the board's survey. */
    private Div more(Workshop workshop) {
        var cardsDetails = new NativeDetails(getTranslation("console.cardsHeading"), cardsEditor);
        cardsDetails.setId("cards-details");
        var boardDetails = new NativeDetails(getTranslation("console.boardHeading"),
                new BoardSettings(workshops, surveys, workshop));
        boardDetails.setId("board-details");
        var more = new Div(cardsDetails, boardDetails);
        more.addClassName("console-extras");
        return more;
    }

    /** Runs a facilitator's action (a refusal becomes a plain message) and shows the workshop as it now is. */
    private void act(Runnable action) {
        Forms.save(this, Map.of(), action);
        refresh();
    }

    /** One read of everything the console shows; runs on every change the room makes and after every action. */
    private void refresh() {
        show(workshops.console(id));
    }

    /** The two-second tick: the timer from what was read, and the shares alone while a turn runs. */
    private void tick() {
        stageControls.tick();
        if (state.speakingNow() != null) {
            tracker.showShares(speaking.shares(id));
        }
    }

    private void show(ConsoleState s) {
        state = s;
        Workshop workshop = s.workshop();
        heading.setText(workshop.title());
        status.setText(getTranslation("console.statusLine", getTranslation("console.status." + workshop.status()),
                workshop.currentStage() + 1, workshop.stageCount(), title(s.currentStage())));
        stageControls.show(workshop, s.stages());
        roster.show(s.roster());
        Map<Long, String> present = new LinkedHashMap<>();
        s.roster().stream().sorted(Comparator.comparing(RosterEntry::agencyName))
                .forEach(r -> present.putIfAbsent(r.agencyId(), r.agencyName()));
        tracker.show(present, workshop.status() == WorkshopStatus.LIVE, s.speakingNow(), s.speaking());
        pending.show(s.pending(), s.escalated());
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
        return (state == null ? getTranslation("console.heading") : state.workshop().title()) + " | "
                + getTranslation("app.name");
    }
}
