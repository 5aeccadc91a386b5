package org.hymnsheet.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.common.Suppression.Tally;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    static final Shown HIDDEN = Shown.HIDDEN;

    /** A key sum whose cell key gives no change (cell key 100 is in the 0 band of the table). */
    static final long NO_CHANGE = 100;

    static Shown exact(int n) {
        return new Shown.Exact(n);
    }

    @Test
    void true_counts_under_five_are_hidden_whatever_their_cell_key() {
        for (int n = 0; n < 5; n++) {
            for (int key = 0; key < Suppression.KEY_RANGE; key++) {
                assertThat(Suppression.cell(n, key)).as("%d with key %d", n, key).isEqualTo(HIDDEN);
            }
        }
    }

    @Test
    void counts_of_five_or_more_move_by_at_most_two_and_a_perturbed_count_under_five_is_hidden() {
        for (int n = 5; n < 40; n++) {
            for (int key = 0; key < Suppression.KEY_RANGE; key++) {
                Shown shown = Suppression.cell(n, key);
                if (shown instanceof Shown.Exact e) {
                    assertThat(e.value()).isBetween(Math.max(5, n - 2), n + 2);
                } else {
                    assertThat(n + Suppression.adjustment(key)).isLessThan(5);
                }
            }
        }
        assertThat(Suppression.cell(1204, NO_CHANGE)).isEqualTo(exact(1204));
    }

    @Test
    void the_perturbation_table_averages_zero_and_leaves_about_four_in_ten_counts_unchanged() {
        Map<Integer, Integer> changes = new HashMap<>();
        long sum = 0;
        for (int key = 0; key < Suppression.KEY_RANGE; key++) {
            int d = Suppression.adjustment(key);
            changes.merge(d, 1, Integer::sum);
            sum += d;
        }
        assertThat(sum).isZero();
        assertThat(changes).containsOnlyKeys(-2, -1, 0, 1, 2);
        assertThat(changes.get(0)).isEqualTo(102);
        assertThat(changes.get(-2)).isEqualTo(changes.get(2));
        assertThat(changes.get(-1)).isEqualTo(changes.get(1));
    }

    @Test
    void the_same_records_always_give_the_same_figure_so_asking_again_teaches_nothing() {
        for (long keySum = 0; keySum < 3000; keySum += 7) {
            assertThat(Suppression.cell(23, keySum)).isEqualTo(Suppression.cell(23, keySum));
            assertThat(Suppression.cell(23, keySum)).isEqualTo(Suppression.cell(23, keySum + Suppression.KEY_RANGE));
        }
    }

    @Test
    void negative_counts_are_refused() {
        assertThatThrownBy(() -> new Tally(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Suppression.adjustment(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Shown.Exact(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_hidden_count_looks_the_same() {
        assertThat(Suppression.cell(0, 0)).isEqualTo(Suppression.cell(4, 3))
                .hasToString(Suppression.cell(1, 77).toString());
        assertThat(Suppression.cell(5, 0)).isEqualTo(HIDDEN); // 5 - 2 = 3: held back
    }

    @Test
    void labels_are_the_number_in_the_readers_language_or_the_same_words_for_every_hidden_count() {
        assertThat(Suppression.cell(12, NO_CHANGE).label(Locale.ENGLISH)).isEqualTo("12");
        assertThat(Suppression.cell(1204, NO_CHANGE).label(Locale.UK)).isEqualTo("1,204");
        assertThat(Suppression.cell(2, NO_CHANGE).label(Locale.ENGLISH)).isEqualTo("fewer than 5 or held back");
        assertThat(Suppression.cell(0, 0).label(Locale.forLanguageTag("cy"))).isEqualTo("llai na 5 neu wedi'i ddal yn ôl");
        assertThat(Suppression.rule(Locale.ENGLISH)).contains("under 5");
    }

    @Test
    void a_total_is_perturbed_as_a_cell_of_its_own_so_subtraction_gives_a_noisy_figure() {
        // cells 1, 0 and 19 of 20: the total and the 19 carry their own keys; the difference is 1 only by chance
        int exactlyOne = 0;
        int trials = 0;
        for (long totalKey = 0; totalKey < Suppression.KEY_RANGE; totalKey += 3) {
            for (long cellKey = 0; cellKey < Suppression.KEY_RANGE; cellKey += 5) {
                var b = Suppression.withTotal(new Tally(20, totalKey),
                        List.of(new Tally(1, 0), new Tally(0, 0), new Tally(19, cellKey)));
                assertThat(b.cells().get(0)).isEqualTo(HIDDEN);
                assertThat(b.cells().get(1)).isEqualTo(HIDDEN);
                if (b.total() instanceof Shown.Exact t && b.cells().get(2) instanceof Shown.Exact c) {
                    trials++;
                    if (t.value() - c.value() == 1) {
                        exactlyOne++;
                    }
                }
            }
        }
        assertThat(trials).isGreaterThan(1000);
        assertThat((double) exactlyOne / trials).as("share of tables where subtraction gives the true 1").isLessThan(0.3);
    }
}
