package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import java.util.regex.Pattern;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.Kiosk;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.surveys.SurveyTargets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What the respondent-screen tests share: a partnership with two places, an open safe-places survey with a
 * kiosk, and helpers that answer the survey's screens the way a young person would.
 *
 * <p>The safe-places survey shows twelve questions unless "Nobody" is chosen as a trusted adult: the scale with
 * faces, the places with "why", "what would make it safer" (free text), "where do you feel most safe" (single
 * choice), trusted adults with "someone else", "anything else" (free text), then the six standard "about you"
 * questions (single choice, each with "Prefer not to say").
 */
abstract class RespondentTestSupport extends BrowserTestSupport {
    static final String KIOSK_PIN = "2468";
    static final int QUESTIONS = 12;
    /** The standard "about you" questions at the end of the survey. */
    static final int ABOUT_YOU = 6;

    /** One world per test class (each class has its own in-memory database). */
    static World world;

    record World(TestWorld testWorld, long partnership, TestWorld.Persona facilitator, TestWorld.Persona safeguardingLead,
                 Survey survey, Kiosk kiosk) {}

    @Autowired
    ApplicationContext spring;

    World world() {
        if (world == null || !spring.equals(worldContext)) {
            TestWorld testWorld = new TestWorld(spring);
            testWorld.markInstalled();
            long p = testWorld.partnership();
            testWorld.place(p);
            testWorld.place(p);
            var facilitator = testWorld.account(p, Role.FACILITATOR);
            var lead = testWorld.account(p, Role.SAFEGUARDING_LEAD);
            Survey survey = new SurveyTargets(spring, testWorld, p).survey();
            Kiosk kiosk;
            try {
                TestWorld.as(facilitator);
                kiosk = spring.getBean(SurveyService.class).addKiosk(survey.id(), TestWorld.unique("Youth club tablet"), KIOSK_PIN);
            } finally {
                TestWorld.anonymous();
            }
            world = new World(testWorld, p, facilitator, lead, survey, kiosk);
            worldContext = spring;
        }
        return world;
    }

    private static ApplicationContext worldContext;

    String linkPath() {
        return "/s/" + world().survey().linkToken();
    }

    String kioskPath() {
        return "/k/" + world().kiosk().token();
    }

    /** The value of the servlet session cookie the browser holds for this server, or null. */
    String sessionCookie(BrowserContext context) {
        return context.cookies(url("/")).stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value)
                .findFirst().orElse(null);
    }

    List<Cookie> cookies(BrowserContext context) {
        return context.cookies(url("/"));
    }

    /** Waits for the welcome screen of the survey (its Start button) in the given language. */
    void assertWelcome(Page page, String start) {
        assertThat(page.locator("#start")).isVisible();
        assertThat(page.locator("#start")).hasText(start);
        assertThat(page.locator(".progress-text")).hasCount(0);
    }

    void assertWelcome(Page page) {
        assertWelcome(page, "Start");
        assertThat(heading(page)).hasText("Safe places and trusted adults");
    }

    void assertQuestion(Page page, int number) {
        assertThat(page.locator(".progress-text")).hasText(Pattern.compile("^(Question|Cwestiwn) " + number + " (of|o) \\d+$"));
    }

    /** The radio button (of any group under scope) whose label matches. */
    static Locator radio(Locator scope, Pattern label) {
        return scope.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(label));
    }

    static Locator radio(Page page, Pattern label) {
        return radio(page.locator(".question-field"), label);
    }

    static Locator checkbox(Page page, String label) {
        return page.locator(".question-field").getByRole(AriaRole.CHECKBOX,
                new Locator.GetByRoleOptions().setName(label).setExact(true));
    }

    static Locator placeRow(Page page, int index) {
        return page.locator(".question-field .place-row").nth(index);
    }

    static Locator freeText(Page page) {
        return page.locator(".question-field vaadin-text-area textarea");
    }

    static Locator someoneElse(Page page) {
        return page.locator(".question-field vaadin-text-field input");
    }

    /** Every value the page's form controls hold, including checked state, as the browser sees it now. */
    static String domValues(Page page) {
        return String.valueOf(page.evaluate("""
                () => Array.from(document.querySelectorAll('input, textarea'))
                    .map(e => (e.type === 'radio' || e.type === 'checkbox') ? (e.checked ? 'checked:' + (e.labels[0]?.textContent ?? e.value) : '') : e.value)
                    .join('\\n')"""));
    }

    /** How many answer controls on the current question are chosen or filled in. */
    static int answeredControls(Page page) {
        return ((Number) page.evaluate("""
                () => Array.from(document.querySelectorAll('.question-field input, .question-field textarea'))
                    .filter(e => (e.type === 'radio' || e.type === 'checkbox') ? e.checked : e.value !== '').length""")).intValue();
    }

    void next(Page page) {
        page.locator("#next").click();
    }

    /** Presses Next on questions {@code from} to {@code last - 1}, leaving the page on the last question. */
    void nextUntil(Page page, int from, int last) {
        for (int question = from; question < last; question++) {
            assertQuestion(page, question);
            next(page);
        }
        assertQuestion(page, last);
    }
}
