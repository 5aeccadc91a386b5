package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.PARTNERSHIP;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.surveys.YouSaidService;
import org.hymnsheet.surveys.SurveyTargets;
import org.jooq.DSLContext;
import org.hymnsheet.workshops.WorkshopService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Who may open which page, in a real browser, for every persona and every route: the table below is the
 * specification, and each persona signs in once and then opens every route in turn.
 *
 * <p>Partnership P has a facilitator, a strategic lead, a safeguarding lead and an administrator, and an agency
 * only P has; partnership Q has its own administrator, who must never see anything of P's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-route-matrix;DB_CLOSE_DELAY=-1")
class RouteAccessMatrixTest extends BrowserTestSupport {

    enum Persona { ANONYMOUS, FACILITATOR, LEAD, SAFEGUARDING_LEAD, ADMIN_OF_P, ADMIN_OF_Q }

    enum Outcome {
        /** Ends on the sign-in page (/login, the Vaadin login form, no staff layout). */
        LOGIN,
        /** The page itself opens (its own heading). */
        OPEN,
        /** The page opens and lists partnership P's own agency or accounts. */
        OPEN_LISTS_P,
        /** Our "No access" page, and none of the page's content. */
        DENIED,
        /** Our "Page not found" page. */
        NOT_FOUND,
        /** The young people's "type your code" page, outside the staff layout. */
        SURVEY_CODE,
        /** The young people's "Survey not found" page, outside the staff layout. */
        SURVEY_NOT_FOUND,
        /** A workshop participant's "Join the workshop" page (no account), outside the staff layout. */
        WORKSHOP_JOIN,
        /** The projected board of partnership P's workshop, outside the staff layout. */
        BOARD,
        /** A young person's survey welcome screen (survey by link, or a kiosk), outside the staff layout. */
        SURVEY_WELCOME,
        /**
         * A respondent page opened in a staff browser (a kiosk opened in a staff browser, a survey link, the code
         * page): it says the staff member will be signed out first and shows nothing of the survey or the staff.
         */
        STAFF_SIGN_OUT,
        /** A page that has nothing to offer this caller and sends them to the home page. */
        HOME,
        /** A print view: its own heading, outside the staff layout (no navigation, no sign-out). */
        PRINT,
        /** Partnership P's survey's public "you said, we did" page, for anyone, outside the staff layout. */
        YOU_SAID,
        /** The public "you said, we did" page's own "Page not found", outside the staff layout. */
        YOU_SAID_NOT_FOUND
    }

    /** The specification: one row per route, one column per persona, in {@link Persona} order. */
    static final String TABLE = """
            route                anonymous  facilitator  lead    safeguarding_lead  admin_of_p    admin_of_q
            /                    LOGIN      OPEN         OPEN    OPEN               OPEN          OPEN
            /account             LOGIN      OPEN         OPEN    OPEN               OPEN          OPEN
            /admin/partnerships  LOGIN      DENIED       DENIED  DENIED             OPEN          OPEN
            /admin/agencies      LOGIN      DENIED       DENIED  DENIED             OPEN_LISTS_P  OPEN
            /admin/places        LOGIN      DENIED       DENIED  DENIED             OPEN          OPEN
            /admin/accounts      LOGIN      DENIED       DENIED  DENIED             OPEN_LISTS_P  OPEN
            /admin/population    LOGIN      DENIED       DENIED  DENIED             OPEN          OPEN
            /setup               LOGIN      LOGIN        LOGIN   LOGIN              LOGIN         LOGIN
            /login               LOGIN      LOGIN        LOGIN   LOGIN              LOGIN         LOGIN
            /no-such-page        LOGIN      NOT_FOUND    NOT_FOUND NOT_FOUND        NOT_FOUND     NOT_FOUND
            /surveys             LOGIN      OPEN         DENIED  DENIED             OPEN          OPEN
            /moderation          LOGIN      OPEN         DENIED  DENIED             OPEN          OPEN
            /safeguarding        LOGIN      DENIED       DENIED  OPEN               DENIED        DENIED
            /templates           LOGIN      OPEN         DENIED  DENIED             OPEN          OPEN
            /survey              SURVEY_CODE STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT
            /s/unknown-token     SURVEY_NOT_FOUND STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT
            /k/unknown-token     SURVEY_NOT_FOUND STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT
            /s/{s}               SURVEY_WELCOME STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT
            /k/{k}               SURVEY_WELCOME STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT
            /workshops           LOGIN      OPEN         DENIED  DENIED             OPEN          OPEN
            /join                WORKSHOP_JOIN WORKSHOP_JOIN WORKSHOP_JOIN WORKSHOP_JOIN WORKSHOP_JOIN WORKSHOP_JOIN
            /workshops/{w}       LOGIN      OPEN         DENIED  DENIED             OPEN          DENIED
            /workshops/{w}/record LOGIN     OPEN         DENIED  DENIED             OPEN          DENIED
            /workshops/{w}/board LOGIN      BOARD        DENIED  DENIED             BOARD         DENIED
            /second-factor       LOGIN      HOME         HOME    HOME               HOME          HOME
            /findings            LOGIN      OPEN         OPEN    DENIED             OPEN          OPEN
            /findings/print      LOGIN      PRINT        PRINT   DENIED             PRINT         PRINT
            /audit               LOGIN      DENIED       DENIED  DENIED             OPEN          OPEN
            /we-did              LOGIN      DENIED       OPEN    DENIED             OPEN          OPEN
            /you-said/{r}        YOU_SAID   YOU_SAID     YOU_SAID YOU_SAID          YOU_SAID      YOU_SAID
            /you-said/unknown-token YOU_SAID_NOT_FOUND YOU_SAID_NOT_FOUND YOU_SAID_NOT_FOUND YOU_SAID_NOT_FOUND YOU_SAID_NOT_FOUND YOU_SAID_NOT_FOUND
            """;

    /** The heading each route shows when it opens. */
    static final Map<String, Pattern> HEADINGS = Map.ofEntries(
            Map.entry("/", Pattern.compile("^Welcome, Test ")),
            Map.entry("/account", Pattern.compile("^My account$")),
            Map.entry("/admin/partnerships", Pattern.compile("^Partnerships$")),
            Map.entry("/admin/agencies", Pattern.compile("^Agencies$")),
            Map.entry("/admin/places", Pattern.compile("^Places$")),
            Map.entry("/admin/accounts", Pattern.compile("^Staff accounts$")),
            Map.entry("/admin/population", Pattern.compile("^The area's young people$")),
            Map.entry("/we-did", Pattern.compile("^You said, we did$")),
            Map.entry("/surveys", Pattern.compile("^Young people's surveys$")),
            Map.entry("/moderation", Pattern.compile("^Moderation$")),
            Map.entry("/safeguarding", Pattern.compile("^Safeguarding queue$")),
            Map.entry("/templates", Pattern.compile("^Templates$")),
            Map.entry("/workshops", Pattern.compile("^Partnership workshops$")),
            Map.entry("/workshops/{w}", Pattern.compile("^Workshop P ")),
            Map.entry("/workshops/{w}/record", Pattern.compile("^Record: Workshop P ")),
            Map.entry("/findings", Pattern.compile("^Findings$")),
            Map.entry("/findings/print", Pattern.compile("^Findings: ")),
            Map.entry("/audit", Pattern.compile("^Audit log$")));

    static final Map<Persona, Map<String, Outcome>> EXPECTED = parse(TABLE);

    static TestWorld.Persona[] signIns;
    static String pPartnership;
    static String pAgency;
    static List<String> pEmails;
    /** A workshop of partnership P, standing in for {w} in the routes. */
    static long pWorkshop;
    static String pWorkshopTitle;
    /** Partnership P's open survey and its kiosk, standing in for {s} and {k}. */
    static String pSurveyLink;
    static String pKiosk;
    /** The secret of that survey's "you said, we did" page, standing in for {r}. */
    static String pResults;
    static String pSurveyTitle;

    @Autowired
    ApplicationContext spring;

    @BeforeEach
    void world() {
        if (signIns != null) {
            return;
        }
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        long p = world.partnership();
        long q = world.partnership();
        pAgency = TestWorld.unique("P-only agency");
        world.agency(p, pAgency);
        signIns = new TestWorld.Persona[Persona.values().length];
        signIns[Persona.FACILITATOR.ordinal()] = world.account(p, Role.FACILITATOR);
        signIns[Persona.LEAD.ordinal()] = world.account(p, Role.LEAD);
        signIns[Persona.SAFEGUARDING_LEAD.ordinal()] = world.account(p, Role.SAFEGUARDING_LEAD);
        signIns[Persona.ADMIN_OF_P.ordinal()] = world.account(p, Role.ADMIN);
        signIns[Persona.ADMIN_OF_Q.ordinal()] = world.account(q, Role.ADMIN);
        pEmails = Arrays.stream(signIns).filter(s -> s != null && s.partnershipId() == p)
                .map(TestWorld.Persona::email).toList();
        pPartnership = partnershipName(p);
        pWorkshopTitle = TestWorld.unique("Workshop P");
        TestWorld.as(signIns[Persona.FACILITATOR.ordinal()]);
        try {
            pWorkshop = spring.getBean(WorkshopService.class).create(p, "hymn-sheet", pWorkshopTitle).id();
            Survey survey = new SurveyTargets(spring, world, p).survey();
            pSurveyLink = survey.linkToken();
            pKiosk = spring.getBean(SurveyService.class).addKiosk(survey.id(), TestWorld.unique("Tablet"), "2468").token();
            pSurveyTitle = survey.title();
            TestWorld.as(signIns[Persona.LEAD.ordinal()]);
            pResults = spring.getBean(YouSaidService.class).resultsToken(survey.id());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void the_table_covers_every_persona_and_every_route() {
        assertThat(EXPECTED.keySet()).containsExactly(Persona.values());
        EXPECTED.values().forEach(row -> assertThat(row.keySet()).containsExactlyElementsOf(
                List.of("/", "/account", "/admin/partnerships", "/admin/agencies", "/admin/places", "/admin/accounts",
                        "/admin/population",
                        "/setup", "/login", "/no-such-page", "/surveys", "/moderation", "/safeguarding", "/templates",
                        "/survey", "/s/unknown-token", "/k/unknown-token", "/s/{s}", "/k/{k}", "/workshops", "/join", "/workshops/{w}",
                        "/workshops/{w}/record", "/workshops/{w}/board", "/second-factor", "/findings", "/findings/print",
                        "/audit", "/we-did", "/you-said/{r}",
                        "/you-said/unknown-token")));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Persona.class)
    void each_persona_gets_exactly_the_pages_the_table_allows(Persona persona) {
        TestWorld.Persona account = signIns[persona.ordinal()];
        if (account != null) {
            signInToHome(page, account.email(), TestWorld.PASSWORD);
        }
        List<Executable> checks = new ArrayList<>();
        EXPECTED.get(persona).forEach((route, outcome) -> checks.add(() -> {
            try {
                check(persona, route, outcome);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(persona + " opening " + route + " should give " + outcome + ": "
                        + e.getMessage(), e);
            }
        }));
        assertAll(persona + " on every route", checks);
    }

    private void check(Persona persona, String route, Outcome expected) {
        String path = route.replace("{w}", String.valueOf(pWorkshop)).replace("{s}", pSurveyLink).replace("{k}", pKiosk)
                .replace("{r}", pResults);
        page.navigate(url(path));
        String where = persona + " opening " + route;
        switch (expected) {
            case LOGIN -> {
                assertThat(page).hasURL(at("/login"));
                assertThat(page.locator("vaadin-login-form")).isVisible();
                assertThat(page.locator("#sign-out")).hasCount(0);
            }
            case OPEN, OPEN_LISTS_P -> {
                assertThat(heading(page)).hasText(HEADINGS.get(route));
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).isVisible();
            }
            case DENIED -> {
                assertThat(heading(page)).hasText("No access");
                assertThat(page.locator("main")).containsText("Your account does not have access to this page.");
                assertThat(page.locator("vaadin-grid")).hasCount(0);
                assertThat(page.locator("vaadin-text-field, vaadin-email-field, vaadin-password-field")).hasCount(0);
            }
            case NOT_FOUND -> {
                assertThat(heading(page)).hasText("Page not found");
                assertThat(page.locator("main")).containsText("There is no page at this address.");
            }
            case SURVEY_CODE -> {
                assertThat(heading(page)).hasText("Take a survey");
                assertThat(page.locator("#survey-code")).isVisible();
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).hasCount(0);
            }
            case BOARD -> {
                assertThat(page.locator("#board")).isVisible();
                assertThat(heading(page)).hasText(pWorkshopTitle);
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).hasCount(0);
            }
            case PRINT -> {
                assertThat(heading(page)).hasText(HEADINGS.get(route));
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out, vaadin-app-layout")).hasCount(0);
            }
            case HOME -> {
                assertThat(heading(page)).hasText(HEADINGS.get("/"));
                assertThat(page).hasURL(at("/"));
                assertThat(page.locator("#sign-out")).isVisible();
            }
            case WORKSHOP_JOIN -> {
                assertThat(heading(page)).hasText("Join the workshop");
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).hasCount(0);
            }
            case SURVEY_WELCOME -> {
                assertThat(page.locator("#start")).isVisible();
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).hasCount(0);
            }
            case STAFF_SIGN_OUT -> {
                assertThat(heading(page)).hasText("You are signed in as staff");
                assertThat(page.locator("#staff-sign-out")).isVisible();
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out, #start, #survey-code, vaadin-grid")).hasCount(0);
                assertThat(page.content()).as("%s shows nothing of the staff member", where)
                        .doesNotContain(signIns[persona.ordinal()].email());
            }
            case YOU_SAID -> {
                assertThat(heading(page)).hasText(pSurveyTitle);
                assertThat(page.locator("#you-told-us")).isVisible();
                assertThat(page.locator("#we-did")).isVisible();
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out, #start")).hasCount(0);
            }
            case YOU_SAID_NOT_FOUND -> {
                assertThat(heading(page)).hasText("Page not found");
                assertThat(page.locator("main")).containsText("We could not find this page. Check the link");
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out, #you-told-us")).hasCount(0);
            }
            case SURVEY_NOT_FOUND -> {
                assertThat(heading(page)).hasText("Survey not found");
                assertThat(page.locator("main")).containsText("We could not find this survey.");
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).hasCount(0);
                assertThat(page.locator("#start")).hasCount(0);
            }
        }
        if (expected == Outcome.OPEN_LISTS_P) {
            Iterable<String> own = route.equals("/admin/agencies") ? List.of(pAgency) : pEmails;
            for (String text : own) {
                assertThat(page.locator("vaadin-grid-cell-content").getByText(text, FirstRunJourneyTest.exact()))
                        .isVisible();
            }
        }
        String body = page.locator("body").innerText();
        assertThat(body).as("%s shows no stack trace", where).doesNotContain("Exception").doesNotContain("at org.");
        if (persona == Persona.ADMIN_OF_Q) {
            List<String> secrets = new ArrayList<>(pEmails);
            secrets.add(pAgency);
            secrets.add(pPartnership);
            secrets.add(pWorkshopTitle);
            for (String secret : secrets) {
                assertThat(body).as("%s never shows partnership P's %s", where, secret).doesNotContain(secret);
            }
            assertThat(page.content()).as("%s never sends P's agency to the browser", where).doesNotContain(pAgency);
        }
    }

    private String partnershipName(long id) {
        return spring.getBean(DSLContext.class).select(PARTNERSHIP.NAME).from(PARTNERSHIP)
                .where(PARTNERSHIP.ID.eq(id)).fetchSingle().value1();
    }

    private static Map<Persona, Map<String, Outcome>> parse(String table) {
        List<String> lines = table.lines().filter(l -> !l.isBlank()).toList();
        String[] header = lines.getFirst().trim().split("\\s+");
        Map<Persona, Map<String, Outcome>> expected = new LinkedHashMap<>();
        for (int column = 1; column < header.length; column++) {
            expected.put(Persona.valueOf(header[column].toUpperCase()), new LinkedHashMap<>());
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).as("row %s", line).hasSize(header.length);
            for (int column = 1; column < cells.length; column++) {
                expected.get(Persona.valueOf(header[column].toUpperCase())).put(cells[0], Outcome.valueOf(cells[column]));
            }
        }
        return expected;
    }
}
