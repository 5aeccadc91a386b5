package org.hymnsheet.common;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The product's one disclosure rule (decision 0016), applied to every count of young people's data (and of the
 * anonymous pulse) before it leaves for a lead, a board panel, "you said, we did" or an export. SQL returns raw
 * counts with the sum of their records' secret keys ({@link Tally}); only this class turns them into something
 * that may be shown ({@link Shown}).
 * <ul>
 *   <li><b>Cell-key perturbation.</b> Every record (a submitted response, a workshop participant) carries a random
 *       record key in 0..{@value #KEY_RANGE}-1, stored with it and never shown. A cell's key is the sum of its
 *       records' keys modulo {@value #KEY_RANGE}; the published {@linkplain #adjustment perturbation table} maps
 *       it to a change of -2 to +2. The same records always give the same figure (asking again teaches nothing);
 *       totals are perturbed as cells of their own, so a table need not add up, and subtracting shown cells from a
 *       total gives a noisy figure, never a hidden one.</li>
 *   <li><b>Threshold.</b> A true count under {@value #THRESHOLD}, or a perturbed one, is never shown: every hidden
 *       count looks the same ({@link Shown.Hidden}).</li>
 * </ul>
 * Differencing between views is stopped before counting: survey responses are counted only in release groups of
 * five alike (decision 0016), so two views never differ by fewer than five young people.
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

    /** Key sums are taken modulo this: record keys are drawn from 0 to KEY_RANGE - 1. */
    public static final int KEY_RANGE = 256;

    /**
     * A raw count straight from SQL, with the sum of the record keys of the records it counts. Never shown: only
     * {@link #cell} turns it into a {@link Shown}.
     */
    public record Tally(long count, long keySum) {
        public static final Tally NONE = new Tally(0, 0);

        public Tally {
            if (count < 0) {
                throw new IllegalArgumentException("A count cannot be negative");
            }
        }

        public Tally plus(Tally other) {
            return new Tally(count + other.count, keySum + other.keySum);
        }
    }

    /** Cells shown together with their total, each perturbed and thresholded by the rule on its own. */
    public record Breakdown(Shown total, List<Shown> cells) {
        public Breakdown {
            cells = List.copyOf(cells);
        }
    }

    /**
     * The published perturbation table: the change made to a count of at least {@link #THRESHOLD} whose cell key
     * (key sum modulo {@link #KEY_RANGE}) is {@code cellKey}. About 10% of cell keys give -2, 20% -1, 40% 0, 20% +1
     * and 10% +2, so the change averages zero.
     */
    public static int adjustment(int cellKey) {
        if (cellKey < 0 || cellKey >= KEY_RANGE) {
            throw new IllegalArgumentException("A cell key is between 0 and " + (KEY_RANGE - 1));
        }
        if (cellKey < 26) {
            return -2;
        } else if (cellKey < 77) {
            return -1;
        } else if (cellKey < 179) {
            return 0;
        } else if (cellKey < 230) {
            return 1;
        }
        return 2;
    }

    /** A cell's key: its records' key sum modulo {@link #KEY_RANGE}. */
    public static int cellKey(long keySum) {
        return (int) Math.floorMod(keySum, (long) KEY_RANGE);
    }

    /** A count as it may be shown: hidden under the threshold, otherwise perturbed (and hidden if that falls under). */
    public static Shown cell(Tally tally) {
        if (tally.count() < THRESHOLD) {
            return Shown.HIDDEN;
        }
        long perturbed = tally.count() + adjustment(cellKey(tally.keySum()));
        return perturbed < THRESHOLD ? Shown.HIDDEN : new Shown.Exact(Math.toIntExact(perturbed));
    }

    /** {@link #cell(Tally)} of a count and its key sum. */
    public static Shown cell(long count, long keySum) {
        return cell(new Tally(count, keySum));
    }

    /** Cells beside their total, the total perturbed as a cell of its own. */
    public static Breakdown withTotal(Tally total, List<Tally> cells) {
        return new Breakdown(cell(total), cells.stream().map(Suppression::cell).toList());
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
