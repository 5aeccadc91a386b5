package org.hymnsheet.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.PARTNERSHIP;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.surveys.SurveyTargets;
import org.hymnsheet.surveys.YouSaidService;
import org.hymnsheet.workshops.WorkshopService;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/**
 * Who may open which page: the specification for every persona and every route. {@code RouteAccessViewTest}
 * checks every cell against the app's views and its navigation access control without a browser;
 * {@code RouteAccessMatrixTest} checks a sample of cells, one for each kind of outcome, in a real browser behind the
 * real filter chain, and the whole anonymous column over HTTP.
 *
 * <p>Partnership P has a facilitator, a strategic lead, a safeguarding lead and an administrator, and an agency
 * only P has; partnership Q has its own administrator, who must never see anything of P's.
 */
public final class RouteAccessTable {

    public enum Persona { ANONYMOUS, FACILITATOR, LEAD, SAFEGUARDING_LEAD, ADMIN_OF_P, ADMIN_OF_Q }

    public enum Outcome {
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
         * A survey's questions opened without a visit under way in this tab (a reload, an address typed or shared, a
         * new session): the page before them (the survey's welcome screen, or the code page) at its own address.
         */
        TO_SURVEY_START,
        /** A kiosk's "leave kiosk mode" page: the PIN field, outside the staff layout. */
        KIOSK_EXIT,
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
    public static final String TABLE = """
            route                anonymous  facilitator  lead    safeguarding_lead  admin_of_p    admin_of_q
            /                    LOGIN      OPEN         OPEN    OPEN               OPEN          OPEN
            /account             LOGIN      OPEN         OPEN    OPEN               OPEN          OPEN
            /admin/partnerships  LOGIN      DENIED       DENIED  DENIED             OPEN          OPEN
            /admin/agencies      LOGIN      DENIED       DENIED  DENIED             OPEN_LISTS_P  OPEN
            /admin/places        LOGIN      DENIED       DENIED  DENIED             OPEN          OPEN
            /admin/accounts      LOGIN      DENIED       DENIED  DENIED             OPEN_LISTS_P  OPEN
            /admin/population    LOGIN      DENIED       DENIED  DENIED             OPEN          OPEN
            /admin/retention     LOGIN      DENIED       DENIED  DENIED             OPEN          OPEN
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
            /s/{s}/questions     TO_SURVEY_START STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT
            /k/{k}/questions     TO_SURVEY_START STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT
            /survey/questions    TO_SURVEY_START STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT
            /k/{k}/staff         KIOSK_EXIT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT
            /k/unknown-token/staff SURVEY_NOT_FOUND STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT STAFF_SIGN_OUT
            /w/ABC123/text-scripts NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND            NOT_FOUND     NOT_FOUND
            /w/ABC123/choice-scripts NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND          NOT_FOUND     NOT_FOUND
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

    /** Every route of the app that a person can open, in the table's order. */
    public static final List<String> ROUTES = List.of("/", "/account", "/admin/partnerships", "/admin/agencies",
            "/admin/places", "/admin/accounts", "/admin/population", "/admin/retention", "/setup", "/login", "/no-such-page", "/surveys",
            "/moderation", "/safeguarding", "/templates", "/survey", "/s/unknown-token", "/k/unknown-token", "/s/{s}",
            "/k/{k}", "/s/{s}/questions", "/k/{k}/questions", "/survey/questions", "/k/{k}/staff", "/k/unknown-token/staff",
            "/w/ABC123/text-scripts", "/w/ABC123/choice-scripts", "/workshops", "/join", "/workshops/{w}", "/workshops/{w}/record", "/workshops/{w}/board",
            "/second-factor", "/findings", "/findings/print", "/audit", "/we-did", "/you-said/{r}",
            "/you-said/unknown-token");

    /** The heading each route shows when it opens. */
    public static final Map<String, Pattern> HEADINGS = Map.ofEntries(
            Map.entry("/", Pattern.compile("^Welcome, Test ")),
            Map.entry("/account", Pattern.compile("^My account$")),
            Map.entry("/admin/partnerships", Pattern.compile("^Partnerships$")),
            Map.entry("/admin/agencies", Pattern.compile("^Agencies$")),
            Map.entry("/admin/places", Pattern.compile("^Places$")),
            Map.entry("/admin/accounts", Pattern.compile("^Staff accounts$")),
            Map.entry("/admin/population", Pattern.compile("^The area's young people$")),
            Map.entry("/admin/retention", Pattern.compile("^Data retention$")),
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

    public static final Map<Persona, Map<String, Outcome>> EXPECTED = parse(TABLE);

    private RouteAccessTable() {}

    /** The expected outcome of one cell. */
    public static Outcome expected(Persona persona, String route) {
        return EXPECTED.get(persona).get(route);
    }

    /**
     * Partnerships P and Q with their staff, and P's things that stand in for the routes' parameters: a workshop
     * for {w}, an open survey for {s}, its kiosk for {k}, the secret of its "you said, we did" page for {r}.
     */
    public record World(TestWorld.Persona[] signIns, String pPartnership, String pAgency, List<String> pEmails,
            long pWorkshop, String pWorkshopTitle, String pSurveyLink, String pKiosk, String pResults,
            String pSurveyTitle) {

        public static World create(ApplicationContext spring) {
            TestWorld world = new TestWorld(spring);
            world.markInstalled();
            long p = world.partnership();
            long q = world.partnership();
            String pAgency = TestWorld.unique("P-only agency");
            world.agency(p, pAgency);
            var signIns = new TestWorld.Persona[Persona.values().length];
            signIns[Persona.FACILITATOR.ordinal()] = world.account(p, Role.FACILITATOR);
            signIns[Persona.LEAD.ordinal()] = world.account(p, Role.LEAD);
            signIns[Persona.SAFEGUARDING_LEAD.ordinal()] = world.account(p, Role.SAFEGUARDING_LEAD);
            signIns[Persona.ADMIN_OF_P.ordinal()] = world.account(p, Role.ADMIN);
            signIns[Persona.ADMIN_OF_Q.ordinal()] = world.account(q, Role.ADMIN);
            List<String> pEmails = Arrays.stream(signIns).filter(s -> s != null && s.partnershipId() == p)
                    .map(TestWorld.Persona::email).toList();
            String pPartnership = spring.getBean(DSLContext.class).select(PARTNERSHIP.NAME).from(PARTNERSHIP)
                    .where(PARTNERSHIP.ID.eq(p)).fetchSingle().value1();
            String pWorkshopTitle = TestWorld.unique("Workshop P");
            TestWorld.as(signIns[Persona.FACILITATOR.ordinal()]);
            try {
                long pWorkshop = spring.getBean(WorkshopService.class).create(p, "hymn-sheet", pWorkshopTitle).id();
                Survey survey = new SurveyTargets(spring, world, p).survey();
                String pKiosk = spring.getBean(SurveyService.class)
                        .addKiosk(survey.id(), TestWorld.unique("Tablet"), "2468").token();
                TestWorld.as(signIns[Persona.LEAD.ordinal()]);
                String pResults = spring.getBean(YouSaidService.class).resultsToken(survey.id());
                return new World(signIns, pPartnership, pAgency, pEmails, pWorkshop, pWorkshopTitle,
                        survey.linkToken(), pKiosk, pResults, survey.title());
            } finally {
                TestWorld.anonymous();
            }
        }

        /** The account the persona signs in with, or null for the anonymous visitor. */
        public TestWorld.Persona account(Persona persona) {
            return signIns[persona.ordinal()];
        }

        /** The address of a route, with P's things in place of its parameters. */
        public String path(String route) {
            return route.replace("{w}", String.valueOf(pWorkshop)).replace("{s}", pSurveyLink).replace("{k}", pKiosk)
                    .replace("{r}", pResults);
        }

        /** What of partnership P partnership Q's administrator must never be shown or sent. */
        public List<String> secretsOfP() {
            var secrets = new java.util.ArrayList<>(pEmails);
            secrets.add(pAgency);
            secrets.add(pPartnership);
            secrets.add(pWorkshopTitle);
            return secrets;
        }

        /** The texts a page that lists P's own agencies or accounts must show. */
        public List<String> ownListing(String route) {
            return route.equals("/admin/agencies") ? List.of(pAgency) : pEmails;
        }
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
