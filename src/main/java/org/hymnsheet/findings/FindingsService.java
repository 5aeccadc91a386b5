package org.hymnsheet.findings;

import static org.hymnsheet.db.Tables.RELEASE_GROUP;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.hymnsheet.db.Tables.WORKSHOP;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hymnsheet.accounts.DirectoryService;
import org.hymnsheet.accounts.PartnershipService;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.security.AuditAction;
import org.hymnsheet.security.AuditLog;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.Staff;
import org.hymnsheet.templates.MultipleChoice;
import org.hymnsheet.templates.Option;
import org.hymnsheet.templates.SingleChoice;
import org.hymnsheet.templates.SurveyTemplate;
import org.hymnsheet.templates.TemplateCatalog;
import org.hymnsheet.templates.WorkshopTemplate;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings for strategic leads: the one entry point for the findings page, its print view and its exports. Checks
 * role and partnership (a lead or administrator sees the partnership's findings; a facilitator only of the surveys
 * and workshops they ran) and then composes the panels. Every view and export leaves an audit line with its filter,
 * so these are read-write transactions (PostgreSQL refuses an insert in a read-only one).
 */
@Service
public class FindingsService {
    /** Quarters are counted in UK days, where the partnerships are. */
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int QUARTERS_MAX = 40;
    /**
     * The standard age question's id, as surveys' release groups read it; repeated here rather than imported, as
     * surveys already depends on findings (the setting).
     */
    static final String AGE_QUESTION = "about-age";
    private final CurrentStaff staff;
    private final SurveyFindings surveys;
    private final WorkshopFindings workshops;
    private final AuditLog audit;
    private final DSLContext db;
    private final TemplateCatalog catalog;
    private final DirectoryService directory;
    private final PartnershipService partnerships;
    private final Clock clock;

    FindingsService(CurrentStaff staff, SurveyFindings surveys, WorkshopFindings workshops, AuditLog audit,
                    DSLContext db, TemplateCatalog catalog, DirectoryService directory,
                    PartnershipService partnerships, Clock clock) {
        this.partnerships = partnerships;
        this.staff = staff;
        this.surveys = surveys;
        this.workshops = workshops;
        this.audit = audit;
        this.db = db;
        this.catalog = catalog;
        this.directory = directory;
        this.clock = clock;
    }

    /** Every section of the partnership's findings under the filter; the reading is audited with the filter. */
    @Transactional
    public List<FindingsSection> findings(long partnershipId, FindingsFilter filter, Locale locale) {
        Staff reader = reader(partnershipId);
        List<FindingsSection> sections = sections(scope(reader, partnershipId), filter, locale);
        audit.record(AuditAction.FINDINGS_VIEWED, reader.accountId(), partnershipId, null, filter.describe());
        return sections;
    }

    /**
     * What the filters offer: every survey and workshop template, the partnership's agencies, the quarters from the
     * first one with data to today's (newest first), and the age bands of the standard "about-age" question of any
     * survey template that carries it.
     */
    @Transactional(readOnly = true)
    public FindingsChoices choices(long partnershipId) {
        reader(partnershipId);
        List<FindingsChoices.Choice> templates = new ArrayList<>();
        for (SurveyTemplate t : catalog.surveys()) {
            templates.add(new FindingsChoices.Choice(t.id(), t.title().in("en")));
        }
        for (WorkshopTemplate t : catalog.workshops()) {
            templates.add(new FindingsChoices.Choice(t.id(), t.title().in("en")));
        }
        var agencies = directory.agencies(partnershipId).stream()
                .map(a -> new FindingsChoices.Choice(String.valueOf(a.id()), a.name())).toList();
        return new FindingsChoices(templates, agencies, quarters(partnershipId), ageBands());
    }

    /**
     * The findings as CSV (UTF-8 with a byte-order mark), streamed to {@code out}: one panel's table as shown when
     * {@code panelId} names one, otherwise every panel in one file with a row per cell (section, panel, row,
     * column, value). No row is ever one young person's: only the panels' tables are written.
     */
    @Transactional
    public void csv(long partnershipId, FindingsFilter filter, String panelId, Locale locale, OutputStream out) {
        Staff reader = reader(partnershipId);
        List<FindingsSection> sections = sections(scope(reader, partnershipId), filter, locale);
        try {
            if (panelId == null) {
                FindingsCsv.all(sections, locale, out);
            } else {
                FindingsTable table = sections.stream().flatMap(s -> s.tables().stream())
                        .filter(t -> t.id().equals(panelId)).findFirst()
                        .orElseThrow(() -> new NotFoundException("panel"));
                FindingsCsv.panel(table, locale, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditAction.FINDINGS_EXPORTED_CSV, reader.accountId(), partnershipId, null,
                filter.describe() + (panelId == null ? "" : " panel=" + panelId));
    }

    /**
     * The findings report for the partnership board as PDF, written to {@code out}: title, filter, each panel's
     * summary, chart and table, and the disclosure rule's footnote; every table also attached as CSV, so text the
     * font cannot draw is kept exactly.
     */
    @Transactional
    public void pdf(long partnershipId, FindingsFilter filter, Locale locale, OutputStream out) {
        Staff reader = reader(partnershipId);
        List<FindingsSection> sections = sections(scope(reader, partnershipId), filter, locale);
        String partnership = partnerships.get(partnershipId).name();
        try (var pdf = new FindingsPdf(locale)) {
            pdf.write(new FindingsPdf.Heading(partnership, filter.describe(), LocalDate.now(clock.withZone(UK))),
                    sections, out);
        }
        audit.record(AuditAction.FINDINGS_EXPORTED_PDF, reader.accountId(), partnershipId, null, filter.describe());
    }

    private Staff reader(long partnershipId) {
        return staff.requireRoleIn(partnershipId, Role.LEAD, Role.ADMIN, Role.FACILITATOR);
    }

    private static FindingsScope scope(Staff reader, long partnershipId) {
        boolean whole = reader.administers(partnershipId)
                || (reader.partnershipId() == partnershipId && (reader.has(Role.LEAD) || reader.has(Role.ADMIN)));
        return whole ? FindingsScope.partnership(partnershipId) : FindingsScope.runBy(partnershipId, reader.accountId());
    }

    private List<FindingsSection> sections(FindingsScope scope, FindingsFilter filter, Locale locale) {
        return List.of(
                new FindingsSection("link", "Do our responses target the places young people name?",
                        surveys.link(scope, filter, locale)),
                new FindingsSection("practice", "Partnership practice over time",
                        workshops.practice(scope, filter, locale)),
                new FindingsSection("participation", "Participation",
                        concat(workshops.participation(scope, filter, locale), surveys.participation(scope, filter, locale))),
                new FindingsSection("voice", "Young people's voice", surveys.voice(scope, filter, locale)));
    }

    /** From the quarter of the partnership's first workshop or released survey answers to this quarter. */
    private List<FindingsChoices.Quarter> quarters(long partnershipId) {
        LocalDate today = LocalDate.now(clock.withZone(UK));
        var firstWorkshop = db.select(DSL.min(WORKSHOP.STARTED_AT)).from(WORKSHOP)
                .where(WORKSHOP.PARTNERSHIP_ID.eq(partnershipId)).fetchOne(0, java.time.OffsetDateTime.class);
        var firstRelease = db.select(DSL.min(RELEASE_GROUP.RELEASED_ON)).from(RELEASE_GROUP)
                .join(SURVEY).on(SURVEY.ID.eq(RELEASE_GROUP.SURVEY_ID))
                .where(SURVEY.PARTNERSHIP_ID.eq(partnershipId)).fetchOne(0, LocalDate.class);
        LocalDate first = Stream.of(Optional.ofNullable(firstWorkshop).map(t -> t.atZoneSameInstant(UK).toLocalDate()),
                        Optional.ofNullable(firstRelease))
                .flatMap(Optional::stream).min(LocalDate::compareTo).orElse(today);
        List<FindingsChoices.Quarter> quarters = new ArrayList<>();
        var oldest = FindingsChoices.Quarter.of(first.isAfter(today) ? today : first);
        for (var q = FindingsChoices.Quarter.of(today); quarters.size() < QUARTERS_MAX; q = q.previous()) {
            quarters.add(q);
            if (q.equals(oldest)) {
                break;
            }
        }
        return quarters;
    }

    /** The options of the standard "about-age" question, in the order the first template gives them. */
    private List<FindingsChoices.Choice> ageBands() {
        Map<String, String> bands = new LinkedHashMap<>();
        for (SurveyTemplate t : catalog.surveys()) {
            t.question(AGE_QUESTION).ifPresent(q -> {
                List<Option> options = switch (q) {
                    case SingleChoice single -> single.options();
                    case MultipleChoice multiple -> multiple.options();
                    default -> List.<Option>of();
                };
                options.forEach(o -> bands.putIfAbsent(o.id(), o.label().in("en")));
            });
        }
        return bands.entrySet().stream().map(e -> new FindingsChoices.Choice(e.getKey(), e.getValue())).toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
