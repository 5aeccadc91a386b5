package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.WorkshopModerationService;

/**
 * Free text the room wrote that waits for the facilitator: approve (it may then appear on the board) or reject.
 * Redrawn only when what waits has changed, so a poll never moves the facilitator's focus.
 */
final class PendingTexts extends ConsolePanel {
    private final transient WorkshopModerationService moderation;
    private final long workshopId;
    private final Map<Long, String> agencyNames;
    private final Div pending = new Div();
    private List<String> shown;

    PendingTexts(WorkshopModerationService moderation, long workshopId, Map<Long, String> agencyNames,
                 Consumer<Runnable> act) {
        super("console.moderationHeading", act);
        this.moderation = moderation;
        this.workshopId = workshopId;
        this.agencyNames = agencyNames;
        pending.setId("pending");
        add(new Paragraph(getTranslation("console.moderationIntro")), pending);
    }

    void show(boolean ended) {
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
            var row = new Div(about, text, new Div(approve, reject));
            row.addClassName("pending-text");
            pending.add(row);
        }
    }
}
