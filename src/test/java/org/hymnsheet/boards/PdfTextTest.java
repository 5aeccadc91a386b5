package org.hymnsheet.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.hymnsheet.testing.Blns;
import org.junit.jupiter.api.Test;

class PdfTextTest {
    private final PdfText text = new PdfText();
    private final PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void characters_the_standard_font_cannot_show_become_question_marks_and_breaks_become_spaces() {
        assertThat(text.safe("Caf\u00e9 \u2013 \u00a31 \u20ac2 \u2022 \u201cquoted\u201d", helvetica))
                .isEqualTo("Caf\u00e9 \u2013 \u00a31 \u20ac2 \u2022 \u201cquoted\u201d"); // all in the font
        assertThat(text.safe("a\u200Fb\uD83D\uDE00c\u202E", helvetica)).isEqualTo("a?b?c?");
        assertThat(text.safe("\u05E9\u05DC\u05D5\u05DD \u4F60\u597D", helvetica)).isEqualTo("???? ??");
        assertThat(text.safe("one\ntwo\tthree\r\nfour\u2028five\u0000six", helvetica)).isEqualTo("one two three  four five six");
        assertThat(text.safe(null, helvetica)).isEmpty();
    }

    @Test
    void every_naughty_string_wraps_within_the_width_and_can_be_shown() throws IOException {
        for (String s : Blns.strings()) {
            for (String line : text.wrap(s + " " + s.repeat(3), helvetica, 9, 200)) {
                assertThat(helvetica.getStringWidth(line) / 1000 * 9).isLessThanOrEqualTo(200.01f);
                helvetica.encode(line); // throws if anything in it cannot be shown
            }
        }
    }

    @Test
    void long_words_are_broken_and_short_ones_kept_whole() throws IOException {
        assertThat(text.wrap("a few short words", helvetica, 10, 1000)).containsExactly("a few short words");
        var lines = text.wrap("x".repeat(400), helvetica, 10, 100);
        assertThat(lines).hasSizeGreaterThan(5);
        assertThat(String.join("", lines)).isEqualTo("x".repeat(400));
        assertThat(text.wrap("", helvetica, 10, 100)).containsExactly("");
    }
}
