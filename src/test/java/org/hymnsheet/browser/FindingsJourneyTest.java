package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.findings.Setting;
import org.hymnsheet.findings.SurveyFindings;
import org.hymnsheet.findings.TestPanels;
import org.hymnsheet.findings.WorkshopFindings;
import org.hymnsheet.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A strategic lead filters the findings, sees a chart with its table, downloads the CSV and the PDF report, and
 * the page passes axe and fits common screens without sideways scrolling. The panels are stand-ins of every chart
 * kind ({@link TestPanels}): the page draws any panel from its table alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-findings;DB_CLOSE_DELAY=-1")
class FindingsJourneyTest extends BrowserTestSupport {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Autowired ApplicationContext spring;
    @MockitoBean SurveyFindings surveys;
    @MockitoBean WorkshopFindings workshops;

    @BeforeEach
    void panels() {
        when(surveys.link(any(), any(), any())).thenReturn(List.of(TestPanels.places()));
        when(workshops.practice(any(), any(), any())).thenReturn(List.of(TestPanels.ecological(), TestPanels.matrix()));
        when(surveys.voice(any(), any(), any())).thenReturn(List.of(TestPanels.quotes()));
    }

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void a_lead_filters_sees_a_chart_with_its_table_and_downloads_the_csv_and_the_pdf() throws Exception {
        var world = new TestWorld(spring);
        world.markInstalled();
        var lead = world.account(world.partnership(), Role.LEAD);
        signInToHome(page, lead.email(), TestWorld.PASSWORD);
        navigation(page).getByText("Findings").click();
        assertThat(heading(page)).hasText("Findings");

        page.locator("#findings-from").fill("2026-01-01");
        page.locator("#findings-to").fill("2026-03-31");
        page.locator("#findings-setting").click();
        page.getByRole(AriaRole.OPTION, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Shared device (kiosk)")).click();
        page.locator("#findings-show").click();
        assertThat(page.locator("#findings-showing")).containsText("Setting (surveys): Shared device (kiosk)");
        verify(surveys, atLeastOnce()).link(any(), argThat(f -> f.setting().equals(Optional.of(Setting.KIOSK))
                && f.from().equals(Optional.of(LocalDate.of(2026, 1, 1)))
                && f.to().equals(Optional.of(LocalDate.of(2026, 3, 31)))), any());

        var panel = page.locator("#panel-test-places");
        assertThat(panel.locator("echarts-chart[data-rendered=true]")).isVisible();
        assertThat(panel.locator("echarts-chart")).hasAttribute("aria-label",
                "Chart: Places rated unsafe. The same figures are in the table.");
        assertThat(panel.locator(".findings-summary")).hasText("Most young people who rated the park rated it unsafe.");
        assertThat(panel.locator("table tbody tr").first()).hasText(java.util.regex.Pattern.compile("Riverside Park\\s*12\\s*40%"));
        assertThat(panel.locator("table")).containsText("fewer than 5 or held back");
        assertThat(page.locator("#findings-rule")).hasCount(1);
        assertAccessible(page, "findings");

        Download csv = page.waitForDownload(() -> page.locator("#findings-csv").click());
        byte[] csvBytes = Files.readAllBytes(csv.path());
        assertThat(csvBytes).startsWith(BOM);
        assertThat(new String(csvBytes, StandardCharsets.UTF_8)).contains("test.places,Places rated unsafe,Riverside Park,Rated unsafe,12")
                .contains("'=HYPERLINK");
        Download pdf = page.waitForDownload(() -> page.locator("#findings-pdf").click());
        try (var doc = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Filter: from=2026-01-01 to=2026-03-31 setting=KIOSK",
                    "Riverside Park", "12", "40%", "fewer than 5 or held back");
        }

        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            page.setViewportSize(size[0], size[1]);
            page.waitForTimeout(300);
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling at %dx%d", size[0], size[1]).isTrue();
            screenshot(page, "findings-" + size[0] + "x" + size[1]);
        }
        page.locator("#findings-print").click();
        assertThat(page.locator("#findings-print-filter")).containsText("setting=KIOSK");
        assertThat(page.locator("vaadin-app-layout")).hasCount(0);
        assertThat(page.locator("#panel-test-matrix table")).containsText("Police");
        screenshot(page, "findings-print");
    }
}
