package org.hymnsheet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
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
            // the browser's own client objects live in this JVM too (Playwright's per-page channels): measure them
            // with the same number of pages on a static file, which makes no session and no UI, and take them off
            long bare0 = HeapMeter.usedAfterGc();
            Map<String, long[]> bareBefore = HeapMeter.histogram();
            List<BrowserContext> bare = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                bare.add(openStatic(browser, "http://localhost:" + port + "/favicon.ico"));
            }
            long bare1 = HeapMeter.usedAfterGc();
            Map<String, long[]> bareAfter = HeapMeter.histogram();
            bare.forEach(BrowserContext::close);

            long before = HeapMeter.usedAfterGc();
            Map<String, long[]> histogramBefore = HeapMeter.histogram();
            for (int i = 0; i < PAGES; i++) {
                open.add(openPage(browser, kiosk));
            }
            long after = HeapMeter.usedAfterGc();
            Map<String, long[]> histogramAfter = HeapMeter.histogram();
            double browserSide = (bare1 - bare0) / (double) PAGES / 1024;
            double perPage = (after - before) / (double) PAGES / 1024 - browserSide;
            Map<String, long[]> serverBefore = new java.util.HashMap<>(histogramBefore);
            bareAfter.forEach((k, v) -> { // before + (bare pages' objects) = what the browser side alone adds
                long[] b = bareBefore.getOrDefault(k, new long[2]);
                serverBefore.merge(k, new long[] {v[0] - b[0], v[1] - b[1]}, (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
            });
            BenchResults.write("survey-ui-heap", """
                    | figure | value |
                    |---|---|
                    | idle kiosk pages open in Chromium (each its own session and UI, on the welcome screen) | %d |
                    | heap in use after GC, before / after the kiosk pages | %.1f / %.1f MiB |
                    | the browser driver's own objects per page (same number of pages on a static file) | %.0f KiB |
                    | **server heap per idle survey page** (session and UI; young people's pages open no push connection) | **%.0f KiB** |
                    | implied idle pages per GiB of heap | %.0f |

                    What one idle page holds on the server (class histogram of live objects after a full collection:
                    after minus before, less the static pages' objects, divided by the pages; the 25 largest):

                    | class | instances per page | bytes per page |
                    |---|---|---|
                    %s
                    """.formatted(PAGES, before / 1048576.0, after / 1048576.0, browserSide, perPage, 1048576 / perPage,
                    HeapMeter.perPageRows(serverBefore, histogramAfter, PAGES)));
            assertThat(after).isGreaterThan(before);
            open.forEach(BrowserContext::close);
        }
    }

    private static BrowserContext openStatic(Browser browser, String url) {
        BrowserContext context = browser.newContext();
        context.newPage().navigate(url);
        return context;
    }

    private static BrowserContext openPage(Browser browser, String url) {
        BrowserContext context = browser.newContext();
        Page page = context.newPage();
        page.navigate(url);
        try {
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#start")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        } catch (AssertionError e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/bench-failure.png")));
            throw e;
        }
        return context;
    }
}
