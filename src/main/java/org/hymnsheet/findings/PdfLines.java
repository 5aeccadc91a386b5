package org.hymnsheet.findings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text made safe for the report's font and wrapped to a width, as boards' {@code PdfText} does for saved boards:
 * a character the font cannot draw is printed as "?", and a control or separator character (new line, tab) as a
 * space, so drawing can never fail. Right-to-left letters count as not drawable: PDFBox lays glyphs out left to
 * right without reordering, which would print them backwards. Whether anything was replaced is remembered
 * ({@link #replaced}), so the report can say so and point to the attached CSV, which holds every text exactly.
 */
final class PdfLines {
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private final PDFont font;
    private boolean replaced;

    PdfLines(PDFont font) {
        this.font = font;
    }

    boolean replaced() {
        return replaced;
    }

    /** Whether every character of the text is drawn as it is (a plain space is the only white space kept). */
    boolean drawable(String text) {
        return text.codePoints().allMatch(cp -> cp == ' ' || (!blank(cp) && encodes(cp)));
    }

    /** Lines of at most {@code width} points; a word longer than a line is broken where it must be. */
    List<String> wrap(String text, float size, float width) throws IOException {
        String safe = safe(text);
        List<String> lines = new ArrayList<>();
        var line = new StringBuilder();
        for (String word : safe.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String next = line + Character.toString(cp);
                if (!line.isEmpty() && width(next, size) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text with every character the font cannot draw as "?", and control and separator characters as spaces. */
    String safe(String text) {
        if (text == null) {
            return "";
        }
        var safe = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == ' ') {
                safe.append(' ');
            } else if (blank(cp)) {
                safe.append(' ');
                replaced = true;
            } else if (encodes(cp)) {
                safe.appendCodePoint(cp);
            } else {
                safe.append('?');
                replaced = true;
            }
        });
        return safe.toString();
    }

    private static boolean blank(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private boolean encodes(int cp) {
        return encodable.computeIfAbsent(cp, c -> {
            byte direction = Character.getDirectionality(c);
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE
                    || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.PRIVATE_USE) {
                return false;
            }
            try {
                font.encode(Character.toString(c));
                return font.getStringWidth(Character.toString(c)) > 0 || Character.getType(c) == Character.NON_SPACING_MARK;
            } catch (IllegalArgumentException | IOException | IllegalStateException cannot) {
                return false;
            }
        });
    }
}
