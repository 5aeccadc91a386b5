package org.hymnsheet.findings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.hymnsheet.common.Suppression.Shown;

/**
 * One findings panel as data: a title, the one sentence that says what it shows, how to draw it, and its table.
 * The findings page draws the chart and the table beside it from this, and every export (CSV, PDF) writes it, so
 * a panel is built once. A count of young people's data (or of the anonymous pulse) is only ever a {@link Shown},
 * which only the disclosure rule ({@link org.hymnsheet.common.Suppression}) makes.
 *
 * @param id      stable id, used in file names and the audit log ({@code practice.ecological-by-quarter})
 * @param title   heading, plain words
 * @param summary one plain sentence saying what the panel shows (computed from the figures), or empty
 * @param chart   how the page draws it; the table is always shown as well
 * @param columns the table's columns; the first is usually the row label
 * @param rows    the table's rows, each with one value per column
 * @param notes   footnotes (the disclosure rule's footnote is added by the page and reports once, not per panel)
 */
public record FindingsTable(String id, String title, String summary, Chart chart, List<Column> columns,
                            List<Row> rows, List<String> notes) {

    public FindingsTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        for (Row row : rows) {
            if (row.values().size() != columns.size()) {
                throw new IllegalArgumentException("Panel " + id + ": a row has " + row.values().size()
                        + " values for " + columns.size() + " columns");
            }
        }
    }

    /** How the page draws a panel. Series are the COUNT, PERCENT or NUMBER columns; categories the first column. */
    public enum Chart { NONE, BAR, HORIZONTAL_BAR, STACKED_BAR, LINE, MATRIX }

    public record Column(String heading, Kind kind) {}

    public enum Kind { LABEL, COUNT, PERCENT, NUMBER }

    public record Row(List<Value> values) {
        public Row {
            values = List.copyOf(values);
        }

        public static Row of(Value... values) {
            return new Row(List.of(values));
        }
    }

    /** One cell of a panel's table. */
    public sealed interface Value permits Text, Count, Percent, Number, Empty {
        /** The cell as a reader sees it ("12", "fewer than 5 or held back", "34%", "Riverside Police"). */
        String label(Locale locale);
    }

    /** Words: a row label, an agency, an approved quote. Plain text, shown exactly as it is. */
    public record Text(String text) implements Value {
        public String label(Locale locale) {
            return text;
        }
    }

    /** A count of people or answers, as the disclosure rule lets it be shown. */
    public record Count(Shown shown) implements Value {
        public String label(Locale locale) {
            return shown.label(locale);
        }
    }

    /**
     * A percentage, whole number. Empty when it would be computed from a hidden count: a share of young people is
     * only ever computed from counts the rule has already made safe ({@link #share}).
     */
    public record Percent(BigDecimal value, String hiddenLabel) implements Value {
        public String label(Locale locale) {
            return value == null ? hiddenLabel : value.setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
        }

        public boolean hidden() {
            return value == null;
        }
    }

    /** A measure that is not a count of people (a mean position, a share of speaking time, minutes). */
    public record Number(BigDecimal value, String unit) implements Value {
        public String label(Locale locale) {
            return value.stripTrailingZeros().toPlainString() + (unit == null || unit.isEmpty() ? "" : unit);
        }
    }

    /** Nothing to show (no data), written as a dash. */
    public record Empty() implements Value {
        public String label(Locale locale) {
            return "–";
        }
    }

    public static Value text(String text) {
        return new Text(text);
    }

    public static Value count(Shown shown) {
        return new Count(shown);
    }

    /** part as a share of whole, both as shown by the rule; hidden if either is hidden or the whole is 0. */
    public static Value share(Shown part, Shown whole, Locale locale) {
        if (part instanceof Shown.Exact p && whole instanceof Shown.Exact w && w.value() > 0) {
            return new Percent(BigDecimal.valueOf(100L * p.value()).divide(BigDecimal.valueOf(w.value()), 6,
                    RoundingMode.HALF_UP), Shown.HIDDEN.label(locale));
        }
        return new Percent(null, Shown.HIDDEN.label(locale));
    }

    /** A share that is not of young people's data (professionals' card placements): computed as it is. */
    public static Value percent(long part, long whole) {
        if (whole <= 0) {
            return new Empty();
        }
        return new Percent(BigDecimal.valueOf(100L * part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP),
                "");
    }

    public static Value number(BigDecimal value, String unit) {
        return value == null ? new Empty() : new Number(value, unit);
    }
}
