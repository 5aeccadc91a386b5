package org.hymnsheet.boards;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.hymnsheet.common.ValidationException;

/**
 * Lays a saved board out on landscape A4 pages: the heading, each chart's picture (as the browser drew it) with its
 * label and summary, then every figure as text. Only the standard Helvetica is used, so the file needs no embedded
 * font and opens anywhere; {@link PdfText} keeps every text to what that font can show.
 */
final class SnapshotPdf implements AutoCloseable {
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float FOOTER = 20;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float CHART_HEIGHT = 210;
    private static final float GAP = 16;
    private static final float LEADING = 1.3f;

    private final PDDocument doc = new PDDocument();
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PdfText fit = new PdfText();
    private PDPageContentStream out;
    private float y;

    /** A picture placed on the page, with the chart's text around it. */
    record Picture(BoardFigures.Chart chart, byte[] png) {}

    /** A heading and its lines of text. */
    record Block(String heading, List<String> lines) {}

    /** The text of the page heading, already in the board's wording. */
    record Heading(String title, String stageLine, String prompt, String meta) {}

    /** Reads a PNG into the document; a file that is not a readable PNG is refused with a message. */
    private PDImageXObject image(byte[] png, String name) {
        try {
            return PDImageXObject.createFromByteArray(doc, png, name);
        } catch (IOException | RuntimeException unreadable) {
            throw new ValidationException("charts", "boards.snapshot.notPng");
        }
    }

    /** Writes the whole document and returns its bytes. */
    byte[] write(Heading heading, List<Picture> pictures, List<Block> blocks, String footer,
                 BiFunction<Integer, Integer, String> pageOf, GregorianCalendar at) {
        try {
            var images = new ArrayList<PDImageXObject>();
            for (int i = 0; i < pictures.size(); i++) {
                images.add(image(pictures.get(i).png(), "chart-" + i));
            }
            newPage();
            heading(heading);
            pictures(pictures, images);
            for (Block block : blocks) {
                block(block);
            }
            out.close();
            footers(footer, pageOf);
            var info = doc.getDocumentInformation();
            info.setTitle(heading.title() + " – " + heading.stageLine());
            info.setCreator("Hymn Sheet");
            info.setCreationDate(at);
            doc.getDocumentCatalog().setLanguage("en-GB");
            var bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
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

    private void heading(Heading h) throws IOException {
        lines(h.title(), bold, 18, 0);
        lines(h.stageLine(), bold, 13, 0);
        lines(h.prompt(), regular, 11, 0);
        lines(h.meta(), regular, 10, 0);
        y -= 4;
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + WIDTH, y);
        out.stroke();
        y -= GAP;
    }

    /**
     * Pictures in a grid, up to three across (one chart takes the page's width, two share it), each scaled to its
     * cell and at most {@link #CHART_HEIGHT} high, so a stage's charts usually fit on the first page.
     */
    private void pictures(List<Picture> pictures, List<PDImageXObject> images) throws IOException {
        int columns = Math.min(Math.max(pictures.size(), 1), 3);
        float cell = (WIDTH - (columns - 1) * GAP) / columns;
        for (int first = 0; first < pictures.size(); first += columns) {
            int last = Math.min(first + columns, pictures.size());
            List<List<String>> labels = new ArrayList<>();
            List<List<String>> summaries = new ArrayList<>();
            float rowHeight = 0;
            for (int i = first; i < last; i++) {
                var chart = pictures.get(i).chart();
                labels.add(fit.wrap(chart.label(), bold, 10, cell));
                summaries.add(fit.wrap(chart.summary(), regular, 9, cell));
                float height = labels.getLast().size() * 10 * LEADING + size(images.get(i), cell)[1] + 4
                        + summaries.getLast().size() * 9 * LEADING;
                rowHeight = Math.max(rowHeight, height);
            }
            space(rowHeight);
            for (int i = first; i < last; i++) {
                float x = (i - first) * (cell + GAP);
                float[] size = size(images.get(i), cell);
                float below = draw(labels.get(i - first), bold, 10, x, y);
                out.drawImage(images.get(i), MARGIN + x, below - size[1], size[0], size[1]);
                draw(summaries.get(i - first), regular, 9, x, below - size[1] - 4);
            }
            y -= rowHeight + GAP;
        }
    }

    /** Width and height of a picture scaled to fit a cell {@code width} wide and {@link #CHART_HEIGHT} high. */
    private static float[] size(PDImageXObject image, float width) {
        float scale = Math.min(width / image.getWidth(), CHART_HEIGHT / image.getHeight());
        return new float[] {image.getWidth() * scale, image.getHeight() * scale};
    }

    private void block(Block block) throws IOException {
        if (block.heading() != null) {
            space(12 * LEADING * 2);
            y -= 4;
            lines(block.heading(), bold, 11, 0);
        }
        for (String line : block.lines()) {
            lines(line, regular, 9, 10);
        }
    }

    /** Text wrapped to the page's width, starting a new page whenever the next line would not fit. */
    private void lines(String text, PDFont font, float size, float indent) throws IOException {
        for (String line : fit.wrap(text, font, size, WIDTH - indent)) {
            space(size * LEADING);
            y = draw(List.of(line), font, size, indent, y);
        }
    }

    private float draw(List<String> lines, PDFont font, float size, float x, float top) throws IOException {
        float at = top;
        for (String line : lines) {
            at -= size * LEADING;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN + x, at + size * (LEADING - 1));
            out.showText(line);
            out.endText();
        }
        return at;
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

    /** "Hymn Sheet · workshop · page n of m" along the foot of every page, once the page count is known. */
    private void footers(String footer, BiFunction<Integer, Integer, String> pageOf) throws IOException {
        int count = doc.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (var foot = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = footer + " · " + pageOf.apply(i + 1, count);
                var line = fit.wrap(text, regular, 8, WIDTH).getFirst();
                foot.beginText();
                foot.setFont(regular, 8);
                foot.newLineAtOffset(MARGIN, MARGIN - 8);
                foot.showText(line);
                foot.endText();
            }
        }
    }
}
