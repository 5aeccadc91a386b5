package org.hymnsheet.boards.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.hymnsheet.boards.Board;
import org.hymnsheet.common.ui.EChart;

/**
 * The figures of the stage on the board, one layout per stage kind. Charts are kept between refreshes (only their
 * option changes); everything else is rebuilt from the new board.
 */
final class StagePanels {
    private static final int CARDS_ON_CHART = 10;
    private static final int NEEDS_ON_CHART = 8;

    private final Map<String, EChart> charts = new HashMap<>();
    private final BiFunction<String, Object[], String> t;

    StagePanels(BiFunction<String, Object[], String> translate) {
        this.t = translate;
    }

    /** The charts on the board now, in reading order, for saving the board into the record. */
    List<EChart> shown(Component panel) {
        List<EChart> shown = new ArrayList<>();
        collect(panel, shown);
        return shown;
    }

    private static void collect(Component c, List<EChart> into) {
        if (c instanceof EChart chart) {
            into.add(chart);
        }
        c.getChildren().forEach(child -> collect(child, into));
    }

    List<Component> render(Board.StageView view) {
        return switch (view) {
            case Board.Framing f -> framing(f);
            case Board.Voice v -> voice(v);
            case Board.CardSort c -> cardSort(c);
            case Board.Pulse p -> pulse(p);
            case Board.Needs n -> needs(n);
            case Board.Mapping m -> mapping(m);
        };
    }

    private List<Component> framing(Board.Framing f) {
        var chart = chart("framing", tr("board.framing.chart"), "420px", BoardCharts.framing(f));
        List<List<String>> rows = f.agencies().stream().map(a -> List.of(a.agency(), String.valueOf(a.positions().size()),
                num(a.mean()), String.join(", ", a.positions().stream().map(String::valueOf).toList()))).toList();
        String summary = f.agencies().isEmpty() ? tr("board.nothingYet")
                : String.join(" · ", f.agencies().stream().map(a -> tr("board.framing.mean", a.agency(), num(a.mean()))).toList());
        return List.of(split(Figures.figure("board-framing", chart,
                        tr("board.framing.scale", f.leftLabel(), f.rightLabel()) + " " + summary, List.of(tr("board.col.agency"),
                                tr("board.col.people"), tr("board.col.mean"), tr("board.col.positions")), rows),
                quotes("board-sentences", tr("board.framing.sentences"), f.sentences())));
    }

    private List<Component> voice(Board.Voice v) {
        var balance = new Div();
        balance.addClassName("board-big-figure");
        balance.setId("board-balance");
        var value = new Span(v.balance() == null ? "–" : v.balance().toPlainString());
        value.addClassName("board-number");
        balance.add(new Span(tr("board.voice.balance")), value,
                new Paragraph(tr("board.voice.balanceExplained")));
        var chart = chart("voice", tr("board.voice.chart"), "420px", BoardCharts.voice(v));
        List<List<String>> rows = v.agencies().stream().map(a -> List.of(a.agency(), String.valueOf(a.people()),
                String.valueOf(a.seconds()), String.valueOf(a.turns()), pct(a.timeShare()), pct(a.turnShare()),
                v.influenceShown() ? pct(a.influenceShare()) : tr("board.notRevealed"))).toList();
        String summary = tr("board.voice.summary", pct(v.equalShare()), v.influenceShown() ? v.voters() : 0);
        var figure = Figures.figure("board-voice", chart, summary, List.of(tr("board.col.agency"), tr("board.col.people"),
                tr("board.col.seconds"), tr("board.col.turns"), tr("board.col.timeShare"), tr("board.col.turnShare"),
                tr("board.col.influence")), rows);
        var levels = new UnorderedList();
        levels.setId("board-levels");
        levels.addClassName("board-inline-list");
        v.levels().forEach(l -> levels.add(new ListItem(tr("board.voice.level", level(l.level()), pct(l.timeShare()),
                String.valueOf(l.turns())))));
        var byLevel = new Div(new H3(tr("board.voice.byLevel")), levels);
        return List.of(split(figure, new Div(balance, byLevel)));
    }

    private List<Component> cardSort(Board.CardSort c) {
        var eco = new Div();
        eco.addClassName("board-big-figure");
        eco.setId("board-ecological");
        var value = new Span(c.ecologicalShare() == null ? "–" : pct(c.ecologicalShare()));
        value.addClassName("board-number");
        eco.add(new Span(tr("board.cards.ecological")), value,
                new Paragraph(tr("board.cards.balanceExplained", pct(c.behaviourShare()), num(c.meanPosition()),
                        c.placements())));
        var chart = chart("cards", tr("board.cards.chart"), "420px", BoardCharts.cardSpread(c, CARDS_ON_CHART));
        List<List<String>> rows = c.cards().stream().map(s -> List.of(s.text(), String.valueOf(s.placements()),
                num(s.mean()), s.min() == null ? "" : s.min().toString(), s.max() == null ? "" : s.max().toString(),
                s.spread() == null ? "" : s.spread().toString())).toList();
        var disputed = c.cards().stream().filter(s -> s.placements() > 1).limit(3).map(Board.CardSpread::text).toList();
        String summary = disputed.isEmpty() ? tr("board.nothingYet") : tr("board.cards.disputed", String.join(" · ", disputed));
        var cards = Figures.figure("board-cards", chart, summary, List.of(tr("board.col.card"), tr("board.col.placements"),
                tr("board.col.mean"), tr("board.col.lowest"), tr("board.col.highest"), tr("board.col.spread")), rows);
        var contexts = chart("contexts", tr("board.cards.contextsChart"), "300px",
                BoardCharts.counts(c.contexts(), tr("board.cards.contexts"), 2));
        return List.of(split(cards, new Div(eco, Figures.figure("board-contexts", contexts, tr("board.cards.contexts"),
                List.of(tr("board.col.context"), tr("board.col.count")),
                c.contexts().stream().map(x -> List.of(x.label(), String.valueOf(x.count()))).toList()))));
    }

    private List<Component> pulse(Board.Pulse p) {
        List<Component> out = new ArrayList<>();
        var row = new Div();
        row.addClassName("board-columns");
        for (int i = 0; i < p.questions().size(); i++) {
            var q = p.questions().get(i);
            var chart = chart("pulse-" + i, q.text(), "300px", BoardCharts.pulse(q));
            List<List<String>> rows = new ArrayList<>();
            for (int v = 0; v < 5; v++) {
                rows.add(List.of((v + 1) + " " + q.labels().get(v), String.valueOf(q.counts().get(v))));
            }
            var box = new Div(new H3(q.text()));
            box.add(Figures.figure("board-pulse-" + i, chart, tr("board.pulse.summary",
                    q.counts().stream().mapToInt(Integer::intValue).sum()), List.of(tr("board.col.answer"),
                    tr("board.col.count")), rows));
            row.add(box);
        }
        out.add(row);
        out.add(quotes("board-comments", tr("board.pulse.comments"), p.comments()));
        return out;
    }

    private List<Component> needs(Board.Needs n) {
        List<Component> out = new ArrayList<>();
        var top = n.needs().stream().limit(NEEDS_ON_CHART).map(x -> new Board.Count(x.text(), x.dots())).toList();
        var chart = chart("needs", tr("board.needs.chart"), "360px", BoardCharts.counts(top, tr("board.needs.dots"), 0));
        var list = new OrderedList();
        list.setId("board-needs-list");
        list.addClassName("board-ranked");
        n.needs().forEach(x -> list.add(new ListItem(tr("board.needs.item", x.text(), x.dots(),
                x.owner() == null ? tr("board.needs.noOwner") : x.owner(), x.category()))));
        out.add(Figures.figure("board-needs", chart, n.needs().isEmpty() ? tr("board.nothingYet")
                        : tr("board.needs.summary", n.needs().size()), List.of(tr("board.col.need"), tr("board.col.dots")),
                n.needs().stream().map(x -> List.of(x.text(), String.valueOf(x.dots()))).toList()));
        out.add(list);
        return out;
    }

    private List<Component> mapping(Board.Mapping m) {
        var row = new Div();
        row.addClassName("board-columns");
        row.setId("board-mapping");
        for (int i = 0; i < m.columns().size(); i++) {
            var col = m.columns().get(i);
            row.add(quotes("board-column-" + i, col.title(), col.notes()));
        }
        return List.of(row);
    }

    /** The main figure on the left, what goes with it in a narrower column on the right. */
    private static Div split(Component main, Component side) {
        var row = new Div(main, side);
        row.addClassName("board-split");
        return row;
    }

    private Div quotes(String id, String heading, List<String> texts) {
        var box = new Div(new H3(heading));
        box.setId(id);
        box.addClassName("board-quotes");
        if (texts.isEmpty()) {
            box.add(new Paragraph(tr("board.noApprovedText")));
        } else {
            var list = new UnorderedList();
            texts.forEach(text -> list.add(new ListItem(text)));
            box.add(list);
        }
        return box;
    }

    private EChart chart(String key, String label, String height, String option) {
        EChart chart = charts.computeIfAbsent(key, k -> new EChart(label));
        chart.setLabel(label);
        chart.setHeight(height);
        chart.setOption(option);
        return chart;
    }

    private String level(String level) {
        return level == null ? tr("board.level.unknown") : tr("board.level." + level);
    }

    private String tr(String key, Object... args) {
        return t.apply(key, args);
    }

    static String pct(BigDecimal share) {
        return share == null ? "–" : BoardCharts.pct(share).toPlainString() + "%";
    }

    static String num(BigDecimal n) {
        return n == null ? "–" : n.stripTrailingZeros().toPlainString();
    }
}
