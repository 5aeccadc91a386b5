package org.hymnsheet.findings;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hymnsheet.common.Suppression.Shown;

/**
 * Findings tables as CSV: UTF-8 with a byte-order mark (so spreadsheets read the encoding), RFC 4180 quoting, and
 * every cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return)
 * prefixed with an apostrophe. A cell that already starts with an apostrophe gets one too, so the prefix is always
 * exactly one character to take off ({@link #restore}) and no text is changed or lost. Counts are plain integers,
 * shares whole percentages, hidden counts the rule's words; written as they are made, never held whole in memory.
 */
final class FindingsCsv {
    static final String BOM = "\uFEFF";
    static final String[] ALL_HEADER = {"section", "panel_id", "panel", "row", "column", "value"};

    private FindingsCsv() {}

    /** One panel's table as shown: its column headings, then a line per row. */
    static void panel(FindingsTable table, Locale locale, OutputStream out) throws IOException {
        try (CSVPrinter printer = printer(out)) {
            printer.printRecord(table.columns().stream().map(c -> cell(heading(c))).toList());
            for (FindingsTable.Row row : table.rows()) {
                printer.printRecord(row.values().stream().map(v -> cell(value(v, locale))).toList());
            }
        }
    }

    /**
     * Every panel in one file, a line per cell: section title, panel id and title, the row's label (its first
     * column, or the row's number in a panel of one column), the column heading and the value. One shape for panels of any shape, so a spreadsheet can filter it.
     */
    static void all(List<FindingsSection> sections, Locale locale, OutputStream out) throws IOException {
        try (CSVPrinter printer = printer(out)) {
            printer.printRecord((Object[]) ALL_HEADER);
            for (FindingsSection section : sections) {
                for (FindingsTable table : section.tables()) {
                    // a one-column panel (quotes) has no row label: its rows are numbered and its words are the value
                    boolean labelled = table.columns().size() > 1;
                    for (int r = 0; r < table.rows().size(); r++) {
                        FindingsTable.Row row = table.rows().get(r);
                        String label = labelled ? value(row.values().getFirst(), locale) : String.valueOf(r + 1);
                        for (int c = labelled ? 1 : 0; c < table.columns().size(); c++) {
                            List<String> line = new ArrayList<>(List.of(section.title(), table.id(), table.title(), label,
                                    heading(table.columns().get(c)), value(row.values().get(c), locale)));
                            printer.printRecord(line.stream().map(FindingsCsv::cell).toList());
                        }
                    }
                }
            }
        }
    }

    private static CSVPrinter printer(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
        writer.write(BOM);
        return new CSVPrinter(writer, CSVFormat.RFC4180);
    }

    private static String heading(FindingsTable.Column column) {
        return column.kind() == FindingsTable.Kind.PERCENT ? column.heading() + " (%)" : column.heading();
    }

    /** A cell as a spreadsheet should read it: a count without separators, a share as a whole number. */
    static String value(FindingsTable.Value value, Locale locale) {
        return switch (value) {
            case FindingsTable.Count count when count.shown() instanceof Shown.Exact exact -> String.valueOf(exact.value());
            case FindingsTable.Percent percent when !percent.hidden() ->
                    percent.value().setScale(0, RoundingMode.HALF_UP).toPlainString();
            case FindingsTable.Number number when number.unit() == null || number.unit().isEmpty() ->
                    number.value().stripTrailingZeros().toPlainString();
            case FindingsTable.Empty empty -> "";
            default -> value.label(locale);
        };
    }

    /** Neutralises spreadsheet formulas: an apostrophe before = + - @ tab CR, and before an apostrophe. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\'' ? "'" + text : text;
    }

    /** The text a neutralised cell stood for: {@link #cell} undone. */
    static String restore(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    /** Lets the printer flush and close its writer without closing the response's stream under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
