package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
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
 * send to the safeguarding lead (listed below once sent, with whether a lead has opened it).
 * Redrawn only when what waits has changed, so a poll never moves the facilitator's focus.
 */
final class PendingTexts extends ConsolePanel {
    private final transient WorkshopModerationService moderation;
    private final long workshopId;
    private final Map<Long, String> agencyNames;
    private final Div pending = new Div();
    private List<String> shown;
    private final H3 sentHeading = new H3(getTranslation("escalate.sentHeading"));
    private final UnorderedList sent = new UnorderedList();
    private List<EscalatedText> sentShown;
    private final SendToLeadForm sendForm = new SendToLeadForm(true);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm").withZone(ZoneId.of("Europe/London"));

    PendingTexts(WorkshopModerationService moderation, long workshopId, Map<Long, String> agencyNames,
                 Consumer<Runnable> act) {
        super("console.moderationHeading", act);
        this.moderation = moderation;
        this.workshopId = workshopId;
        this.agencyNames = agencyNames;
        pending.setId("pending");
        sent.setId("sent-to-lead");
        sent.addClassName("sent-list");
        sentHeading.setVisible(false);
        add(new Paragraph(getTranslation("console.moderationIntro")), sendForm, pending, sentHeading, sent);
    }

    /** The texts sent to the safeguarding lead, redrawn only when one was sent or opened. */
    private void showSent() {
        List<EscalatedText> now = moderation.escalated(workshopId);
        if (now.equals(sentShown)) {
            return;
        }
        sentShown = now;
        sentHeading.setVisible(!now.isEmpty());
        sent.removeAll();
        for (EscalatedText t : now) {
            var about = new Span(getTranslation("escalate.sentWhen", WHEN.format(t.sentAt()),
                    getTranslation(t.opened() ? "escalate.opened" : "escalate.notOpened")));
            about.addClassName("sent-about");
            var text = new Paragraph(t.text().length() > 300 ? t.text().substring(0, 299) + "…" : t.text());
            text.addClassName("free-text");
            sent.add(new ListItem(about, text));
        }
    }

    void show(boolean ended) {
        showSent();
        List<PendingText> waiting = ended ? List.of() : moderation.pending(workshopId);
        // a ref names the words' version too, so words changed while they wait are redrawn as they now are
        List<String> refs = waiting.stream().map(p -> p.kind() + ":" + p.ref()).toList();
        if (refs.equals(shown)) {
            return;
        }
        shown = refs;
        pending.removeAll();
        if (waiting.isEmpty()) {
            pending.add(new Paragraph(getTranslation("console.nothingPending")));
        }
        for (PendingText p : waiting) {
            var text = new Paragraph(p.text());
            text.addClassName("free-text");
            // the anonymous pulse's comments come with nothing about who wrote them
            var about = new Span(p.agencyId() == null
                    ? getTranslation("console.pendingAnonymous", p.stagePosition() + 1)
                    : getTranslation("console.pendingFrom", p.stagePosition() + 1,
                    agencyNames.getOrDefault(p.agencyId(), ""), levelName(p.level())));
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
            var row = new Div(about, text, new Div(approve, reject, send));
            row.addClassName("pending-text");
            pending.add(row);
        }
    }
}
