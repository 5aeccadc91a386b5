package org.hymnsheet.findings.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.findings.FindingsTable;
import tools.jackson.databind.json.JsonMapper;

/**
 * ECharts options for any findings panel, read from its {@link FindingsTable} alone: categories are the first
 * column, series the figure columns of the first figure column's kind (counts, shares or measures; never mixed on
 * one axis). A hidden count or share is a missing value, so it is drawn as no bar or point, never as 0 or 4. The
 * boards' look: Okabe–Ito colours with dark outlines, no tooltips, every text drawn on the canvas (never markup).
 */
final class FindingsCharts {
    static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FONT = 13;
    private static final int LABEL_MAX = 32;
    private static final String MISSING = "-";

    private FindingsCharts() {}

    /** The option for this panel, or empty when it has no chart or nothing to draw. */
    static Optional<String> option(FindingsTable table, Locale locale) {
        List<Integer> columns = figureColumns(table);
        if (table.chart() == FindingsTable.Chart.NONE || columns.isEmpty() || table.rows().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(write(table.chart() == FindingsTable.Chart.MATRIX ? matrix(table, columns, locale)
                : bars(table, columns, locale)));
    }

    /** The chart's height in pixels: horizontal bars and matrices grow with their rows. */
    static int height(FindingsTable table) {
        int rows = table.rows().size();
        return switch (table.chart()) {
            case HORIZONTAL_BAR, STACKED_BAR -> Math.max(200, rows * 30 + 100);
            case MATRIX -> Math.max(220, rows * 30 + 130);
            default -> 320;
        };
    }

    static List<Integer> figureColumns(FindingsTable table) {
        List<Integer> columns = new ArrayList<>();
        FindingsTable.Kind kind = null;
        for (int c = 1; c < table.columns().size(); c++) {
            FindingsTable.Kind k = table.columns().get(c).kind();
            if (k != FindingsTable.Kind.LABEL && (kind == null || k == kind)) {
                kind = k;
                columns.add(c);
            }
        }
        return columns;
    }

    /** A cell's figure, or null when it is hidden by the rule or empty. */
    static BigDecimal figure(FindingsTable.Value value) {
        return switch (value) {
            case FindingsTable.Count count when count.shown() instanceof Shown.Exact exact -> BigDecimal.valueOf(exact.value());
            case FindingsTable.Percent percent when !percent.hidden() -> percent.value();
            case FindingsTable.Number number -> number.value();
            default -> null;
        };
    }

    private static Map<String, Object> bars(FindingsTable table, List<Integer> columns, Locale locale) {
        var chart = table.chart();
        boolean horizontal = chart == FindingsTable.Chart.HORIZONTAL_BAR || chart == FindingsTable.Chart.STACKED_BAR;
        boolean percent = table.columns().get(columns.getFirst()).kind() == FindingsTable.Kind.PERCENT;
        List<String> categories = table.rows().stream().map(r -> clip(r.values().getFirst().label(locale))).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            int c = columns.get(i);
            List<Object> data = table.rows().stream().map(r -> (Object) Optional.ofNullable(figure(r.values().get(c)))
                    .<Object>map(v -> v).orElse(MISSING)).toList();
            var s = new LinkedHashMap<String, Object>();
            s.put("name", clip(table.columns().get(c).heading()));
            s.put("type", chart == FindingsTable.Chart.LINE ? "line" : "bar");
            s.put("data", data);
            if (chart == FindingsTable.Chart.LINE) {
                s.put("connectNulls", false);
                s.put("symbolSize", 9);
                s.put("lineStyle", Map.of("width", 3));
                s.put("itemStyle", Map.of("color", PALETTE.get(i % PALETTE.size()), "borderColor", "#000000",
                        "borderWidth", 1));
            } else {
                s.put("itemStyle", Map.of("color", PALETTE.get(i % PALETTE.size()), "borderColor", "#000000",
                        "borderWidth", 1));
                s.put("barMaxWidth", 40);
            }
            if (chart == FindingsTable.Chart.STACKED_BAR) {
                s.put("stack", "total");
            }
            series.add(s);
        }
        var option = base();
        var valueAxis = axis("value", percent ? Map.of("max", 100, "axisLabel", text(Map.of("formatter", "{value}%")))
                : Map.of("minInterval", 1));
        var categoryAxis = axis("category", horizontal
                ? Map.of("data", categories, "inverse", true, "axisLabel", text(Map.of("width", 190, "overflow", "truncate")))
                : Map.of("data", categories, "axisLabel", text(Map.of("interval", 0, "width", 110, "overflow", "break"))));
        option.put("xAxis", horizontal ? valueAxis : categoryAxis);
        option.put("yAxis", horizontal ? categoryAxis : valueAxis);
        option.put("grid", Map.of("left", horizontal ? 210 : 50, "right", 30, "top", series.size() > 1 ? 40 : 16,
                "bottom", horizontal ? 30 : 70, "containLabel", false));
        option.put("series", series);
        if (series.size() > 1) {
            option.put("legend", Map.of("top", 0, "textStyle", text(Map.of())));
        }
        return option;
    }

    /** Rows × figure columns as coloured cells with their figure written in; hidden cells stay blank. */
    private static Map<String, Object> matrix(FindingsTable table, List<Integer> columns, Locale locale) {
        List<String> xs = columns.stream().map(c -> clip(table.columns().get(c).heading())).toList();
        List<String> ys = table.rows().stream().map(r -> clip(r.values().getFirst().label(locale))).toList();
        List<List<Object>> data = new ArrayList<>();
        double max = 0;
        for (int y = 0; y < table.rows().size(); y++) {
            for (int x = 0; x < columns.size(); x++) {
                BigDecimal v = figure(table.rows().get(y).values().get(columns.get(x)));
                if (v != null) {
                    data.add(List.of(x, y, v));
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        var option = base();
        option.put("xAxis", axis("category", Map.of("data", xs, "position", "top",
                "axisLabel", text(Map.of("interval", 0, "rotate", xs.size() > 6 ? 30 : 0)))));
        option.put("yAxis", axis("category", Map.of("data", ys, "inverse", true,
                "axisLabel", text(Map.of("width", 190, "overflow", "truncate")))));
        option.put("grid", Map.of("left", 210, "right", 30, "top", 60, "bottom", 50));
        option.put("visualMap", Map.of("min", 0, "max", Math.max(max, 1), "calculable", false, "orient", "horizontal",
                "left", "center", "bottom", 0, "textStyle", text(Map.of()),
                "inRange", Map.of("color", List.of("#DCEBF7", "#0072B2"))));
        option.put("series", List.of(Map.of("type", "heatmap", "data", data,
                "label", Map.of("show", true, "color", "#000000", "fontSize", FONT, "backgroundColor", "#FFFFFF",
                        "padding", 2),
                "itemStyle", Map.of("borderColor", "#FFFFFF", "borderWidth", 2))));
        return option;
    }

    private static Map<String, Object> base() {
        var option = new LinkedHashMap<String, Object>();
        option.put("animation", false);
        option.put("color", PALETTE);
        option.put("tooltip", Map.of("show", false));
        option.put("textStyle", Map.of("fontSize", FONT, "color", "#000000"));
        return option;
    }

    private static Map<String, Object> axis(String type, Map<String, Object> extra) {
        var axis = new LinkedHashMap<String, Object>();
        axis.put("type", type);
        axis.put("axisLine", Map.of("lineStyle", Map.of("color", "#000000")));
        axis.put("axisLabel", text(Map.of()));
        axis.putAll(extra);
        return axis;
    }

    private static Map<String, Object> text(Map<String, Object> extra) {
        var style = new LinkedHashMap<String, Object>(Map.of("fontSize", FONT, "color", "#000000"));
        style.putAll(extra);
        return style;
    }

    static String clip(String text) {
        String one = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return one.codePointCount(0, one.length()) <= LABEL_MAX ? one
                : one.substring(0, one.offsetByCodePoints(0, LABEL_MAX - 1)) + "…";
    }

    private static String write(Object option) {
        return JSON.writeValueAsString(option);
    }
}
