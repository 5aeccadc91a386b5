package org.hymnsheet.findings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hymnsheet.findings.FindingsFilter;
import org.hymnsheet.findings.Setting;
import org.hymnsheet.findings.TestPanels;
import org.hymnsheet.workshops.Level;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Charts drawn from any panel's table, and the print view's filter in the page address. */
class FindingsChartsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_hidden_count_is_a_missing_value_never_a_number_and_shares_are_not_mixed_with_counts() {
        JsonNode option = JSON.readTree(FindingsCharts.option(TestPanels.places(), TestPanels.LOCALE).orElseThrow());
        assertThat(option.get("series")).hasSize(1);
        JsonNode data = option.get("series").get(0).get("data");
        assertThat(data.get(0).asInt()).isEqualTo(12);
        assertThat(data.get(1).asString()).isEqualTo("-");
        assertThat(data.get(2).asInt()).isEqualTo(7);
        assertThat(option.get("yAxis").get("data").get(1).asString()).isEqualTo("Hill School");
        assertThat(option.get("tooltip").get("show").asBoolean()).isFalse();
    }

    @Test
    void each_chart_kind_is_drawn_as_it_says_and_a_panel_without_figures_has_no_chart() {
        JsonNode line = JSON.readTree(FindingsCharts.option(TestPanels.ecological(), TestPanels.LOCALE).orElseThrow());
        assertThat(line.get("series").get(0).get("type").asString()).isEqualTo("line");
        assertThat(line.get("yAxis").get("max").asInt()).isEqualTo(100);
        JsonNode matrix = JSON.readTree(FindingsCharts.option(TestPanels.matrix(), TestPanels.LOCALE).orElseThrow());
        assertThat(matrix.get("series").get(0).get("type").asString()).isEqualTo("heatmap");
        // Police 3 and 2, Health 1; Health's empty June cell has no point
        assertThat(matrix.get("series").get(0).get("data")).hasSize(3);
        assertThat(FindingsCharts.option(TestPanels.quotes(), TestPanels.LOCALE)).isEmpty();
    }

    @Test
    void the_print_views_address_carries_the_whole_filter_and_ignores_what_does_not_parse() {
        FindingsFilter filter = FindingsFilter.ALL.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))
                .template("safe-places").agency(42L).level(Level.MANAGER).setting(Setting.OWN_DEVICE).ageBand("age-11-13");
        assertThat(FilterParameters.read(FilterParameters.of(filter))).isEqualTo(filter);
        var bad = com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("from", "yesterday", "agency", "x",
                "level", "BOSS", "setting", "KIOSK"));
        assertThat(FilterParameters.read(bad)).isEqualTo(FindingsFilter.ALL.setting(Setting.KIOSK));
    }
}
