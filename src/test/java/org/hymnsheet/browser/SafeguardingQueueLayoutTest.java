package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.testing.Chromium;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A safeguarding lead works from the queue on a laptop: a long disclosure (paragraphs and one 3,000-character unbroken
 * string) wraps inside its card at 1366x768 and 1280x720 without sideways scrolling, the page passes axe, and a new
 * flag written while the page is open appears without a reload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-safeguarding-queue;DB_CLOSE_DELAY=-1")
class SafeguardingQueueLayoutTest extends BrowserTestSupport {
    @Autowired ApplicationContext spring;
    @Autowired SurveyService surveys;
    @Autowired ResponseService responses;
    @Autowired DSLContext db;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void a_long_disclosure_wraps_inside_its_card_at_laptop_sizes_and_a_new_flag_arrives_without_reload() {
        var world = new TestWorld(spring);
        world.markInstalled();
        long partnership = world.partnership();
        var lead = world.account(partnership, Role.SAFEGUARDING_LEAD);
        var facilitator = world.account(partnership, Role.FACILITATOR);
        TestWorld.as(facilitator);
        Survey survey = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Youth club survey")).id());
        TestWorld.anonymous();
        String unbroken = "a".repeat(3000);
        String body = """
                I don't really feel safe going home after club. My mum's boyfriend shouts a lot and last week he pushed \
                me into the door and I hit my head.

                My little brother is scared of him too. I haven't told anyone at school because he says it will be worse \
                if I do.

                """ + unbroken + "\n\nPlease don't tell him I wrote this.";
        db.insertInto(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.PARTNERSHIP_ID, partnership)
                .set(SAFEGUARDING_FLAG.SURVEY_ID, survey.id()).set(SAFEGUARDING_FLAG.RESPONSE_ID, UUID.randomUUID().toString())
                .set(SAFEGUARDING_FLAG.QUESTION_ID, "anything-else").set(SAFEGUARDING_FLAG.BODY, body)
                .set(SAFEGUARDING_FLAG.EARLIER, "He pushed me. " + "b".repeat(400))
                .set(SAFEGUARDING_FLAG.DEVICE_LABEL, "Youth club tablet by the door").set(SAFEGUARDING_FLAG.INDICATORS, "")
                .set(SAFEGUARDING_FLAG.CATEGORIES, "physical-harm,neglect-home").set(SAFEGUARDING_FLAG.DETECTION, "BOTH")
                .set(SAFEGUARDING_FLAG.SENT_BY, facilitator.accountId())
                .set(SAFEGUARDING_FLAG.SENT_AT, OffsetDateTime.now().minusMinutes(5))
                .set(SAFEGUARDING_FLAG.REASON, "Mentions the head injury again in a later answer. " + "c".repeat(300))
                .set(SAFEGUARDING_FLAG.FLAGGED_AT, OffsetDateTime.now().minusMinutes(20)).execute();

        page.setViewportSize(1366, 768);
        signInToHome(page, lead.email(), TestWorld.PASSWORD);
        page.navigate(url("/safeguarding"));
        assertThat(heading(page)).hasText("Safeguarding queue");
        Locator card = page.locator("#safeguarding-queue .flag-card").first();
        assertThat(card).containsText("My little brother is scared of him too.");
        assertThat(card).containsText("Youth club tablet by the door");
        assertThat(card).containsText("Physical harm and violence, Neglect and not safe at home");
        assertThat(card).containsText("matched the word list and recognised by meaning");
        assertThat(card).containsText("Test " + facilitator.email());
        assertThat(card).containsText("Mentions the head injury again");

        for (int[] size : new int[][] {{1366, 768}, {1280, 720}}) {
            page.setViewportSize(size[0], size[1]);
            page.waitForFunction("w => window.innerWidth === w", size[0]);
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("no sideways scrolling at %dx%d", size[0], size[1]).isTrue();
            BoundingBox box = card.boundingBox();
            assertThat(box.x + box.width).as("the card's right edge at %dx%d", size[0], size[1]).isLessThanOrEqualTo(size[0]);
            BoundingBox words = card.locator(".flag-words").boundingBox();
            assertThat(words.x + words.width).as("the words' right edge").isLessThanOrEqualTo(box.x + box.width);
        }
        page.setViewportSize(1366, 768);
        page.waitForFunction("w => window.innerWidth === w", 1366);
        assertAccessible(page, "the safeguarding queue");
        Path shot = Path.of("docs", "screens", "safeguarding-queue-1366.png");
        try {
            Files.createDirectories(shot.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(shot));
        card.locator(".flag-words").evaluate("e => e.scrollIntoView({block: 'center'})");
        Chromium.screenshot(page, SCREENSHOTS.resolve(getClass().getSimpleName()).resolve("long-words.png"));

        // a young person discloses while the page is open: the card appears by push, at the top
        String id = responses.start(responses.openByLink(survey.linkToken()), "en");
        responses.save(id, "anything-else", new AnswerInput.Text("my stepdad hits me when mum is out"));
        assertThat(page.locator("#safeguarding-queue .flag-card").first()).containsText("my stepdad hits me when mum is out");
        assertThat(page.locator("#safeguarding-summary")).containsText("2 open");
        Chromium.screenshot(page, SCREENSHOTS.resolve(getClass().getSimpleName()).resolve("after-push.png"));

        // the lead closes it with what was done, typed in the form above the list
        page.locator("#safeguarding-queue .flag-card").first().getByText("Mark handled").click();
        page.locator("#safeguarding-note input").fill("Rang the club; the youth worker is with them now");
        page.locator("#safeguarding-handle-save").click();
        assertThat(page.locator("#safeguarding-summary")).containsText("1 open");
        assertThat(page.locator("#handle-flag")).isHidden();

        // a facilitator sends a waiting text to the lead from moderation; it shows as sent, not yet opened
        responses.submit(id);
        try (var staff = browser.newContext()) {
            var moderator = staff.newPage();
            moderator.setViewportSize(1280, 720);
            signInToHome(moderator, facilitator.email(), TestWorld.PASSWORD);
            moderator.navigate(url("/moderation"));
            moderator.locator("#moderation-queue .escalate").first().click();
            moderator.locator("#escalate-reason input").fill("Says it happens every weekend");
            moderator.locator("#escalate-send").click();
            assertThat(moderator.locator("#sent-to-lead")).containsText("not opened by a lead yet");
            assertThat(moderator.locator("#moderation-waiting")).containsText("0 waiting");
            Chromium.screenshot(moderator, SCREENSHOTS.resolve(getClass().getSimpleName()).resolve("moderation-sent.png"));
        }
        assertThat(page.locator("#safeguarding-queue .flag-card").first()).containsText("Says it happens every weekend");
    }
}
