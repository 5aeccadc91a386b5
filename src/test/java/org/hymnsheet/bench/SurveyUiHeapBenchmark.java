package org.hymnsheet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.surveys.SurveyTargets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Heap held by idle survey screens: opens many kiosk pages in Chromium, each in its own browser context (so its
 * own server session and Vaadin UI, showing the welcome screen), and compares the server's heap in use after a
 * full collection before and after. Run with {@code ./mvnw -Pbench test}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:bench-heap;DB_CLOSE_DELAY=-1", "hymnsheet.kiosk.idle-seconds=3600"})
class SurveyUiHeapBenchmark {
    static final int PAGES = Integer.getInteger("bench.pages", 60);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    @Test
    void heap_per_idle_survey_page() throws Exception {
        var world = new TestWorld(context);
        world.markInstalled();
        long partnership = world.partnership();
        for (int i = 0; i < 8; i++) {
            world.place(partnership);
        }
        var survey = new SurveyTargets(context, world, partnership).survey();
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        String token = context.getBean(SurveyService.class).addKiosk(survey.id(), "Bench tablet", "1234").token();
        TestWorld.anonymous();
        String kiosk = "http://localhost:" + port + "/k/" + token;
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium")))
                     .setHeadless(true)
                     .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            List<BrowserContext> open = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                open.add(openPage(browser, kiosk)); // warm-up: classes, caches, templates
            }
            long before = usedAfterGc();
            for (int i = 0; i < PAGES; i++) {
                open.add(openPage(browser, kiosk));
            }
            long after = usedAfterGc();
            double perPage = (after - before) / (double) PAGES / 1024;
            BenchResults.write("survey-ui-heap", """
                    | figure | value |
                    |---|---|
                    | idle kiosk pages open in Chromium (each its own session and UI, on the welcome screen) | %d |
                    | server heap in use after GC, before | %.1f MiB |
                    | server heap in use after GC, after | %.1f MiB |
                    | **heap per idle survey page** | **%.0f KiB** |
                    | implied idle pages per GiB of heap | %.0f |
                    """.formatted(PAGES, before / 1048576.0, after / 1048576.0, perPage, 1048576 / perPage));
            assertThat(after).isGreaterThan(before);
            open.forEach(BrowserContext::close);
        }
    }

    private static BrowserContext openPage(Browser browser, String url) {
        BrowserContext context = browser.newContext();
        Page page = context.newPage();
        page.navigate(url);
        try {
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#start")).isVisible();
        } catch (AssertionError e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/bench-failure.png")));
            throw e;
        }
        return context;
    }

    private static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
