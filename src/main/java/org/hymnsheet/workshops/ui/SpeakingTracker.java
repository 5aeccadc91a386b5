package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.ValueProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hymnsheet.workshops.ConsoleState;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.SpeakingShare;

/**
 * The speaking tracker: one large button per agency in the room (a tap starts its turn and ends the one before),
 * who speaks now, "nobody speaking", undo, and the shares of time and turns so far by agency (by level a click away).
 */
final class SpeakingTracker extends ConsolePanel {
    private final transient SpeakingService speaking;
    private final long workshopId;
    private final Select<Level> level = new Select<>();
    private final Div speakButtons = new Div();
    private final Paragraph now = new Paragraph();
    private final Grid<SpeakingShare> byAgency = new Grid<>();
    private final Grid<SpeakingShare> byLevel = new Grid<>();
    private final Map<Long, String> agencyNames = new HashMap<>();
    private List<Long> shownAgencies = List.of();
    private boolean live;

    SpeakingTracker(SpeakingService speaking, long workshopId, Map<Long, String> agencyNames, Consumer<Runnable> act) {
        super("console.speakingHeading", act);
        this.speaking = speaking;
        this.workshopId = workshopId;
        this.agencyNames.putAll(agencyNames);
        level.setLabel(getTranslation("console.speakerLevel"));
        level.setItems(Level.values());
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("console.anyLevel"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("console.anyLevel") : levelName(l));
        level.setId("speaking-level");
        speakButtons.setId("speak-buttons");
        speakButtons.addClassName("form-actions");
        var actions = new Div(button("console.pause", "speaking-pause", () -> speaking.pause(workshopId)),
                button("console.undo", "speaking-undo", () -> speaking.undoLast(workshopId)));
        actions.addClassName("console-actions");
        shareColumns(byAgency, s -> this.agencyNames.getOrDefault(s.agencyId(), ""), "console.agency");
        shareColumns(byLevel, s -> s.level() == null ? getTranslation("console.anyLevel") : levelName(s.level()),
                "console.level");
        byAgency.setId("shares-agency");
        byLevel.setId("shares-level");
        now.setId("speaking-now");
        now.addClassName("speaking-now");
        var intro = new Paragraph(getTranslation("console.speakingIntro"));
        intro.addClassName("panel-intro");
        var levels = new NativeDetails(getTranslation("console.sharesByLevel"), byLevel);
        levels.addClassName("console-more");
        // the level stays chosen from tap to tap, so it sits with the other controls below the agencies
        actions.addComponentAsFirst(level);
        // the shares grow with every agency that speaks: they scroll in their own box so the panel keeps to a laptop
        var shares = new Div(byAgency, levels);
        shares.addClassName("shares-box");
        add(intro, now, speakButtons, actions, shares);
    }

    /** Shows a button for each agency present (ordered by name), who speaks now and the shares as they stand. */
    void show(Map<Long, String> present, boolean live, ConsoleState.Speaker speaker, SpeakingService.Shares shares) {
        this.live = live;
        if (!shownAgencies.equals(List.copyOf(present.keySet()))) {
            shownAgencies = List.copyOf(present.keySet());
            speakButtons.getChildren().forEach(c -> forget((Button) c));
            speakButtons.removeAll();
            present.forEach((agencyId, name) -> {
                agencyNames.put(agencyId, name);
                var b = new Button(name, e -> act(() -> speaking.tap(workshopId, agencyId, level.getValue())));
                b.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
                b.addClassName("speak-button");
                b.setId("speak-" + agencyId);
                changes(b);
                speakButtons.add(b);
            });
        }
        now.setText(speaker == null ? getTranslation("console.nobodySpeaking")
                : getTranslation("console.speakingNow", agencyNames.getOrDefault(speaker.agencyId(), ""),
                speaker.level() == null ? getTranslation("console.anyLevel") : levelName(speaker.level())));
        speakButtons.getChildren().forEach(c -> c.getElement().setAttribute("aria-pressed",
                String.valueOf(speaker != null && c.getId().orElse("").equals("speak-" + speaker.agencyId()))));
        showShares(shares);
    }

    /** The shares as they stand; while someone speaks the console asks for these alone every tick. */
    void showShares(SpeakingService.Shares shares) {
        byAgency.setItems(shares.byAgency());
        byLevel.setItems(shares.byLevel());
    }

    @Override
    void setOpen(boolean open) {
        super.setOpen(open);
        level.setEnabled(open && live);
        speakButtons.getChildren().forEach(c -> ((Button) c).setEnabled(open && live));
    }

    private void shareColumns(Grid<SpeakingShare> grid, ValueProvider<SpeakingShare, String> name, String header) {
        // seconds are on the board and in the record; the console keeps to what says who dominates
        grid.addColumn(name).setHeader(getTranslation(header)).setFlexGrow(3);
        grid.addColumn(SpeakingShare::turns).setHeader(getTranslation("console.turns")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> percent(s.timeShare())).setHeader(getTranslation("console.timeShare")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> percent(s.turnShare())).setHeader(getTranslation("console.turnShare")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("console.nobodySpoke"));
    }
}
