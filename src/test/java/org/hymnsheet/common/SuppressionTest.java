package org.hymnsheet.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.hymnsheet.common.Suppression.Shown;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    static final Shown HIDDEN = Shown.HIDDEN;

    static Shown exact(int n) {
        return new Shown.Exact(n);
    }

    @Test
    void counts_under_five_are_hidden_and_five_or_more_are_shown_exactly() {
        assertThat(Suppression.count(0)).isEqualTo(HIDDEN);
        assertThat(Suppression.count(1)).isEqualTo(HIDDEN);
        assertThat(Suppression.count(4)).isEqualTo(HIDDEN);
        assertThat(Suppression.count(5)).isEqualTo(exact(5));
        assertThat(Suppression.count(1204)).isEqualTo(exact(1204));
        assertThat(Suppression.THRESHOLD).isEqualTo(5);
    }

    @Test
    void an_exact_count_under_five_cannot_even_be_made() {
        assertThatThrownBy(() -> new Shown.Exact(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Suppression.count(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_hidden_count_carries_nothing_of_the_number_behind_it() {
        assertThat(Suppression.count(0)).isEqualTo(Suppression.count(4)).hasToString(Suppression.count(1).toString());
        assertThat(Suppression.count(3).hidden()).isTrue();
        assertThat(Suppression.count(7).hidden()).isFalse();
    }

    @Test
    void labels_are_the_number_in_the_readers_language_or_the_same_words_for_every_hidden_count() {
        assertThat(Suppression.count(12).label(Locale.ENGLISH)).isEqualTo("12");
        assertThat(Suppression.count(1204).label(Locale.UK)).isEqualTo("1,204");
        assertThat(Suppression.count(2).label(Locale.ENGLISH)).isEqualTo("fewer than 5 or held back");
        assertThat(Suppression.count(0).label(Locale.forLanguageTag("cy"))).isEqualTo("fewer than 5 or held back");
        assertThat(Suppression.rule(Locale.ENGLISH)).contains("under 5");
    }

    @Test
    void with_no_small_cell_everything_is_shown() {
        var b = Suppression.withTotal(23, List.of(5, 8, 10));
        assertThat(b.total()).isEqualTo(exact(23));
        assertThat(b.cells()).containsExactly(exact(5), exact(8), exact(10));
    }

    @Test
    void one_small_cell_hides_the_next_smallest_too_so_it_cannot_be_worked_out_from_the_total() {
        var b = Suppression.withTotal(26, List.of(9, 2, 6, 9));
        assertThat(b.total()).isEqualTo(exact(26));
        assertThat(b.cells()).containsExactly(exact(9), HIDDEN, HIDDEN, exact(9));
    }

    @Test
    void a_zero_is_a_small_cell_like_any_other() {
        var b = Suppression.withTotal(17, List.of(0, 5, 12));
        assertThat(b.cells()).containsExactly(HIDDEN, HIDDEN, exact(12));
    }

    @Test
    void among_equal_next_smallest_cells_the_first_is_hidden() {
        var b = Suppression.withTotal(16, List.of(6, 6, 1, 6));
        assertThat(b.cells()).containsExactly(HIDDEN, exact(6), HIDDEN, exact(6));
    }

    @Test
    void two_small_cells_hide_each_other_and_nothing_more_is_hidden() {
        var b = Suppression.withTotal(25, List.of(3, 12, 1, 9));
        assertThat(b.cells()).containsExactly(HIDDEN, exact(12), HIDDEN, exact(9));
    }

    @Test
    void two_cells_one_small_hide_both_but_the_total_stays() {
        var b = Suppression.withTotal(40, List.of(39, 1));
        assertThat(b.total()).isEqualTo(exact(40));
        assertThat(b.cells()).containsExactly(HIDDEN, HIDDEN);
    }

    @Test
    void a_small_total_hides_itself_and_every_cell() {
        var b = Suppression.withTotal(4, List.of(1, 0, 3));
        assertThat(b.total()).isEqualTo(HIDDEN);
        assertThat(b.cells()).containsOnly(HIDDEN);
    }

    @Test
    void all_cells_small_are_all_hidden_while_a_large_enough_total_is_shown() {
        var b = Suppression.withTotal(12, List.of(4, 4, 4));
        assertThat(b.total()).isEqualTo(exact(12));
        assertThat(b.cells()).containsOnly(HIDDEN);
    }

    @Test
    void a_single_cell_is_its_own_total() {
        assertThat(Suppression.withTotal(3, List.of(3)).cells()).containsExactly(HIDDEN);
        assertThat(Suppression.withTotal(7, List.of(7)).cells()).containsExactly(exact(7));
        assertThat(Suppression.withTotal(0, List.of()).cells()).isEmpty();
    }

    @Test
    void no_hidden_cell_in_a_breakdown_can_be_worked_out_by_subtraction() {
        // every breakdown of totals up to 14 into three cells: a lone hidden cell would equal total - shown
        for (int a = 0; a <= 14; a++) {
            for (int b = 0; a + b <= 14; b++) {
                for (int c = 0; a + b + c <= 14; c++) {
                    var shown = Suppression.withTotal(a + b + c, List.of(a, b, c));
                    if (!shown.total().hidden()) {
                        assertThat(shown.cells().stream().filter(Shown::hidden).count())
                                .as("%d, %d, %d", a, b, c).isNotEqualTo(1);
                    }
                }
            }
        }
    }
}
