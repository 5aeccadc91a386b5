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
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.VoiceBalance;
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
        return List.of(ecologicalByWorkshop(s, t), ecologicalByQuarter(s, t), framing(s, t), voiceBalance(s, t),
                speakingShares(scope, s, t), pulse.table(aggregates.pulse(s.everyone(), By.ALL)),
                new NeedsPanel(catalog, t).byCategory(aggregates.needCategories(s)),
                new NeedsPanel(catalog, t).top(aggregates.needs(s, By.ALL)));
    }

    /** Agencies present and absent per workshop (agencies × workshops), levels present. */
    public List<FindingsTable> participation(FindingsScope scope, FindingsFilter filter, Locale locale) {
        WorkshopScope s = scope(scope, filter).everyone();
        var t = new FindingsTexts(locale);
        return List.of(attendance(s, t), levels(s, t));
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

    /** Per workshop, the board's voice-balance index over the seconds each agency present spoke. */
    private FindingsTable voiceBalance(WorkshopScope s, FindingsTexts t) {
        Map<Long, List<WorkshopAggregates.AgencySeconds>> byWorkshop = new LinkedHashMap<>();
        aggregates.spokenByAgencyPresent(s).forEach(a -> byWorkshop.computeIfAbsent(a.group().key(), k -> new ArrayList<>()).add(a));
        record Balance(Group group, int present, BigDecimal index) {}
        List<Balance> balances = byWorkshop.values().stream().map(list -> new Balance(list.getFirst().group(), list.size(),
                VoiceBalance.of(list.stream().map(WorkshopAggregates.AgencySeconds::seconds).toList()))).toList();
        List<Row> rows = balances.stream().map(b -> Row.of(text(b.group().title()), text(day(b.group())),
                count(b.present()), number(b.index(), ""))).toList();
        var measured = balances.stream().filter(b -> b.index() != null).toList();
        String summary = t.get("findings.ws.noData");
        if (measured.size() == 1) {
            var b = measured.getFirst();
            summary = t.get("findings.ws.balance.one", b.group().title(), day(b.group()), plain(b.index()));
        } else if (measured.size() > 1) {
            var lo = measured.stream().min(Comparator.comparing(Balance::index)).orElseThrow();
            var hi = measured.stream().max(Comparator.comparing(Balance::index)).orElseThrow();
            summary = t.get("findings.ws.balance.summary", plain(lo.index()), lo.group().title(), day(lo.group()),
                    plain(hi.index()), hi.group().title(), day(hi.group()));
        }
        return new FindingsTable("practice.voice-balance", t.get("findings.ws.balance.title"), summary, Chart.BAR,
                List.of(label(t, "workshop"), label(t, "started"), num(t, "agenciesPresent"), num(t, "voiceBalance")),
                rows, List.of(t.get("findings.ws.balanceNote")));
    }

    private FindingsTable speakingShares(FindingsScope scope, WorkshopScope s, FindingsTexts t) {
        var shares = aggregates.speaking(s).byAgency();
        Map<Long, String> names = new LinkedHashMap<>();
        directory.agencies(scope.partnershipId()).forEach((Agency a) -> names.put(a.id(), a.name()));
        List<Row> rows = shares.stream().map(a -> Row.of(text(names.getOrDefault(a.agencyId(), "?")), count(a.turns()),
                number(a.seconds().divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP), ""),
                share(a.timeShare()), share(a.turnShare()))).toList();
        String summary = shares.isEmpty() ? t.get("findings.ws.noData")
                : t.get("findings.ws.speaking.summary", names.getOrDefault(shares.getFirst().agencyId(), "?"),
                whole(shares.getFirst().timeShare().movePointRight(2)));
        return new FindingsTable("practice.speaking-share", t.get("findings.ws.speaking.title"), summary,
                Chart.HORIZONTAL_BAR, List.of(label(t, "agency"), num(t, "turns"), num(t, "minutes"), pct(t, "timeShare"),
                pct(t, "turnShare")), rows, List.of());
    }

    /** Every agency of the partnership down, every workshop across: how many of its people joined (0 = absent). */
    private FindingsTable attendance(WorkshopScope s, FindingsTexts t) {
        var cells = aggregates.attendance(s);
        Map<Long, Group> workshops = new LinkedHashMap<>();
        cells.forEach(c -> workshops.putIfAbsent(c.group().key(), c.group()));
        Map<Long, String> agencies = new LinkedHashMap<>();
        Map<Long, Map<Long, Integer>> people = new LinkedHashMap<>();
        cells.forEach(c -> {
            agencies.putIfAbsent(c.agencyId(), c.agency());
            people.computeIfAbsent(c.agencyId(), k -> new LinkedHashMap<>()).put(c.group().key(), c.people());
        });
        if (workshops.isEmpty()) {
            return new FindingsTable("participation.agencies-by-workshop", t.get("findings.ws.attendance.title"),
                    t.get("findings.ws.none"), Chart.MATRIX, List.of(label(t, "agency")), List.of(), List.of());
        }
        List<Column> columns = new ArrayList<>(List.of(label(t, "agency")));
        workshops.values().forEach(w -> columns.add(new Column(w.title() + " (" + day(w) + ")", Kind.NUMBER)));
        columns.add(num(t, "attended"));
        List<Row> rows = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        agencies.forEach((id, name) -> {
            List<Value> values = new ArrayList<>(List.of(text(name)));
            workshops.keySet().forEach(w -> values.add(count(people.get(id).getOrDefault(w, 0))));
            long attended = people.get(id).values().stream().filter(n -> n > 0).count();
            values.add(count(attended));
            rows.add(new Row(values));
            if (attended == 0) {
                absent.add(name);
            }
        });
        String summary = absent.isEmpty() ? t.get("findings.ws.attendance.all", agencies.size())
                : t.get("findings.ws.attendance.absent", absent.size(), agencies.size(), String.join(", ", absent));
        return new FindingsTable("participation.agencies-by-workshop", t.get("findings.ws.attendance.title"), summary,
                Chart.MATRIX, columns, rows, List.of(t.get("findings.ws.attendanceNote")));
    }

    private FindingsTable levels(WorkshopScope s, FindingsTexts t) {
        Map<Long, Group> workshops = new LinkedHashMap<>();
        aggregates.attendance(s).forEach(c -> workshops.putIfAbsent(c.group().key(), c.group()));
        Map<Long, Map<Level, Integer>> people = new LinkedHashMap<>();
        aggregates.levels(s).forEach(l -> people.computeIfAbsent(l.group().key(), k -> new LinkedHashMap<>())
                .put(l.level(), l.people()));
        List<Column> columns = new ArrayList<>(List.of(label(t, "workshop"), label(t, "started")));
        for (Level level : Level.values()) {
            columns.add(new Column(t.get("board.level." + level.name()), Kind.NUMBER));
        }
        List<Row> rows = new ArrayList<>();
        workshops.forEach((id, w) -> {
            List<Value> values = new ArrayList<>(List.of(text(w.title()), text(day(w))));
            for (Level level : Level.values()) {
                values.add(count(people.getOrDefault(id, Map.of()).getOrDefault(level, 0)));
            }
            rows.add(new Row(values));
        });
        long leaders = people.values().stream().filter(m -> m.getOrDefault(Level.STRATEGIC_LEADER, 0) > 0).count();
        String summary = workshops.isEmpty() ? t.get("findings.ws.none")
                : t.get("findings.ws.levels.summary", leaders, workshops.size());
        return new FindingsTable("participation.levels-by-workshop", t.get("findings.ws.levels.title"), summary,
                Chart.STACKED_BAR, columns, rows, List.of());
    }

    private String day(Group group) {
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
    private static Value share(BigDecimal share) {
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
