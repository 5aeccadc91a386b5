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
import com.vaadin.flow.dom.Element;

/**
 * The figures of the stage on the board, one layout per stage kind. Charts are kept between refreshes (only their
 * option changes): the panels hold a placeholder where a chart goes, which {@link #resolve} turns into the kept chart
 * when the board patches its page with the new panels (see {@link org.hymnsheet.common.ui.ElementPatch}).
 */
final class StagePanels {
    private static final int CARDS_ON_CHART = 10;
    private static final int NEEDS_ON_CHART = 8;
    /** A page of a long list holds at most this many items, and about this many characters. */
    static final int PAGE_ITEMS = 6;
    static final int PAGE_CHARS = 420;
    /** Charts take the height the board's layout leaves them (CSS), so the board fills the screen and no more. */
    private static final String MAIN_HEIGHT = null;
    private static final String SIDE_HEIGHT = null;
    private static final String PULSE_HEIGHT = null;

    /** Where a kept chart goes in freshly rendered panels: its key in {@link #CHART_KEY}. */
    private static final String CHART_SLOT = "chart-slot";
    private static final String CHART_KEY = "data-chart";
    private final Map<String, EChart> charts = new HashMap<>();
    private final BiFunction<String, Object[], String> t;
    private Map<String, String> shortNames = Map.of();
    private int turn;
    private boolean paged;
    private BoardCharts.Sizes sizes = BoardCharts.Sizes.FULL_HD;

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

    /** Sizes the charts' type for a browser window of this size; whether that changed anything. */
    boolean window(int width, int height) {
        var next = BoardCharts.Sizes.forWindow(width, height);
        boolean changed = !next.equals(sizes);
        sizes = next;
        return changed;
    }

    /** Shows the next page of every list longer than a screen (the board turns them every few seconds). */
    void turnPage() {
        turn++;
    }

    /** Whether the last render left a list with more than one page. */
    boolean paged() {
        return paged;
    }

    /**
     * The stage's figures; agencies with a short name are shown by it on the charts (the board's key gives the full
     * name). Participants' words are isolated for direction: a right-to-left override in one cannot turn what follows.
     */
    List<Component> render(Board.StageView view, List<Board.ShortName> shortened) {
        paged = false;
        Map<String, String> byName = new HashMap<>();
        shortened.forEach(n -> byName.put(n.name(), n.shortName()));
        shortNames = byName;
        Map<String, BoardFigures.Chart> text = new HashMap<>();
        BoardFigures.charts(view, (key, args) -> t.apply(key, isolated(args)),
                name -> byName.getOrDefault(name, name)).forEach(c -> text.put(c.key(), c));
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
        return List.of(split(figure(text.get("framing"), MAIN_HEIGHT, BoardCharts.framing(f, shortNames, sizes)),
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
        var figure = figure(text.get("voice"), MAIN_HEIGHT, BoardCharts.voice(v, shortNames, sizes));
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
        var cards = figure(text.get("cards"), MAIN_HEIGHT, BoardCharts.cardSpread(c, CARDS_ON_CHART, sizes));
        return List.of(split(cards, new Div(eco,
                figure(text.get("contexts"), SIDE_HEIGHT, BoardCharts.counts(c.contexts(), tr("board.cards.contexts"), 2, sizes)))));
    }

    private List<Component> pulse(Board.Pulse p, Map<String, BoardFigures.Chart> text) {
        var questions = new Div();
        for (int i = 0; i < p.questions().size(); i++) {
            var q = p.questions().get(i);
            questions.add(new H3(q.text()), figure(text.get("pulse-" + i), PULSE_HEIGHT, BoardCharts.pulse(q, sizes)));
        }
        return List.of(split(questions, quotes("board-comments", tr("board.pulse.comments"), p.comments())));
    }

    private List<Component> needs(Board.Needs n, Map<String, BoardFigures.Chart> text) {
        List<Component> out = new ArrayList<>();
        var top = n.needs().stream().limit(NEEDS_ON_CHART).map(x -> new Board.Count(x.text(), x.dots())).toList();
        var items = n.needs().stream().map(x -> tr("board.needs.item", isolate(x.text()), x.dots(),
                x.owner() == null ? tr("board.needs.noOwner") : isolate(x.owner()), x.category())).toList();
        var pages = pages(items);
        int shown = turn % pages.size();
        var list = new OrderedList();
        list.setId("board-needs-list");
        list.addClassName("board-ranked");
        list.getElement().setAttribute("start", String.valueOf(1 + pages.subList(0, shown).stream().mapToInt(List::size).sum()));
        pages.get(shown).forEach(item -> list.add(new ListItem(item)));
        var side = new Div(new H3(tr("board.needs.chart")), list);
        if (pages.size() > 1) {
            side.add(pageOf("board-needs-list", shown, pages.size()));
        }
        out.add(split(figure(text.get("needs"), MAIN_HEIGHT, BoardCharts.counts(top, tr("board.needs.dots"), 0, sizes)), side));
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

    /**
     * Participants' words under a heading, a page at a time where they would not fit the screen ("1 of 3" beside the
     * list; the board turns the pages). Each is isolated for direction in its own {@code <bdi>}.
     */
    private Div quotes(String id, String heading, List<String> texts) {
        var box = new Div(new H3(heading));
        box.setId(id);
        box.addClassName("board-quotes");
        if (texts.isEmpty()) {
            box.add(new Paragraph(tr("board.noApprovedText")));
            return box;
        }
        var pages = pages(texts);
        int shown = turn % pages.size();
        var list = new UnorderedList();
        for (String text : pages.get(shown)) {
            var item = new ListItem();
            item.getElement().appendChild(new Element("bdi").setText(text));
            list.add(item);
        }
        box.add(list);
        if (pages.size() > 1) {
            box.add(pageOf(id, shown, pages.size()));
        }
        return box;
    }

    private Span pageOf(String id, int shown, int of) {
        paged = true;
        var page = new Span(tr("board.page", shown + 1, of));
        page.setId(id + "-page");
        page.addClassName("board-page");
        return page;
    }

    /** Texts split into pages of at most {@link #PAGE_ITEMS} items and about {@link #PAGE_CHARS} characters. */
    static List<List<String>> pages(List<String> texts) {
        List<List<String>> pages = new ArrayList<>();
        List<String> page = new ArrayList<>();
        int chars = 0;
        for (String text : texts) {
            if (!page.isEmpty() && (page.size() == PAGE_ITEMS || chars + text.length() > PAGE_CHARS)) {
                pages.add(page);
                page = new ArrayList<>();
                chars = 0;
            }
            page.add(text);
            chars += text.length();
        }
        pages.add(page);
        return pages;
    }

    /** Arguments of a message with every text of words isolated for direction (numbers as they are). */
    private static Object[] isolated(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String text && text.codePoints().anyMatch(Character::isLetter)) {
                out[i] = isolate(text); // words (names, cards): figures and dashes stay as they are
            }
        }
        return out;
    }

    /** Text between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: {@code <bdi>} for text inside a sentence. */
    static String isolate(String text) {
        return "\u2068" + text + "\u2069";
    }

    /**
     * A chart with its summary and hidden table, under the id "board-" + its key. The kept chart gets its new label
     * and option at once; the figure holds a placeholder for it (see {@link #resolve}).
     */
    private Div figure(BoardFigures.Chart text, String height, String option) {
        chart(text.key(), text.label(), height, option);
        var figure = Figures.figure("board-" + text.key(), null, text.summary(), text.headers(), text.rows());
        figure.getElement().insertChild(0, new Element(CHART_SLOT).setAttribute(CHART_KEY, text.key()));
        return figure;
    }

    /** The element to put on the page for one of rendered panels' elements: the kept chart for a chart's place. */
    Element resolve(Element rendered) {
        if (!rendered.isTextNode() && CHART_SLOT.equals(rendered.getTag())) {
            return charts.get(rendered.getAttribute(CHART_KEY)).getElement();
        }
        return rendered;
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
