package org.hymnsheet.boards;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text made safe for a PDF standard font, and wrapped to a width. The standard fonts encode only Western European
 * characters; showing anything else (emoji, right-to-left marks, most scripts) would fail the whole file, so each
 * character the font cannot encode is printed as "?".
 */
final class PdfText {
    private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();

    /** Lines of at most {@code width} points; a word longer than a line is broken where it must be. */
    List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        String safe = safe(text, font);
        List<String> lines = new ArrayList<>();
        var line = new StringBuilder();
        for (String word : safe.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
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
                if (!line.isEmpty() && width(next, font, size) > width) {
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

    private static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * The text with every character the font cannot encode replaced by "?" and every control or separator
     * character (new lines, tabs) by a space, so showing it can never fail.
     */
    String safe(String text, PDFont font) {
        if (text == null) {
            return "";
        }
        Map<Integer, Boolean> known = encodable.computeIfAbsent(font, f -> new HashMap<>());
        var safe = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR || Character.isWhitespace(cp)) {
                safe.append(' ');
            } else if (known.computeIfAbsent(cp, c -> encodes(font, c))) {
                safe.appendCodePoint(cp);
            } else {
                safe.append('?');
            }
        });
        return safe.toString();
    }

    private static boolean encodes(PDFont font, int cp) {
        try {
            font.encode(Character.toString(cp));
            return true;
        } catch (IllegalArgumentException | IOException cannot) {
            return false;
        }
    }
}
