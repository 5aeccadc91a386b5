package org.hymnsheet.findings;

import java.util.Comparator;
import java.util.List;
import org.hymnsheet.findings.FindingsTable.Chart;
import org.hymnsheet.findings.FindingsTable.Row;
import org.hymnsheet.templates.LocalizedText;
import org.hymnsheet.templates.NeedsStage;
import org.hymnsheet.templates.TemplateCatalog;
import org.hymnsheet.workshops.WorkshopAggregates;

/** What the partnership said it needs: approved needs by category with their dots, and the needs given most dots. */
final class NeedsPanel {
    static final int TOP = 10;

    private final TemplateCatalog catalog;
    private final FindingsTexts t;

    NeedsPanel(TemplateCatalog catalog, FindingsTexts t) {
        this.catalog = catalog;
        this.t = t;
    }

    FindingsTable byCategory(List<WorkshopAggregates.NeedCategory> categories) {
        int allDots = categories.stream().mapToInt(WorkshopAggregates.NeedCategory::dots).sum();
        List<Row> rows = categories.stream().map(c -> Row.of(FindingsTable.text(category(c.category())),
                WorkshopFindings.count(c.needs()), WorkshopFindings.count(c.dots()),
                FindingsTable.percent(c.dots(), allDots))).toList();
        String summary = t.get("findings.ws.noData");
        if (!categories.isEmpty()) {
            var raised = categories.getFirst(); // most raised first (SQL order)
            var dotted = categories.stream().max(Comparator.comparingInt(WorkshopAggregates.NeedCategory::dots)).orElseThrow();
            summary = t.get("findings.ws.needs.summary", category(raised.category()), raised.needs(),
                    category(dotted.category()), dotted.dots());
        }
        return new FindingsTable("practice.needs-by-category", t.get("findings.ws.needs.title"), summary, Chart.BAR,
                List.of(WorkshopFindings.label(t, "category"), WorkshopFindings.num(t, "needs"),
                        WorkshopFindings.num(t, "dots"), WorkshopFindings.pct(t, "dotShare")), rows, List.of());
    }

    /** The approved needs given most dots (SQL orders them), at most {@value #TOP}. */
    FindingsTable top(List<WorkshopAggregates.NeedDots> needs) {
        var top = needs.stream().limit(TOP).toList();
        List<Row> rows = top.stream().map(n -> Row.of(FindingsTable.text(n.text()), FindingsTable.text(category(n.category())),
                WorkshopFindings.count(n.dots()))).toList();
        String summary = top.isEmpty() ? t.get("findings.ws.noData")
                : t.get("findings.ws.topNeeds.summary", top.getFirst().text(), top.getFirst().dots());
        return new FindingsTable("practice.top-needs", t.get("findings.ws.topNeeds.title"), summary, Chart.NONE,
                List.of(WorkshopFindings.label(t, "need"), WorkshopFindings.label(t, "category"),
                        WorkshopFindings.num(t, "dots")), rows, List.of());
    }

    /** A category id in words, from the workshop templates (the id itself if no template names it any more). */
    private String category(String id) {
        return catalog.workshops().stream().flatMap(w -> w.stages().stream())
                .filter(NeedsStage.class::isInstance).map(NeedsStage.class::cast)
                .flatMap(n -> n.categories().stream()).filter(o -> o.id().equals(id))
                .map(o -> o.label().in(LocalizedText.FALLBACK)).findFirst().orElse(id);
    }
}
