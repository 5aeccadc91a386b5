package org.hymnsheet.findings;

import static org.hymnsheet.db.Tables.RELEASE_GROUP;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.jooq.impl.DSL.select;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hymnsheet.accounts.PlaceKind;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.common.Suppression.Tally;
import org.hymnsheet.findings.FindingsTable.Column;
import org.hymnsheet.findings.FindingsTable.Kind;
import org.hymnsheet.findings.FindingsTable.Percent;
import org.hymnsheet.findings.FindingsTable.Row;
import org.hymnsheet.findings.FindingsTable.Value;
import org.hymnsheet.surveys.VoiceRepository;
import org.hymnsheet.templates.AboutYou;
import org.hymnsheet.templates.Audience;
import org.hymnsheet.templates.FreeText;
import org.hymnsheet.templates.LocalizedText;
import org.hymnsheet.templates.Option;
import org.hymnsheet.templates.Question;
import org.hymnsheet.templates.Scale;
import org.hymnsheet.templates.SingleChoice;
import org.hymnsheet.templates.SurveyTemplate;
import org.hymnsheet.templates.TemplateCatalog;
import org.hymnsheet.templates.TrustedPeople;
import org.jooq.Condition;
import org.springframework.stereotype.Repository;

/**
 * Findings from young people's voice surveys: each panel one query over released responses (decision 0016), every
 * count through the disclosure rule, every share computed from two counts the rule already made safe. Called by
 * {@link FindingsService}, which has already checked access. A repository of the findings feature: it builds the
 * population (the release groups a reader may count) and reads through {@code surveys.VoiceRepository}.
 */
@Repository
class SurveyFindings {
    /** The 9xAs conditions check template, shown by level. */
    static final String NINE_AS = "nine-as-conditions";
    /** Its question asking the role of whoever answered. */
    static final String NINE_AS_ROLE = "level";
    /** The standard "about you" age question, whose answer is a release group's age band. */
    static final String AGE_QUESTION = "about-age";
    static final List<String> ROLES = List.of("practitioner", "manager", "leader");
    /** Card contexts a place kind maps to, for "the link"; other places map to none. */
    static final Map<PlaceKind, String> CONTEXT_OF_PLACE = Map.of(
            PlaceKind.SCHOOL, "school",
            PlaceKind.ONLINE, "online",
            PlaceKind.PARK, "neighbourhood-or-public-space",
            PlaceKind.TRANSPORT_HUB, "neighbourhood-or-public-space",
            PlaceKind.HIGH_STREET, "neighbourhood-or-public-space",
            PlaceKind.ESTATE, "neighbourhood-or-public-space");
    static final List<String> LINK_CONTEXTS = List.of("neighbourhood-or-public-space", "school", "online");
    /** Quotes per place, and approved answers about what needs to change, at most. */
    static final int REASONS_PER_PLACE = 3;
    static final int CHANGE_TEXTS = 12;
    private static final String EN = LocalizedText.FALLBACK;

    private final VoiceRepository rows;
    private final TemplateCatalog templates;
    private final WorkshopFindings workshops;
    private final PopulationRepository population;

    SurveyFindings(VoiceRepository rows, TemplateCatalog templates, WorkshopFindings workshops,
                   PopulationRepository population) {
        this.rows = rows;
        this.templates = templates;
        this.workshops = workshops;
        this.population = population;
    }

    /** The released responses a reader may count under the filter: whole release groups only. */
    static Condition population(FindingsScope scope, FindingsFilter filter) {
        Condition surveys = SURVEY.PARTNERSHIP_ID.eq(scope.partnershipId());
        if (scope.onlyRunBy().isPresent()) {
            surveys = surveys.and(SURVEY.CREATED_BY.eq(scope.onlyRunBy().get()));
        }
        if (filter.templateId().isPresent()) {
            surveys = surveys.and(SURVEY.TEMPLATE_ID.eq(filter.templateId().get()));
        }
        Condition groups = RELEASE_GROUP.SURVEY_ID.in(select(SURVEY.ID).from(SURVEY).where(surveys));
        if (filter.from().isPresent()) {
            groups = groups.and(RELEASE_GROUP.RELEASED_ON.ge(filter.from().get()));
        }
        if (filter.to().isPresent()) {
            groups = groups.and(RELEASE_GROUP.RELEASED_ON.le(filter.to().get()));
        }
        if (filter.setting().isPresent()) {
            groups = groups.and(RELEASE_GROUP.SETTING.eq(filter.setting().get().name()));
        }
        if (filter.ageBand().isPresent()) {
            groups = groups.and(RELEASE_GROUP.AGE_BAND.eq(filter.ageBand().get()));
        }
        return VoiceRepository.releasedIn(groups);
    }

    /** Places rated safe and unsafe, trusted adults, known by professionals, what needs to change, 9xAs by level. */
    List<FindingsTable> voice(FindingsScope scope, FindingsFilter filter, Locale locale) {
        Condition population = population(scope, filter);
        List<FindingsTable> tables = new ArrayList<>();
        tables.add(places(scope.partnershipId(), population, locale));
        tables.add(reasons(population, locale));
        var choices = rows.choicesByTemplate(population);
        var answered = index(rows.choicesAnsweredByTemplate(population));
        var scales = rows.scalesByTemplate(population);
        for (SurveyTemplate template : youngPeoplesTemplates(filter)) {
            for (Question q : template.questions()) {
                if (q instanceof TrustedPeople t) {
                    tables.add(trusted(template, t, choices, answered.getOrDefault(key(template.id(), q.id()), Tally.NONE), locale));
                }
            }
            if (template.questions().stream().anyMatch(Scale.class::isInstance)) {
                tables.add(scaleSummary(template, scales, locale));
            }
        }
        tables.add(whatNeedsToChange(population, filter, locale));
        templates.survey(NINE_AS).filter(t -> filter.templateId().map(NINE_AS::equals).orElse(true))
                .ifPresent(t -> tables.add(nineAs(t, rows.scalesBy(population, NINE_AS, NINE_AS_ROLE), locale)));
        return tables;
    }

    /** Young people by setting, age band and the "about you" questions (surveys for professionals left out). */
    List<FindingsTable> participation(FindingsScope scope, FindingsFilter filter, Locale locale) {
        Condition population = population(scope, filter).and(youngPeoplesSurveys(filter));
        List<FindingsTable> tables = new ArrayList<>();
        Shown all = Suppression.cell(rows.responses(population));
        List<Row> settings = new ArrayList<>();
        Map<String, Tally> bySetting = new LinkedHashMap<>();
        rows.bySetting(population).forEach(c -> bySetting.put(c.key(), c.count()));
        for (Setting setting : Setting.values()) {
            Shown n = Suppression.cell(bySetting.getOrDefault(setting.name(), Tally.NONE));
            settings.add(Row.of(FindingsTable.text(FindingsText.get(locale, "findings.setting." + setting.name())),
                    FindingsTable.count(n), FindingsTable.share(n, all, locale)));
        }
        tables.add(new FindingsTable("participation.setting", FindingsText.get(locale, "findings.participation.setting.title"),
                FindingsText.get(locale, "findings.participation.setting.summary"), FindingsTable.Chart.BAR,
                List.of(label(locale, "findings.col.option"), count(locale), share(locale)), settings, List.of()));

        List<Row> ages = new ArrayList<>();
        Map<String, String> ageLabels = ageLabels();
        for (var c : rows.byAgeBand(population)) {
            Shown n = Suppression.cell(c.count());
            String name = c.key().isEmpty() ? FindingsText.get(locale, "findings.age.none")
                    : ageLabels.getOrDefault(c.key(), c.key());
            ages.add(Row.of(FindingsTable.text(name), FindingsTable.count(n), FindingsTable.share(n, all, locale)));
        }
        tables.add(new FindingsTable("participation.age", FindingsText.get(locale, "findings.participation.age.title"),
                FindingsText.get(locale, "findings.participation.age.summary"), FindingsTable.Chart.BAR,
                List.of(label(locale, "findings.col.option"), count(locale), share(locale)), ages, List.of()));
        tables.addAll(aboutYou(scope, filter, population, locale));
        return tables;
    }

    /**
     * One panel per standard "about you" question that a template in scope carries: how many chose each group, their
     * share of those who answered, the area's share where an administrator entered it, and whether the group is
     * under-represented ({@link PopulationService#representation}, from shown counts only).
     */
    private List<FindingsTable> aboutYou(FindingsScope scope, FindingsFilter filter, Condition people, Locale locale) {
        List<SurveyTemplate> carrying = youngPeoplesTemplates(filter);
        var choices = rows.choicesByTemplate(people);
        var answered = rows.choicesAnsweredByTemplate(people);
        Map<String, Map<String, BigDecimal>> area = population.shares(scope.partnershipId());
        List<FindingsTable> tables = new ArrayList<>();
        for (AboutYou.Item item : AboutYou.Item.values()) {
            String q = item.questionId();
            if (carrying.stream().noneMatch(t -> t.question(q).isPresent())) {
                continue;
            }
            Map<String, Tally> counts = new LinkedHashMap<>();
            choices.stream().filter(c -> c.questionId().equals(q)).forEach(c -> counts.merge(c.key(), c.count(), Tally::plus));
            Tally all = answered.stream().filter(c -> c.questionId().equals(q)).map(VoiceRepository.Cell::count)
                    .reduce(Tally.NONE, Tally::plus);
            Shown whole = Suppression.cell(all);
            Map<String, Shown> shown = new LinkedHashMap<>();
            item.options().forEach(o -> shown.put(o.id(), Suppression.cell(counts.getOrDefault(o.id(), Tally.NONE))));
            Map<String, BigDecimal> areaShares = area.getOrDefault(q, Map.of());
            Map<String, PopulationService.Representation> verdicts = new LinkedHashMap<>();
            PopulationService.representation(shown, areaShares).forEach(r -> verdicts.put(r.optionId(), r));
            List<Row> table = new ArrayList<>();
            List<String> under = new ArrayList<>();
            for (Option o : item.options()) {
                var r = verdicts.get(o.id());
                String verdict = r == null ? "" : switch (r.verdict()) {
                    case UNDER_REPRESENTED -> FindingsText.get(locale, "findings.yes");
                    case NOT_UNDER_REPRESENTED -> FindingsText.get(locale, "findings.no");
                    case CANNOT_SAY -> FindingsText.get(locale, "findings.cannotSay");
                };
                if (r != null && r.verdict() == PopulationService.Verdict.UNDER_REPRESENTED) {
                    under.add(o.label().in(EN));
                }
                BigDecimal areaShare = areaShares.get(o.id());
                table.add(Row.of(FindingsTable.text(o.label().in(EN)), FindingsTable.count(shown.get(o.id())),
                        FindingsTable.share(shown.get(o.id()), whole, locale),
                        areaShare == null ? new FindingsTable.Empty() : FindingsTable.number(areaShare, "%"),
                        FindingsTable.text(verdict)));
            }
            String summary = under.isEmpty() ? FindingsText.get(locale, "findings.participation.about.summary")
                    : FindingsText.get(locale, "findings.participation.about.under", String.join(", ", under));
            tables.add(new FindingsTable("participation.about." + item.templateName(),
                    FindingsText.get(locale, "findings.participation.about.title", item.question().text().in(EN)), summary,
                    FindingsTable.Chart.HORIZONTAL_BAR,
                    List.of(label(locale, "findings.col.option"), count(locale), share(locale),
                            new Column(FindingsText.get(locale, "findings.col.area"), Kind.PERCENT),
                            label(locale, "findings.col.underRepresented")),
                    table, List.of()));
        }
        return tables;
    }

    /** The contexts young people name as unsafe beside the share of response cards that target them, per quarter. */
    List<FindingsTable> link(FindingsScope scope, FindingsFilter filter, Locale locale) {
        Condition population = population(scope, filter).and(youngPeoplesSurveys(filter));
        Map<String, Map<String, Tally>> unsafe = new TreeMap<>();
        for (var c : rows.unsafeByQuarter(population)) {
            Map<String, Tally> quarter = unsafe.computeIfAbsent(c.templateId(), k -> new LinkedHashMap<>());
            quarter.merge("", c.count(), Tally::plus);
            String context = c.key().isEmpty() ? null : CONTEXT_OF_PLACE.get(PlaceKind.valueOf(c.key()));
            if (context != null) {
                quarter.merge(context, c.count(), Tally::plus);
            }
        }
        Map<String, Map<String, Long>> cards = workshops.cardContextsByQuarter(scope, filter);
        List<Row> table = new ArrayList<>();
        String sentence = FindingsText.get(locale, "findings.link.none");
        for (var quarter : unsafe.entrySet()) {
            Shown total = Suppression.cell(quarter.getValue().get(""));
            Map<String, Long> cardCounts = cards.getOrDefault(quarter.getKey(), Map.of());
            long cardTotal = cardCounts.getOrDefault("_cards", 0L);
            Value bestShare = null;
            String bestContext = null;
            Value bestCards = null;
            for (String context : LINK_CONTEXTS) {
                Shown n = Suppression.cell(quarter.getValue().getOrDefault(context, Tally.NONE));
                Value share = FindingsTable.share(n, total, locale);
                Value cardShare = cardTotal == 0 ? new FindingsTable.Empty()
                        : FindingsTable.percent(cardCounts.getOrDefault(context, 0L), cardTotal);
                table.add(Row.of(FindingsTable.text(quarter.getKey()),
                        FindingsTable.text(FindingsText.get(locale, "findings.context." + context)),
                        FindingsTable.count(n), share, cardShare));
                if (share instanceof Percent p && !p.hidden()
                        && (bestShare == null || p.value().compareTo(((Percent) bestShare).value()) > 0)) {
                    bestShare = share;
                    bestContext = context;
                    bestCards = cardShare;
                }
            }
            if (bestContext != null) {
                String contextName = FindingsText.get(locale, "findings.context." + bestContext).toLowerCase(locale);
                sentence = bestCards instanceof Percent cp
                        ? FindingsText.get(locale, "findings.link.summary", quarter.getKey(), contextName,
                                bestShare.label(locale), cp.label(locale))
                        : FindingsText.get(locale, "findings.link.summaryNoCards", quarter.getKey(), contextName,
                                bestShare.label(locale));
            }
        }
        return List.of(new FindingsTable("link.contexts", FindingsText.get(locale, "findings.link.title"), sentence,
                FindingsTable.Chart.BAR,
                List.of(label(locale, "findings.col.quarter"), label(locale, "findings.col.context"),
                        count(locale, "findings.col.unsafeRatings"), percent(locale, "findings.col.unsafeRatingsShare"),
                        percent(locale, "findings.col.cardsShare")),
                table, List.of()));
    }

    /** Every place of the partnership, rated or not, so that a place being listed says nothing. */
    private FindingsTable places(long partnershipId, Condition population, Locale locale) {
        Map<Long, Tally> ratedAt = rows.placeRated(population);
        Map<Long, Map<String, Tally>> byPlace = new LinkedHashMap<>();
        Map<Long, String[]> names = new LinkedHashMap<>();
        rows.places(partnershipId).forEach(p -> names.put(p.id(), new String[] {p.name(), p.kind()}));
        for (var c : rows.placeRatings(population)) {
            byPlace.computeIfAbsent(c.placeId(), k -> new LinkedHashMap<>()).put(c.rating(), c.count());
            names.putIfAbsent(c.placeId(), new String[] {c.name(), c.kind()});
        }
        List<Row> table = new ArrayList<>();
        String worst = null;
        Percent worstShare = null;
        for (var place : names.entrySet()) {
            Map<String, Tally> ratings = byPlace.getOrDefault(place.getKey(), Map.of());
            Shown rated = Suppression.cell(ratedAt.getOrDefault(place.getKey(), Tally.NONE));
            Shown unsafe = Suppression.cell(ratings.getOrDefault("UNSAFE", Tally.NONE));
            Value unsafeShare = FindingsTable.share(unsafe, rated, locale);
            table.add(Row.of(FindingsTable.text(place.getValue()[0]), FindingsTable.text(kindName(place.getValue()[1])),
                    FindingsTable.count(rated), FindingsTable.count(Suppression.cell(ratings.getOrDefault("SAFE", Tally.NONE))),
                    FindingsTable.count(Suppression.cell(ratings.getOrDefault("NOT_SURE", Tally.NONE))),
                    FindingsTable.count(unsafe), unsafeShare));
            if (unsafeShare instanceof Percent p && !p.hidden()
                    && (worstShare == null || p.value().compareTo(worstShare.value()) > 0)) {
                worst = place.getValue()[0];
                worstShare = p;
            }
        }
        String summary = worst == null ? FindingsText.get(locale, "findings.voice.places.none")
                : FindingsText.get(locale, "findings.voice.places.summary", worst, worstShare.label(locale));
        return new FindingsTable("voice.places", FindingsText.get(locale, "findings.voice.places.title"), summary,
                FindingsTable.Chart.STACKED_BAR,
                List.of(label(locale, "findings.col.place"), label(locale, "findings.col.kind"),
                        count(locale, "findings.col.rated"), count(locale, "findings.col.safe"),
                        count(locale, "findings.col.notSure"), count(locale, "findings.col.unsafe"),
                        percent(locale, "findings.col.unsafeShare")),
                table, List.of());
    }

    private FindingsTable reasons(Condition population, Locale locale) {
        Map<Long, String> names = new LinkedHashMap<>();
        rows.placeRatings(population).forEach(c -> names.putIfAbsent(c.placeId(), c.name()));
        List<Row> table = new ArrayList<>();
        rows.placeReasons(population, REASONS_PER_PLACE).forEach((placeId, texts) -> texts.forEach(text ->
                table.add(Row.of(FindingsTable.text(names.getOrDefault(placeId, "")), FindingsTable.text(text)))));
        return new FindingsTable("voice.reasons", FindingsText.get(locale, "findings.voice.reasons.title"),
                FindingsText.get(locale, "findings.voice.reasons.summary"), FindingsTable.Chart.NONE,
                List.of(label(locale, "findings.col.place"), label(locale, "findings.col.said")), table, List.of());
    }

    private FindingsTable trusted(SurveyTemplate template, TrustedPeople question, List<VoiceRepository.Cell> choices,
                                  Tally answered, Locale locale) {
        Shown all = Suppression.cell(answered);
        Map<String, Tally> counts = new LinkedHashMap<>();
        choices.stream().filter(c -> c.templateId().equals(template.id()) && c.questionId().equals(question.id()))
                .forEach(c -> counts.put(c.key(), c.count()));
        List<Row> table = new ArrayList<>();
        String top = null;
        Percent topShare = null;
        for (Option role : question.roles()) {
            Shown n = Suppression.cell(counts.getOrDefault(role.id(), Tally.NONE));
            Value share = FindingsTable.share(n, all, locale);
            table.add(Row.of(FindingsTable.text(role.label().in(EN)), FindingsTable.count(n), share));
            if (share instanceof Percent p && !p.hidden() && (topShare == null || p.value().compareTo(topShare.value()) > 0)) {
                top = role.label().in(EN);
                topShare = p;
            }
        }
        String summary = top == null ? FindingsText.get(locale, "findings.voice.trusted.none")
                : FindingsText.get(locale, "findings.voice.trusted.summary", top, topShare.label(locale));
        return new FindingsTable("voice.trusted." + template.id(),
                FindingsText.get(locale, "findings.voice.trusted.title", template.title().in(EN)), summary,
                FindingsTable.Chart.HORIZONTAL_BAR,
                List.of(label(locale, "findings.col.option"), count(locale), share(locale)), table, List.of());
    }

    private FindingsTable scaleSummary(SurveyTemplate template, List<VoiceRepository.Cell> scales, Locale locale) {
        List<Row> table = new ArrayList<>();
        for (Question q : template.questions()) {
            if (q instanceof Scale) {
                Tally answered = Tally.NONE;
                Tally agree = Tally.NONE;
                Tally disagree = Tally.NONE;
                for (var c : scales) {
                    if (c.templateId().equals(template.id()) && c.questionId().equals(q.id())) {
                        int point = Integer.parseInt(c.key());
                        answered = answered.plus(c.count());
                        agree = point >= 4 ? agree.plus(c.count()) : agree;
                        disagree = point <= 2 ? disagree.plus(c.count()) : disagree;
                    }
                }
                Shown n = Suppression.cell(answered);
                table.add(Row.of(FindingsTable.text(q.text().in(EN)), FindingsTable.count(n),
                        FindingsTable.share(Suppression.cell(agree), n, locale),
                        FindingsTable.share(Suppression.cell(disagree), n, locale)));
            }
        }
        return new FindingsTable("voice.scales." + template.id(),
                FindingsText.get(locale, "findings.voice.scales.title", template.title().in(EN)),
                FindingsText.get(locale, "findings.voice.scales.summary"), FindingsTable.Chart.HORIZONTAL_BAR,
                List.of(label(locale, "findings.col.question"), count(locale, "findings.col.answered"),
                        percent(locale, "findings.col.agree"), percent(locale, "findings.col.disagree")),
                table, List.of());
    }

    private FindingsTable whatNeedsToChange(Condition population, FindingsFilter filter, Locale locale) {
        Map<String, String> questionText = new LinkedHashMap<>();
        for (SurveyTemplate template : youngPeoplesTemplates(filter)) {
            for (Question q : template.questions()) {
                if (q instanceof FreeText) {
                    questionText.putIfAbsent(q.id(), q.text().in(EN));
                }
            }
        }
        List<Row> table = new ArrayList<>();
        for (String text : rows.approvedTexts(population, questionText.keySet(), CHANGE_TEXTS)) {
            table.add(Row.of(FindingsTable.text(text)));
        }
        return new FindingsTable("voice.change", FindingsText.get(locale, "findings.voice.change.title"),
                FindingsText.get(locale, "findings.voice.change.summary"), FindingsTable.Chart.NONE,
                List.of(label(locale, "findings.col.said")), table, List.of());
    }

    private FindingsTable nineAs(SurveyTemplate template, List<VoiceRepository.Cell> cells, Locale locale) {
        // cells: templateId holds the role option ("" when not given), questionId the scale question, key the point
        List<Row> table = new ArrayList<>();
        String section = "";
        for (Question q : template.questions()) {
            if (q.section() != null && !q.section().in(EN).isBlank()) {
                section = q.section().in(EN);
            }
            if (!(q instanceof Scale)) {
                continue;
            }
            Tally answered = Tally.NONE;
            Tally agree = Tally.NONE;
            Map<String, Tally[]> byRole = new LinkedHashMap<>();
            for (var c : cells) {
                if (!c.questionId().equals(q.id())) {
                    continue;
                }
                boolean top = Integer.parseInt(c.key()) >= 4;
                answered = answered.plus(c.count());
                agree = top ? agree.plus(c.count()) : agree;
                Tally[] role = byRole.computeIfAbsent(c.templateId(), k -> new Tally[] {Tally.NONE, Tally.NONE});
                role[0] = role[0].plus(c.count());
                role[1] = top ? role[1].plus(c.count()) : role[1];
            }
            List<Value> values = new ArrayList<>();
            values.add(FindingsTable.text(section));
            values.add(FindingsTable.text(q.text().in(EN)));
            Shown n = Suppression.cell(answered);
            values.add(FindingsTable.count(n));
            values.add(FindingsTable.share(Suppression.cell(agree), n, locale));
            for (String role : ROLES) {
                Tally[] r = byRole.getOrDefault(role, new Tally[] {Tally.NONE, Tally.NONE});
                values.add(FindingsTable.share(Suppression.cell(r[1]), Suppression.cell(r[0]), locale));
            }
            table.add(new Row(values));
        }
        List<Column> columns = new ArrayList<>(List.of(label(locale, "findings.col.section"),
                label(locale, "findings.col.question"), count(locale, "findings.col.answered"),
                percent(locale, "findings.col.all")));
        Optional<SingleChoice> roleQuestion = template.question(NINE_AS_ROLE).filter(SingleChoice.class::isInstance)
                .map(SingleChoice.class::cast);
        for (String role : ROLES) {
            String name = roleQuestion.flatMap(rq -> rq.options().stream().filter(o -> o.id().equals(role)).findFirst())
                    .map(o -> o.label().in(EN).replaceAll(" - .*", "")).orElse(role);
            columns.add(new Column(name, Kind.PERCENT));
        }
        return new FindingsTable("voice.nine-as", FindingsText.get(locale, "findings.voice.nineAs.title"),
                FindingsText.get(locale, "findings.voice.nineAs.summary"), FindingsTable.Chart.HORIZONTAL_BAR,
                columns, table, List.of());
    }

    /** Responses to surveys whose template is for young people. */
    private Condition youngPeoplesSurveys(FindingsFilter filter) {
        List<String> ids = youngPeoplesTemplates(filter).stream().map(SurveyTemplate::id).toList();
        return RESPONSE.SURVEY_ID.in(select(SURVEY.ID).from(SURVEY).where(SURVEY.TEMPLATE_ID.in(ids)));
    }

    private List<SurveyTemplate> youngPeoplesTemplates(FindingsFilter filter) {
        return templates.surveys().stream().filter(t -> t.audience() == Audience.YOUNG_PEOPLE)
                .filter(t -> filter.templateId().map(t.id()::equals).orElse(true))
                .sorted(Comparator.comparing(SurveyTemplate::id)).toList();
    }

    private Map<String, String> ageLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (SurveyTemplate t : templates.surveys()) {
            t.question(AGE_QUESTION).filter(SingleChoice.class::isInstance)
                    .map(SingleChoice.class::cast)
                    .ifPresent(q -> q.options().forEach(o -> labels.putIfAbsent(o.id(), o.label().in(EN))));
        }
        return labels;
    }

    private static String kindName(String kind) {
        String words = kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Map<String, Tally> index(List<VoiceRepository.Cell> cells) {
        Map<String, Tally> map = new LinkedHashMap<>();
        cells.forEach(c -> map.put(key(c.templateId(), c.questionId()), c.count()));
        return map;
    }

    private static String key(String templateId, String questionId) {
        return templateId + "/" + questionId;
    }

    private static Column label(Locale locale, String key) {
        return new Column(FindingsText.get(locale, key), Kind.LABEL);
    }

    private static Column count(Locale locale) {
        return count(locale, "findings.col.count");
    }

    private static Column count(Locale locale, String key) {
        return new Column(FindingsText.get(locale, key), Kind.COUNT);
    }

    private static Column share(Locale locale) {
        return percent(locale, "findings.col.share");
    }

    private static Column percent(Locale locale, String key) {
        return new Column(FindingsText.get(locale, key), Kind.PERCENT);
    }
}
