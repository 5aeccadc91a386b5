package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.ANSWER_CHOICE;
import static org.hymnsheet.db.Tables.ANSWER_PLACE;
import static org.hymnsheet.db.Tables.ANSWER_SCALE;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.RESPONSE;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ResponseStatus;
import org.hymnsheet.testing.Blns;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A shared device in kiosk mode, and the ways a young person leaves a survey, in a real Chromium: two
 * respondents in turn leave nothing of each other (not in the page, the form fields, the history or the session
 * cookie); the idle countdown can be stopped and otherwise starts again; "Leave quickly" leaves for good; leaving
 * kiosk mode needs the PIN; a possible disclosure opens the help panel at once and reaches the safeguarding lead
 * with the device's label; free text reaches moderation exactly as typed.
 *
 * <p>Short kiosk timings for this class: 3 s idle, a 4 s countdown, 2 s after "thank you".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser-kiosk-journey;DB_CLOSE_DELAY=-1",
        "hymnsheet.kiosk.idle-seconds=3",
        "hymnsheet.kiosk.countdown-seconds=4",
        "hymnsheet.kiosk.hand-over-seconds=2",
        "hymnsheet.survey.leave-url=" + KioskJourneyTest.NEUTRAL_PAGE})
class KioskJourneyTest extends RespondentTestSupport {
    static final Pattern COUNTDOWN = Pattern.compile("in (\\d+) seconds");
    /** Where "Leave quickly" goes here: answered by the browser test itself, slowly (see {@link #slowly}). */
    static final String NEUTRAL_PAGE = "https://weather.invalid/today";

    /**
     * Answers a page 1.5 s late, as a busy server or a neutral website over a phone's network may. The page that sent
     * the browser there must wait for it, not reload itself meanwhile. The pause is the slow network itself, not a
     * wait for something to happen: a reload would come 250 ms into it and cancel the page on its way.
     */
    static void slowly(Route route, String body) {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (body == null) {
            route.resume();
        } else {
            route.fulfill(new Route.FulfillOptions().setContentType("text/html; charset=utf-8").setBody(body));
        }
    }

    @Test
    void two_respondents_in_turn_on_one_kiosk_leave_nothing_of_each_other() {
        List<String> documentCaching = new CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.request().isNavigationRequest() && r.url().contains("/k/")) {
                documentCaching.add(String.valueOf(r.headers().get("cache-control")));
            }
        });
        String mark = TestWorld.unique("").strip();
        String aWhy = "Dark underpass " + mark;
        String aText = "Purple lanterns along the canal " + mark;
        String aOther = "My climbing instructor " + mark;
        String aMore = "The bus shelter could have a camera " + mark;
        String bText = "More benches " + mark;
        List<String> ofA = List.of(aWhy, aText, aOther, aMore);

        page.navigate(url(kioskPath()));
        assertWelcome(page);
        Object historyBefore = page.evaluate("() => history.length");

        // respondent A answers every question
        page.locator("#start").click();
        String cookieA = sessionCookie(context);
        assertThat(cookieA).isNotBlank();
        assertQuestion(page, 1);
        radio(page, Pattern.compile("Very unsafe$")).click();
        assertThat(radio(page, Pattern.compile("Very unsafe$"))).isChecked();
        next(page);
        assertQuestion(page, 2);
        radio(placeRow(page, 0), Pattern.compile("^Feels unsafe$")).click();
        placeRow(page, 0).locator("vaadin-text-field input").fill(aWhy);
        radio(placeRow(page, 2), Pattern.compile("^Feels safe$")).click();
        next(page);
        assertQuestion(page, 3);
        freeText(page).fill(aText);
        next(page);
        assertQuestion(page, 4);
        radio(page, Pattern.compile("^At a youth club or group$")).click();
        next(page);
        assertQuestion(page, 5);
        checkbox(page, "Youth worker").click();
        someoneElse(page).fill(aOther);
        next(page);
        assertQuestion(page, 6);
        freeText(page).fill(aMore);
        next(page);
        nextUntil(page, 7, QUESTIONS);
        assertThat(page.locator("#next")).hasText("Send my answers");
        page.evaluate("() => window.respondentA = true");
        next(page);

        // thank you, then the device starts again by itself: a new page load in a new session
        assertThat(heading(page)).hasText("Thank you");
        assertThat(page.locator("main")).containsText("ready for the next person in 2 seconds");
        page.waitForFunction("() => window.respondentA === undefined && document.querySelector('#start') !== null");
        assertWelcome(page);
        String cookieAfterA = sessionCookie(context);
        assertThat(cookieAfterA).as("the session cookie after the reset").isNotBlank().isNotEqualTo(cookieA);
        assertThat(page.evaluate("() => history.length")).as("the reset replaces the page, adding no history")
                .isEqualTo(historyBefore);
        assertNothingOf(ofA, "after the reset");

        // Back, Forward and reload never bring A's answers back
        page.goBack();
        assertNothingOf(ofA, "after Back");
        assertThat(page).not().hasURL(at(kioskPath()));
        page.goForward();
        assertWelcome(page);
        assertNothingOf(ofA, "after Forward");
        page.reload();
        assertWelcome(page);
        assertNothingOf(ofA, "after reload");
        for (int step = 0; step < 3; step++) {
            page.goBack();
            assertNothingOf(ofA, "walking back through history");
        }
        page.goForward();
        assertWelcome(page);
        assertNothingOf(ofA, "walking forward through history");
        assertThat(sessionCookie(context)).isNotEqualTo(cookieA);

        // respondent B: nothing is chosen or filled in on any question
        String cookieB = sessionCookie(context);
        page.locator("#start").click();
        for (int question = 1; question <= QUESTIONS; question++) {
            assertQuestion(page, question);
            assertThat(page.locator(".question-field")).isVisible();
            assertThat(answeredControls(page)).as("controls chosen or filled in for B on question %d", question).isZero();
            assertNothingOf(ofA, "B's question " + question);
            if (question == 1) {
                radio(page, Pattern.compile(" Safe$")).click();
            } else if (question == 3) {
                freeText(page).fill(bText);
            }
            next(page);
        }
        assertThat(heading(page)).hasText("Thank you");
        page.waitForFunction("() => document.querySelector('#start') !== null");
        assertWelcome(page);
        assertThat(sessionCookie(context)).isNotEqualTo(cookieB).isNotEqualTo(cookieA);

        // stored: two submitted responses from this device, each with only its own answers
        DSLContext db = spring.getBean(DSLContext.class);
        String a = responseWithText(db, aText);
        String b = responseWithText(db, bText);
        assertThat(a).isNotEqualTo(b);
        for (String id : List.of(a, b)) {
            var row = db.selectFrom(RESPONSE).where(RESPONSE.ID.eq(id)).fetchSingle();
            assertThat(row.getStatus()).isEqualTo(ResponseStatus.SUBMITTED);
            assertThat(row.getDeviceLabel()).isEqualTo(world().kiosk().label());
        }
        assertThat(db.select(ANSWER_SCALE.SCALE_VALUE).from(ANSWER_SCALE).where(ANSWER_SCALE.RESPONSE_ID.eq(a)).fetchOne().value1())
                .isEqualTo((short) 1);
        assertThat(db.select(ANSWER_SCALE.SCALE_VALUE).from(ANSWER_SCALE).where(ANSWER_SCALE.RESPONSE_ID.eq(b)).fetchOne().value1())
                .isEqualTo((short) 4);
        assertThat(db.select(ANSWER_TEXT.BODY).from(ANSWER_TEXT).where(ANSWER_TEXT.RESPONSE_ID.eq(a)).fetch(ANSWER_TEXT.BODY))
                .containsExactlyInAnyOrderElementsOf(ofA);
        assertThat(db.fetchCount(ANSWER_PLACE, ANSWER_PLACE.RESPONSE_ID.eq(a))).isEqualTo(2);
        assertThat(db.fetchCount(ANSWER_CHOICE, ANSWER_CHOICE.RESPONSE_ID.eq(a))).isEqualTo(2);
        assertThat(db.select(ANSWER_TEXT.BODY).from(ANSWER_TEXT).where(ANSWER_TEXT.RESPONSE_ID.eq(b)).fetch(ANSWER_TEXT.BODY))
                .containsExactly(bText);
        assertThat(db.fetchCount(ANSWER_PLACE, ANSWER_PLACE.RESPONSE_ID.eq(b))).isZero();
        assertThat(db.fetchCount(ANSWER_CHOICE, ANSWER_CHOICE.RESPONSE_ID.eq(b))).isZero();

        assertThat(documentCaching).as("every load of the kiosk page").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void respondent_pages_are_sent_with_no_store_and_no_referrer() {
        for (String path : List.of(kioskPath(), linkPath(), "/survey", "/s/unknown-token", "/k/unknown-token")) {
            var response = context.request().get(url(path));
            assertThat(response.status()).as(path).isEqualTo(200);
            Map<String, String> headers = response.headers();
            assertThat(headers.get("cache-control")).as("Cache-Control of %s", path).contains("no-store");
            assertThat(headers.get("referrer-policy")).as("Referrer-Policy of %s", path).isEqualTo("no-referrer");
        }
    }

    @Test
    void idle_shows_a_countdown_that_keep_going_stops_and_that_otherwise_starts_again() {
        page.navigate(url(kioskPath()));
        page.locator("#start").click();
        assertQuestion(page, 1);
        Locator safe = radio(page, Pattern.compile(" Safe$"));
        safe.click();
        assertThat(safe).isChecked();
        String cookie = sessionCookie(context);

        // no tap for 3 s: a dialog counts down the seconds that are left
        Locator countdown = page.locator("#kiosk-countdown");
        assertThat(countdown).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(8_000));
        Locator dialog = page.locator("vaadin-dialog[opened]");
        assertThat(dialog).hasAttribute("role", "alertdialog");
        assertThat(dialog).hasAttribute("aria-label", "Are you still there?");
        int first = seconds(countdown.textContent());
        assertThat(first).isBetween(1, 4);
        assertThat(countdown).not().hasText(countdown.textContent());
        int second = seconds(countdown.textContent());
        assertThat(second).as("the countdown goes down").isLessThan(first);

        // "Keep going" closes it; the answer on screen is still there, in the same session
        page.locator("#keep-going").click();
        assertThat(countdown).isHidden();
        assertQuestion(page, 1);
        assertThat(safe).isChecked();
        assertThat(sessionCookie(context)).isEqualTo(cookie);

        // waiting again: the countdown runs out and the device starts again, in a new session
        page.evaluate("() => window.beforeIdle = true");
        assertThat(countdown).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(8_000));
        page.waitForFunction("() => window.beforeIdle === undefined && document.querySelector('#start') !== null",
                null, new Page.WaitForFunctionOptions().setTimeout(10_000));
        assertWelcome(page);
        assertThat(sessionCookie(context)).as("session cookie after the idle reset").isNotEqualTo(cookie);
        page.locator("#start").click();
        assertQuestion(page, 1);
        assertThat(answeredControls(page)).isZero();
    }

    @Test
    void leave_quickly_leaves_for_good() {
        page.route(NEUTRAL_PAGE, route -> slowly(route, "<!doctype html><title>Weather</title><h1>Today's weather</h1>"));
        page.navigate(url("/login"));
        page.navigate(url(linkPath()));
        page.locator("#start").click();
        radio(page, Pattern.compile("Unsafe$")).first().click();
        next(page);
        assertQuestion(page, 2);
        String cookie = sessionCookie(context);

        page.locator("#leave-quickly").click();
        // the neutral page arrives late, and the survey does not reload itself while it is on its way
        page.waitForURL(NEUTRAL_PAGE);
        assertThat(page.locator("h1")).hasText("Today's weather"); // the survey's page, and its timers, are gone now
        assertThat(page.content()).doesNotContain("Safe places");

        // Back does not return to the survey: the survey's history entry was replaced
        page.goBack();
        assertThat(page).hasURL(at("/login"));
        assertThat(page.locator(".progress-text")).hasCount(0);

        // the old session is gone: a fresh load gets a new session cookie and the welcome screen
        page.navigate(url(linkPath()));
        assertWelcome(page);
        assertThat(sessionCookie(context)).as("session cookie after leaving").isNotEqualTo(cookie);
    }

    /**
     * The answers are sent and the session ends; the thank-you screen comes 1.5 s later. Before, the answer that
     * ended the session also said "session expired", and 250 ms later the survey page reloaded its own address,
     * cancelling the thank-you screen on its way (seen in a full test run on a busy machine).
     */
    @Test
    void a_thank_you_screen_that_is_slow_to_come_still_comes() {
        List<String> sockets = new CopyOnWriteArrayList<>();
        page.onWebSocket(ws -> sockets.add(ws.url()));
        page.route(Pattern.compile(".*[?&]thanks=.*"), route -> slowly(route, null));
        page.navigate(url(linkPath()));
        page.locator("#start").click();
        nextUntil(page, 1, QUESTIONS);
        assertThat(page.locator("#next")).hasText("Send my answers");
        next(page);
        assertThat(heading(page)).hasText("Thank you");
        assertThat(page).hasURL(Pattern.compile("[?&]thanks=en$")); // the survey's page, and its timers, are gone now

        // nothing is pushed to a young person's page, and none of them opens a push connection (decision 0028):
        // one left open would also tell the page "session expired" when its session ends, and so reload it
        page.navigate(url(kioskPath()));
        assertWelcome(page);
        page.locator("#start").click();
        assertQuestion(page, 1);
        assertThat(sockets).as("WebSockets opened by the survey, thank-you and kiosk pages").isEmpty();
    }

    @Test
    void leaving_kiosk_mode_needs_the_pin() {
        page.navigate(url(kioskPath()));
        assertWelcome(page);
        String cookie = sessionCookie(context);
        page.locator("#kiosk-exit").click();
        Locator pin = page.locator("#kiosk-pin");
        pin.locator("input").fill("1357");
        page.locator("#kiosk-exit-confirm").click();
        assertThat(pin).hasAttribute("invalid", "");
        assertThat(pin).containsText("That PIN is not right.");
        assertThat(pin.locator("input")).hasValue("");
        assertThat(page).hasURL(at(kioskPath() + "/staff"));

        pin.locator("input").fill(KIOSK_PIN);
        page.locator("#kiosk-exit-confirm").click();
        assertThat(page).hasURL(at("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(sessionCookie(context)).isNotEqualTo(cookie);
    }

    @Test
    void a_possible_disclosure_opens_help_at_once_and_reaches_the_safeguarding_lead_with_the_device() {
        String disclosure = "my stepdad hits me";
        page.navigate(url(kioskPath()));
        page.locator("#start").click();
        assertQuestion(page, 1);
        page.locator("#skip").click();
        assertQuestion(page, 2);
        page.locator("#skip").click();
        assertQuestion(page, 3);
        assertThat(page.locator("#help-panel")).isHidden();
        freeText(page).fill(disclosure);
        next(page);

        Locator help = page.locator("#help-panel");
        assertThat(help).isVisible();
        assertThat(help).containsText("Thank you for telling us.");
        assertThat(help).containsText("Childline");
        assertThat(help).containsText("0800 1111");
        assertThat(page.locator("#get-help")).hasAttribute("aria-expanded", "true");
        assertThat(page.locator("#help-title")).isFocused();
        screenshot(page, "disclosure-help");

        // the safeguarding lead sees it at once, with the device it came from
        try (BrowserContext staff = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            Page lead = staff.newPage();
            signInToHome(lead, world().safeguardingLead().email(), TestWorld.PASSWORD);
            lead.navigate(url("/safeguarding"));
            assertThat(heading(lead)).hasText("Safeguarding queue");
            Locator cards = lead.locator("#safeguarding-queue .flag-card");
            assertThat(cards.getByText(disclosure, FirstRunJourneyTest.exact())).isVisible();
            assertThat(cards.getByText(world().kiosk().label(), FirstRunJourneyTest.exact()).first()).isVisible();
            assertThat(cards.getByText("Physical harm and violence", FirstRunJourneyTest.exact()).first()).isVisible();
        }
    }

    @Test
    void free_text_reaches_moderation_exactly_as_typed() {
        List<String> fromBlns = List.of("<script>alert(123)</script>", "<img src=x onerror=alert(123) />",
                "\"><script>alert(123)</script>");
        assertThat(Blns.strings()).containsAll(fromBlns);
        List<String> hostile = new ArrayList<>(fromBlns);
        hostile.add("<script>alert(1)</script>");
        String mark = TestWorld.unique("").strip();
        hostile.replaceAll(h -> h + " " + mark);
        List<String> dialogs = new CopyOnWriteArrayList<>();

        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.navigate(url(linkPath()));
        page.locator("#start").click();
        assertQuestion(page, 1);
        page.locator("#skip").click();
        assertQuestion(page, 2);
        radio(placeRow(page, 0), Pattern.compile("^Not sure$")).click();
        placeRow(page, 0).locator("vaadin-text-field input").fill(hostile.get(0));
        next(page);
        freeText(page).fill(hostile.get(1));
        next(page);
        assertQuestion(page, 4);
        page.locator("#skip").click();
        assertQuestion(page, 5);
        someoneElse(page).fill(hostile.get(2));
        next(page);
        freeText(page).fill(hostile.get(3));
        next(page);
        nextUntil(page, 7, QUESTIONS);
        next(page);
        assertThat(heading(page)).hasText("Thank you");

        try (BrowserContext staff = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            Page facilitator = staff.newPage();
            facilitator.onDialog(d -> {
                dialogs.add(d.message());
                d.dismiss();
            });
            signInToHome(facilitator, world().facilitator().email(), TestWorld.PASSWORD);
            facilitator.navigate(url("/moderation"));
            assertThat(heading(facilitator)).hasText("Moderation");
            Locator cells = facilitator.locator("vaadin-grid-cell-content");
            for (String text : hostile) {
                assertThat(cells.getByText(text, FirstRunJourneyTest.exact())).isVisible();
            }
            assertThat(gridCellTexts(facilitator)).containsAll(hostile);
            assertThat(facilitator.locator("vaadin-grid-cell-content script, vaadin-grid-cell-content img")).hasCount(0);
            screenshot(facilitator, "moderation-literal");
        }
        assertThat(dialogs).as("no alert may open").isEmpty();
    }

    private void assertNothingOf(List<String> texts, String when) {
        String content = page.content();
        String values = domValues(page);
        for (String text : texts) {
            assertThat(content).as("page content %s", when).doesNotContain(text);
            assertThat(values).as("form values %s", when).doesNotContain(text);
        }
        assertThat(values).as("choices %s", when).doesNotContain("Very unsafe").doesNotContain("Youth worker")
                .doesNotContain("youth club");
    }

    private static int seconds(String text) {
        Matcher m = COUNTDOWN.matcher(text);
        assertThat(m.find()).as("countdown text: %s", text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String responseWithText(DSLContext db, String body) {
        return db.selectDistinct(ANSWER_TEXT.RESPONSE_ID).from(ANSWER_TEXT).where(ANSWER_TEXT.BODY.eq(body))
                .fetchSingle().value1();
    }
}
