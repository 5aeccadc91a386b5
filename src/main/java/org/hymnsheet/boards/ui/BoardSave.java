package org.hymnsheet.boards.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.hymnsheet.boards.BoardSnapshotService;
import org.hymnsheet.boards.ChartImage;
import org.hymnsheet.common.ui.EChart;
import org.hymnsheet.common.ui.Forms;

/**
 * The board's one action, small at its foot so it never competes with the projected figures: saves the board into
 * the workshop record. The browser draws each chart shown as a PNG; the service reads everything else itself.
 */
final class BoardSave extends Footer {
    private static final int WAIT_SECONDS = 20;

    private final transient BoardSnapshotService snapshots;
    private final StagePanels panels;
    private final Component figures;
    private final LongSupplier workshopId;
    private final Button save = new Button();

    BoardSave(BoardSnapshotService snapshots, StagePanels panels, Component figures, LongSupplier workshopId) {
        this.snapshots = snapshots;
        this.panels = panels;
        this.figures = figures;
        this.workshopId = workshopId;
        addClassName("board-foot");
        save.setText(getTranslation("board.save"));
        save.setId("board-save");
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        save.addClickListener(e -> save());
        add(save);
    }

    /** Asks the browser for every chart's picture; once all have come back (or failed), saves inside the UI. */
    private void save() {
        UI ui = UI.getCurrent();
        save.setEnabled(false);
        List<CompletableFuture<ChartImage>> drawn = new ArrayList<>();
        for (EChart chart : panels.shown(figures)) {
            String key = panels.key(chart);
            drawn.add(chart.toPng().thenApply(png -> png == null ? null : new ChartImage(key, png)));
        }
        CompletableFuture.allOf(drawn.toArray(CompletableFuture[]::new)).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((done, failed) -> ui.access(() -> saved(drawn, failed)));
    }

    private void saved(List<CompletableFuture<ChartImage>> drawn, Throwable failed) {
        save.setEnabled(true);
        if (failed != null) {
            Notification.show(getTranslation("board.saveFailed"), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        // a chart not drawn yet gives no picture; its figures are in the saved text all the same
        List<ChartImage> images = drawn.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
        if (Forms.save(this, Map.of(), () -> snapshots.save(workshopId.getAsLong(), images))) {
            Forms.done(this, "board.saved");
        }
    }
}
