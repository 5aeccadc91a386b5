package org.hymnsheet.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.testing.Blns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSV and PDF exports of findings tables, written from panels with known figures: byte-order mark, formula
 * neutralisation, every string of the Big List of Naughty Strings back exactly, and the report's text.
 */
class FindingsExportTest {
    /** The row label's column in the CSV of all panels. */
    private static final int ROW = 3;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void a_csv_starts_with_a_utf8_byte_order_mark_and_holds_the_figures_as_shown() throws IOException {
        byte[] bytes = panelCsv(TestPanels.places());
        assertThat(bytes).startsWith(BOM);
        List<CSVRecord> rows = parse(bytes);
        assertThat(rows.getFirst().toList()).containsExactly("Place", "Rated unsafe", "Share of raters (%)");
        assertThat(rows.get(1).toList()).containsExactly("Riverside Park", "12", "40");
        assertThat(rows.get(2).toList()).containsExactly("Hill School", Suppression.Shown.HIDDEN.label(TestPanels.LOCALE),
                Suppression.Shown.HIDDEN.label(TestPanels.LOCALE));
        assertThat(rows.get(3).toList()).containsExactly("Online spaces", "7", "23");
    }

    @ParameterizedTest(name = "a cell starting with {0} is neutralised")
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void a_cell_a_spreadsheet_would_read_as_a_formula_starts_with_an_apostrophe(String start) throws IOException {
        String text = start + "SUM(A1:A9)";
        List<CSVRecord> rows = parse(panelCsv(TestPanels.texts("t", List.of(text))));
        assertThat(rows.get(1).get(0)).isEqualTo("'" + text);
        assertThat(FindingsCsv.restore(rows.get(1).get(0))).isEqualTo(text);
    }

    @Test
    void a_cell_already_starting_with_an_apostrophe_keeps_it_after_the_round_trip() throws IOException {
        List<CSVRecord> rows = parse(panelCsv(TestPanels.texts("t", List.of("'=1+1", "'plain"))));
        assertThat(rows.get(1).get(0)).isEqualTo("''=1+1");
        assertThat(FindingsCsv.restore(rows.get(1).get(0))).isEqualTo("'=1+1");
        assertThat(FindingsCsv.restore(rows.get(2).get(0))).isEqualTo("'plain");
    }

    @Test
    void every_naughty_string_survives_a_csv_round_trip_exactly_in_both_shapes() throws IOException {
        List<String> blns = Blns.strings();
        List<CSVRecord> panel = parse(panelCsv(TestPanels.texts("blns", blns)));
        List<String> back = new ArrayList<>();
        for (CSVRecord row : panel.subList(1, panel.size())) {
            back.add(FindingsCsv.restore(row.get(0)));
        }
        assertThat(back).containsExactlyElementsOf(blns);

        var out = new ByteArrayOutputStream();
        FindingsCsv.all(List.of(new FindingsSection("s", "Section", List.of(TestPanels.texts("blns", blns)))),
                TestPanels.LOCALE, out);
        List<CSVRecord> all = parse(out.toByteArray());
        assertThat(all.getFirst().toList()).containsExactly(FindingsCsv.ALL_HEADER);
        assertThat(all.subList(1, all.size()).stream().map(r -> FindingsCsv.restore(r.get(ROW))).toList())
                .containsExactlyElementsOf(blns);
    }

    @Test
    void the_csv_of_all_panels_has_a_line_per_cell_naming_section_panel_row_and_column() throws IOException {
        var out = new ByteArrayOutputStream();
        FindingsCsv.all(TestPanels.sections(), TestPanels.LOCALE, out);
        List<CSVRecord> rows = parse(out.toByteArray());
        assertThat(rows).anySatisfy(r -> assertThat(r.toList()).containsExactly(
                "Do our responses target the places young people name?", "test.places", "Places rated unsafe",
                "Riverside Park", "Rated unsafe", "12"));
        assertThat(rows).anySatisfy(r -> assertThat(r.toList()).containsExactly("Partnership practice over time",
                "test.ecological", "Ecological share of card placements", "2026 Q2", "Ecological share (%)", "55"));
        // a panel of one column (quotes) is numbered rows with its words as the value, formulas neutralised
        assertThat(rows).anySatisfy(r -> assertThat(r.toList()).containsExactly("Young people's voice", "test.quotes",
                "What needs to change", "2", "Young people said", "'=HYPERLINK(\"http://evil.example\")"));
    }

    @Test
    void the_pdf_report_holds_the_title_filter_summaries_figures_and_the_rule_as_text() throws IOException {
        byte[] pdf = pdf(TestPanels.sections());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("Findings: Riverside Partnership", "Filter: from=2026-01-01 setting=KIOSK",
                "Places rated unsafe", "Most young people who rated the park rated it unsafe.",
                "Riverside Park", "12", "40%", "Online spaces", "7", "23%", "2026 Q2", "55%", "Police",
                "More lights in the underpass", "=HYPERLINK(\"http://evil.example\")");
        assertThat(text.replaceAll("\\s+", " ")).contains(Suppression.rule(TestPanels.LOCALE).replaceAll("\\s+", " "));
        // the hidden count is its words, in the chart as in the table, never a number
        assertThat(text).contains(Suppression.Shown.HIDDEN.label(TestPanels.LOCALE));
    }

    /**
     * Every naughty string is kept: those the report's font can draw appear in the page text (a line may wrap, so
     * white space is not compared), and every one, drawable or not, is exactly in the attached CSV; when anything
     * could not be drawn the report says so and names the attachment.
     */
    @Test
    void every_naughty_string_is_in_the_pdf_drawn_where_the_font_can_and_exactly_in_its_attachment() throws IOException {
        List<String> blns = Blns.strings();
        byte[] pdf = pdf(List.of(new FindingsSection("s", "Section", List.of(TestPanels.texts("blns", blns)))));
        String text = comparable(text(pdf));
        List<String> drawable = new ArrayList<>();
        List<String> notDrawable = new ArrayList<>();
        try (var report = new FindingsPdf(TestPanels.LOCALE)) {
            for (String s : blns) {
                (report.drawable(s) ? drawable : notDrawable).add(s);
            }
        }
        assertThat(drawable).hasSizeGreaterThan(blns.size() / 2);
        List<String> missing = drawable.stream().filter(s -> !text.contains(comparable(s))).toList();
        assertThat(missing).isEmpty();
        assertThat(notDrawable).isNotEmpty();
        assertThat(text).contains(comparable("Some characters cannot be drawn in this report's font and show as \"?\". The attached file "
                + FindingsPdf.ATTACHMENT));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var spec = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get(FindingsPdf.ATTACHMENT);
            byte[] csv = spec.getEmbeddedFile().toByteArray();
            List<CSVRecord> rows = parse(csv);
            assertThat(rows.subList(1, rows.size()).stream().map(r -> FindingsCsv.restore(r.get(ROW))).toList())
                    .containsExactlyElementsOf(blns);
        }
    }

    @Test
    void a_report_whose_text_the_font_draws_says_nothing_about_replaced_characters() throws IOException {
        assertThat(text(pdf(TestPanels.sections()))).doesNotContain("cannot be drawn");
    }

    /**
     * Text as compared with what PDFBox extracts: without white space (lines wrap) and in NFKC, because text
     * extraction writes a drawn ligature glyph such as "ﬁ" as the letters "fi".
     */
    private static String comparable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static byte[] panelCsv(FindingsTable table) throws IOException {
        var out = new ByteArrayOutputStream();
        FindingsCsv.panel(table, TestPanels.LOCALE, out);
        return out.toByteArray();
    }

    private static List<CSVRecord> parse(byte[] bytes) throws IOException {
        assertThat(bytes).startsWith(BOM);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    private static byte[] pdf(List<FindingsSection> sections) {
        var out = new ByteArrayOutputStream();
        try (var report = new FindingsPdf(TestPanels.LOCALE)) {
            report.write(new FindingsPdf.Heading("Riverside Partnership", "from=2026-01-01 setting=KIOSK",
                    LocalDate.of(2026, 4, 2)), sections, out);
        }
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
