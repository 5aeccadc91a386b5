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
import org.hymnsheet.boards.BoardFigures;
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

    /** The key of a chart shown on the board, as {@link BoardFigures.Chart#key()} names it. */
    String key(EChart chart) {
        return charts.entrySet().stream().filter(e -> e.getValue() == chart).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    List<Component> render(Board.StageView view) {
        Map<String, BoardFigures.Chart> text = new HashMap<>();
        BoardFigures.charts(view, t::apply).forEach(c -> text.put(c.key(), c));
        return switch (view) {
            case Board.Framing f -> framing(f, text);
            case Board.Voice v -> voice(v, text);
            case Board.CardSort c -> cardSort(c, text);
            case Board.Pulse p -> pulse(p, text);
            case Board.Needs n -> needs(n, text);
            case Board.Mapping m -> mapping(m);
        };
    }

    private List<Component> framing(Board.Framing f, Map<String, BoardFigures.Chart> text) {
        return List.of(split(figure(text.get("framing"), "420px", BoardCharts.framing(f)),
                quotes("board-sentences", tr("board.framing.sentences"), f.sentences())));
    }

    private List<Component> voice(Board.Voice v, Map<String, BoardFigures.Chart> text) {
        var balance = new Div();
        balance.addClassName("board-big-figure");
        balance.setId("board-balance");
        var value = new Span(v.balance() == null ? "–" : v.balance().toPlainString());
        value.addClassName("board-number");
        balance.add(new Span(tr("board.voice.balance")), value,
                new Paragraph(tr("board.voice.balanceExplained")));
        var figure = figure(text.get("voice"), "420px", BoardCharts.voice(v));
        var levels = new UnorderedList();
        levels.setId("board-levels");
        levels.addClassName("board-inline-list");
        v.levels().forEach(l -> levels.add(new ListItem(tr("board.voice.level", level(l.level()), pct(l.timeShare()),
                String.valueOf(l.turns())))));
        var byLevel = new Div(new H3(tr("board.voice.byLevel")), levels);
        return List.of(split(figure, new Div(balance, byLevel)));
    }

    private List<Component> cardSort(Board.CardSort c, Map<String, BoardFigures.Chart> text) {
        var eco = new Div();
        eco.addClassName("board-big-figure");
        eco.setId("board-ecological");
        var value = new Span(c.ecologicalShare() == null ? "–" : pct(c.ecologicalShare()));
        value.addClassName("board-number");
        eco.add(new Span(tr("board.cards.ecological")), value,
                new Paragraph(tr("board.cards.balanceExplained", pct(c.behaviourShare()), num(c.meanPosition()),
                        c.placements())));
        var cards = figure(text.get("cards"), "420px", BoardCharts.cardSpread(c, CARDS_ON_CHART));
        return List.of(split(cards, new Div(eco,
                figure(text.get("contexts"), "300px", BoardCharts.counts(c.contexts(), tr("board.cards.contexts"), 2)))));
    }

    private List<Component> pulse(Board.Pulse p, Map<String, BoardFigures.Chart> text) {
        List<Component> out = new ArrayList<>();
        var row = new Div();
        row.addClassName("board-columns");
        for (int i = 0; i < p.questions().size(); i++) {
            var q = p.questions().get(i);
            var box = new Div(new H3(q.text()));
            box.add(figure(text.get("pulse-" + i), "300px", BoardCharts.pulse(q)));
            row.add(box);
        }
        out.add(row);
        out.add(quotes("board-comments", tr("board.pulse.comments"), p.comments()));
        return out;
    }

    private List<Component> needs(Board.Needs n, Map<String, BoardFigures.Chart> text) {
        List<Component> out = new ArrayList<>();
        var top = n.needs().stream().limit(NEEDS_ON_CHART).map(x -> new Board.Count(x.text(), x.dots())).toList();
        var list = new OrderedList();
        list.setId("board-needs-list");
        list.addClassName("board-ranked");
        n.needs().forEach(x -> list.add(new ListItem(tr("board.needs.item", x.text(), x.dots(),
                x.owner() == null ? tr("board.needs.noOwner") : x.owner(), x.category()))));
        out.add(figure(text.get("needs"), "360px", BoardCharts.counts(top, tr("board.needs.dots"), 0)));
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

    /** A chart with its summary and hidden table, under the id "board-" + its key. */
    private Div figure(BoardFigures.Chart text, String height, String option) {
        var chart = chart(text.key(), text.label(), height, option);
        return Figures.figure("board-" + text.key(), chart, text.summary(), text.headers(), text.rows());
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
        return BoardFigures.pct(share);
    }

    static String num(BigDecimal n) {
        return BoardFigures.num(n);
    }
}
