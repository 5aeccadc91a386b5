package org.hymnsheet.findings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hymnsheet.common.Suppression.Shown;

/**
 * Findings panels of every chart kind with known figures, for the page, print view and export tests: they stand
 * in for the survey and workshop panels, which the page and the exports draw without knowing what they are.
 */
public final class TestPanels {
    public static final Locale LOCALE = Locale.UK;

    private TestPanels() {}

    public static List<FindingsSection> sections() {
        return List.of(new FindingsSection("link", "Do our responses target the places young people name?",
                        List.of(places())),
                new FindingsSection("practice", "Partnership practice over time", List.of(ecological(), matrix())),
                new FindingsSection("voice", "Young people's voice", List.of(quotes())));
    }

    /** Places rated unsafe: 12 and 7 shown, School hidden; shares 40% and 23%, School's hidden. */
    public static FindingsTable places() {
        return new FindingsTable("test.places", "Places rated unsafe", "Most young people who rated the park rated it unsafe.",
                FindingsTable.Chart.HORIZONTAL_BAR,
                List.of(new FindingsTable.Column("Place", FindingsTable.Kind.LABEL),
                        new FindingsTable.Column("Rated unsafe", FindingsTable.Kind.COUNT),
                        new FindingsTable.Column("Share of raters", FindingsTable.Kind.PERCENT)),
                List.of(FindingsTable.Row.of(FindingsTable.text("Riverside Park"), count(12),
                                FindingsTable.share(new Shown.Exact(12), new Shown.Exact(30), LOCALE)),
                        FindingsTable.Row.of(FindingsTable.text("Hill School"), FindingsTable.count(Shown.HIDDEN),
                                FindingsTable.share(Shown.HIDDEN, new Shown.Exact(30), LOCALE)),
                        FindingsTable.Row.of(FindingsTable.text("Online spaces"), count(7),
                                FindingsTable.share(new Shown.Exact(7), new Shown.Exact(30), LOCALE))),
                List.of());
    }

    /** Ecological share of card placements per quarter: 38% then 55%. */
    public static FindingsTable ecological() {
        return new FindingsTable("test.ecological", "Ecological share of card placements",
                "The share of placements on the ecological side rose from 38% to 55%.", FindingsTable.Chart.LINE,
                List.of(new FindingsTable.Column("Quarter", FindingsTable.Kind.LABEL),
                        new FindingsTable.Column("Ecological share", FindingsTable.Kind.PERCENT)),
                List.of(FindingsTable.Row.of(FindingsTable.text("2026 Q1"), FindingsTable.percent(19, 50)),
                        FindingsTable.Row.of(FindingsTable.text("2026 Q2"), FindingsTable.percent(33, 60))),
                List.of("Placements by professionals, shown as they are."));
    }

    /** Agencies × workshops: minutes of speaking time. */
    public static FindingsTable matrix() {
        return new FindingsTable("test.matrix", "Agencies present per workshop", "Health missed one workshop of two.",
                FindingsTable.Chart.MATRIX,
                List.of(new FindingsTable.Column("Agency", FindingsTable.Kind.LABEL),
                        new FindingsTable.Column("March workshop", FindingsTable.Kind.NUMBER),
                        new FindingsTable.Column("June workshop", FindingsTable.Kind.NUMBER)),
                List.of(FindingsTable.Row.of(FindingsTable.text("Police"), FindingsTable.number(BigDecimal.valueOf(3), ""),
                                FindingsTable.number(BigDecimal.valueOf(2), "")),
                        FindingsTable.Row.of(FindingsTable.text("Health"), FindingsTable.number(BigDecimal.valueOf(1), ""),
                                new FindingsTable.Empty())),
                List.of());
    }

    /** Approved words, no chart. */
    public static FindingsTable quotes() {
        return new FindingsTable("test.quotes", "What needs to change", "", FindingsTable.Chart.NONE,
                List.of(new FindingsTable.Column("Young people said", FindingsTable.Kind.LABEL)),
                List.of(FindingsTable.Row.of(FindingsTable.text("More lights in the underpass")),
                        FindingsTable.Row.of(FindingsTable.text("=HYPERLINK(\"http://evil.example\")"))),
                List.of());
    }

    /** One panel whose rows are the given texts, each with a shown count of 5. */
    public static FindingsTable texts(String id, List<String> texts) {
        List<FindingsTable.Row> rows = new ArrayList<>();
        for (String t : texts) {
            rows.add(FindingsTable.Row.of(FindingsTable.text(t), count(5)));
        }
        return new FindingsTable(id, "Texts", "", FindingsTable.Chart.NONE,
                List.of(new FindingsTable.Column("Text", FindingsTable.Kind.LABEL),
                        new FindingsTable.Column("Count", FindingsTable.Kind.COUNT)), rows, List.of());
    }

    /** A count as the rule would show it, fixed here so the tests know the figure. */
    static FindingsTable.Value count(int n) {
        return FindingsTable.count(new Shown.Exact(n));
    }
}
