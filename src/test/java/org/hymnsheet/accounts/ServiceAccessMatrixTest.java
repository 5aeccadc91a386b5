package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.findings.FindingsFilter;
import org.hymnsheet.findings.FindingsService;
import org.hymnsheet.security.AuditAction;
import org.hymnsheet.security.AuditLog;
import org.hymnsheet.security.AuditQuery;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.SecondFactorService;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.QueueFilter;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.surveys.SurveyTargets;
import org.hymnsheet.surveys.SurveyVoiceService;
import org.hymnsheet.surveys.YouSaidService;
import org.hymnsheet.findings.PopulationService;
import org.hymnsheet.safeguarding.AlertService;
import org.hymnsheet.templates.TemplateService;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.workshops.CardService;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopRecordService;
import org.hymnsheet.boards.BoardService;
import org.hymnsheet.boards.BoardSnapshotService;
import org.hymnsheet.workshops.WorkshopAggregates;
import org.hymnsheet.workshops.WorkshopScope;
import org.hymnsheet.workshops.WorkshopService;
import org.hymnsheet.workshops.WorkshopTargets;
import org.hymnsheet.testing.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every public service method against every kind of caller, each acting on partnership P's data:
 * anonymous, P's facilitator, lead, safeguarding lead and administrator, the administrator of another
 * partnership Q (reading or changing P's things by id), and a platform administrator. Account operations are
 * also tried on a platform administrator's account that lives in P.
 * A new public service method without a row here fails the completeness check.
 */
class ServiceAccessMatrixTest {

    enum Caller { ANONYMOUS, FACILITATOR, LEAD, SAFEGUARDING_LEAD, ADMIN, OTHER_ADMIN, PLATFORM_ADMIN }

    enum Outcome { ALLOWED, DENIED, REFUSED }

    static final Set<Caller> STAFF_OF_P = EnumSet.of(Caller.FACILITATOR, Caller.LEAD, Caller.SAFEGUARDING_LEAD,
            Caller.ADMIN, Caller.PLATFORM_ADMIN);
    static final Set<Caller> ADMINS_OF_P = EnumSet.of(Caller.ADMIN, Caller.PLATFORM_ADMIN);
    static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));

    static final List<Class<?>> SERVICES = List.of(PartnershipService.class, DirectoryService.class,
            AccountService.class, SetupService.class, TemplateService.class, SurveyService.class,
            ResponseService.class, QueueService.class, SurveyVoiceService.class, WorkshopService.class, CardService.class,
            WorkshopModerationService.class, SpeakingService.class, ParticipantService.class, InputService.class,
            WorkshopRecordService.class, WorkshopAggregates.class, BoardService.class, BoardSnapshotService.class, SecondFactorService.class,
            AuditLog.class, FindingsService.class, PopulationService.class, YouSaidService.class, AlertService.class,
            org.hymnsheet.retention.RetentionService.class);
    static final Set<Caller> LEADS_OF_P = EnumSet.of(Caller.LEAD, Caller.ADMIN, Caller.PLATFORM_ADMIN);
    static final Set<Caller> FACILITATORS_OF_P = EnumSet.of(Caller.FACILITATOR, Caller.ADMIN, Caller.PLATFORM_ADMIN);
    static final Set<Caller> READERS_OF_WORKSHOPS = EnumSet.of(Caller.FACILITATOR, Caller.LEAD, Caller.ADMIN,
            Caller.PLATFORM_ADMIN);
    static final Set<Caller> READERS_OF_FINDINGS = EnumSet.of(Caller.FACILITATOR, Caller.LEAD, Caller.ADMIN,
            Caller.PLATFORM_ADMIN);

    /** Marks rows whose target is a platform administrator's account in P; the method name is the first word. */
    static final String PLATFORM_TARGET = "[target: platform administrator of P]";

    interface Action {
        void run(Fixture f) throws Exception;
    }

    record Row(String method, Map<Caller, Outcome> expected, Action action) {}

    static Row row(String method, Set<Caller> allowed, Action action) {
        Map<Caller, Outcome> expected = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            expected.put(c, allowed.contains(c) ? Outcome.ALLOWED : Outcome.DENIED);
        }
        return new Row(method, expected, action);
    }

    /** The method refuses valid callers' input (e.g. an id nothing resolves yet); others are denied first. */
    static Row everyone(String method, Outcome outcome, Action action) {
        Map<Caller, Outcome> expected = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            expected.put(c, outcome);
        }
        return new Row(method, expected, action);
    }

    /** Partnership P and its things; each action makes fresh targets, so callers never disturb one another. */
    record Fixture(TestWorld world, long p, PartnershipService partnerships, DirectoryService directory,
                   AccountService accounts, SetupService setup, PartnershipRepository partnershipRows,
                   AccountRepository accountRows, Caller caller, TestWorld.Persona persona, ApplicationContext context) {
        /** Services of other features, so adding one needs a row, not a new fixture field. */
        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        long agency() {
            return world.agency(p);
        }

        long place() {
            return world.place(p);
        }

        TestWorld.Persona account() {
            return world.account(p, Role.FACILITATOR);
        }

        /** A platform administrator whose account lives in P (beside another administrator of P). */
        TestWorld.Persona platformAdminOfP() {
            world.account(p, Role.ADMIN);
            return world.platformAdmin(p);
        }

        SurveyTargets surveys() {
            return new SurveyTargets(context, world, p);
        }

        WorkshopTargets workshops() {
            return new WorkshopTargets(context, world, p);
        }
    }

    static final List<Row> MATRIX = List.of(
            row("PartnershipService.available", SIGNED_IN, f -> f.partnerships().available()),
            row("PartnershipService.get", STAFF_OF_P, f -> f.partnerships().get(f.p())),
            row("PartnershipService.create", EnumSet.of(Caller.PLATFORM_ADMIN),
                    f -> f.partnerships().create(TestWorld.unique("New partnership"))),
            row("PartnershipService.rename", ADMINS_OF_P, f -> f.partnerships().rename(f.p(), TestWorld.unique("Renamed"),
                    f.partnershipRows().find(f.p()).orElseThrow().version())),

            row("DirectoryService.agencies", STAFF_OF_P, f -> f.directory().agencies(f.p())),
            row("DirectoryService.createAgency", ADMINS_OF_P,
                    f -> f.directory().createAgency(f.p(), TestWorld.unique("Agency"), Sector.HEALTH)),
            row("DirectoryService.updateAgency", ADMINS_OF_P,
                    f -> f.directory().updateAgency(f.agency(), TestWorld.unique("Agency"), Sector.HEALTH, 0)),
            row("DirectoryService.deleteAgency", ADMINS_OF_P, f -> f.directory().deleteAgency(f.agency())),
            row("DirectoryService.places", STAFF_OF_P, f -> f.directory().places(f.p())),
            row("DirectoryService.createPlace", ADMINS_OF_P,
                    f -> f.directory().createPlace(f.p(), TestWorld.unique("Place"), PlaceKind.SCHOOL)),
            row("DirectoryService.updatePlace", ADMINS_OF_P,
                    f -> f.directory().updatePlace(f.place(), TestWorld.unique("Place"), PlaceKind.SCHOOL, 0)),
            row("DirectoryService.deletePlace", ADMINS_OF_P, f -> f.directory().deletePlace(f.place())),

            row("AccountService.me", SIGNED_IN, f -> f.accounts().me()),
            row("AccountService.list", ADMINS_OF_P, f -> f.accounts().list(f.p())),
            row("AccountService.get", ADMINS_OF_P, f -> f.accounts().get(f.account().accountId())),
            row("AccountService.create", ADMINS_OF_P, f -> f.accounts().create(f.p(), new AccountDraft(
                    TestWorld.unique("new").replace(" ", "") + "@test.example", "New", null, Set.of(Role.LEAD),
                    TestWorld.PASSWORD))),
            row("AccountService.update", ADMINS_OF_P, f -> f.accounts().update(f.account().accountId(), "Changed", null,
                    Set.of(Role.LEAD), 0)),
            row("AccountService.resetPassword", ADMINS_OF_P,
                    f -> f.accounts().resetPassword(f.account().accountId(), "a new long password")),
            row("AccountService.deactivate", ADMINS_OF_P, f -> f.accounts().deactivate(f.account().accountId())),
            row("AccountService.reactivate", ADMINS_OF_P, f -> f.accounts().reactivate(f.account().accountId())),
            row("AccountService.unlock", ADMINS_OF_P, f -> f.accounts().unlock(f.account().accountId())),
            // a platform administrator's account lives in one partnership, but only another platform administrator
            // may change it: P's own administrator may read it, and nothing more
            row("AccountService.get " + PLATFORM_TARGET, ADMINS_OF_P, f -> f.accounts().get(f.platformAdminOfP().accountId())),
            row("AccountService.update " + PLATFORM_TARGET, EnumSet.of(Caller.PLATFORM_ADMIN),
                    f -> f.accounts().update(f.platformAdminOfP().accountId(), "Changed", null, Set.of(Role.ADMIN), 0)),
            row("AccountService.update " + PLATFORM_TARGET + " (roles)", EnumSet.of(Caller.PLATFORM_ADMIN),
                    f -> f.accounts().update(f.platformAdminOfP().accountId(), "Changed", null, Set.of(Role.LEAD), 0)),
            row("AccountService.resetPassword " + PLATFORM_TARGET, EnumSet.of(Caller.PLATFORM_ADMIN),
                    f -> f.accounts().resetPassword(f.platformAdminOfP().accountId(), "a new long password")),
            row("AccountService.deactivate " + PLATFORM_TARGET, EnumSet.of(Caller.PLATFORM_ADMIN),
                    f -> f.accounts().deactivate(f.platformAdminOfP().accountId())),
            row("AccountService.reactivate " + PLATFORM_TARGET, EnumSet.of(Caller.PLATFORM_ADMIN),
                    f -> f.accounts().reactivate(f.platformAdminOfP().accountId())),
            row("AccountService.unlock " + PLATFORM_TARGET, EnumSet.of(Caller.PLATFORM_ADMIN),
                    f -> f.accounts().unlock(f.platformAdminOfP().accountId())),
            row("AccountService.changeOwnPassword", SIGNED_IN,
                    f -> f.accounts().changeOwnPassword(TestWorld.PASSWORD, TestWorld.PASSWORD + "!")),

            // enrolment and codes answer only a session that still owes its second factor (SecondFactorServiceTest),
            // never a full sign-in or an anonymous caller
            everyone("SecondFactorService.needsEnrolment", Outcome.DENIED,
                    f -> f.bean(SecondFactorService.class).needsEnrolment()),
            everyone("SecondFactorService.beginEnrolment", Outcome.DENIED,
                    f -> f.bean(SecondFactorService.class).beginEnrolment()),
            everyone("SecondFactorService.confirmEnrolment", Outcome.DENIED,
                    f -> f.bean(SecondFactorService.class).confirmEnrolment("123456")),
            everyone("SecondFactorService.verify", Outcome.DENIED, f -> f.bean(SecondFactorService.class).verify("123456")),
            row("SecondFactorService.reset", ADMINS_OF_P,
                    f -> f.bean(SecondFactorService.class).reset(f.account().accountId())),
            // recording runs inside the calling service's transaction, which has already checked access
            everyone("AuditLog.record", Outcome.ALLOWED, f -> f.bean(org.springframework.transaction.support
                    .TransactionTemplate.class).executeWithoutResult(t -> f.bean(AuditLog.class)
                    .record(AuditAction.FACTOR_RESET, null, f.p(), null))),
            row("AuditLog.recent", ADMINS_OF_P, f -> f.bean(AuditLog.class).recent(f.p(), 10)),
            row("AuditLog.lines", ADMINS_OF_P, f -> f.bean(AuditLog.class).lines(f.p(), AuditQuery.ALL, 0, 50)),
            row("AuditLog.count", ADMINS_OF_P, f -> f.bean(AuditLog.class).count(f.p(), AuditQuery.ALL)),
            // the retention rule's own expiry of old lines, run by the system inside its transaction (no staff check)
            everyone("AuditLog.expire", Outcome.ALLOWED, f -> f.bean(org.springframework.transaction.support
                    .TransactionTemplate.class).execute(t -> f.bean(AuditLog.class).expire(java.time.Instant.EPOCH))),

            // retention: a partnership's administrators see and set its periods and what goes next; the rule itself
            // runs for the system, from the hourly schedule
            row("RetentionService.periods", ADMINS_OF_P, f -> f.bean(org.hymnsheet.retention.RetentionService.class)
                    .periods(f.p())),
            row("RetentionService.setPeriods", ADMINS_OF_P, f -> f.bean(org.hymnsheet.retention.RetentionService.class)
                    .setPeriods(f.p(), 365, 365)),
            row("RetentionService.upcoming", ADMINS_OF_P, f -> f.bean(org.hymnsheet.retention.RetentionService.class)
                    .upcoming(f.p())),
            everyone("RetentionService.deleteDue", Outcome.ALLOWED, f -> f.bean(org.hymnsheet.retention.RetentionService.class)
                    .deleteDue()),

            // findings: the partnership's strategic leads and administrators, and its facilitators (who see only what
            // they ran); never the safeguarding lead, never another partnership's administrator
            row("FindingsService.findings", READERS_OF_FINDINGS,
                    f -> f.bean(FindingsService.class).findings(f.p(), FindingsFilter.ALL, java.util.Locale.UK)),
            row("FindingsService.choices", READERS_OF_FINDINGS, f -> f.bean(FindingsService.class).choices(f.p())),
            row("FindingsService.csv", READERS_OF_FINDINGS, f -> f.bean(FindingsService.class)
                    .csv(f.p(), FindingsFilter.ALL, null, java.util.Locale.UK, java.io.OutputStream.nullOutputStream())),
            row("FindingsService.pdf", READERS_OF_FINDINGS, f -> f.bean(FindingsService.class)
                    .pdf(f.p(), FindingsFilter.ALL, java.util.Locale.UK, java.io.OutputStream.nullOutputStream())),

            everyone("SetupService.setupNeeded", Outcome.ALLOWED, f -> f.setup().setupNeeded()),
            // once installed, nobody (signed in or not) can run setup again
            everyone("SetupService.createFirstAdministrator", Outcome.REFUSED, f -> f.setup().createFirstAdministrator(
                    new FirstAdministrator(TestWorld.unique("Hijack"), "hijack@evil.example", "Mallory", TestWorld.PASSWORD))),

            // templates are files shared by the whole installation, so any partnership's administrator may reload them
            row("TemplateService.surveyTemplates", SIGNED_IN, f -> f.bean(TemplateService.class).surveyTemplates()),
            row("TemplateService.workshopTemplates", SIGNED_IN,
                    f -> f.bean(TemplateService.class).workshopTemplates()),
            row("TemplateService.problems", EnumSet.of(Caller.FACILITATOR, Caller.ADMIN, Caller.OTHER_ADMIN,
                    Caller.PLATFORM_ADMIN), f -> f.bean(TemplateService.class).problems()),
            row("TemplateService.reload", EnumSet.of(Caller.ADMIN, Caller.OTHER_ADMIN, Caller.PLATFORM_ADMIN),
                    f -> f.bean(TemplateService.class).reload()),

            row("SurveyService.list", FACILITATORS_OF_P, f -> f.bean(SurveyService.class).list(f.p())),
            row("SurveyService.get", FACILITATORS_OF_P, f -> f.bean(SurveyService.class).get(f.surveys().survey().id())),
            row("SurveyService.create", FACILITATORS_OF_P,
                    f -> f.bean(SurveyService.class).create(f.p(), "safe-places", TestWorld.unique("Survey"))),
            row("SurveyService.open", FACILITATORS_OF_P, f -> f.bean(SurveyService.class).open(f.surveys().survey().id())),
            row("SurveyService.close", FACILITATORS_OF_P, f -> f.bean(SurveyService.class).close(f.surveys().survey().id())),
            row("SurveyService.qrCode", FACILITATORS_OF_P,
                    f -> f.bean(SurveyService.class).qrCode(f.surveys().survey().id(), "http://localhost/s/x")),
            row("SurveyService.kiosks", FACILITATORS_OF_P, f -> f.bean(SurveyService.class).kiosks(f.surveys().survey().id())),
            row("SurveyService.addKiosk", FACILITATORS_OF_P,
                    f -> f.bean(SurveyService.class).addKiosk(f.surveys().survey().id(), "Tablet", "1234")),

            // young people answer without an account: the respondent's side is open to everyone
            everyone("ResponseService.openByLink", Outcome.ALLOWED, f -> f.bean(ResponseService.class).openByLink("x")),
            everyone("ResponseService.openByCode", Outcome.ALLOWED, f -> f.bean(ResponseService.class).openByCode("x", TestWorld.unique("client"))),
            everyone("ResponseService.openByKiosk", Outcome.ALLOWED, f -> f.bean(ResponseService.class).openByKiosk("x")),
            everyone("ResponseService.start", Outcome.ALLOWED, f -> f.bean(ResponseService.class).start(f.surveys().entry(), "en", TestWorld.unique("client"))),
            everyone("ResponseService.save", Outcome.ALLOWED, f -> f.bean(ResponseService.class)
                    .save(f.surveys().response(), "area-feels", new AnswerInput.ScaleValue(3), TestWorld.unique("client"))),
            everyone("ResponseService.answers", Outcome.ALLOWED, f -> f.bean(ResponseService.class).answers(f.surveys().response())),
            everyone("ResponseService.submit", Outcome.ALLOWED, f -> f.bean(ResponseService.class).submit(f.surveys().response())),
            everyone("ResponseService.exitKiosk", Outcome.ALLOWED, f -> f.bean(ResponseService.class).exitKiosk("x", "1234")),

            row("QueueService.pendingTexts", FACILITATORS_OF_P, f -> f.bean(QueueService.class).pendingTexts(f.p(), 0, 50)),
            row("QueueService.pendingCount", FACILITATORS_OF_P, f -> f.bean(QueueService.class).pendingCount(f.p())),
            row("QueueService.approve", FACILITATORS_OF_P, f -> {
                var shown = f.surveys().waitingText();
                f.bean(QueueService.class).approve(shown.id(), shown.body(), false);
            }),
            row("QueueService.reject", FACILITATORS_OF_P, f -> f.bean(QueueService.class).reject(f.surveys().pendingText())),
            row("QueueService.safeguardingQueue", EnumSet.of(Caller.SAFEGUARDING_LEAD),
                    f -> f.bean(QueueService.class).safeguardingQueue(f.p(), 0, 50)),
            row("QueueService.safeguardingSummary", EnumSet.of(Caller.SAFEGUARDING_LEAD),
                    f -> f.bean(QueueService.class).safeguardingSummary(f.p())),
            row("QueueService.markHandled", EnumSet.of(Caller.SAFEGUARDING_LEAD),
                    f -> f.bean(QueueService.class).markHandled(f.surveys().flag(), "Seen")),
            // the count of open flags in the menu: the partnership's safeguarding leads only
            row("AlertService.openFlags", EnumSet.of(Caller.SAFEGUARDING_LEAD),
                    f -> f.bean(AlertService.class).openFlags(f.p())),
            row("QueueService.openFlag", EnumSet.of(Caller.SAFEGUARDING_LEAD),
                    f -> f.bean(QueueService.class).openFlag(f.surveys().flag())),
            row("QueueService.safeguardingCount", EnumSet.of(Caller.SAFEGUARDING_LEAD),
                    f -> f.bean(QueueService.class).safeguardingCount(f.p(), QueueFilter.ALL)),
            row("QueueService.safeguardingSources", EnumSet.of(Caller.SAFEGUARDING_LEAD),
                    f -> f.bean(QueueService.class).safeguardingSources(f.p())),
            row("QueueService.escalate", FACILITATORS_OF_P, f -> {
                var shown = f.surveys().waitingText();
                f.bean(QueueService.class).escalate(shown.id(), shown.body(), "Worried");
            }),
            row("QueueService.sentTexts", FACILITATORS_OF_P, f -> f.bean(QueueService.class).sentTexts(f.p())),

            // findings, suppressed: the facilitators who run workshops and the partnership's strategic leads
            row("SurveyVoiceService.voice", EnumSet.of(Caller.FACILITATOR, Caller.LEAD, Caller.ADMIN, Caller.PLATFORM_ADMIN),
                    f -> f.bean(SurveyVoiceService.class).voice(f.surveys().survey().id())),

            // the shared workshop aggregates: the board's, the record's and findings' figures
            row("WorkshopAggregates.balance", READERS_OF_WORKSHOPS,
                    f -> f.bean(WorkshopAggregates.class).balance(WorkshopScope.partnership(f.p()), WorkshopAggregates.By.QUARTER)),
            row("WorkshopAggregates.framing", READERS_OF_WORKSHOPS,
                    f -> f.bean(WorkshopAggregates.class).framing(WorkshopScope.partnership(f.p()), WorkshopAggregates.By.WORKSHOP)),
            row("WorkshopAggregates.contexts", READERS_OF_WORKSHOPS,
                    f -> f.bean(WorkshopAggregates.class).contexts(WorkshopScope.partnership(f.p()), WorkshopAggregates.By.ALL)),
            row("WorkshopAggregates.sortedCards", READERS_OF_WORKSHOPS,
                    f -> f.bean(WorkshopAggregates.class).sortedCards(WorkshopScope.partnership(f.p()), WorkshopAggregates.By.ALL)),
            row("WorkshopAggregates.pulse", READERS_OF_WORKSHOPS,
                    f -> f.bean(WorkshopAggregates.class).pulse(WorkshopScope.partnership(f.p()), WorkshopAggregates.By.ALL)),
            row("WorkshopAggregates.needs", READERS_OF_WORKSHOPS,
                    f -> f.bean(WorkshopAggregates.class).needs(WorkshopScope.partnership(f.p()), WorkshopAggregates.By.STAGE)),
            row("WorkshopAggregates.needCategories", READERS_OF_WORKSHOPS,
                    f -> f.bean(WorkshopAggregates.class).needCategories(WorkshopScope.partnership(f.p()))),
            row("WorkshopAggregates.speaking", READERS_OF_WORKSHOPS,
                    f -> f.bean(WorkshopAggregates.class).speaking(WorkshopScope.partnership(f.p()))),
            row("WorkshopAggregates.spokenByAgencyPresent", READERS_OF_WORKSHOPS,
                    f -> f.bean(WorkshopAggregates.class).spokenByAgencyPresent(WorkshopScope.partnership(f.p()))),
            row("WorkshopAggregates.attendance", READERS_OF_WORKSHOPS,
                    f -> f.bean(WorkshopAggregates.class).attendance(WorkshopScope.partnership(f.p()))),
            row("WorkshopAggregates.levels", READERS_OF_WORKSHOPS,
                    f -> f.bean(WorkshopAggregates.class).levels(WorkshopScope.partnership(f.p()))),
            // the area's population shares: administrators write, the partnership's findings readers read
            row("PopulationService.shares", EnumSet.of(Caller.FACILITATOR, Caller.LEAD, Caller.ADMIN, Caller.PLATFORM_ADMIN),
                    f -> f.bean(PopulationService.class).shares(f.p())),
            row("PopulationService.save", ADMINS_OF_P, f -> f.bean(PopulationService.class)
                    .save(f.p(), "about-care", Map.of("yes", new java.math.BigDecimal("0.7")))),

            // "you said, we did": the page is open to anyone holding its link; leads of P write what P did
            everyone("YouSaidService.page", Outcome.ALLOWED, f -> f.bean(YouSaidService.class).page("x", "en")),
            row("YouSaidService.surveys", LEADS_OF_P, f -> f.bean(YouSaidService.class).surveys(f.p())),
            row("YouSaidService.resultsToken", LEADS_OF_P,
                    f -> f.bean(YouSaidService.class).resultsToken(f.surveys().survey().id())),
            row("YouSaidService.qrCode", LEADS_OF_P,
                    f -> f.bean(YouSaidService.class).qrCode(f.surveys().survey().id(), "https://example.org/you-said/x")),
            row("YouSaidService.actions", LEADS_OF_P, f -> f.bean(YouSaidService.class).actions(f.surveys().survey().id())),
            row("YouSaidService.addAction", LEADS_OF_P,
                    f -> f.bean(YouSaidService.class).addAction(f.surveys().survey().id(), "We lit the park")),
            row("YouSaidService.editAction", LEADS_OF_P,
                    f -> f.bean(YouSaidService.class).editAction(f.surveys().action(), "We lit the whole park")),
            row("YouSaidService.deleteAction", LEADS_OF_P, f -> f.bean(YouSaidService.class).deleteAction(f.surveys().action())),

            row("WorkshopService.list", FACILITATORS_OF_P, f -> f.bean(WorkshopService.class).list(f.p())),
            row("WorkshopService.get", FACILITATORS_OF_P, f -> f.bean(WorkshopService.class).get(f.workshops().workshop())),
            row("WorkshopService.stages", FACILITATORS_OF_P, f -> f.bean(WorkshopService.class).stages(f.workshops().workshop())),
            row("WorkshopService.roster", FACILITATORS_OF_P, f -> f.bean(WorkshopService.class).roster(f.workshops().workshop())),
            row("WorkshopService.console", FACILITATORS_OF_P, f -> f.bean(WorkshopService.class).console(f.workshops().workshop())),
            // until the catalog serves workshop templates no template id resolves: flip to row(...) when it does
            row("WorkshopService.create", FACILITATORS_OF_P,
                    f -> f.bean(WorkshopService.class).create(f.p(), "hymn-sheet", TestWorld.unique("Workshop"))),
            row("WorkshopService.start", FACILITATORS_OF_P, f -> f.bean(WorkshopService.class).start(f.workshops().workshop())),
            row("WorkshopService.advance", FACILITATORS_OF_P,
                    f -> f.bean(WorkshopService.class).advance(f.workshops().onFirstStage())),
            row("WorkshopService.back", FACILITATORS_OF_P, f -> f.bean(WorkshopService.class).back(f.workshops().workshop())),
            row("WorkshopService.lock", FACILITATORS_OF_P, f -> f.bean(WorkshopService.class).lock(f.workshops().workshop(), 0, true)),
            row("WorkshopService.reveal", FACILITATORS_OF_P, f -> f.bean(WorkshopService.class).reveal(f.workshops().workshop(), 0)),
            row("WorkshopService.startTimer", FACILITATORS_OF_P,
                    f -> f.bean(WorkshopService.class).startTimer(f.workshops().workshop(), 0, 300)),
            row("WorkshopService.end", FACILITATORS_OF_P, f -> f.bean(WorkshopService.class).end(f.workshops().workshop())),
            row("WorkshopService.chooseSurvey", FACILITATORS_OF_P,
                    f -> f.bean(WorkshopService.class).chooseSurvey(f.workshops().workshop(), f.surveys().survey().id())),

            row("CardService.cards", FACILITATORS_OF_P, f -> f.bean(CardService.class).cards(f.workshops().workshop())),
            row("CardService.add", FACILITATORS_OF_P,
                    f -> f.bean(CardService.class).add(f.workshops().workshop(), TestWorld.unique("Card"))),
            row("CardService.edit", FACILITATORS_OF_P,
                    f -> f.bean(CardService.class).edit(f.workshops().card(), TestWorld.unique("Card"), 0)),
            row("CardService.importFrom", FACILITATORS_OF_P,
                    f -> f.bean(CardService.class).importFrom(f.workshops().workshop(), f.workshops().workshop())),

            row("WorkshopModerationService.pending", FACILITATORS_OF_P,
                    f -> f.bean(WorkshopModerationService.class).pending(f.workshops().workshop())),
            row("WorkshopModerationService.moderate", FACILITATORS_OF_P, f -> {
                var pending = f.workshops().pending();
                f.bean(WorkshopModerationService.class).moderate(pending.workshopId(), PendingText.TextKind.NOTE,
                        pending.ref(), true);
            }),
            row("WorkshopModerationService.approveAll", FACILITATORS_OF_P, f -> {
                var pending = f.workshops().pending();
                f.bean(WorkshopModerationService.class).approveAll(pending.workshopId(), List.of(new PendingText(
                        PendingText.TextKind.NOTE, pending.ref(), 5, "Good chairing", null, null)));
            }),
            row("WorkshopModerationService.escalate", FACILITATORS_OF_P, f -> {
                var pending = f.workshops().pending();
                f.bean(WorkshopModerationService.class).escalate(pending.workshopId(), PendingText.TextKind.NOTE,
                        pending.ref(), "Worried");
            }),
            row("WorkshopModerationService.escalated", FACILITATORS_OF_P,
                    f -> f.bean(WorkshopModerationService.class).escalated(f.workshops().workshop())),

            row("SpeakingService.tap", FACILITATORS_OF_P,
                    f -> f.bean(SpeakingService.class).tap(f.workshops().workshop(), f.workshops().agency(), Level.MANAGER)),
            row("SpeakingService.pause", FACILITATORS_OF_P, f -> f.bean(SpeakingService.class).pause(f.workshops().workshop())),
            row("SpeakingService.undoLast", FACILITATORS_OF_P,
                    f -> f.bean(SpeakingService.class).undoLast(f.workshops().workshop())),
            row("SpeakingService.shares", FACILITATORS_OF_P, f -> f.bean(SpeakingService.class).shares(f.workshops().workshop())),

            row("WorkshopRecordService.record", FACILITATORS_OF_P,
                    f -> f.bean(WorkshopRecordService.class).record(f.workshops().workshop())),
            row("WorkshopRecordService.csv", FACILITATORS_OF_P,
                    f -> f.bean(WorkshopRecordService.class).csv(f.workshops().workshop())),
            row("WorkshopRecordService.snapshots", FACILITATORS_OF_P,
                    f -> f.bean(WorkshopRecordService.class).snapshots(f.workshops().workshop())),
            row("WorkshopRecordService.snapshotPdf", FACILITATORS_OF_P, f -> {
                var target = f.workshops().live();
                long saved = target.asFacilitator(() -> f.bean(BoardSnapshotService.class)
                        .save(target.workshop.id(), List.of()).id());
                f.bean(WorkshopRecordService.class).snapshotPdf(saved);
            }),
            row("BoardService.board", FACILITATORS_OF_P, f -> f.bean(BoardService.class).board(f.workshops().workshop())),
            row("BoardService.stage", FACILITATORS_OF_P, f -> f.bean(BoardService.class).stage(f.workshops().workshop())),
            row("BoardService.youngPeople", FACILITATORS_OF_P,
                    f -> f.bean(BoardService.class).youngPeople(f.workshops().workshop())),
            row("WorkshopAggregates.liveStage", FACILITATORS_OF_P,
                    f -> f.bean(WorkshopAggregates.class).liveStage(f.workshops().workshop())),
            row("BoardSnapshotService.save", FACILITATORS_OF_P,
                    f -> f.bean(BoardSnapshotService.class).save(f.workshops().workshop(), List.of())),

            // workshop participants have no account: their side is open to everyone holding a code or a token
            everyone("ParticipantService.open", Outcome.ALLOWED,
                    f -> f.bean(ParticipantService.class).open("x", TestWorld.unique("key"))),
            everyone("ParticipantService.join", Outcome.ALLOWED, f -> f.bean(ParticipantService.class)
                    .join("x", f.workshops().agency(), Level.MANAGER, null, TestWorld.unique("key"))),
            everyone("ParticipantService.rejoin", Outcome.ALLOWED,
                    f -> f.bean(ParticipantService.class).rejoin(f.workshops().token())),
            everyone("ParticipantService.workshop", Outcome.ALLOWED,
                    f -> f.bean(ParticipantService.class).workshop(f.workshops().token())),
            everyone("ParticipantService.stage", Outcome.ALLOWED,
                    f -> f.bean(ParticipantService.class).stage(f.workshops().token(), 0)),
            everyone("ParticipantService.cards", Outcome.ALLOWED,
                    f -> f.bean(ParticipantService.class).cards(f.workshops().token())),
            everyone("ParticipantService.inputs", Outcome.ALLOWED,
                    f -> f.bean(ParticipantService.class).inputs(f.workshops().token(), 0)),
            everyone("ParticipantService.pulse", Outcome.ALLOWED,
                    f -> f.bean(ParticipantService.class).pulse(f.workshops().token(), 3)),
            everyone("ParticipantService.phone", Outcome.ALLOWED,
                    f -> f.bean(ParticipantService.class).phone(f.workshops().token())),
            everyone("InputService.placeAll", Outcome.ALLOWED, f -> {
                String token = f.workshops().token();
                var cards = f.bean(ParticipantService.class).cards(token);
                f.bean(InputService.class).placeAll(token, 2,
                        List.of(new InputService.Placement(cards.getFirst().id(), 40, WorkshopTargets.contexts())));
            }),
            everyone("InputService.frame", Outcome.ALLOWED,
                    f -> f.bean(InputService.class).frame(f.workshops().token(), 0, 50, "A sentence")),
            everyone("InputService.influence", Outcome.ALLOWED,
                    f -> f.bean(InputService.class).influence(f.workshops().token(), 1, Set.of())),
            everyone("InputService.place", Outcome.ALLOWED, f -> {
                String token = f.workshops().token();
                var cards = f.bean(ParticipantService.class).cards(token);
                f.bean(InputService.class).place(token, 2, cards.getFirst().id(), 40);
            }),
            everyone("InputService.tag", Outcome.ALLOWED, f -> {
                String token = f.workshops().token();
                var cards = f.bean(ParticipantService.class).cards(token);
                f.bean(InputService.class).tag(token, 2, cards.getFirst().id(), WorkshopTargets.contexts());
            }),
            everyone("InputService.pulse", Outcome.ALLOWED,
                    f -> f.bean(InputService.class).pulse(f.workshops().token(), 3, "space", 4, null)),
            everyone("InputService.addNeed", Outcome.ALLOWED,
                    f -> f.bean(InputService.class).addNeed(f.workshops().token(), 4, "Funding", null, "commissioners")),
            everyone("InputService.dots", Outcome.ALLOWED, f -> {
                var dots = f.workshops().dots();
                f.bean(InputService.class).dots(dots.token(), 4, dots.needId(), 1);
            }),
            everyone("InputService.addNote", Outcome.ALLOWED,
                    f -> f.bean(InputService.class).addNote(f.workshops().token(), 5, "working", "Good chairing")));

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired ApplicationContext context;
        @Autowired PartnershipService partnerships;
        @Autowired DirectoryService directory;
        @Autowired AccountService accounts;
        @Autowired SetupService setup;
        @Autowired PartnershipRepository partnershipRows;
        @Autowired AccountRepository accountRows;

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @Test
        void every_caller_gets_exactly_the_specified_outcome_from_every_service_method() throws Exception {
            accountRows.claimInstallation();
            List<String> mismatches = new ArrayList<>();
            for (Row row : MATRIX) {
                for (Caller caller : Caller.values()) {
                    TestWorld world = new TestWorld(context);
                    long p = world.partnership();
                    TestWorld.Persona persona = persona(world, p, caller);
                    var fixture = new Fixture(world, p, partnerships, directory, accounts, setup, partnershipRows,
                            accountRows, caller, persona, context);
                    if (persona == null) {
                        TestWorld.anonymous();
                    } else {
                        TestWorld.as(persona);
                    }
                    Outcome actual = outcome(row.action(), fixture);
                    if (actual != row.expected().get(caller)) {
                        mismatches.add(row.method() + " as " + caller + ": expected " + row.expected().get(caller)
                                + " but was " + actual);
                    }
                }
            }
            assertThat(mismatches).isEmpty();
        }

        private static TestWorld.Persona persona(TestWorld world, long p, Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> null;
                case FACILITATOR -> world.account(p, Role.FACILITATOR);
                case LEAD -> world.account(p, Role.LEAD);
                case SAFEGUARDING_LEAD -> world.account(p, Role.SAFEGUARDING_LEAD);
                case ADMIN -> world.account(p, Role.ADMIN);
                case OTHER_ADMIN -> world.account(world.partnership(), Role.ADMIN);
                case PLATFORM_ADMIN -> world.platformAdmin(world.partnership());
            };
        }

        private static Outcome outcome(Action action, Fixture fixture) {
            try {
                action.run(fixture);
                return Outcome.ALLOWED;
            } catch (AccessDeniedException denied) {
                return Outcome.DENIED;
            } catch (ValidationException refused) {
                return Outcome.REFUSED;
            } catch (Exception other) {
                throw new AssertionError("Unexpected failure", other);
            }
        }
    }

    @Test
    void every_public_service_method_has_a_row() {
        Set<String> methods = new TreeSet<>();
        for (Class<?> service : SERVICES) {
            Arrays.stream(service.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                    .map(Method::getName)
                    .forEach(name -> methods.add(service.getSimpleName() + "." + name));
        }
        Set<String> covered = new TreeSet<>(MATRIX.stream().map(r -> r.method().split(" ")[0]).toList());
        assertThat(covered).isEqualTo(methods);
    }
}
