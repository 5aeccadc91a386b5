package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.hymnsheet.workshops.BoardSnapshot;
import org.hymnsheet.workshops.WorkshopRecordService;

/** The boards saved into a workshop's record, newest first, each a PDF download. */
final class SavedBoards extends Section {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    SavedBoards(WorkshopRecordService records, long workshopId) {
        setId("record-saved-boards");
        addClassName("record-stage");
        add(new H2(getTranslation("record.savedBoards")), new Paragraph(getTranslation("record.savedBoardsIntro")));
        List<BoardSnapshot> saved = records.snapshots(workshopId);
        if (saved.isEmpty()) {
            add(new Paragraph(getTranslation("record.noSavedBoards")));
            return;
        }
        var list = new UnorderedList();
        for (BoardSnapshot s : saved) {
            long id = s.id();
            String name = "board-" + workshopId + "-stage-" + (s.stagePosition() + 1) + "-" + id + ".pdf";
            var pdf = new Anchor(DownloadHandler.fromInputStream(e -> {
                byte[] bytes = records.snapshotPdf(id);
                return new DownloadResponse(new ByteArrayInputStream(bytes), name, "application/pdf", bytes.length);
            }), s.savedBy() == null
                    ? getTranslation("record.savedBoardNoName", s.stagePosition() + 1, s.stageTitle(), WHEN.format(s.savedAt()))
                    : getTranslation("record.savedBoard", s.stagePosition() + 1, s.stageTitle(), WHEN.format(s.savedAt()),
                    s.savedBy()));
            pdf.setId("snapshot-" + id);
            list.add(new ListItem(pdf));
        }
        add(list);
    }
}
