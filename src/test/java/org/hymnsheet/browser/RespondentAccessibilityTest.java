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
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ResponseStatus;
import org.hymnsheet.security.Role;
import java.util.Set;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.YouSaidService;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.surveys.SurveyTargets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The respondent screens for everyone: axe-core finds no serious or critical violation on any of them, in
 * English and in Welsh; a keyboard alone completes a survey; at 320 px wide nothing scrolls sideways and the
 * main buttons are big enough to tap.
 *
 * <p>The kiosk's idle countdown starts after 2 s here and lasts a minute, so it can be checked at leisure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser-respondent-a11y;DB_CLOSE_DELAY=-1",
        "hymnsheet.kiosk.idle-seconds=2",
        "hymnsheet.kiosk.countdown-seconds=60",
        "hymnsheet.kiosk.hand-over-seconds=60",
        "hymnsheet.survey.leave-url=about:blank"})
class RespondentAccessibilityTest extends RespondentTestSupport {

    static Survey closed;

    /** Texts of each language, to see that the screens really are in it. */
    record Words(String lang, String start, String next, String send, String thanks, String help, String stillThere,
                 String nobody, String notFound, String closed, String keepGoing, String pinTitle, String aboutYou,
                 String preferNot, String youTold, String weDid) {}

    static final Words ENGLISH = new Words("en", "Start", "Next", "Send my answers", "Thank you", "Get help now",
            "Are you still there?", "Nobody", "Survey not found", "This survey is closed", "Keep going",
            "Leave kiosk mode", "How old are you?", "Prefer not to say", "You told us", "We did");
    static final Words WELSH = new Words("cy", "Dechrau", "Nesaf", "Anfon fy atebion", "Diolch", "Cael help nawr",
            "Ydych chi'n dal yma?", "Neb", "Heb ddod o hyd i'r arolwg", "Mae'r arolwg hwn wedi cau", "Dal ati",
            "Gadael modd ciosg", "Faint yw dy oed di?", "Gwell gen i beidio â dweud", "Dywedoch chi wrthon ni",
            "Gwnaethon ni");

    private Survey closedSurvey() {
        if (closed == null) {
            var w = world();
            Survey s = new SurveyTargets(spring, w.testWorld(), w.partnership()).survey();
            try {
                TestWorld.as(w.testWorld().account(w.partnership(), Role.FACILITATOR));
                closed = spring.getBean(SurveyService.class).close(s.id());
            } finally {
                TestWorld.anonymous();
            }
        }
        return closed;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "cy"})
    void every_respondent_screen_has_no_serious_or_critical_violations(String lang) {
        Words w = lang.equals("cy") ? WELSH : ENGLISH;
        page.navigate(url(linkPath()));
        assertWelcome(page, "Start");
        if (lang.equals("cy")) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cymraeg")).click();
            assertWelcome(page, w.start());
            assertThat(heading(page)).hasText("Lleoedd diogel ac oedolion rwyt ti'n ymddiried ynddyn nhw");
        }
        assertThat(page.locator("#get-help")).hasText(w.help());
        assertLang(page, lang);
        check(page, "welcome", lang);

        page.locator("#get-help").click();
        assertThat(page.locator("#help-panel")).isVisible();
        assertThat(page.locator("#help-panel")).containsText("Childline");
        check(page, "help panel open", lang);
        page.locator("#close-help").click();
        assertThat(page.locator("#help-panel")).isHidden();

        page.locator("#start").click();
        assertQuestion(page, 1);
        assertThat(page.locator(".question-field vaadin-radio-group.scale")).isVisible();
        check(page, "scale with faces", lang);
        radio(page, Pattern.compile("^\\S+ (Safe|Diogel)$")).click();
        next(page);

        assertQuestion(page, 2);
        assertThat(page.locator(".place-row")).hasCount(3);
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^(Think about the places|Meddylia am y lleoedd)")))).isVisible();
        check(page, "places with why", lang);
        next(page);

        assertQuestion(page, 3);
        assertThat(freeText(page)).isVisible();
        check(page, "free text", lang);
        next(page);

        assertQuestion(page, 4);
        check(page, "single choice", lang);
        next(page);

        assertQuestion(page, 5);
        assertThat(someoneElse(page)).isVisible();
        check(page, "trusted people with someone else", lang);
        checkbox(page, w.nobody()).click();
        next(page);

        assertQuestion(page, 6);
        assertThat(page.locator(".progress-text")).hasText(Pattern.compile(" 6 (of|o) 13$"));
        check(page, "single choice shown by branching", lang);
        next(page);
        assertQuestion(page, 7);
        assertThat(page.locator("#next")).hasText(w.next());
        next(page);

        // the standard "about you" questions: single choices, each with "prefer not to say"
        assertQuestion(page, 8);
        assertThat(page.locator(".question-field")).containsText(w.aboutYou());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)))
                .hasText(Pattern.compile("^(About you|Amdanat ti)"));
        assertThat(radio(page, Pattern.compile("^" + w.preferNot() + "$"))).isVisible();
        check(page, "about you: age", lang);
        nextUntil(page, 8, 13);
        assertThat(radio(page, Pattern.compile("^" + w.preferNot() + "$"))).isVisible();
        assertThat(page.locator("#next")).hasText(w.send());
        next(page);

        assertThat(heading(page)).hasText(w.thanks());
        check(page, "thank you", lang);

        // kiosk: the countdown dialog, and the staff PIN dialog
        page.navigate(url(kioskPath()));
        assertWelcome(page, "Start");
        if (lang.equals("cy")) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cymraeg")).click();
            assertWelcome(page, w.start());
        }
        page.locator("#kiosk-exit").click();
        assertThat(page.locator("#kiosk-pin")).isVisible();
        assertThat(page).hasURL(at(kioskPath() + "/staff"));
        assertThat(heading(page)).hasText(w.pinTitle());
        assertLang(page, lang);
        check(page, "kiosk PIN page", lang);
        page.keyboard().press("Escape"); // back to the welcome screen, in the language chosen there
        assertThat(page.locator("#kiosk-pin")).isHidden();
        assertWelcome(page, w.start());
        assertThat(page).hasURL(at(kioskPath()));
        page.locator("#start").click();
        assertQuestion(page, 1);
        assertThat(page.locator("#kiosk-countdown")).isVisible();
        assertThat(page.locator("vaadin-dialog[opened]")).hasAttribute("role", "alertdialog");
        assertThat(page.locator("vaadin-dialog[opened]")).hasAttribute("aria-label", w.stillThere());
        assertThat(page.locator("#keep-going")).hasText(w.keepGoing());
        assertThat(page.locator("#keep-going")).isVisible();
        dialogSettled(page);
        check(page, "kiosk countdown dialog", lang);

        // the pages without a language choice follow the browser's language
        try (BrowserContext other = browser.newContext(new Browser.NewContextOptions().setLocale(lang.equals("cy") ? "cy-GB" : "en-GB"))) {
            Page p = other.newPage();
            p.navigate(url("/survey"));
            assertThat(heading(p)).isVisible();
            assertLang(p, lang);
            check(p, "code entry", lang);
            p.locator("#survey-code input").fill("ZZZZZZ");
            p.locator("#survey-code-go").click();
            assertThat(p.locator("#survey-code")).hasAttribute("invalid", "");
            check(p, "code entry with an unknown code", lang);

            p.navigate(url("/s/" + closedSurvey().linkToken()));
            assertThat(heading(p)).hasText(w.closed());
            assertLang(p, lang);
            check(p, "closed survey", lang);

            p.navigate(url("/s/unknown-token"));
            assertThat(heading(p)).hasText(w.notFound());
            check(p, "survey not found", lang);
            p.navigate(url("/k/unknown-token"));
            assertThat(heading(p)).hasText(w.notFound());

            if (lang.equals("cy")) {
                p.navigate(url(linkPath()));
                assertWelcome(p, w.start());
                assertLang(p, "cy");
            }
        }
    }

    /** The check itself: axe runs in the page and a serious violation fails it, naming the rule. */
    @Test
    void the_accessibility_check_fails_on_a_page_with_a_button_without_a_name() {
        page.setContent("<!doctype html><html lang=\"en\"><head><title>Broken</title></head>"
                + "<body><main><h1>Broken</h1><button></button></main></body></html>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertAccessible(page, "a broken page"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("button-name");
    }

    /**
     * On a slow phone the words come first: the page's scripts are asked for only once its first screen is on the
     * screen (the browser's first-contentful-paint entry), or 1.2 s after the first frame when the browser is slow
     * to report it (3 s after the page at the latest). Times are the page's own (the performance timeline).
     */
    @Test
    void the_words_are_on_the_screen_before_any_script_is_asked_for() {
        page.addInitScript("requestAnimationFrame(() => { window.firstFrameAt = performance.now(); })");
        page.navigate(url(linkPath()));
        assertWelcome(page, "Start");
        @SuppressWarnings("unchecked")
        var times = (java.util.Map<String, Object>) page.evaluate("""
                () => ({
                  paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
                  frame: window.firstFrameAt ?? -1,
                  firstScript: Math.min(...performance.getEntriesByType('resource')
                      .filter(r => r.name.includes('/VAADIN/build/') && r.name.endsWith('.js')).map(r => r.startTime))
                })""");
        double paint = ((Number) times.get("paint")).doubleValue();
        double frame = ((Number) times.get("frame")).doubleValue();
        double firstScript = ((Number) times.get("firstScript")).doubleValue();
        assertThat(frame).as("the page's first animation frame").isPositive();
        // the loader's own limits: a while after the first frame, 3 s after the page
        int wait = org.hymnsheet.shell.FirstPaint.PAINT_WAIT_MILLIS;
        double allowed = Math.min(paint > 0 ? Math.min(paint, frame + wait) : frame + wait, 3000);
        assertThat(firstScript).as("the first script request (%s), against the first contentful paint (%s) and the first frame (%s)",
                firstScript, paint, frame).isGreaterThanOrEqualTo(allowed - 1);
    }

    @Test
    void a_keyboard_alone_completes_the_survey() {
        String mark = TestWorld.unique("").strip();
        String why = "Dark path " + mark;
        String text = "Brighter lights " + mark;
        page.navigate(url(linkPath()));
        assertWelcome(page);

        tabTo("the Start button", f -> f.startsWith("start|"));
        page.keyboard().press("Enter");
        assertQuestion(page, 1);

        // scale: Tab into the group, Space chooses the first face, the arrow moves to the second
        tabTo("the first face", f -> f.contains("|radio|") && f.endsWith("Very unsafe"));
        page.keyboard().press("Space");
        page.keyboard().press("ArrowRight");
        assertThat(radio(page, Pattern.compile(" Unsafe$"))).isChecked();
        assertThat(radio(page, Pattern.compile("Very unsafe$"))).not().isChecked();
        tabTo("Next", f -> f.startsWith("next|"));
        page.keyboard().press("Enter");

        // places: rate the first place, say why
        assertQuestion(page, 2);
        tabTo("the first place's ratings", f -> f.contains("|radio|") && f.endsWith("Feels safe"));
        page.keyboard().press("ArrowDown");
        assertThat(radio(placeRow(page, 0), Pattern.compile("^Not sure$"))).isChecked();
        tabTo("the first place's why", f -> f.contains("|INPUT|text|") && f.contains("Why?"));
        page.keyboard().type(why);
        tabTo("Next", f -> f.startsWith("next|"));
        page.keyboard().press("Enter");

        // free text
        assertQuestion(page, 3);
        tabTo("the text box", f -> f.contains("|TEXTAREA|"));
        page.keyboard().type(text);
        // Shift+Tab goes back, and the typed text stays
        tabTo("Next", f -> f.startsWith("next|"));
        page.keyboard().press("Shift+Tab");
        assertThat(focused()).startsWith("skip|");
        page.keyboard().press("Tab");
        assertThat(focused()).startsWith("next|");
        page.keyboard().press("Enter");

        // single choice
        assertQuestion(page, 4);
        tabTo("the first option", f -> f.contains("|radio|") && f.endsWith("At home"));
        page.keyboard().press("Space");
        tabTo("Next", f -> f.startsWith("next|"));
        page.keyboard().press("Enter");

        // trusted people: Space ticks a box
        assertQuestion(page, 5);
        tabTo("the first role", f -> f.contains("|checkbox|") && f.endsWith("Parent or carer"));
        page.keyboard().press("Space");
        assertThat(checkbox(page, "Parent or carer")).isChecked();
        tabTo("Next", f -> f.startsWith("next|"));
        page.keyboard().press("Enter");

        assertQuestion(page, 6);
        tabTo("Next", f -> f.startsWith("next|"));
        page.keyboard().press("Enter");

        // about you: Space chooses the first age band; the rest are skipped with Next
        assertQuestion(page, 7);
        tabTo("the first age band", f -> f.contains("|radio|") && f.endsWith("11 to 13"));
        page.keyboard().press("Space");
        for (int question = 7; question < QUESTIONS; question++) {
            assertQuestion(page, question);
            tabTo("Next", f -> f.startsWith("next|"));
            page.keyboard().press("Enter");
        }
        assertQuestion(page, QUESTIONS);
        tabTo("Send my answers", f -> f.startsWith("next|"));
        assertThat(page.locator("#next")).hasText("Send my answers");
        page.keyboard().press("Enter");
        assertThat(heading(page)).hasText("Thank you");

        DSLContext db = spring.getBean(DSLContext.class);
        String id = db.selectDistinct(ANSWER_TEXT.RESPONSE_ID).from(ANSWER_TEXT).where(ANSWER_TEXT.BODY.eq(text)).fetchSingle().value1();
        assertThat(db.select(RESPONSE.STATUS).from(RESPONSE).where(RESPONSE.ID.eq(id)).fetchSingle().value1()).isEqualTo(ResponseStatus.SUBMITTED);
        assertThat(db.select(ANSWER_SCALE.SCALE_VALUE).from(ANSWER_SCALE).where(ANSWER_SCALE.RESPONSE_ID.eq(id)).fetchSingle().value1())
                .isEqualTo((short) 2);
        assertThat(db.select(ANSWER_PLACE.RATING).from(ANSWER_PLACE).where(ANSWER_PLACE.RESPONSE_ID.eq(id)).fetch(ANSWER_PLACE.RATING))
                .containsExactly("NOT_SURE");
        assertThat(db.select(ANSWER_TEXT.BODY).from(ANSWER_TEXT).where(ANSWER_TEXT.RESPONSE_ID.eq(id)).fetch(ANSWER_TEXT.BODY))
                .containsExactlyInAnyOrder(why, text);
        assertThat(db.select(ANSWER_CHOICE.OPTION_ID).from(ANSWER_CHOICE).where(ANSWER_CHOICE.RESPONSE_ID.eq(id)).fetch(ANSWER_CHOICE.OPTION_ID))
                .containsExactlyInAnyOrder("home", "parent-carer", "11-13");
    }

    @Test
    void at_320_px_wide_nothing_scrolls_sideways_and_the_main_buttons_are_big_enough() {
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640)
                .setLocale("en-GB").setHasTouch(true).setIsMobile(true).setDeviceScaleFactor(2))) {
            Page p = phone.newPage();
            p.navigate(url(linkPath()));
            assertWelcome(p);
            assertFitsAt320(p, "welcome", "#get-help", "#leave-quickly", "#start");
            screenshotAt320(p, "welcome-320");

            p.locator("#get-help").click();
            assertThat(p.locator("#help-panel")).isVisible();
            assertFitsAt320(p, "help panel", "#get-help", "#leave-quickly", "#close-help");
            screenshotAt320(p, "help-panel-320");
            p.locator("#close-help").click();

            p.locator("#start").click();
            assertQuestion(p, 1);
            p.locator("#next").click();
            assertQuestion(p, 2);
            assertThat(p.locator(".place-row")).hasCount(3);
            assertFitsAt320(p, "places question", "#back", "#skip", "#next");
            screenshotAt320(p, "places-320");
        }
    }

    /**
     * On a phone every question of a survey reads whole, from the first to the last: a long statement wraps and is
     * never cut to one line with "…" (the layout rule of the workshop phones, {@link PhoneLayout}). The professionals'
     * 9xAs survey has the longest questions; the safe-places survey is the young people's.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"safe-places", "nine-as-conditions"})
    void on_a_phone_every_question_of_a_survey_reads_whole(String template) {
        var w = world();
        Survey survey;
        try {
            TestWorld.as(w.testWorld().account(w.partnership(), Role.FACILITATOR));
            SurveyService surveys = spring.getBean(SurveyService.class);
            survey = surveys.open(surveys.create(w.partnership(), template, TestWorld.unique("Whole")).id());
        } finally {
            TestWorld.anonymous();
        }
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("en-GB").setHasTouch(true).setIsMobile(true))) {
            Page p = phone.newPage();
            p.navigate(url("/s/" + survey.linkToken()));
            p.locator("#start").click();
            Locator progress = p.locator(".progress-text");
            assertThat(progress).hasText(Pattern.compile("^Question 1 of \\d+$"));
            int last = Integer.parseInt(progress.textContent().replaceAll("^.* of (\\d+)$", "$1"));
            for (int number = 1; ; number++) {
                assertQuestion(p, number);
                Locator question = p.locator(".question-field .question > label, #places-question").first();
                String words = question.textContent().strip();
                assertThat(PhoneLayout.assertWhole(p, template + ", question " + number)).as("checked whole")
                        .contains(words);
                assertAnswersOneUnderAnother(p, template + ", question " + number);
                if (number == 1) {
                    screenshot(p, "question-whole-" + template + "-390");
                }
                if (number == last) {
                    break;
                }
                p.locator("#skip").click();
            }
        }
    }

    /**
     * A question's answers stand one under another, each a row at least 44 px tall to tap (a five-point scale wrapped
     * after its third point before, and read "Not at all, Not really, Sort of" across and "Mostly, Totally" below).
     */
    private static void assertAnswersOneUnderAnother(Page p, String where) {
        List<?> rows = (List<?>) p.evaluate("""
                () => [...document.querySelectorAll('.question-field .question > vaadin-radio-button, .question-field .question > vaadin-checkbox')]
                    .map(e => e.getBoundingClientRect()).map(r => [r.top, r.bottom, r.height])""");
        double bottom = Double.NEGATIVE_INFINITY;
        for (Object row : rows) {
            List<?> r = (List<?>) row;
            double top = ((Number) r.get(0)).doubleValue();
            assertThat(top).as("%s: an answer starts below the one before", where).isGreaterThanOrEqualTo(bottom - 1);
            assertThat(((Number) r.get(2)).doubleValue()).as("%s: an answer's height to tap", where)
                    .isGreaterThanOrEqualTo(44);
            bottom = ((Number) r.get(1)).doubleValue();
        }
    }

    @Test
    void a_young_person_opens_you_said_we_did_by_its_link_in_english_and_welsh_with_a_keyboard_and_at_320_px() {
        String quote = "<img src=x onerror=alert(1)> Lights on the path " + TestWorld.unique("").strip();
        String did = "<script>alert('did')</script>\nThe council put lights on the canal path.";
        String token = youSaidSurvey(quote, did);

        page.navigate(url("/you-said/" + token));
        assertThat(heading(page)).hasText(youSaidTitle);
        assertLang(page, "en");
        assertThat(page.locator("#you-told-us h2")).hasText(ENGLISH.youTold());
        assertThat(page.locator("#you-said-answered")).containsText("Young people who answered: ");
        assertThat(page.locator(".you-said-quotes")).containsText(quote);
        // nobody rated the area: every count of that question is hidden, in the rule's words
        assertThat(page.locator(".you-said-hidden").first()).hasText("Every answer: fewer than 5 or held back");
        assertThat(page.locator(".you-said-actions li")).containsText("<script>alert('did')</script>");
        assertThat(page.locator(".you-said-actions li")).containsText("The council put lights on the canal path.");
        assertThat(page.locator("main img, main script")).hasCount(0);
        check(page, "you said, we did", "en");
        screenshot(page, "you-said-1366");

        // the keyboard reaches everything there is to use: the link to the page in Welsh
        assertThat(page.locator("main a[href], main button, main input, main [tabindex]")).hasCount(1);
        for (int i = 0; i < 10 && !"you-said-language-cy".equals(page.evaluate("() => document.activeElement.id")); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("you-said-language-cy");
        page.keyboard().press("Enter");
        assertLang(page, "cy");
        assertThat(page.locator("#you-told-us h2")).hasText(WELSH.youTold());
        assertThat(page.locator("#we-did h2")).hasText(WELSH.weDid());
        assertThat(heading(page)).hasText(youSaidTitle);
        check(page, "you said, we did", "cy");

        page.navigate(url("/you-said/no-such-page"));
        assertThat(heading(page)).hasText("Page not found");
        check(page, "you said, we did: not found", "en");

        for (int[] size : new int[][] {{320, 640}, {390, 844}}) {
            try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(size[0], size[1])
                    .setLocale("en-GB").setHasTouch(true).setIsMobile(true).setDeviceScaleFactor(2))) {
                Page p = phone.newPage();
                p.navigate(url("/you-said/" + token));
                assertThat(p.locator("#we-did")).isVisible();
                Number scrollWidth = (Number) p.evaluate("() => document.documentElement.scrollWidth");
                assertThat(scrollWidth.intValue()).as("page width at %d px", size[0]).isLessThanOrEqualTo(size[0]);
                screenshot(p, "you-said-" + size[0]);
            }
        }
    }

    static String youSaidTitle;

    /**
     * A survey with one release group (five young people aged 14–15 on their own phones), one approved answer in
     * their own words and one "we did" entry; returns its results token.
     */
    private String youSaidSurvey(String quote, String did) {
        var w = world();
        Survey survey = new SurveyTargets(spring, w.testWorld(), w.partnership()).survey();
        youSaidTitle = survey.title();
        ResponseService responses = spring.getBean(ResponseService.class);
        for (int i = 0; i < 5; i++) {
            String id = responses.start(responses.openByLink(survey.linkToken()), "en");
            responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("home")));
            responses.save(id, "about-age", new AnswerInput.Choice(Set.of("14-15")));
            if (i == 0) {
                responses.save(id, "make-safer", new AnswerInput.Text(quote));
            }
            responses.submit(id);
        }
        try {
            TestWorld.as(w.facilitator());
            QueueService queues = spring.getBean(QueueService.class);
            queues.pendingTexts(w.partnership(), 0, 500).stream().filter(t -> t.body().equals(quote))
                    .forEach(t -> queues.approve(t.id(), t.body(), t.flagged()));
            TestWorld.as(w.testWorld().account(w.partnership(), Role.LEAD));
            YouSaidService youSaid = spring.getBean(YouSaidService.class);
            youSaid.addAction(survey.id(), did);
            return youSaid.resultsToken(survey.id());
        } finally {
            TestWorld.anonymous();
        }
    }

    private void assertFitsAt320(Page p, String what, String... buttons) {
        Number scrollWidth = (Number) p.evaluate("() => document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("page width of %s at 320 px", what).isLessThanOrEqualTo(320);
        for (String button : buttons) {
            Locator b = p.locator(button);
            assertThat(b).isVisible();
            b.scrollIntoViewIfNeeded();
            BoundingBox box = b.boundingBox();
            assertThat(box.height).as("height of %s on %s", button, what).isGreaterThanOrEqualTo(44);
            assertThat(box.x).as("left edge of %s on %s", button, what).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).as("right edge of %s on %s", button, what).isLessThanOrEqualTo(320);
        }
    }

    private void screenshotAt320(Page p, String name) {
        screenshot(p, name);
        assertThat(SCREENSHOTS.resolve(getClass().getSimpleName()).resolve(name + ".png")).exists();
    }

    private void check(Page p, String screen, String lang) {
        assertAccessible(p, screen + " (" + lang + ")");
    }

    /** Waits until the open dialog has finished fading in, so colours are checked as they will be seen. */
    private static void dialogSettled(Page p) {
        p.waitForFunction("""
                () => { const d = document.querySelector('vaadin-dialog[opened]');
                        return d && !d.hasAttribute('opening')
                            && d.getAnimations({ subtree: true }).every(a => a.playState !== 'running'); }""");
    }

    private static void assertLang(Page p, String lang) {
        p.waitForFunction("l => document.documentElement.lang === l", lang);
    }

    /** Presses Tab (at most 40 times) until the focused element matches, and fails if it never does. */
    private void tabTo(String what, Predicate<String> wanted) {
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            if (wanted.test(focused())) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + what + "; focus is on " + focused());
    }

    /** "component id|TAG|type|label" of what has the keyboard focus, looking into shadow roots. */
    private String focused() {
        return String.valueOf(page.evaluate("""
                () => {
                  let e = document.activeElement;
                  while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
                  if (!e) return '';
                  const host = e.closest('vaadin-button, vaadin-text-area, vaadin-text-field, vaadin-radio-button, vaadin-checkbox');
                  const label = (e.labels && e.labels[0] ? e.labels[0].textContent : (host && host.label) || '').trim();
                  return (host && host.id ? host.id : '') + '|' + e.tagName + '|' + (e.type || '') + '|' + label;
                }"""));
    }
}
