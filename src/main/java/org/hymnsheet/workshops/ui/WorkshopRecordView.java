package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hymnsheet.accounts.Agency;
import org.hymnsheet.accounts.DirectoryService;
import org.hymnsheet.security.Role;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.SpeakingShare;
import org.hymnsheet.workshops.WorkshopRecord;
import org.hymnsheet.workshops.WorkshopRecordService;
import org.hymnsheet.workshops.WorkshopStage;

/** What a workshop said and decided, stage by stage, its inputs as a CSV download, and the boards saved into it. */
@Route("workshops/:id(\\d+)/record")
@RolesAllowed({Role.Names.FACILITATOR, Role.Names.ADMIN})
public class WorkshopRecordView extends Main implements BeforeEnterObserver, HasDynamicTitle {
    private final transient WorkshopRecordService records;
    private final transient DirectoryService directory;
    private String title;

    WorkshopRecordView(WorkshopRecordService records, DirectoryService directory) {
        this.records = records;
        this.directory = directory;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        WorkshopRecord r = records.record(id);
        title = r.workshop().title();
        Map<Long, String> agencies = new HashMap<>();
        for (Agency a : directory.agencies(r.workshop().partnershipId())) {
            agencies.put(a.id(), a.name());
        }
        removeAll();
        var csv = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] bytes = records.csv(id).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "workshop-" + id + ".csv", "text/csv;charset=utf-8",
                    bytes.length);
        }), getTranslation("record.downloadCsv"));
        csv.setId("record-csv");
        add(new H1(getTranslation("record.heading", title)),
                new RouterLink(getTranslation("record.backToConsole"), WorkshopConsoleView.class,
                        new RouteParameters("id", String.valueOf(id))),
                new Paragraph(getTranslation("record.intro")), csv, new SavedBoards(records, id));
        for (WorkshopStage s : r.stages()) {
            add(stage(r, s, agencies));
        }
    }

    private Section stage(WorkshopRecord r, WorkshopStage s, Map<Long, String> agencies) {
        int p = s.position();
        var box = new Section(new H2((p + 1) + ". " + s.definition().title().in("en")));
        box.addClassName("record-stage");
        switch (s.kind()) {
            case FRAMING -> {
                box.add(grid(r.framing().stream().filter(x -> x.stage() == p).toList(),
                        col("console.agency", WorkshopRecord.Framing::agency),
                        col("record.answers", x -> String.valueOf(x.answers())),
                        col("record.mean", x -> number(x.mean())),
                        col("record.min", x -> String.valueOf(x.min())),
                        col("record.max", x -> String.valueOf(x.max()))));
                box.add(texts("record.sentences", r.sentences(), p));
            }
            case VOICE -> {
                box.add(new H3(getTranslation("record.influence")));
                box.add(grid(r.influence().stream().filter(x -> x.stage() == p).toList(),
                        col("console.agency", WorkshopRecord.Influence::agency),
                        col("record.votes", x -> String.valueOf(x.votes()))));
                box.add(new H3(getTranslation("record.speaking")));
                box.add(shares(r.speaking().byAgency(), x -> agencies.getOrDefault(x.agencyId(), ""), "console.agency"));
                box.add(shares(r.speaking().byLevel(), x -> level(x.level()), "console.level"));
            }
            case CARD_SORT -> {
                box.add(grid(r.cards(),
                        col("console.card", WorkshopRecord.CardSpread::text),
                        col("record.placements", x -> String.valueOf(x.placements())),
                        col("record.mean", x -> number(x.mean())),
                        col("record.min", x -> number(x.min())),
                        col("record.max", x -> number(x.max())),
                        col("record.spread", x -> number(x.spread()))));
                box.add(new H3(getTranslation("record.contexts")));
                box.add(grid(r.contexts(),
                        col("console.card", WorkshopRecord.ContextCount::card),
                        col("record.context", WorkshopRecord.ContextCount::context),
                        col("record.count", x -> String.valueOf(x.count()))));
            }
            case PULSE -> {
                box.add(grid(r.pulse().stream().filter(x -> x.stage() == p).toList(),
                        col("record.question", WorkshopRecord.PulseCount::question),
                        col("record.value", x -> String.valueOf(x.value())),
                        col("record.count", x -> String.valueOf(x.count()))));
                box.add(comments(r.comments(), p));
            }
            case NEEDS -> box.add(grid(r.needs().stream().filter(x -> x.stage() == p).toList(),
                    col("record.need", WorkshopRecord.NeedDots::text),
                    col("record.category", WorkshopRecord.NeedDots::category),
                    col("record.owner", x -> x.owner() == null ? "" : x.owner()),
                    col("record.dots", x -> String.valueOf(x.dots()))));
            case MAPPING -> box.add(texts("record.notes", r.notes(), p));
        }
        return box;
    }

    private record Col<T>(String header, ValueProvider<T, String> value) {}

    private static <T> Col<T> col(String header, ValueProvider<T, String> value) {
        return new Col<>(header, value);
    }

    @SafeVarargs
    private <T> Grid<T> grid(List<T> rows, Col<T>... cols) {
        var grid = new Grid<T>();
        for (Col<T> c : cols) {
            grid.addColumn(c.value()).setHeader(getTranslation(c.header()));
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("record.nothing"));
        return grid;
    }

    private Grid<SpeakingShare> shares(List<SpeakingShare> rows, ValueProvider<SpeakingShare, String> name, String header) {
        return grid(rows, col(header, name), col("console.turns", x -> String.valueOf(x.turns())),
                col("console.seconds", x -> number(x.seconds())),
                col("console.timeShare", x -> number(x.timeShare().movePointRight(2)) + " %"),
                col("console.turnShare", x -> number(x.turnShare().movePointRight(2)) + " %"));
    }

    private Section texts(String headingKey, List<WorkshopRecord.ApprovedText> all, int stage) {
        var list = new UnorderedList();
        all.stream().filter(t -> t.stage() == stage).forEach(t -> {
            var item = new ListItem((t.item() == null ? "" : t.item() + " · ") + t.agency() + " (" + level(t.level()) + "): "
                    + t.text());
            item.addClassName("free-text");
            list.add(item);
        });
        var box = new Section(new H3(getTranslation(headingKey)));
        box.add(list.getChildren().findAny().isPresent() ? list : new Paragraph(getTranslation("record.nothing")));
        return box;
    }

    /** The anonymous pulse's comments: the words alone, never who wrote them. */
    private Section comments(List<WorkshopRecord.AnonymousText> all, int stage) {
        var list = new UnorderedList();
        all.stream().filter(t -> t.stage() == stage).forEach(t -> {
            var item = new ListItem(t.question() + " · " + t.text());
            item.addClassName("free-text");
            list.add(item);
        });
        var box = new Section(new H3(getTranslation("record.comments")));
        box.add(list.getChildren().findAny().isPresent() ? list : new Paragraph(getTranslation("record.nothing")));
        return box;
    }

    private String level(Level l) {
        return l == null ? getTranslation("console.anyLevel") : getTranslation("console.level." + l.name());
    }

    private static String number(Object n) {
        if (n == null) {
            return "";
        }
        return n instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : n.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("record.heading", title == null ? "" : title) + " | " + getTranslation("app.name");
    }
}
