package org.hymnsheet.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.findings.PopulationService.Representation;
import org.hymnsheet.findings.PopulationService.Verdict;
import org.junit.jupiter.api.Test;

/** Who is under-represented among respondents: from shown counts only, at least 5 points and under 0.8 times below. */
class PopulationRepresentationTest {
    static Shown exact(int n) {
        return new Shown.Exact(n);
    }

    static Map<String, Shown> counts(Object... idAndCount) {
        Map<String, Shown> counts = new LinkedHashMap<>();
        for (int i = 0; i < idAndCount.length; i += 2) {
            counts.put((String) idAndCount[i], (Shown) idAndCount[i + 1]);
        }
        return counts;
    }

    static Map<String, BigDecimal> shares(Object... idAndShare) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        for (int i = 0; i < idAndShare.length; i += 2) {
            shares.put((String) idAndShare[i], new BigDecimal((String) idAndShare[i + 1]));
        }
        return shares;
    }

    static Map<String, Verdict> verdicts(List<Representation> result) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        result.forEach(r -> verdicts.put(r.optionId(), r.verdict()));
        return verdicts;
    }

    @Test
    void a_group_well_below_its_population_share_is_under_represented() {
        // 80 white, 20 asian of 100 shown; the area is 60 / 30: asian 20% is 10 points and 0.67 times below
        var result = PopulationService.representation(counts("asian", exact(20), "white", exact(80)),
                shares("asian", "30", "white", "60"));
        assertThat(verdicts(result)).containsExactly(Map.entry("asian", Verdict.UNDER_REPRESENTED),
                Map.entry("white", Verdict.NOT_UNDER_REPRESENTED));
        assertThat(result.getFirst().respondentShare()).isEqualByComparingTo("20.00");
        assertThat(result.getFirst().populationShare()).isEqualByComparingTo("30");
    }

    @Test
    void both_the_margin_and_the_ratio_must_be_met() {
        // 26% against 30%: only 4 points below (ratio 0.87)
        assertThat(verdicts(PopulationService.representation(counts("a", exact(26), "b", exact(74)),
                shares("a", "30", "b", "70")))).containsEntry("a", Verdict.NOT_UNDER_REPRESENTED);
        // 45% against 52%: 7 points below, but 0.87 times
        assertThat(verdicts(PopulationService.representation(counts("a", exact(45), "b", exact(55)),
                shares("a", "52", "b", "48")))).containsEntry("a", Verdict.NOT_UNDER_REPRESENTED);
        // exactly 5 points and 0.75 times: under
        assertThat(verdicts(PopulationService.representation(counts("a", exact(15), "b", exact(85)),
                shares("a", "20", "b", "80")))).containsEntry("a", Verdict.UNDER_REPRESENTED);
    }

    @Test
    void a_hidden_count_or_a_missing_figure_cannot_say_and_prefer_not_to_say_is_left_out() {
        var result = PopulationService.representation(
                counts("asian", Shown.HIDDEN, "black", exact(6), "white", exact(40), "prefer-not-to-say", exact(30)),
                shares("asian", "10", "white", "80", "mixed", "3"));
        assertThat(verdicts(result)).containsExactly(Map.entry("asian", Verdict.CANNOT_SAY),
                Map.entry("black", Verdict.CANNOT_SAY), Map.entry("white", Verdict.NOT_UNDER_REPRESENTED),
                Map.entry("mixed", Verdict.CANNOT_SAY));
        assertThat(result.getFirst().respondentShare()).isNull();
        // white's share is over the shown groups only (6 + 40), without "prefer not to say"
        assertThat(result.get(2).respondentShare()).isEqualByComparingTo("86.96");
    }

    @Test
    void with_fewer_than_two_groups_shown_nothing_can_be_said() {
        assertThat(verdicts(PopulationService.representation(counts("a", exact(9), "b", Shown.HIDDEN),
                shares("a", "90", "b", "10")))).containsOnly(Map.entry("a", Verdict.CANNOT_SAY), Map.entry("b", Verdict.CANNOT_SAY));
    }
}
