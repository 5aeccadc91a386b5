package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.PLACE;
import static org.hymnsheet.db.Tables.RELEASE_GROUP;
import static org.hymnsheet.db.Tables.RESPONSE;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.templates.PlaceRating;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A strategic lead filters the findings, sees a chart with its table, downloads the CSV and the PDF report, and
 * the page passes axe and fits common screens without sideways scrolling. The figures come from ten young people
 * who answered the safe-places survey on their own phones, released in the first quarter of 2026.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-findings;DB_CLOSE_DELAY=-1")
class FindingsJourneyTest extends BrowserTestSupport {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String FORMULA = "=HYPERLINK(\"http://example.org\",\"lights\")";

    @Autowired ApplicationContext spring;
    @Autowired SurveyService surveys;
    @Autowired ResponseService responses;
    @Autowired QueueService queues;
    @Autowired DSLContext db;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void a_lead_filters_sees_a_chart_with_its_table_and_downloads_the_csv_and_the_pdf() throws Exception {
        var world = new TestWorld(spring);
        world.markInstalled();
        long partnership = world.partnership();
        var lead = world.account(partnership, Role.LEAD);
        var facilitator = world.account(partnership, Role.FACILITATOR);
        String park = "Riverside Park " + TestWorld.unique("");
        long parkId = db.insertInto(PLACE).set(PLACE.PARTNERSHIP_ID, partnership).set(PLACE.NAME, park)
                .set(PLACE.NAME_KEY, park.toLowerCase(java.util.Locale.ROOT)).set(PLACE.KIND, "PARK")
                .returning(PLACE.ID).fetchOne().getId();
        TestWorld.as(facilitator);
        Survey survey = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Spring")).id());
        TestWorld.anonymous();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String id = responses.start(responses.openByLink(survey.linkToken()), "en");
            responses.save(id, "places", new AnswerInput.Places(List.of(new AnswerInput.PlaceAnswer(String.valueOf(parkId),
                    i <= 7 ? PlaceRating.UNSAFE : PlaceRating.SAFE, null))));
            if (i == 1) {
                responses.save(id, "make-safer", new AnswerInput.Text(FORMULA));
            }
            responses.submit(id);
            ids.add(id);
        }
        TestWorld.as(facilitator);
        queues.pendingTexts(partnership, 0, 10).forEach(t -> queues.approve(t.id(), t.body(), t.flagged()));
        TestWorld.anonymous();
        db.update(RELEASE_GROUP).set(RELEASE_GROUP.RELEASED_ON, LocalDate.of(2026, 2, 10))
                .where(RELEASE_GROUP.SURVEY_ID.eq(survey.id())).execute();
        String rated = shown(ids);
        String unsafe = shown(ids.subList(0, 7));

        signInToHome(page, lead.email(), TestWorld.PASSWORD);
        navigation(page).getByText("Findings").click();
        assertThat(heading(page)).hasText("Findings");

        page.locator("#findings-from").fill("2026-01-01");
        page.locator("#findings-to").fill("2026-03-31");
        page.locator("#findings-setting").click();
        page.getByRole(AriaRole.OPTION, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Own phone or computer")).click();
        page.locator("#findings-show").click();
        assertThat(page.locator("#findings-showing")).containsText("Setting (surveys): Own phone or computer");

        var panel = page.locator("#panel-voice-places");
        assertThat(panel.locator("echarts-chart[data-rendered=true]")).isVisible();
        assertThat(panel.locator("echarts-chart")).hasAttribute("aria-label",
                "Chart: Places young people rated. The same figures are in the table.");
        assertThat(panel.locator(".findings-summary")).containsText(park + " was rated unsafe most often");
        assertThat(panel.locator("table tbody tr").first()).containsText(park);
        assertThat(panel.locator("table tbody tr").first()).containsText(rated);
        assertThat(panel.locator("table tbody tr").first()).containsText(unsafe);
        assertThat(panel.locator("table")).containsText("fewer than 5 or held back");
        assertThat(page.locator("#panel-voice-change table")).containsText(FORMULA);
        assertThat(page.locator("#findings-rule")).hasCount(1);
        assertAccessible(page, "findings");

        Download csv = page.waitForDownload(() -> page.locator("#findings-csv").click());
        byte[] csvBytes = Files.readAllBytes(csv.path());
        assertThat(csvBytes).startsWith(BOM);
        assertThat(new String(csvBytes, StandardCharsets.UTF_8))
                .contains("voice.places,Places young people rated," + park + ",Rated it," + rated)
                .contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
        Download pdf = page.waitForDownload(() -> page.locator("#findings-pdf").click());
        try (var doc = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Filter: from=2026-01-01 to=2026-03-31 setting=OWN_DEVICE",
                    park, rated, "fewer than 5 or held back");
        }

        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            page.setViewportSize(size[0], size[1]);
            page.waitForFunction("w => window.innerWidth === w", size[0]); // the new size has been laid out
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling at %dx%d", size[0], size[1]).isTrue();
            screenshot(page, "findings-" + size[0] + "x" + size[1]);
        }
        page.locator("#findings-print").click();
        assertThat(page.locator("#findings-print-filter")).containsText("setting=OWN_DEVICE");
        assertThat(page.locator("vaadin-app-layout")).hasCount(0);
        assertThat(page.locator("#panel-voice-places table")).containsText(park);
        screenshot(page, "findings-print");
    }

    /** What the disclosure rule shows for these responses. */
    private String shown(List<String> responseIds) {
        long keySum = db.select(DSL.sum(RESPONSE.RECORD_KEY)).from(RESPONSE).where(RESPONSE.ID.in(responseIds))
                .fetchOne(0, long.class);
        return Suppression.cell(responseIds.size(), keySum).label(java.util.Locale.UK);
    }
}
