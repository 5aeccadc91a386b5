package org.hymnsheet.findings;

import static org.hymnsheet.findings.FindingsTable.number;
import static org.hymnsheet.findings.FindingsTable.percent;
import static org.hymnsheet.findings.FindingsTable.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hymnsheet.accounts.Agency;
import org.hymnsheet.accounts.DirectoryService;
import org.hymnsheet.findings.FindingsTable.Chart;
import org.hymnsheet.findings.FindingsTable.Column;
import org.hymnsheet.findings.FindingsTable.Kind;
import org.hymnsheet.findings.FindingsTable.Row;
import org.hymnsheet.findings.FindingsTable.Value;
import org.hymnsheet.templates.CardSortStage;
import org.hymnsheet.templates.TemplateCatalog;
import org.hymnsheet.workshops.WorkshopAggregates;
import org.hymnsheet.workshops.WorkshopAggregates.By;
import org.hymnsheet.workshops.WorkshopAggregates.Group;
import org.hymnsheet.workshops.WorkshopScope;
import org.springframework.stereotype.Component;

/**
 * Findings from partnership workshops: each panel one query of {@link WorkshopAggregates}, the same aggregates the
 * board and the workshop record show (decision 0020). Called by {@link FindingsService}, which has already checked
 * access. Professionals' inputs (card placements, framing, speaking, needs, attendance) are shown as they are; the
 * anonymous pulse goes through the disclosure rule and is never split by agency or level.
 */
@Component
public class WorkshopFindings {
    /** The {@link #cardContextsByQuarter} entry holding how many cards were considered. */
    public static final String CARDS = "_cards";

    private final WorkshopAggregates aggregates;
    private final DirectoryService directory;
    private final TemplateCatalog catalog;
    private final ZoneId zone;

    WorkshopFindings(WorkshopAggregates aggregates, DirectoryService directory, TemplateCatalog catalog,
                     @org.springframework.beans.factory.annotation.Value("${hymnsheet.time-zone:Europe/London}") String zone) {
        this.aggregates = aggregates;
        this.directory = directory;
        this.catalog = catalog;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Ecological share of card placements per workshop and per quarter, framing positions by agency over time,
     * voice balance and each agency's share of speaking time, the reflection pulse, the needs raised most often.
     */
    public List<FindingsTable> practice(FindingsScope scope, FindingsFilter filter, Locale locale) {
        WorkshopScope s = scope(scope, filter);
        var t = new FindingsTexts(locale);
        var pulse = new PulsePanel(catalog, t);
        var voice = new VoicePanel(t, this::day);
        Map<Long, String> agencies = new LinkedHashMap<>();
        directory.agencies(scope.partnershipId()).forEach((Agency a) -> agencies.put(a.id(), a.name()));
        return List.of(ecologicalByWorkshop(s, t), ecologicalByQuarter(s, t), framing(s, t),
                voice.balance(aggregates.spokenByAgencyPresent(s)), voice.shares(aggregates.speaking(s).byAgency(), agencies),
                pulse.table(aggregates.pulse(s.everyone(), By.ALL)),
                new NeedsPanel(catalog, t).byCategory(aggregates.needCategories(s)),
                new NeedsPanel(catalog, t).top(aggregates.needs(s, By.ALL)));
    }

    /** Agencies present and absent per workshop (agencies × workshops), levels present. */
    public List<FindingsTable> participation(FindingsScope scope, FindingsFilter filter, Locale locale) {
        WorkshopScope s = scope(scope, filter).everyone();
        var t = new FindingsTexts(locale);
        var panel = new AttendancePanel(t, this::day);
        var cells = aggregates.attendance(s);
        return List.of(panel.matrix(cells), panel.levels(cells, aggregates.levels(s)));
    }

    /**
     * For "the link": per quarter ("2026 Q3", the quarter the workshop started in), per card context id (individual,
     * family, peers, school, neighbourhood-or-public-space, online), the number of response cards that target the
     * context, and under {@link #CARDS} the number of cards considered.
     * <ul>
     *   <li>A card is <b>considered</b> when at least one participant placed or tagged it in its workshop's card sort
     *       (a starter card nobody sorted says nothing about the partnership's responses).</li>
     *   <li>A card <b>targets</b> a context when at least one participant tagged it with that context. Each card counts
     *       once per context, however many participants tagged it, so a context's figure divided by {@link #CARDS} is the
     *       share of the partnership's response cards that target it. A card may target several contexts, so the
     *       shares can add up to more than 100%.</li>
     *   <li>The filter's period, template and facilitator scope choose the workshops; its agency and level, when set,
     *       count only that agency's or level's placements and tags.</li>
     * </ul>
     * Every context of the catalog's card sorts appears in every quarter (0 when no card targets it); quarters come in
     * order. These are professionals' inputs, shown as they are.
     */
    public Map<String, Map<String, Long>> cardContextsByQuarter(FindingsScope scope, FindingsFilter filter) {
        WorkshopScope s = scope(scope, filter);
        Set<String> contexts = new LinkedHashSet<>();
        catalog.workshops().forEach(w -> w.stages().stream().filter(CardSortStage.class::isInstance)
                .map(CardSortStage.class::cast).forEach(c -> c.contexts().forEach(o -> contexts.add(o.id()))));
        var tagged = aggregates.contexts(s, By.QUARTER);
        tagged.forEach(c -> contexts.add(c.context()));
        Map<String, Map<String, Long>> quarters = new LinkedHashMap<>();
        for (var cards : aggregates.sortedCards(s, By.QUARTER)) {
            Map<String, Long> row = new LinkedHashMap<>();
            contexts.forEach(c -> row.put(c, 0L));
            row.put(CARDS, (long) cards.cards());
            quarters.put(cards.group().quarter(), row);
        }
        for (var c : tagged) {
            quarters.get(c.group().quarter()).put(c.context(), (long) c.cards());
        }
        return quarters;
    }

    /** The workshops and input rows a reader's findings count, from their scope and filter. */
    WorkshopScope scope(FindingsScope scope, FindingsFilter filter) {
        Instant from = filter.from().map(d -> d.atStartOfDay(zone).toInstant()).orElse(null);
        Instant before = filter.to().map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()).orElse(null);
        // a survey template's id narrows the survey side only
        String template = filter.templateId()
                .filter(id -> catalog.workshop(id).isPresent() || catalog.survey(id).isEmpty()).orElse(null);
        return WorkshopScope.partnership(scope.partnershipId()).runBy(scope.onlyRunBy().orElse(null))
                .startedBetween(from, before).template(template)
                .participants(filter.agencyId().orElse(null), filter.level().orElse(null));
    }

    private FindingsTable ecologicalByWorkshop(WorkshopScope s, FindingsTexts t) {
        var rows = aggregates.balance(s, By.WORKSHOP);
        List<Row> table = rows.stream().map(b -> Row.of(text(b.group().title()), text(day(b.group())),
                count(b.placements()), percent(b.ecological(), b.placements()), percent(b.behaviour(), b.placements()),
                number(b.mean(), ""))).toList();
        String summary = t.get("findings.ws.noData");
        if (!rows.isEmpty()) {
            var high = rows.stream().max(Comparator.comparing(WorkshopFindings::ecoShare)).orElseThrow();
            var low = rows.stream().min(Comparator.comparing(WorkshopFindings::ecoShare)).orElseThrow();
            summary = rows.size() == 1
                    ? t.get("findings.ws.ecoWorkshop.one", high.group().title(), day(high.group()), whole(ecoShare(high)))
                    : t.get("findings.ws.ecoWorkshop.summary", high.group().title(), day(high.group()),
                    whole(ecoShare(high)), low.group().title(), day(low.group()), whole(ecoShare(low)));
        }
        return new FindingsTable("practice.ecological-by-workshop", t.get("findings.ws.ecoWorkshop.title"), summary,
                Chart.BAR, List.of(label(t, "workshop"), label(t, "started"), num(t, "placements"), pct(t, "ecological"),
                pct(t, "behaviour"), num(t, "meanPosition")), table, List.of(t.get("findings.ws.ecoNote")));
    }

    private FindingsTable ecologicalByQuarter(WorkshopScope s, FindingsTexts t) {
        var rows = aggregates.balance(s, By.QUARTER);
        List<Row> table = rows.stream().map(b -> Row.of(text(b.group().quarter()), count(b.placements()),
                percent(b.ecological(), b.placements()), percent(b.behaviour(), b.placements()),
                number(b.mean(), ""))).toList();
        String summary = t.get("findings.ws.noData");
        if (rows.size() == 1) {
            summary = t.get("findings.ws.ecoQuarter.one", whole(ecoShare(rows.getFirst())), rows.getFirst().group().quarter());
        } else if (rows.size() > 1) {
            var first = rows.getFirst();
            var last = rows.getLast();
            int a = whole(ecoShare(first));
            int b = whole(ecoShare(last));
            summary = t.get(b > a ? "findings.ws.ecoQuarter.rose" : b < a ? "findings.ws.ecoQuarter.fell"
                    : "findings.ws.ecoQuarter.same", a, first.group().quarter(), b, last.group().quarter());
        }
        return new FindingsTable("practice.ecological-by-quarter", t.get("findings.ws.ecoQuarter.title"), summary,
                Chart.LINE, List.of(label(t, "quarter"), num(t, "placements"), pct(t, "ecological"), pct(t, "behaviour"),
                num(t, "meanPosition")), table, List.of(t.get("findings.ws.ecoNote")));
    }

    /** Quarters down, one column per agency (the chart's lines), each cell the agency's mean framing position. */
    private FindingsTable framing(WorkshopScope s, FindingsTexts t) {
        var means = aggregates.framing(s, By.QUARTER);
        Map<Long, String> agencies = new LinkedHashMap<>();
        means.stream().sorted(Comparator.comparing(WorkshopAggregates.FramingMean::agency, String.CASE_INSENSITIVE_ORDER))
                .forEach(m -> agencies.putIfAbsent(m.agencyId(), m.agency()));
        Map<Long, Map<Long, BigDecimal>> byQuarter = new LinkedHashMap<>();
        means.forEach(m -> byQuarter.computeIfAbsent(m.group().key(), k -> new LinkedHashMap<>()).put(m.agencyId(), m.mean()));
        List<Column> columns = new ArrayList<>(List.of(label(t, "quarter")));
        agencies.values().forEach(name -> columns.add(new Column(name, Kind.NUMBER)));
        List<Row> rows = new ArrayList<>();
        byQuarter.forEach((quarter, row) -> {
            List<Value> values = new ArrayList<>(List.of(text(new Group(quarter, null, null).quarter())));
            agencies.keySet().forEach(id -> values.add(number(row.get(id), "")));
            rows.add(new Row(values));
        });
        String summary = t.get("findings.ws.noData");
        if (!means.isEmpty()) {
            long lastQuarter = means.getLast().group().key();
            var latest = means.stream().filter(m -> m.group().key() == lastQuarter).toList();
            var most = latest.stream().max(Comparator.comparing(WorkshopAggregates.FramingMean::mean)).orElseThrow();
            var least = latest.stream().min(Comparator.comparing(WorkshopAggregates.FramingMean::mean)).orElseThrow();
            String quarter = most.group().quarter();
            summary = latest.size() == 1 ? t.get("findings.ws.framing.one", quarter, most.agency(), plain(most.mean()))
                    : t.get("findings.ws.framing.summary", quarter, most.agency(), plain(most.mean()), least.agency(),
                    plain(least.mean()));
        }
        return new FindingsTable("practice.framing-by-agency", t.get("findings.ws.framing.title"), summary, Chart.LINE,
                columns, rows, List.of(t.get("findings.ws.framingNote")));
    }

    /** The day a workshop started, in the partnership's time zone (ISO, e.g. 2026-07-14). */
    String day(Group group) {
        return group.started() == null ? "" : group.started().atZone(zone).toLocalDate().toString();
    }

    private static BigDecimal ecoShare(WorkshopAggregates.Balance b) {
        return b.placements() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(100L * b.ecological()).divide(BigDecimal.valueOf(b.placements()), 4, RoundingMode.HALF_UP);
    }

    static int whole(BigDecimal percent) {
        return percent.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    /** A count of professionals or their inputs: not young people's data, shown as it is. */
    static Value count(long n) {
        return number(BigDecimal.valueOf(n), "");
    }

    /** A share 0..1 from SQL as a percentage. */
    static Value share(BigDecimal share) {
        return new FindingsTable.Percent(share.movePointRight(2), "");
    }

    static Column label(FindingsTexts t, String key) {
        return new Column(t.get("findings.ws.col." + key), Kind.LABEL);
    }

    static Column num(FindingsTexts t, String key) {
        return new Column(t.get("findings.ws.col." + key), Kind.NUMBER);
    }

    static Column pct(FindingsTexts t, String key) {
        return new Column(t.get("findings.ws.col." + key), Kind.PERCENT);
    }

    static Column counted(FindingsTexts t, String key) {
        return new Column(t.get("findings.ws.col." + key), Kind.COUNT);
    }
}
