package org.hymnsheet.boards.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Set;
import org.hymnsheet.boards.Board;
import org.hymnsheet.boards.BoardService;
import org.hymnsheet.boards.BoardSnapshotService;
import org.hymnsheet.boards.YoungPeoplesVoice;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.QrCodes;
import org.hymnsheet.common.ui.ElementPatch;
import org.hymnsheet.common.ui.Links;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import org.hymnsheet.live.ui.LiveRefresh;
import org.hymnsheet.security.Role;
import org.hymnsheet.workshops.StageKind;

/**
 * The live reflection board a facilitator puts on the projector: the room's current stage in large type, its
 * figures once revealed, and the young people's voice beside it. Read-only but for one small action at its foot,
 * saving the board into the workshop record; it follows the workshop by server push (at most four refreshes a
 * second) and re-reads from the tables after a lost connection.
 */
@Route(value = "workshops/:id(\\d+)/board", autoLayout = false)
@RolesAllowed({Role.Names.FACILITATOR, Role.Names.ADMIN})
public class BoardView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    static final int VOICE_TICK_MILLIS = 3000;
    /**
     * Idle sessions are closed (vaadin.close-idle-sessions) and push alone is not use: a board on the projector
     * that only listens would be signed out after 30 minutes of a quiet stage. A request every 5 minutes keeps it.
     */
    static final int KEEP_OPEN_MILLIS = 5 * 60 * 1000;
    /** A list longer than the screen shows its next page this often. */
    static final int PAGE_TURN_MILLIS = 10_000;
    /** At most ten refreshes a second (other live pages: four). */
    static final long REFRESH_GAP_MILLIS = LiveSignals.MIN_GAP_MILLIS;
    private final transient BoardService boards;
    private final StagePanels panels = new StagePanels(this::getTranslation);
    private final LiveRefresh live;
    private final LiveRefresh liveYoungPeople;
    private final Div key = new Div();
    private final H1 title = new H1();
    private final Span stageLine = new Span();
    private final Span code = new Span();
    private final Div joinBox = new Div();
    private final H2 prompt = new H2();
    private final Paragraph answered = new Paragraph();
    private final Div figures = new Div();
    private final Aside youngPeople = new Aside();
    private long id;
    private String pageTitle = "";
    private String shownCode;
    private int refreshes;
    private com.vaadin.flow.shared.Registration tick;
    private com.vaadin.flow.shared.Registration resize;
    private Board shown;
    private Long shownSurvey;
    private boolean voiceTicks;

    BoardView(BoardService boards, BoardSnapshotService snapshots, LiveSignals signals) {
        this.boards = boards;
        addClassName("board");
        setId("board");
        code.addClassName("board-code");
        code.setId("board-code");
        stageLine.setId("board-stage-line");
        prompt.setId("board-prompt");
        answered.setId("board-answered");
        figures.setId("board-figures");
        youngPeople.setId("board-young-people");
        youngPeople.addClassName("board-young-people");
        var head = new Header(new Div(title, stageLine), joinBox);
        head.addClassName("board-head");
        key.setId("board-key");
        key.addClassName("board-key");
        var stage = new Main(prompt, answered, figures);
        stage.addClassName("board-stage");
        var body = new Div(stage, youngPeople);
        body.addClassName("board-body");
        var foot = new Div(key, new BoardSave(snapshots, panels, figures, () -> id));
        foot.addClassName("board-bottom");
        add(head, body, foot);
        live = LiveRefresh.on(this, signals, this::refresh);
        // the young people's panel changes with its survey, not with the room: it re-reads only then
        liveYoungPeople = LiveRefresh.on(this, signals, this::refreshYoungPeople);
        // while the voice stage is up, an open speaking turn grows by the second: re-read now and then; otherwise
        // the poll turns the pages of lists longer than the screen
        addAttachListener(e -> {
            tick = e.getUI().addPollListener(p -> tick());
            // chart type follows the screen's size, as the board's CSS type does
            var page = e.getUI().getPage();
            page.retrieveExtendedClientDetails(d -> window(d.getWindowInnerWidth(), d.getWindowInnerHeight()));
            resize = page.addBrowserWindowResizeListener(r -> window(r.getWidth(), r.getHeight()));
        });
        addDetachListener(e -> {
            e.getUI().setPollInterval(-1);
            if (tick != null) {
                tick.remove();
                tick = null;
            }
            if (resize != null) {
                resize.remove();
                resize = null;
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(Long.parseLong(event.getRouteParameters().get("id").orElseThrow()));
    }

    /** Shows this workshop's board. */
    void show(long workshopId) {
        id = workshopId;
        shown = null;
        refresh();
    }

    /** Re-reads the board from the tables (one service call) and redraws what changed. */
    void refresh() {
        Board b;
        try {
            b = boards.stage(id);
        } catch (NotFoundException gone) {
            return;
        }
        refreshes++;
        getElement().setAttribute("data-refreshes", String.valueOf(refreshes));
        var w = b.workshop();
        // a refresh is one cheap read that redraws only what changed: a burst of saves lands within ~0.1 s of the last
        live.follow(Set.of(Topic.workshop(w.id())), REFRESH_GAP_MILLIS);
        if (shown == null || !java.util.Objects.equals(w.surveyId(), shownSurvey)) {
            shownSurvey = w.surveyId();
            liveYoungPeople.follow(w.surveyId() == null ? Set.of() : Set.of(Topic.survey(w.surveyId())));
            youngPeople(w.surveyId() == null ? null : boards.youngPeople(id));
        }
        String newTitle = getTranslation("board.pageTitle", w.title());
        if (!newTitle.equals(pageTitle)) {
            pageTitle = newTitle;
            UI.getCurrent().getPage().setTitle(getPageTitle());
        }
        title.setText(w.title());
        String stageTitle = b.stage().definition().title().in("en");
        stageLine.setText(w.ended() ? getTranslation("board.ended", stageTitle)
                : getTranslation("board.stageOf", b.stage().position() + 1, w.stageCount(), stageTitle));
        join(w.joinCode(), w.ended());
        voiceTicks = b.stage().kind() == StageKind.VOICE && !w.ended();
        prompt.setText(b.stage().definition().prompt().in("en"));
        answered.setText(getTranslation("board.answered", b.answered(), b.participants()));
        boolean sameFigures = shown != null && shown.stage().id() == b.stage().id()
                && java.util.Objects.equals(shown.view(), b.view()) && shown.shortNames().equals(b.shortNames());
        shown = b;
        if (!sameFigures) {
            draw();
        }
        poll();
    }

    private void window(int width, int height) {
        if (panels.window(width, height) && shown != null) {
            draw();
        }
    }

    /** The poll: re-reads while speaking time grows, turns the pages of long lists, and keeps the session open. */
    void tick() {
        if (voiceTicks || !panels.paged()) {
            refresh();
        } else if (shown != null) {
            panels.turnPage();
            draw();
        }
    }

    private void poll() {
        int poll = voiceTicks ? VOICE_TICK_MILLIS : panels.paged() ? PAGE_TURN_MILLIS : KEEP_OPEN_MILLIS;
        if (UI.getCurrent().getPollInterval() != poll) {
            UI.getCurrent().setPollInterval(poll);
        }
    }

    /**
     * Draws the stage's figures and the key to the short names they use (only when they changed). The page keeps its
     * elements: the new panels are built aside and only what differs is changed on the page (texts, a row more or
     * less), so a busy room sends the projector a few changed texts rather than a new stage panel ten times a second.
     */
    private void draw() {
        var fresh = new Div();
        if (shown.view() == null) {
            var waiting = new Paragraph(getTranslation("board.waiting"));
            waiting.addClassName("board-waiting");
            waiting.setId("board-waiting");
            fresh.add(waiting);
        } else {
            panels.render(shown.view(), shown.shortNames()).forEach(fresh::add);
        }
        ElementPatch.children(figures.getElement(), fresh.getElement(), panels::resolve);
        key.setVisible(shown.view() != null && !shown.shortNames().isEmpty());
        var freshKey = new Div();
        if (key.isVisible()) {
            freshKey.add(new Span(getTranslation("board.key") + ": "));
            for (var n : shown.shortNames()) {
                var item = new Span();
                item.addClassName("board-key-item");
                item.getElement().appendChild(new com.vaadin.flow.dom.Element("b").appendChild(
                        new com.vaadin.flow.dom.Element("bdi").setText(n.shortName())));
                item.getElement().appendChild(com.vaadin.flow.dom.Element.createText(" = "));
                item.getElement().appendChild(new com.vaadin.flow.dom.Element("bdi").setText(n.name()));
                freshKey.add(item);
            }
        }
        ElementPatch.children(key.getElement(), freshKey.getElement(), e -> e);
    }

    private void refreshYoungPeople() {
        try {
            youngPeople(boards.youngPeople(id));
        } catch (NotFoundException gone) {
            // the workshop is gone: the board's own refresh says so
        }
    }

    private void join(String joinCode, boolean ended) {
        joinBox.setVisible(!ended);
        if (joinCode.equals(shownCode)) {
            return;
        }
        shownCode = joinCode;
        joinBox.removeAll();
        joinBox.addClassName("board-join");
        String link = Links.base() + "join/" + joinCode;
        code.setText(joinCode);
        var qr = new Image(DownloadHandler.fromInputStream(e -> {
            byte[] png = QrCodes.png(link, 360);
            return new DownloadResponse(new ByteArrayInputStream(png), "join.png", "image/png", png.length);
        }), getTranslation("board.qrAlt"));
        qr.addClassName("board-qr");
        joinBox.add(new Div(new Span(getTranslation("board.joinAt", Links.base() + "join")), new Div(
                new Span(getTranslation("board.code")), code)), qr);
    }

    private void youngPeople(YoungPeoplesVoice voice) {
        youngPeople.removeAll();
        youngPeople.setVisible(voice != null);
        if (voice == null) {
            return;
        }
        youngPeople.add(new H2(getTranslation("board.young.heading")), new Paragraph(voice.survey()),
                new Paragraph(getTranslation("board.young.responses", voice.responses())));
        for (var f : voice.findings()) {
            var list = new UnorderedList();
            f.answers().forEach(a -> list.add(new ListItem(getTranslation("board.young.answer", a.label(), a.count()))));
            if (f.answers().isEmpty()) {
                list.add(new ListItem(getTranslation("board.young.tooFew")));
            } else if (f.othersHeldBack()) {
                list.add(new ListItem(getTranslation("board.young.others")));
            }
            youngPeople.add(new H3(f.question()), list);
        }
        if (!voice.quotes().isEmpty()) {
            var quotes = new UnorderedList();
            quotes.addClassName("board-quotes");
            voice.quotes().forEach(q -> {
                var item = new ListItem();
                item.getElement().appendChild(new com.vaadin.flow.dom.Element("bdi").setText(q));
                quotes.add(item);
            });
            youngPeople.add(new H3(getTranslation("board.young.inTheirWords")), quotes);
        }
        var rule = new Paragraph(voice.rule());
        rule.addClassName("board-footnote");
        youngPeople.add(rule);
    }

    StagePanels panels() {
        return panels;
    }

    Div figures() {
        return figures;
    }

    long workshopId() {
        return id;
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " | " + getTranslation("app.name");
    }
}
