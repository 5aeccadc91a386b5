package org.hymnsheet.findings;

import java.time.LocalDate;
import java.util.List;

/**
 * What the findings filters offer a reader: the templates, the partnership's agencies, the quarters that hold data
 * (newest first) and the age bands of the standard "about-age" question.
 */
public record FindingsChoices(List<Choice> templates, List<Choice> agencies, List<Quarter> quarters,
                              List<Choice> ageBands) {

    public FindingsChoices {
        templates = List.copyOf(templates);
        agencies = List.copyOf(agencies);
        quarters = List.copyOf(quarters);
        ageBands = List.copyOf(ageBands);
    }

    /** One choice: the id the filter takes and the words shown. */
    public record Choice(String id, String label) {}

    /** A calendar quarter, e.g. 2026 Q1 = 1 January to 31 March 2026. */
    public record Quarter(int year, int quarter) {
        public Quarter {
            if (quarter < 1 || quarter > 4) {
                throw new IllegalArgumentException("A quarter is 1 to 4");
            }
        }

        public static Quarter of(LocalDate day) {
            return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
        }

        public LocalDate first() {
            return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        }

        public LocalDate last() {
            return first().plusMonths(3).minusDays(1);
        }

        public Quarter previous() {
            return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
        }

        /** "2026 Q1". */
        public String label() {
            return year + " Q" + quarter;
        }
    }
}
