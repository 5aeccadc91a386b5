package org.hymnsheet.workshops.ui;

import org.hymnsheet.shell.FirstPaint;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import org.hymnsheet.live.ui.LiveRefresh;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.workshops.Participant;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.PhoneState;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopStage;

/**
 * A participant's phone during a live workshop: the stage the room is on, with its input. The facilitator moves
 * the room on; the page hears the facilitator's moves by server push at once (the room's answers at most every five
 * seconds) and rebuilds the input only when the stage changes, so nothing being typed is lost. The device is recognised by the token kept in the workshop's cookie.
 */
@FirstPaint.InPageHtml
@Route(value = "w/:code", autoLayout = false)
@AnonymousAllowed
public class ParticipantView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ParticipantService participants;
    private final transient PhoneStages stages;
    private final Main main = new Main();
    private final Div stageBox = new Div();
    private String token;
    private String title;
    private int shownPosition = -1;
    private boolean shownEnded;
    private boolean shownWaiting;
    private PhoneStages.Panel panel;
    private final LiveRefresh live;
    // the board in the room is where people look; a phone's copy of the room's answers may lag a few seconds, and
    // 60 phones re-reading every 5 s rather than every 2 s leave the server and the room's network to the board
    static final long ROOM_ANSWERS_MILLIS = 5000;

    ParticipantView(ParticipantService participants, PhoneStages stages, LiveSignals signals) {
        this.participants = participants;
        this.stages = stages;
        addClassName("respondent-page");
        // idle sessions are closed and push alone is not use: a phone that only reads a long discussion stage
        // would lose its page after 30 minutes; a request every 5 minutes keeps it while the page is open
        addAttachListener(e -> e.getUI().setPollInterval(5 * 60 * 1000));
        addDetachListener(e -> e.getUI().setPollInterval(-1));
        main.addClassNames("respondent", "phone");
        main.setId("workshop");
        add(main);
        live = LiveRefresh.on(this, signals, this::refresh);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ParticipantCookies.speakEnglish(event.getUI());
        String code = ParticipantCookies.code(event.getRouteParameters().get("code").orElse(null));
        if (!open(code)) {
            // by path, not by class: the join form's agency list and level choice stay out of this page's chunk
            if (code != null) {
                ParticipantCookies.forget(code);
                event.forwardTo("join/" + code);
            } else {
                event.forwardTo("join");
            }
        }
    }

    /** Shows the workshop to the participant this device joined as; false when the device has not joined it. */
    boolean open(String code) {
        token = code == null ? null : ParticipantCookies.token(code);
        Participant me = token == null ? null : participants.rejoin(token).orElse(null);
        if (me == null) {
            token = null;
            return false;
        }
        shownPosition = -1;
        shownEnded = false;
        shownWaiting = false;
        // the facilitator's moves reach the phone at once; the room's answers (shown once revealed) every 5 seconds
        live.follow(Set.of(Topic.room(me.workshopId())));
        live.followSlowly(Set.of(Topic.workshop(me.workshopId())), ROOM_ANSWERS_MILLIS);
        refresh();
        return true;
    }

    /** Reads what the phone shows, in one call; rebuilds only what changed. */
    void refresh() {
        if (token == null) {
            return;
        }
        PhoneState state;
        try {
            state = participants.phone(token);
        } catch (NotFoundException gone) {
            return;
        }
        title = state.workshop().title();
        if (state.ended()) {
            if (!shownEnded) {
                thankYou();
            }
        } else if (state.waiting()) {
            if (!shownWaiting) {
                youreIn(state);
            }
        } else if (state.workshop().currentStage() != shownPosition || panel == null) {
            show(state);
        } else {
            panel.refresh(state);
        }
    }

    private void show(PhoneState state) {
        Workshop w = state.workshop();
        WorkshopStage stage = state.stage();
        shownPosition = w.currentStage();
        shownWaiting = false;
        main.removeAll();
        var count = new Span(getTranslation("participant.stageOf", shownPosition + 1, w.stageCount()));
        count.addClassName("progress-text");
        count.setId("stage-count");
        String lang = getLocale() == null ? "en" : getLocale().getLanguage();
        var heading = new H2(stage.definition().title().in(lang));
        heading.setId("stage-title");
        var prompt = new Paragraph(stage.definition().prompt().in(lang));
        prompt.setId("stage-prompt");
        prompt.addClassName("stage-prompt");
        stages.loadScripts(UI.getCurrent(), state);
        panel = stages.panel(token, state, lang, this::refresh);
        main.add(new H1(w.title()), count, heading, prompt, panel.component());
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    /** Joined before the start: who they joined as, and that the page moves on by itself when the facilitator starts. */
    private void youreIn(PhoneState state) {
        shownWaiting = true;
        shownPosition = -1;
        panel = null;
        main.removeAll();
        var heading = new H1(getTranslation("participant.inTitle"));
        heading.setId("you-are-in");
        var workshop = new Paragraph(state.workshop().title());
        workshop.addClassName("question-text");
        var as = new Paragraph(getTranslation("participant.inAs"));
        as.setId("joined-as");
        var who = new Span(state.agencyName());
        who.addClassName("user-text");
        as.add(who, new Span(", " + getTranslation("join.level." + state.me().level().name())));
        var wait = new Paragraph(getTranslation("participant.inWait"));
        wait.setId("waiting");
        wait.getElement().setAttribute("role", "status");
        main.add(heading, workshop, as, wait);
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    private void thankYou() {
        shownEnded = true;
        panel = null;
        main.removeAll();
        var heading = new H1(getTranslation("participant.thanksTitle"));
        heading.setId("thanks");
        main.add(heading, new Paragraph(getTranslation("participant.thanks")));
    }

    @Override
    public String getPageTitle() {
        return (title == null ? "" : title + " | ") + getTranslation("app.name");
    }
}
