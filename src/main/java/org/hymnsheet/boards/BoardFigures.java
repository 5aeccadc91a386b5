package org.hymnsheet.boards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What each chart of a board shows, as text: a label, a one-line summary and a table of every figure it draws. The
 * board puts the table beside its chart for screen readers; a saved board prints it under the chart's picture. Kept in
 * one place so the two can never disagree.
 */
public final class BoardFigures {
    private BoardFigures() {}

    /** A message key and its arguments made into text: the view's translations, or the same bundle read directly. */
    @FunctionalInterface
    public interface Texts {
        String get(String key, Object... args);
    }

    /**
     * One chart's text.
     *
     * @param key names the chart on the board ("framing", "voice", "cards", "contexts", "pulse-0", …, "needs")
     * @param label what the chart shows, read out for the chart itself
     */
    public record Chart(String key, String label, String summary, List<String> headers, List<List<String>> rows) {}

    /** The charts of a stage's figures in reading order (none for a mapping stage, which shows only words). */
    public static List<Chart> charts(Board.StageView view, Texts t) {
        return charts(view, t, name -> name);
    }

    /**
     * As {@link #charts(Board.StageView, Texts)}, naming agencies in the summaries by {@code agency} (a projected board
     * uses the short names its key explains; the tables keep the full names).
     */
    public static List<Chart> charts(Board.StageView view, Texts t, java.util.function.UnaryOperator<String> agency) {
        return switch (view) {
            case Board.Framing f -> List.of(framing(f, t, agency));
            case Board.Voice v -> List.of(voice(v, t));
            case Board.CardSort c -> cardSort(c, t);
            case Board.Pulse p -> pulse(p, t);
            case Board.Needs n -> List.of(needs(n, t));
            case Board.Mapping m -> List.of();
        };
    }

    private static Chart framing(Board.Framing f, Texts t, java.util.function.UnaryOperator<String> agency) {
        List<List<String>> rows = f.agencies().stream().map(a -> List.of(a.agency(), String.valueOf(a.positions().size()),
                num(a.mean()), String.join(", ", a.positions().stream().map(String::valueOf).toList()))).toList();
        String means = f.agencies().isEmpty() ? t.get("board.nothingYet")
                : String.join(" · ", f.agencies().stream().map(a -> t.get("board.framing.mean", agency.apply(a.agency()), num(a.mean()))).toList());
        return new Chart("framing", t.get("board.framing.chart"),
                t.get("board.framing.scale", f.leftLabel(), f.rightLabel()) + " " + means,
                List.of(t.get("board.col.agency"), t.get("board.col.people"), t.get("board.col.mean"),
                        t.get("board.col.positions")), rows);
    }

    private static Chart voice(Board.Voice v, Texts t) {
        List<List<String>> rows = v.agencies().stream().map(a -> List.of(a.agency(), String.valueOf(a.people()),
                String.valueOf(a.seconds()), String.valueOf(a.turns()), pct(a.timeShare()), pct(a.turnShare()),
                v.influenceShown() ? pct(a.influenceShare()) : t.get("board.notRevealed"))).toList();
        return new Chart("voice", t.get("board.voice.chart"),
                t.get("board.voice.summary", pct(v.equalShare()), v.influenceShown() ? v.voters() : 0),
                List.of(t.get("board.col.agency"), t.get("board.col.people"), t.get("board.col.seconds"),
                        t.get("board.col.turns"), t.get("board.col.timeShare"), t.get("board.col.turnShare"),
                        t.get("board.col.influence")), rows);
    }

    private static List<Chart> cardSort(Board.CardSort c, Texts t) {
        List<List<String>> rows = c.cards().stream().map(s -> List.of(s.text(), String.valueOf(s.placements()),
                num(s.mean()), text(s.min()), text(s.max()), text(s.spread()))).toList();
        var disputed = c.cards().stream().filter(s -> s.placements() > 1).limit(3).map(Board.CardSpread::text).toList();
        var cards = new Chart("cards", t.get("board.cards.chart"),
                disputed.isEmpty() ? t.get("board.nothingYet") : t.get("board.cards.disputed", String.join(" · ", disputed)),
                List.of(t.get("board.col.card"), t.get("board.col.placements"), t.get("board.col.mean"),
                        t.get("board.col.lowest"), t.get("board.col.highest"), t.get("board.col.spread")), rows);
        var contexts = new Chart("contexts", t.get("board.cards.contextsChart"), t.get("board.cards.contexts"),
                List.of(t.get("board.col.context"), t.get("board.col.count")),
                c.contexts().stream().map(x -> List.of(x.label(), String.valueOf(x.count()))).toList());
        return List.of(cards, contexts);
    }

    private static List<Chart> pulse(Board.Pulse p, Texts t) {
        List<Chart> charts = new ArrayList<>();
        for (int i = 0; i < p.questions().size(); i++) {
            var q = p.questions().get(i);
            List<List<String>> rows = new ArrayList<>();
            for (int v = 0; v < 5; v++) {
                rows.add(List.of((v + 1) + " " + q.labels().get(v), String.valueOf(q.counts().get(v))));
            }
            charts.add(new Chart("pulse-" + i, q.text(),
                    t.get("board.pulse.summary", q.counts().stream().mapToInt(Integer::intValue).sum()),
                    List.of(t.get("board.col.answer"), t.get("board.col.count")), rows));
        }
        return charts;
    }

    private static Chart needs(Board.Needs n, Texts t) {
        return new Chart("needs", t.get("board.needs.chart"),
                n.needs().isEmpty() ? t.get("board.nothingYet") : t.get("board.needs.summary", n.needs().size()),
                List.of(t.get("board.col.need"), t.get("board.col.dots")),
                n.needs().stream().map(x -> List.of(x.text(), String.valueOf(x.dots()))).toList());
    }

    /** A share (0..1) as a whole percentage, e.g. "38%"; a dash when there is no share yet. */
    public static String pct(BigDecimal share) {
        return share == null ? "–" : share.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A number without trailing zeros; a dash when there is none. */
    public static String num(BigDecimal n) {
        return n == null ? "–" : n.stripTrailingZeros().toPlainString();
    }

    private static String text(Integer n) {
        return n == null ? "" : n.toString();
    }
}
