package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;
import org.hymnsheet.surveys.SurveyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A safeguarding lead's open page counts the open flags beside "Safeguarding queue" in the menu, and the count goes
 * up by push, without a reload, when a young person's answer is flagged. Without a mail server the queue says that
 * email alerts are off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-safeguarding-nav-count;DB_CLOSE_DELAY=-1")
class SafeguardingNavCountTest extends BrowserTestSupport {

    @Autowired
    ApplicationContext spring;
    @Autowired
    SurveyService surveys;
    @Autowired
    ResponseService responses;

    @Test
    void a_leads_menu_counts_a_newly_flagged_answer_without_a_reload() {
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        long partnership = world.partnership();
        var lead = world.account(partnership, Role.SAFEGUARDING_LEAD);
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        var survey = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Survey")).id());
        TestWorld.anonymous();
        SurveyEntry entry = responses.openByLink(survey.linkToken());
        flag(entry, "my dad hits me");

        page.setViewportSize(1366, 768);
        signInToHome(page, lead.email(), TestWorld.PASSWORD);
        assertThat(queueLink(1)).isVisible();
        assertThat(page.locator("#safeguarding-count [aria-hidden=true]")).hasText("1");
        page.evaluate("window.__samePage = true");

        flag(entry, "my uncle hurts me");
        assertThat(queueLink(2)).isVisible();
        assertThat(page.locator("#safeguarding-count [aria-hidden=true]")).hasText("2");
        assertThat(page.evaluate("window.__samePage === true")).as("no reload").isEqualTo(true);
        assertAccessible(page, "the home page with the count of open flags");
        screenshot(page, "nav-count-1366");

        queueLink(2).click();
        assertThat(heading(page)).hasText("Safeguarding queue");
        assertThat(page.locator("#alerts-off")).containsText("Email alerts are off: no mail server is set up.");
    }

    /** The menu's link to the queue, by its accessible name: "Safeguarding queue 2 open". */
    Locator queueLink(int open) {
        return navigation(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Safeguarding queue " + open + " open$")));
    }

    void flag(SurveyEntry entry, String words) {
        String id = responses.start(entry, "en");
        assertThat(responses.save(id, "anything-else", new AnswerInput.Text(words)).disclosureSuspected()).isTrue();
    }
}
