package org.hymnsheet.boards.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hymnsheet.boards.Board;
import tools.jackson.databind.json.JsonMapper;

/**
 * ECharts options for the board, as JSON. Large type, a colour-blind-safe palette (Okabe and Ito) with dark
 * outlines so every mark stands out from the white background, no tooltips (nobody hovers over a projector) and
 * every text drawn as canvas text, so nothing a participant typed can become markup.
 */
final class BoardCharts {
    /** Okabe–Ito, without the yellow that vanishes on white. */
    static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FONT = 22;
    private static final int LABEL_FONT = 20;
    /** Room for an agency's or an answer's label beside a chart: about 26 characters a line at the label size. */
    static final int LABEL_WIDTH = 280;
    /** Room for a card's text: cards are sentences. */
    static final int CARD_WIDTH = 340;
    private static final java.util.regex.Pattern BIDI_CONTROLS = java.util.regex.Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    private BoardCharts() {}

    static String framing(Board.Framing f, Map<String, String> shortNames) {
        List<String> agencies = f.agencies().stream().map(a -> label(a.agency(), shortNames)).toList();
        List<List<Object>> points = new ArrayList<>();
        List<List<Object>> means = new ArrayList<>();
        for (int i = 0; i < f.agencies().size(); i++) {
            var a = f.agencies().get(i);
            for (int p : a.positions()) {
                points.add(List.of(p, i));
            }
            if (a.mean() != null) {
                means.add(List.of(a.mean(), i));
            }
        }
        var option = base();
        option.put("grid", Map.of("left", LABEL_WIDTH + 20, "right", 40, "top", 40, "bottom", 70));
        option.put("xAxis", axis("value", Map.of("min", 0, "max", 100, "name",
                "← " + plain(f.leftLabel()) + "      " + plain(f.rightLabel()) + " →",
                "nameLocation", "middle", "nameGap", 40)));
        option.put("yAxis", axis("category", Map.of("data", agencies, "inverse", true, "axisLabel", labels(LABEL_WIDTH))));
        option.put("series", List.of(
                Map.of("name", "Each person", "type", "scatter", "data", points, "symbolSize", 22,
                        "itemStyle", style(PALETTE.get(0), 0.75)),
                Map.of("name", "Agency mean", "type", "scatter", "data", means, "symbol", "diamond", "symbolSize", 34,
                        "itemStyle", style(PALETTE.get(1), 1))));
        option.put("legend", legend());
        return write(option);
    }

    static String voice(Board.Voice v, Map<String, String> shortNames) {
        List<String> agencies = v.agencies().stream().map(a -> label(a.agency(), shortNames)).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(bar("Share of speaking time", v.agencies().stream().map(a -> pct(a.timeShare())).toList(), 0));
        series.add(bar("Share of turns", v.agencies().stream().map(a -> pct(a.turnShare())).toList(), 5));
        if (v.influenceShown()) {
            series.add(bar("Seen as most influential", v.agencies().stream().map(a -> pct(a.influenceShare())).toList(), 1));
        }
        if (v.equalShare() != null) {
            // the agencies run top to bottom (an inverse axis), so the line starts at the top: its label sits above
            // the plot, under the legend, never over an agency's name or a percentage at the foot
            series.getFirst().put("markLine", Map.of("symbol", "none", "silent", true,
                    "lineStyle", Map.of("color", "#000000", "type", "dashed", "width", 3),
                    "label", Map.of("formatter", "Equal share", "fontSize", FONT, "color", "#000000",
                            "position", "start", "distance", 6),
                    "data", List.of(Map.of("xAxis", pct(v.equalShare())))));
        }
        var option = base();
        option.put("grid", Map.of("left", LABEL_WIDTH + 20, "right", 40, "top", 80, "bottom", 40));
        option.put("xAxis", axis("value", Map.of("min", 0, "max", 100, "axisLabel", Map.of("formatter", "{value}%",
                "fontSize", FONT, "color", "#000000"))));
        option.put("yAxis", axis("category", Map.of("data", agencies, "inverse", true, "axisLabel", labels(LABEL_WIDTH))));
        option.put("series", series);
        option.put("legend", legend());
        return write(option);
    }

    static String cardSpread(Board.CardSort c, int limit) {
        var cards = c.cards().stream().filter(s -> s.placements() > 0).limit(limit).toList();
        List<String> names = cards.stream().map(s -> plain(s.text())).toList();
        var option = base();
        option.put("grid", Map.of("left", CARD_WIDTH + 20, "right", 30, "top", 50, "bottom", 70));
        option.put("xAxis", axis("value", Map.of("min", 0, "max", 100, "name",
                "← " + plain(c.leftLabel()) + "      " + plain(c.rightLabel()) + " →",
                "nameLocation", "middle", "nameGap", 40)));
        option.put("yAxis", axis("category", Map.of("data", names, "inverse", true, "axisLabel", labels(CARD_WIDTH))));
        // a floating bar from lowest to highest placement: an invisible bar up to the lowest, then the spread
        var offset = new LinkedHashMap<String, Object>(Map.of("name", "offset", "type", "bar", "stack", "range",
                "silent", true, "itemStyle", Map.of("color", "transparent"),
                "data", cards.stream().map(s -> s.min()).toList()));
        var spread = bar("Spread (lowest to highest)", cards.stream().map(s -> (Object) s.spread()).toList(), 5);
        spread.put("stack", "range");
        var mean = new LinkedHashMap<String, Object>(Map.of("name", "Mean", "type", "scatter", "symbol", "diamond",
                "symbolSize", 30, "itemStyle", style(PALETTE.get(1), 1),
                "data", cards.stream().map(s -> s.mean()).toList()));
        option.put("series", List.of(offset, spread, mean));
        option.put("legend", Map.of("data", List.of("Spread (lowest to highest)", "Mean"), "textStyle",
                Map.of("fontSize", FONT, "color", "#000000"), "top", 0));
        return write(option);
    }

    static String counts(List<Board.Count> counts, String seriesName, int colour) {
        var option = base();
        option.put("grid", Map.of("left", LABEL_WIDTH + 20, "right", 50, "top", 10, "bottom", 30));
        option.put("xAxis", axis("value", Map.of("minInterval", 1)));
        option.put("yAxis", axis("category", Map.of("data", counts.stream().map(c -> plain(c.label())).toList(),
                "inverse", true, "axisLabel", labels(LABEL_WIDTH))));
        var series = bar(seriesName, counts.stream().map(c -> (Object) c.count()).toList(), colour);
        series.put("label", Map.of("show", true, "position", "right", "fontSize", FONT, "color", "#000000"));
        option.put("series", List.of(series));
        return write(option);
    }

    static String pulse(Board.PulseQuestion q) {
        List<Board.Count> counts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            counts.add(new Board.Count((i + 1) + " " + q.labels().get(i), q.counts().get(i)));
        }
        return counts(counts, "Answers", 0);
    }

    private static Map<String, Object> base() {
        var option = new LinkedHashMap<String, Object>();
        option.put("color", PALETTE);
        option.put("textStyle", Map.of("fontSize", FONT, "color", "#000000"));
        option.put("tooltip", Map.of("show", false));
        option.put("animationDuration", 300);
        option.put("animationDurationUpdate", 300);
        return option;
    }

    private static Map<String, Object> axis(String type, Map<String, Object> extra) {
        var axis = new LinkedHashMap<String, Object>();
        axis.put("type", type);
        axis.put("axisLabel", Map.of("fontSize", FONT, "color", "#000000"));
        axis.put("nameTextStyle", Map.of("fontSize", FONT, "color", "#000000"));
        axis.put("axisLine", Map.of("lineStyle", Map.of("color", "#000000")));
        axis.putAll(extra);
        return axis;
    }

    /**
     * Category labels wrap within the room the grid leaves them, never cut: two agencies whose names begin alike stay
     * apart (where a name is long its short name is shown instead, with the board's key).
     */
    private static Map<String, Object> labels(int width) {
        return Map.of("fontSize", LABEL_FONT, "color", "#000000", "width", width, "overflow", "break",
                "lineHeight", LABEL_FONT + 2);
    }

    private static Map<String, Object> legend() {
        return Map.of("top", 0, "textStyle", Map.of("fontSize", FONT, "color", "#000000"));
    }

    private static Map<String, Object> bar(String name, List<?> data, int colour) {
        var bar = new LinkedHashMap<String, Object>();
        bar.put("name", name);
        bar.put("type", "bar");
        bar.put("data", data);
        bar.put("itemStyle", style(PALETTE.get(colour), 1));
        return bar;
    }

    private static Map<String, Object> style(String colour, double opacity) {
        return Map.of("color", colour, "borderColor", "#000000", "borderWidth", 1.5, "opacity", opacity);
    }

    static BigDecimal pct(BigDecimal share) {
        return share == null ? null : share.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP);
    }

    /** An agency's label on a chart: its short name where it has one, else its full name (which wraps). */
    static String label(String agency, Map<String, String> shortNames) {
        return plain(shortNames.getOrDefault(agency, agency));
    }

    /**
     * Text for a chart without direction controls (U+202A–U+202E, U+2066–U+2069): canvas text cannot be isolated like
     * HTML's {@code <bdi>}, so an override in one label must not reverse what the chart draws after it.
     */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        return BIDI_CONTROLS.matcher(text).replaceAll("");
    }

    private static String write(Object option) {
        return JSON.writeValueAsString(option);
    }
}
