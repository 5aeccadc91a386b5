package org.hymnsheet.common;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The product's one small-numbers rule, applied to every count that leaves for a lead, a board panel or an
 * export, after the SQL that counted it.
 * <ul>
 *   <li>A count under {@link #THRESHOLD} is never shown (primary suppression), zero included.</li>
 *   <li>Where cells are shown with their total and exactly one cell is hidden, the next smallest cell is hidden
 *       too (secondary suppression), so the first cannot be worked out by subtraction. A total under the
 *       threshold is itself hidden.</li>
 * </ul>
 * Every hidden count looks the same, {@link Shown.Hidden}: a label such as "fewer than 5" would be untrue of a
 * cell hidden by the secondary rule, and telling the two apart would let a reader work the first one out again
 * (cells of 0 and 5 beside a total of 25 and a shown 20).
 */
public final class Suppression {
    /** Counts under this are never shown. */
    public static final int THRESHOLD = 5;
    /** The words shown in place of a hidden count, in the app's translations. */
    public static final String HIDDEN_KEY = "suppression.hidden";
    /** A sentence explaining the rule, for a footnote under a panel or a report. */
    public static final String RULE_KEY = "suppression.rule";

    private static final String BUNDLE = "vaadin-i18n/translations";

    private Suppression() {}

    /** A count as it may be shown: exactly, or hidden by the rule. */
    public sealed interface Shown permits Shown.Exact, Shown.Hidden {
        Shown HIDDEN = new Hidden();

        /** A count of at least {@link #THRESHOLD}, shown as it is. */
        record Exact(int value) implements Shown {
            public Exact {
                if (value < THRESHOLD) {
                    throw new IllegalArgumentException("A count under " + THRESHOLD + " is never shown");
                }
            }
        }

        /** A count withheld by the rule; it carries no trace of the number behind it. */
        record Hidden() implements Shown {}

        default boolean hidden() {
            return this instanceof Hidden;
        }

        /** The count in the reader's language ("12", "1,204"), or the words for a hidden count. */
        default String label(Locale locale) {
            return switch (this) {
                case Exact exact -> NumberFormat.getIntegerInstance(locale).format(exact.value());
                case Hidden hidden -> text(HIDDEN_KEY, locale);
            };
        }
    }

    /** Cells shown together with their total, each suppressed by the rule. */
    public record Breakdown(Shown total, List<Shown> cells) {
        public Breakdown {
            cells = List.copyOf(cells);
        }
    }

    /** A count shown on its own, with nothing to subtract it from. */
    public static Shown count(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count cannot be negative");
        }
        return count < THRESHOLD ? Shown.HIDDEN : new Shown.Exact(Math.toIntExact(count));
    }

    /**
     * Cells shown beside their total. If exactly one cell falls under the threshold, the smallest of the others
     * is hidden too (the first of equals, in the order given). Cells that may add up to more than the total (a
     * multiple-choice question) are treated the same way, which hides at most one cell more than needed.
     */
    public static Breakdown withTotal(long total, List<? extends Number> cells) {
        List<Long> counts = cells.stream().map(Number::longValue).toList();
        boolean[] hide = new boolean[counts.size()];
        int hidden = 0;
        for (int i = 0; i < counts.size(); i++) {
            if (count(counts.get(i)).hidden()) {
                hide[i] = true;
                hidden++;
            }
        }
        if (hidden == 1) {
            int next = -1;
            for (int i = 0; i < counts.size(); i++) {
                if (!hide[i] && (next < 0 || counts.get(i) < counts.get(next))) {
                    next = i;
                }
            }
            if (next >= 0) {
                hide[next] = true;
            }
        }
        List<Shown> shown = new ArrayList<>(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            shown.add(hide[i] ? Shown.HIDDEN : count(counts.get(i)));
        }
        return new Breakdown(count(total), shown);
    }

    /** The footnote explaining the rule, in the reader's language. */
    public static String rule(Locale locale) {
        return text(RULE_KEY, locale);
    }

    private static String text(String key, Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }
}
