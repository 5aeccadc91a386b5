package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hymnsheet.common.ui.SendToLeadForm;
import org.hymnsheet.workshops.EscalatedText;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.WorkshopModerationService;

/**
 * Free text the room wrote that waits for the facilitator: approve (it may then appear on the board), reject, or
 * send to the safeguarding lead (listed, a click away, once sent, with whether a lead has opened it); or approve
 * all the texts shown at once, each only in the words shown. Redrawn only when what waits has changed, so a poll
 * never moves the facilitator's focus.
 */
final class PendingTexts extends ConsolePanel {
    /** Longer texts are shown in a box of their own that scrolls, so the buttons of the next text stay in reach. */
    static final int LONG_TEXT = 280;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm").withZone(ZoneId.of("Europe/London"));

    private final transient WorkshopModerationService moderation;
    private final long workshopId;
    private final Map<Long, String> agencyNames;
    private final H2 heading = new H2();
    private final Button approveAll = new Button();
    private final Span result = new Span();
    private final Div pending = new Div();
    private List<PendingText> shown;
    private final NativeDetails sentDetails = new NativeDetails();
    private final UnorderedList sent = new UnorderedList();
    private List<EscalatedText> sentShown;
    private final SendToLeadForm sendForm = new SendToLeadForm(true);

    PendingTexts(WorkshopModerationService moderation, long workshopId, Map<Long, String> agencyNames,
                 Consumer<Runnable> act) {
        super(null, act);
        this.moderation = moderation;
        this.workshopId = workshopId;
        this.agencyNames = agencyNames;
        heading.setText(getTranslation("console.moderationHeading"));
        approveAll.setId("approve-all");
        approveAll.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        approveAll.addClickListener(e -> approveAll());
        changes(approveAll);
        result.setId("approve-all-result");
        result.addClassName("approve-all-result");
        result.getElement().setAttribute("role", "status");
        pending.setId("pending");
        pending.addClassName("pending-list");
        sent.setId("sent-to-lead");
        sent.addClassName("sent-list");
        sentDetails.setContent(sent);
        sentDetails.setId("sent-details");
        sentDetails.addClassName("console-more");
        sentDetails.setVisible(false);
        var intro = new Paragraph(getTranslation("console.moderationIntro"));
        intro.addClassName("panel-intro");
        // after the list: read them all, then approve them all
        var all = new Div(approveAll, result);
        all.addClassName("console-actions");
        add(heading, intro, sendForm, pending, all, sentDetails);
    }

    /** Shows what waits (nothing once the workshop has ended) and what was sent to the safeguarding lead. */
    void show(List<PendingText> waiting, List<EscalatedText> escalated) {
        showSent(escalated);
        heading.setText(waiting.isEmpty() ? getTranslation("console.moderationHeading")
                : getTranslation("console.moderationHeadingCount", waiting.size()));
        approveAll.setText(getTranslation("console.approveAll", waiting.size()));
        approveAll.setVisible(waiting.size() > 1);
        // a ref names the words' version too, so words changed while they wait are redrawn as they now are
        if (waiting.equals(shown)) {
            return;
        }
        shown = List.copyOf(waiting);
        pending.removeAll();
        if (waiting.isEmpty()) {
            pending.add(new Paragraph(getTranslation("console.nothingPending")));
        }
        for (PendingText p : waiting) {
            pending.add(row(p));
        }
    }

    private Div row(PendingText p) {
        var text = new Paragraph(p.text());
        text.addClassName("free-text");
        text.getElement().setAttribute("dir", "auto");
        if (p.text().length() > LONG_TEXT) {
            text.addClassName("long-text"); // scrolls in its own box: reachable by keyboard too
            text.getElement().setAttribute("tabindex", "0");
        }
        // the anonymous pulse's comments come with nothing about who wrote them
        var about = new Span(p.agencyId() == null
                ? getTranslation("console.pendingAnonymous", p.stagePosition() + 1)
                : getTranslation("console.pendingFrom", p.stagePosition() + 1,
                agencyNames.getOrDefault(p.agencyId(), ""), levelName(p.level())));
        about.addClassName("pending-about");
        var approve = new Button(getTranslation("console.approve"),
                e -> act(() -> moderation.moderate(workshopId, p.kind(), p.ref(), true)));
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.addClassName("approve");
        var reject = new Button(getTranslation("console.reject"),
                e -> act(() -> moderation.moderate(workshopId, p.kind(), p.ref(), false)));
        reject.addClassName("reject");
        var send = new Button(getTranslation("escalate.button"), e -> sendForm.show(p.text(),
                reason -> moderation.escalate(workshopId, p.kind(), p.ref(), reason), () -> act(() -> { })));
        send.addClassName("escalate");
        var buttons = new Div(approve, reject, send);
        buttons.addClassName("console-actions");
        var row = new Div(about, text, buttons);
        row.addClassName("pending-text");
        return row;
    }

    /** Approves the texts as they are on screen: words changed since stay waiting, and the facilitator is told. */
    private void approveAll() {
        List<PendingText> onScreen = shown == null ? List.of() : shown;
        act(() -> {
            var done = moderation.approveAll(workshopId, onScreen);
            result.setText(done.notApproved().isEmpty()
                    ? getTranslation("console.approvedAll", done.approved())
                    : getTranslation("console.approvedAllBut", done.approved(), done.notApproved().size()));
        });
    }

    /** The texts sent to the safeguarding lead, redrawn only when one was sent or opened. */
    private void showSent(List<EscalatedText> now) {
        if (now.equals(sentShown)) {
            return;
        }
        sentShown = now;
        sentDetails.setVisible(!now.isEmpty());
        sentDetails.setSummaryText(getTranslation("console.sentCount", now.size()));
        sent.removeAll();
        for (EscalatedText t : now) {
            var about = new Span(getTranslation("escalate.sentWhen", WHEN.format(t.sentAt()),
                    getTranslation(t.opened() ? "escalate.opened" : "escalate.notOpened")));
            about.addClassName("sent-about");
            var text = new Paragraph(t.text().length() > 300 ? t.text().substring(0, 299) + "…" : t.text());
            text.addClassName("free-text");
            text.getElement().setAttribute("dir", "auto");
            sent.add(new ListItem(about, text));
        }
    }
}
