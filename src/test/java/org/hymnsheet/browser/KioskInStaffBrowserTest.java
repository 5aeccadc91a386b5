package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.hymnsheet.accounts.TestWorld;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A respondent page never runs inside a signed-in staff session, and a respondent's server session ends with
 * their visit: a kiosk opened in the facilitator's own browser signs the facilitator out first (and says so), so
 * the young person's Back and typed staff addresses reach only the sign-in page; the session ends at submit, not
 * at the hand-over; "Leave quickly" on a kiosk starts the kiosk afresh instead of leaving kiosk mode; and the
 * kiosk's welcome screen says plainly that the device's name is kept, and why.
 *
 * <p>A long hand-over (30 s) here, so that Back on the thank-you screen always comes before it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser-kiosk-in-staff-browser;DB_CLOSE_DELAY=-1",
        "hymnsheet.kiosk.idle-seconds=120",
        "hymnsheet.kiosk.hand-over-seconds=30",
        "hymnsheet.survey.leave-url=about:blank"})
class KioskInStaffBrowserTest extends RespondentTestSupport {
    static final List<String> STAFF_ADDRESSES = List.of("/moderation", "/surveys", "/admin/accounts",
            "/admin/agencies", "/workshops", "/safeguarding", "/templates", "/account", "/");

    @Test
    void a_kiosk_opened_in_a_staff_browser_signs_the_facilitator_out_and_back_and_staff_addresses_reach_nothing_of_theirs() {
        TestWorld.Persona facilitator = world().facilitator();
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        page.navigate(url("/surveys"));
        assertThat(heading(page)).hasText("Young people's surveys");
        String staffCookie = sessionCookie(context);

        // the facilitator opens the kiosk link in the same browser: told first, and nothing of the survey yet
        page.navigate(url(kioskPath()));
        assertThat(heading(page)).hasText("You are signed in as staff");
        assertThat(page.locator("main")).containsText("you will be signed out of this browser");
        assertThat(page.locator("#start")).hasCount(0);
        assertThat(page.locator("#sign-out")).hasCount(0);
        assertNoStaffData(facilitator, "the sign-out notice");
        assertAccessible(page, "the sign-out notice");
        page.locator("#staff-sign-out").click();

        // the kiosk starts in a fresh, anonymous session
        assertWelcome(page);
        assertThat(page).hasURL(at(kioskPath()));
        assertThat(sessionCookie(context)).as("session after signing out for the kiosk").isNotEqualTo(staffCookie);

        // the young person presses Back: the staff page asks for a sign-in
        page.goBack();
        assertSignInOnly(facilitator, "after Back");
        page.goBack();
        assertSignInOnly(facilitator, "after a second Back");

        // and typed staff addresses reach only the sign-in page
        for (String path : STAFF_ADDRESSES) {
            page.navigate(url(path));
            assertSignInOnly(facilitator, "typing " + path);
        }
    }

    @Test
    void a_survey_link_and_the_code_page_opened_in_a_staff_browser_sign_the_staff_member_out_first() {
        TestWorld.Persona lead = world().safeguardingLead();
        for (String path : List.of(linkPath(), "/survey")) {
            context.clearCookies();
            signInToHome(page, lead.email(), TestWorld.PASSWORD);
            page.navigate(url(path));
            assertThat(heading(page)).hasText("You are signed in as staff");
            assertThat(page.locator("#start, #survey-code")).hasCount(0);
            page.locator("#staff-sign-out").click();
            assertThat(page).hasURL(at(path));
            assertThat(page.locator(path.equals("/survey") ? "#survey-code" : "#start")).isVisible();
            page.navigate(url("/safeguarding"));
            assertSignInOnly(lead, "the safeguarding queue after " + path);
        }
    }

    @Test
    void the_respondents_server_session_ends_at_submit_so_back_on_the_thank_you_screen_keeps_nothing_for_the_next() {
        page.navigate(url("/login"));
        page.navigate(url(kioskPath()));
        assertWelcome(page);
        String respondent = sessionCookie(context);
        page.locator("#start").click();
        for (int question = 1; question <= QUESTIONS; question++) {
            assertQuestion(page, question);
            page.locator("#skip").click();
        }
        assertThat(heading(page)).hasText("Thank you");

        // Back before the hand-over: the respondent's session is already gone
        page.goBack();
        assertThat(page).hasURL(at("/login"));
        page.navigate(url(kioskPath()));
        assertWelcome(page);
        assertThat(sessionCookie(context)).as("the next respondent's session").isNotEqualTo(respondent);
    }

    @Test
    void the_thank_you_screen_still_hands_over_to_the_welcome_screen() {
        page.clock().install();
        page.navigate(url(kioskPath()));
        page.locator("#start").click();
        for (int question = 1; question <= QUESTIONS; question++) {
            assertQuestion(page, question);
            page.locator("#skip").click();
        }
        assertThat(heading(page)).hasText("Thank you");
        assertThat(page.locator("main")).containsText("ready for the next person in 30 seconds");
        page.evaluate("() => window.before = true");
        page.waitForTimeout(4_000);
        assertThat(heading(page)).hasText("Thank you");
        assertThat(page.evaluate("() => window.before")).as("the thank-you screen stays until the hand-over").isEqualTo(true);
        page.clock().runFor(31_000);
        page.waitForFunction("() => window.before === undefined && document.querySelector('#start') !== null");
        assertWelcome(page);
        assertThat(page).hasURL(at(kioskPath()));
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void on_an_own_phone_the_thank_you_screen_comes_in_a_new_session_with_the_help_open_and_leave_quickly_working(
            org.springframework.boot.test.system.CapturedOutput log) {
        page.navigate(url(linkPath()));
        String respondent = sessionCookie(context);
        page.locator("#start").click();
        for (int question = 1; question <= QUESTIONS; question++) {
            assertQuestion(page, question);
            page.locator("#skip").click();
        }
        assertThat(heading(page)).hasText("Thank you");
        page.evaluate("() => window.thanked = true");
        page.waitForTimeout(4_000);
        assertThat(heading(page)).hasText("Thank you");
        assertThat(page.evaluate("() => window.thanked")).as("the thank-you screen is not reloaded").isEqualTo(true);

        assertThat(sessionCookie(context)).as("the thank-you screen's session").isNotEqualTo(respondent);
        org.assertj.core.api.Assertions.assertThat(log.getAll()).as("no device address in the log")
                .doesNotContain("received from").doesNotContain("0:0:0:0:0:0:0:1").doesNotContain("127.0.0.1");
        assertThat(page.locator("#help-panel")).isVisible();
        assertThat(page.locator("#help-panel")).containsText("Childline");
        assertThat(page.locator("#get-help")).hasAttribute("aria-expanded", "true");
        page.locator("#close-help").click();
        assertThat(page.locator("#help-panel")).isHidden();
        page.locator("#get-help").click();
        assertThat(page.locator("#help-panel")).isVisible();
        assertThat(page.evaluate("() => window.thanked")).isEqualTo(true);

        page.locator("#leave-quickly").click();
        page.waitForURL("about:blank");
        page.navigate(url(linkPath()));
        assertWelcome(page);
        assertThat(sessionCookie(context)).isNotEqualTo(respondent);
    }

    @Test
    void leave_quickly_on_a_kiosk_ends_the_visit_and_returns_to_the_kiosk_welcome_screen() {
        page.navigate(url(kioskPath()));
        page.locator("#start").click();
        radio(page, Pattern.compile(" Safe$")).click();
        next(page);
        assertQuestion(page, 2);
        String respondent = sessionCookie(context);

        page.locator("#leave-quickly").click();
        assertWelcome(page);
        assertThat(page).hasURL(at(kioskPath()));
        assertThat(page.locator("#kiosk-exit")).isVisible(); // still in kiosk mode
        assertThat(sessionCookie(context)).as("session after leaving quickly").isNotEqualTo(respondent);
        page.locator("#start").click();
        assertQuestion(page, 1);
        assertThat(answeredControls(page)).as("nothing of the respondent who left").isZero();
    }

    @Test
    void the_kiosk_welcome_screen_says_the_device_name_is_kept_and_why_and_when_answers_are_deleted_in_english_and_welsh() {
        String label = world().kiosk().label();
        page.navigate(url(kioskPath()));
        assertWelcome(page);
        var main = page.locator("main");
        assertThat(main).not().containsText("which device you use");
        assertThat(main).containsText("We keep your answers, the date, and the name of this device: \u201c" + label + "\u201d.");
        assertThat(main).containsText("if you tell us you are not safe, a safeguarding worker knows where to find you");
        // how long answers are kept: the partnership's retention period, by default a year
        assertThat(main).containsText("We delete all the answers 365 days after the survey closes.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cymraeg")).click();
        assertWelcome(page, "Dechrau");
        assertThat(main).containsText("Rydyn ni'n cadw eich atebion, y dyddiad, ac enw'r ddyfais hon: \u201c" + label + "\u201d.");
        assertThat(main).containsText("bod gweithiwr diogelu yn gwybod ble i ddod o hyd i chi");
        assertThat(main).containsText("Rydyn ni'n dileu'r holl atebion 365 diwrnod ar ôl i'r arolwg gau.");

        // on a young person's own phone, no device name is kept, and the screen says so
        page.navigate(url(linkPath()));
        assertWelcome(page);
        assertThat(main).containsText("We do not keep anything that says who you are or which phone or computer you used.");
        assertThat(main).not().containsText(label);
        assertThat(main).containsText("a safeguarding worker will read it");
    }

    private void assertSignInOnly(TestWorld.Persona staff, String when) {
        assertThat(page).hasURL(at("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.locator("#sign-out")).hasCount(0);
        assertNoStaffData(staff, when);
    }

    private void assertNoStaffData(TestWorld.Persona staff, String when) {
        String content = page.content();
        assertThat(content).as("page %s", when).doesNotContain(staff.email()).doesNotContain("Welcome, Test")
                .doesNotContain("vaadin-grid");
    }
}
