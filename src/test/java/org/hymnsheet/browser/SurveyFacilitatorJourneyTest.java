package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.SurveyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** A facilitator creates a survey from a template, opens it, and gets its link, code, QR code and a kiosk link. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-survey-facilitator;DB_CLOSE_DELAY=-1")
class SurveyFacilitatorJourneyTest extends BrowserTestSupport {

    @Autowired
    ApplicationContext spring;

    TestWorld.Persona facilitator;
    long partnership;

    @BeforeEach
    void world() {
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        partnership = world.partnership();
        world.place(partnership);
        facilitator = world.account(partnership, Role.FACILITATOR);
    }

    @Test
    void a_facilitator_creates_opens_and_shares_a_survey_and_a_young_person_reaches_it_by_code() {
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Surveys"))
                .first().click();
        assertThat(heading(page)).hasText("Young people's surveys");
        assertAccessible(page, "surveys page");

        page.setViewportSize(1366, 768); // a facilitator's laptop: the form is one row
        assertLevelWithTheBox(page.locator("#survey-create"), page.locator("#survey-title"));
        page.locator("#survey-create").click();
        assertThat(page.getByText("Choose a survey template")).isVisible(); // nothing chosen: a clear message
        choose(page, "survey-template", "Safe places and trusted adults");
        assertThat(page.locator("#survey-title input")).hasValue("Safe places and trusted adults");
        page.locator("#survey-title input").fill("Riverside summer survey");
        page.locator("#survey-create").click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Riverside summer survey")))
                .isVisible();
        assertThat(page.getByText("Status: Not open yet")).isVisible();
        assertThat(page.locator("#survey-title input")).hasValue(""); // the form is empty again: no second survey by a second press
        assertThat(page.locator("#survey-template vaadin-select-value-button")).hasText("");
        assertThat((Boolean) page.locator("#survey-title").evaluate("f => f.invalid")).as("emptied, not refused").isFalse();
        assertThat((Boolean) page.locator("#survey-template").evaluate("f => f.invalid")).as("emptied, not refused").isFalse();
        page.locator("#survey-open-close").click();
        assertThat(page.getByText("Status: Open")).isVisible();

        String code = page.locator("#access-code").textContent().strip();
        assertThat(code).matches("[A-HJ-NP-Z2-9]{6}");
        var qr = page.locator("img.qr-code");
        assertThat(qr).isVisible();
        assertThat(qr).hasAttribute("alt", Pattern.compile("QR code"));
        assertThat((Boolean) qr.evaluate("img => img.complete && img.naturalWidth > 100")).isTrue();
        assertThat(page.locator("a[href*='/s/']")).hasCount(1);

        // every label of the kiosk form reads whole ("Device name (e.g. Youth…" before), its button level with the boxes
        assertNothingCut(page.locator("#kiosk-label"));
        assertNothingCut(page.locator("#kiosk-new-pin"));
        assertLevelWithTheBox(page.locator("#kiosk-add"), page.locator("#kiosk-label"));
        page.locator("#kiosk-label input").fill("Youth club tablet 1");
        page.locator("#kiosk-new-pin input").fill("12");
        page.locator("#kiosk-add").click();
        assertThat(page.getByText("Use 4 to 12 digits")).isVisible();
        page.locator("#kiosk-new-pin input").fill("4826");
        page.locator("#kiosk-add").click();
        assertThat(page.locator("a[href*='/k/']")).hasCount(1);
        // axe measures a fading-in notification as a paler colour: check once it has come and gone
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);
        assertAccessible(page, "survey sharing");
        screenshot(page, "survey-shared");

        TestWorld.as(facilitator);
        var survey = spring.getBean(SurveyService.class).list(partnership).getFirst();
        TestWorld.anonymous();
        assertThat(survey.accessCode()).isEqualTo(code);

        // a young person, on another device, types the code
        var young = browser.newContext().newPage();
        young.navigate(url("/survey"));
        young.locator("#survey-code input").fill("nope12");
        young.locator("#survey-code-go").click();
        assertThat(young.getByText("We could not find a survey with that code")).isVisible();
        young.locator("#survey-code input").fill(code.toLowerCase());
        young.locator("#survey-code-go").click();
        assertThat(young.locator("#start")).isVisible();
        assertThat(young.getByText("Safe places and trusted adults").first()).isVisible();
        young.context().close();
    }

    /** A form's button stands level with a labelled field's box (its middle inside the box), not with the label. */
    private static void assertLevelWithTheBox(Locator button, Locator field) {
        var box = field.locator("[part='input-field']").boundingBox();
        var b = button.boundingBox();
        double middle = b.y + b.height / 2;
        assertThat(middle).as("%s level with %s", button, field)
                .isBetween(box.y, box.y + box.height);
    }
}
