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
    /**
     * Type and label room for a screen: ECharts draws in pixels, so a 1280×720 projector gets two thirds of the sizes of
     * a 1920×1080 one, as the board's CSS type does, and the same share of the screen stays readable from the back.
     */
    record Sizes(int font, int labelFont, int labelWidth, int cardWidth) {
        static final Sizes FULL_HD = of(1.0);

        static Sizes of(double scale) {
            return new Sizes((int) Math.round(22 * scale), (int) Math.round(20 * scale), (int) Math.round(280 * scale),
                    (int) Math.round(340 * scale));
        }

        /** The sizes for a browser window of this many CSS pixels (1920×1080 is 1). */
        static Sizes forWindow(int width, int height) {
            if (width <= 0 || height <= 0) {
                return FULL_HD;
            }
            return of(Math.max(0.6, Math.min(1.5, Math.min(width / 1920.0, height / 1080.0))));
        }
    }

    /** Okabe–Ito, without the yellow that vanishes on white. */
    static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.regex.Pattern BIDI_CONTROLS = java.util.regex.Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    private BoardCharts() {}

    static String framing(Board.Framing f, Map<String, String> shortNames, Sizes z) {
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
        var option = base(z);
        option.put("grid", Map.of("left", z.labelWidth() + 20, "right", 40, "top", z.font() * 2, "bottom", ends(z)));
        option.put("xAxis", axis("value", Map.of("min", 0, "max", 100), z));
        option.put("yAxis", axis("category", Map.of("data", agencies, "inverse", true, "axisLabel", labels(z.labelWidth(), z)), z));
        option.put("graphic", ends(f.leftLabel(), f.rightLabel(), z.labelWidth() + 20, z));
        option.put("series", List.of(
                Map.of("name", "Each person", "type", "scatter", "data", points, "symbolSize", (int) Math.round(z.font() * 0.9),
                        "itemStyle", style(PALETTE.get(0), 0.75)),
                Map.of("name", "Agency mean", "type", "scatter", "data", means, "symbol", "diamond", "symbolSize", (int) Math.round(z.font() * 1.4),
                        "itemStyle", style(PALETTE.get(1), 1))));
        option.put("legend", legend(z));
        return write(option);
    }

    static String voice(Board.Voice v, Map<String, String> shortNames, Sizes z) {
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
                    "label", Map.of("formatter", "Equal share", "fontSize", z.font(), "color", "#000000",
                            "position", "start", "distance", 6),
                    "data", List.of(Map.of("xAxis", pct(v.equalShare())))));
        }
        var option = base(z);
        option.put("grid", Map.of("left", z.labelWidth() + 20, "right", 40, "top", z.font() * 4, "bottom", z.font() * 2));
        option.put("xAxis", axis("value", Map.of("min", 0, "max", 100, "axisLabel", Map.of("formatter", "{value}%",
                "fontSize", z.font(), "color", "#000000")), z));
        option.put("yAxis", axis("category", Map.of("data", agencies, "inverse", true, "axisLabel", labels(z.labelWidth(), z)), z));
        option.put("series", series);
        option.put("legend", legend(z));
        return write(option);
    }

    static String cardSpread(Board.CardSort c, int limit, Sizes z) {
        var cards = c.cards().stream().filter(s -> s.placements() > 0).limit(limit).toList();
        List<String> names = cards.stream().map(s -> plain(s.text())).toList();
        var option = base(z);
        option.put("grid", Map.of("left", z.cardWidth() + 20, "right", 30, "top", z.font() * 2, "bottom", ends(z)));
        option.put("xAxis", axis("value", Map.of("min", 0, "max", 100), z));
        option.put("yAxis", axis("category", Map.of("data", names, "inverse", true, "axisLabel", labels(z.cardWidth(), z)), z));
        option.put("graphic", ends(c.leftLabel(), c.rightLabel(), z.cardWidth() + 20, z));
        // a floating bar from lowest to highest placement: an invisible bar up to the lowest, then the spread
        var offset = new LinkedHashMap<String, Object>(Map.of("name", "offset", "type", "bar", "stack", "range",
                "silent", true, "itemStyle", Map.of("color", "transparent"),
                "data", cards.stream().map(s -> s.min()).toList()));
        var spread = bar("Spread (lowest to highest)", cards.stream().map(s -> (Object) s.spread()).toList(), 5);
        spread.put("stack", "range");
        var mean = new LinkedHashMap<String, Object>(Map.of("name", "Mean", "type", "scatter", "symbol", "diamond",
                "symbolSize", (int) Math.round(z.font() * 1.3), "itemStyle", style(PALETTE.get(1), 1),
                "data", cards.stream().map(s -> s.mean()).toList()));
        option.put("series", List.of(offset, spread, mean));
        option.put("legend", Map.of("data", List.of("Spread (lowest to highest)", "Mean"), "textStyle",
                Map.of("fontSize", z.font(), "color", "#000000"), "top", 0));
        return write(option);
    }

    static String counts(List<Board.Count> counts, String seriesName, int colour, Sizes z) {
        var option = base(z);
        option.put("grid", Map.of("left", z.labelWidth() + 20, "right", 50, "top", 10, "bottom", z.font() + 10));
        option.put("xAxis", axis("value", Map.of("minInterval", 1), z));
        option.put("yAxis", axis("category", Map.of("data", counts.stream().map(c -> plain(c.label())).toList(),
                "inverse", true, "axisLabel", labels(z.labelWidth(), z)), z));
        var series = bar(seriesName, counts.stream().map(c -> (Object) c.count()).toList(), colour);
        series.put("label", Map.of("show", true, "position", "right", "fontSize", z.font(), "color", "#000000"));
        option.put("series", List.of(series));
        return write(option);
    }

    static String pulse(Board.PulseQuestion q, Sizes z) {
        List<Board.Count> counts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            counts.add(new Board.Count((i + 1) + " " + q.labels().get(i), q.counts().get(i)));
        }
        return counts(counts, "Answers", 0, z);
    }

    private static Map<String, Object> base(Sizes z) {
        var option = new LinkedHashMap<String, Object>();
        option.put("color", PALETTE);
        option.put("textStyle", Map.of("fontSize", z.font(), "color", "#000000"));
        option.put("tooltip", Map.of("show", false));
        // a projected board changes in place, at once: no motion for the room to wait for, and no redraw every frame
        // for 300 ms after each answer (in a busy room, all the time) on the device that drives the projector
        option.put("animation", false);
        return option;
    }

    private static Map<String, Object> axis(String type, Map<String, Object> extra, Sizes z) {
        var axis = new LinkedHashMap<String, Object>();
        axis.put("type", type);
        axis.put("axisLabel", Map.of("fontSize", z.font(), "color", "#000000"));
        axis.put("nameTextStyle", Map.of("fontSize", z.font(), "color", "#000000"));
        axis.put("axisLine", Map.of("lineStyle", Map.of("color", "#000000")));
        axis.putAll(extra);
        return axis;
    }

    /**
     * Category labels wrap within the room the grid leaves them, never cut: two agencies whose names begin alike stay
     * apart (where a name is long its short name is shown instead, with the board's key).
     */
    private static Map<String, Object> labels(int width, Sizes z) {
        return Map.of("fontSize", z.labelFont(), "color", "#000000", "width", width, "overflow", "break",
                "lineHeight", z.labelFont() + 2);
    }

    /** Room under the plot for the axis's numbers and the scale's two ends, each on up to two lines. */
    private static int ends(Sizes z) {
        return z.font() * 4 + 16;
    }

    /**
     * The scale's two ends under the plot, "← left" at its left edge and "right →" at its right, each wrapping within
     * its own half: a centred axis name would run off both sides of a narrow chart.
     */
    private static List<Map<String, Object>> ends(String left, String right, int plotLeft, Sizes z) {
        int width = (int) Math.round(z.labelWidth() * 1.45);
        Map<String, Object> style = Map.of("fontSize", z.font(), "fill", "#000000", "width", width, "overflow", "break",
                "lineHeight", z.font() + 4);
        var l = new LinkedHashMap<String, Object>(style);
        l.put("text", "← " + plain(left));
        var r = new LinkedHashMap<String, Object>(style);
        r.put("text", plain(right) + " →");
        r.put("align", "right");
        return List.of(Map.of("type", "text", "left", plotLeft, "bottom", 2, "silent", true, "style", l),
                Map.of("type", "text", "right", 30, "bottom", 2, "silent", true, "style", r));
    }

    private static Map<String, Object> legend(Sizes z) {
        return Map.of("top", 0, "textStyle", Map.of("fontSize", z.font(), "color", "#000000"));
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
