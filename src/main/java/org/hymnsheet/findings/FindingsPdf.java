package org.hymnsheet.findings;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.common.Suppression.Shown;

/**
 * The findings report for the partnership board on A4 pages: title, filter and date, then each section and panel
 * with its summary, a bar chart drawn from the table's first figure column (a hidden count is no bar, with the
 * rule's words beside it), and the whole table as text; the disclosure rule's footnote at the end and page numbers
 * at the foot. The font is Liberation Sans (shipped inside PDFBox), embedded as a subset, so extracted text is
 * the text drawn and Latin, Greek and Cyrillic scripts print as they are. What the font cannot draw prints as "?"
 * ({@link PdfLines}); then a closing note says so, and the attached {@value #ATTACHMENT} (every table, as the CSV
 * export writes it) keeps every text exactly, so nothing is lost silently.
 */
final class FindingsPdf implements AutoCloseable {
    static final String ATTACHMENT = "findings.csv";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 40;
    private static final float FOOTER = 18;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float LEADING = 1.3f;
    private static final float BAR_LABEL = 170;
    private static final float BAR_ROW = 13;
    private static final float CELL_PAD = 3;
    private static final float[] GREY = {0.45f, 0.45f, 0.45f};
    private static final float[] BLUE = {0f, 0.447f, 0.698f};

    private final PDDocument doc = new PDDocument();
    private final PDFont font;
    private final PdfLines fit;
    private final Locale locale;
    private final ResourceBundle words;
    private PDPageContentStream out;
    private float y;

    /** The report's heading: whose findings, under which filter, made on which day. */
    record Heading(String partnership, String filter, LocalDate madeOn) {}

    FindingsPdf(Locale locale) {
        this.locale = locale;
        this.words = ResourceBundle.getBundle("vaadin-i18n/translations", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try (InputStream ttf = PDDocument.class.getResourceAsStream(FONT)) {
            if (ttf == null) {
                throw new IllegalStateException("PDFBox no longer ships " + FONT);
            }
            font = PDType0Font.load(doc, ttf, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fit = new PdfLines(font);
    }

    /** Whether the font draws this text exactly as it is (for the tests and the closing note). */
    boolean drawable(String text) {
        return fit.drawable(text);
    }

    void write(Heading heading, List<FindingsSection> sections, OutputStream target) {
        try {
            newPage();
            lines(text("findings.pdf.title", heading.partnership()), 18, 0);
            lines(text("findings.pdf.filter", heading.filter()), 10, 0);
            lines(text("findings.pdf.made", heading.madeOn().toString()), 10, 0);
            rule();
            for (FindingsSection section : sections) {
                section(section);
            }
            y -= 8;
            lines(Suppression.rule(locale), 9, 0);
            if (fit.replaced()) {
                lines(text("findings.pdf.replaced", ATTACHMENT), 9, 0);
            }
            out.close();
            footers(text("findings.pdf.footer"));
            attach(sections);
            var info = doc.getDocumentInformation();
            info.setTitle(fit.safe(text("findings.pdf.title", heading.partnership())));
            info.setCreator("Hymn Sheet");
            info.setCreationDate(GregorianCalendar.from(heading.madeOn().atStartOfDay(FindingsService.UK)));
            doc.getDocumentCatalog().setLanguage(locale.getLanguage().equals("cy") ? "cy-GB" : "en-GB");
            doc.save(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void section(FindingsSection section) throws IOException {
        space(14 * LEADING * 3);
        y -= 6;
        lines(section.title(), 14, 0);
        if (section.tables().isEmpty()) {
            lines(text("findings.section.empty"), 9, 0);
        }
        for (FindingsTable table : section.tables()) {
            space(12 * LEADING * 4);
            y -= 4;
            lines(table.title(), 12, 0);
            if (!table.summary().isEmpty()) {
                lines(table.summary(), 10, 0);
            }
            if (table.chart() != FindingsTable.Chart.NONE) {
                bars(table);
            }
            table(table);
            for (String note : table.notes()) {
                lines(note, 8, 0);
            }
        }
    }

    /**
     * A simple horizontal bar per row for the table's first figure column, scaled to its largest value; a hidden
     * or empty cell gets no bar, only its words, so it can never be read as 0 or as 4.
     */
    private void bars(FindingsTable table) throws IOException {
        int column = -1;
        for (int c = 1; c < table.columns().size() && column < 0; c++) {
            if (table.columns().get(c).kind() != FindingsTable.Kind.LABEL) {
                column = c;
            }
        }
        if (column < 0 || table.rows().isEmpty()) {
            return;
        }
        // shares are drawn against 100%, so two panels' bars compare; other figures against their largest
        double max = table.columns().get(column).kind() == FindingsTable.Kind.PERCENT ? 100 : 0;
        for (FindingsTable.Row row : table.rows()) {
            BigDecimal v = figure(row.values().get(column));
            max = v == null ? max : Math.max(max, v.doubleValue());
        }
        lines(table.columns().get(column).heading(), 8, 0);
        float area = WIDTH - BAR_LABEL - 80;
        for (FindingsTable.Row row : table.rows()) {
            space(BAR_ROW);
            y -= BAR_ROW;
            String label = fit.wrap(row.values().getFirst().label(locale), 8, BAR_LABEL - 6).getFirst();
            show(label, 8, MARGIN, y + 3);
            FindingsTable.Value cell = row.values().get(column);
            BigDecimal v = figure(cell);
            float x = MARGIN + BAR_LABEL;
            if (v != null && max > 0) {
                float length = (float) (area * v.doubleValue() / max);
                out.setNonStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
                out.addRect(x, y + 1, Math.max(length, 0.5f), BAR_ROW - 3);
                out.fill();
                out.setNonStrokingColor(0f, 0f, 0f);
                x += length;
            }
            out.setNonStrokingColor(v == null ? GREY[0] : 0f, v == null ? GREY[1] : 0f, v == null ? GREY[2] : 0f);
            show(fit.wrap(cell.label(locale), 8, 200).getFirst(), 8, x + 4, y + 3);
            out.setNonStrokingColor(0f, 0f, 0f);
        }
        y -= 6;
    }

    /** A cell's figure to draw, or null for a hidden count, a hidden share or nothing. */
    static BigDecimal figure(FindingsTable.Value value) {
        return switch (value) {
            case FindingsTable.Count count when count.shown() instanceof Shown.Exact exact -> BigDecimal.valueOf(exact.value());
            case FindingsTable.Percent percent when !percent.hidden() -> percent.value();
            case FindingsTable.Number number -> number.value();
            default -> null;
        };
    }

    /** The table as text: headings, then each row, cells wrapped within their column; a page break repeats nothing. */
    private void table(FindingsTable table) throws IOException {
        int n = table.columns().size();
        float first = n == 1 ? WIDTH : Math.min(WIDTH * 0.4f, Math.max(WIDTH / n, 120));
        float rest = n == 1 ? 0 : (WIDTH - first) / (n - 1);
        List<String> headings = table.columns().stream().map(FindingsTable.Column::heading).toList();
        row(headings, first, rest, 8, true);
        for (FindingsTable.Row row : table.rows()) {
            row(row.values().stream().map(v -> v.label(locale)).toList(), first, rest, 8, false);
        }
        y -= 6;
    }

    private void row(List<String> cells, float first, float rest, float size, boolean heading) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < cells.size(); c++) {
            wrapped.add(fit.wrap(cells.get(c), size, (c == 0 ? first : rest) - 2 * CELL_PAD));
            height = Math.max(height, wrapped.getLast().size());
        }
        float rowHeight = height * size * LEADING + 2;
        space(rowHeight);
        float x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            float at = y;
            for (String line : wrapped.get(c)) {
                at -= size * LEADING;
                show(line, size, x + CELL_PAD, at + size * (LEADING - 1));
            }
            x += c == 0 ? first : rest;
        }
        y -= rowHeight;
        out.setStrokingColor(heading ? 0f : 0.75f, heading ? 0f : 0.75f, heading ? 0f : 0.75f);
        out.setLineWidth(heading ? 0.8f : 0.4f);
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + WIDTH, y);
        out.stroke();
        out.setStrokingColor(0f, 0f, 0f);
    }

    private void rule() throws IOException {
        y -= 4;
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + WIDTH, y);
        out.stroke();
        y -= 10;
    }

    /** Text wrapped to the page's width, starting a new page whenever the next line would not fit. */
    private void lines(String text, float size, float indent) throws IOException {
        for (String line : fit.wrap(text, size, WIDTH - indent)) {
            space(size * LEADING);
            y -= size * LEADING;
            show(line, size, MARGIN + indent, y + size * (LEADING - 1));
        }
    }

    /** Shows one line that {@link PdfLines} has already made safe. */
    private void show(String line, float size, float x, float baseline) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(fit.safe(line));
        out.endText();
    }

    private void space(float height) throws IOException {
        if (y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        var page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private void footers(String footer) throws IOException {
        int count = doc.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (var foot = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                String line = fit.wrap(footer + " · " + text("findings.pdf.page", i + 1, count), 8, WIDTH).getFirst();
                foot.beginText();
                foot.setFont(font, 8);
                foot.newLineAtOffset(MARGIN, MARGIN - 8);
                foot.showText(line);
                foot.endText();
            }
        }
    }

    /** Every table as the CSV export writes it, attached to the document: the exact text of every cell. */
    private void attach(List<FindingsSection> sections) throws IOException {
        var csv = new ByteArrayOutputStream();
        FindingsCsv.all(sections, locale, csv);
        byte[] bytes = csv.toByteArray();
        var file = new PDEmbeddedFile(doc, new ByteArrayInputStream(bytes));
        file.setSubtype("text/csv");
        file.setSize(bytes.length);
        var spec = new PDComplexFileSpecification();
        spec.setFile(ATTACHMENT);
        spec.setFileUnicode(ATTACHMENT);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription(text("findings.pdf.attachment"));
        var tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(ATTACHMENT, spec));
        var names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
    }

    private String text(String key, Object... args) {
        String pattern = words.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
