package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Shared wiring for the browser tests: one Playwright and one headless Chromium (Debian's, never a downloaded
 * one) per test class, a fresh browser context (own cookies, so own session) per test, and helpers for the
 * things every journey does: open a path, sign in, check accessibility, take a screenshot.
 *
 * <p>Each concrete class carries its own {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties =
 * "spring.datasource.url=jdbc:h2:mem:<its own name>;DB_CLOSE_DELAY=-1")}, so it starts on an empty database.
 */
abstract class BrowserTestSupport {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    private String testName;

    /** Screenshot of the page as it was when a test failed, taken before the context is closed. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = extension -> {
        if (extension.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            screenshot(page, "FAILED-" + testName);
        }
    };

    @BeforeAll
    static void launchBrowser(TestInfo info) throws IOException {
        Path folder = SCREENSHOTS.resolve(info.getTestClass().orElseThrow().getSimpleName());
        if (Files.isDirectory(folder)) {
            try (var old = Files.list(folder)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        // Maven's surefire passes the pom's chromium.path; an IDE run needs -Dchromium.path=... too.
        String chromium = System.getProperty("chromium.path");
        if (chromium == null || chromium.isBlank()) {
            throw new IllegalStateException("Set the system property chromium.path to a Chromium executable");
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(chromium))
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void newContext(TestInfo info) {
        String method = info.getTestMethod().map(m -> m.getName()).orElse("test");
        testName = info.getDisplayName().startsWith(method) ? method
                : method + "-" + info.getDisplayName().replaceAll("[^A-Za-z0-9]+", "-");
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + (path.startsWith("/") ? path : "/" + path);
    }

    /** A pattern matching this server's address for the path, with or without a query. */
    Pattern at(String path) {
        return Pattern.compile("^" + literal(url(path)) + "(\\?.*)?$");
    }

    /**
     * Escapes text for a regular expression that Playwright hands to the browser: JavaScript has no
     * {@code \Q...\E}, so {@link Pattern#quote} cannot be used there.
     */
    static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    /** Opens the sign-in page, types the email and password into the Vaadin login form and submits it. */
    void signIn(Page page, String email, String password) {
        page.navigate(url("/login"));
        Locator form = page.locator("vaadin-login-form");
        assertThat(form).isVisible();
        form.getByLabel("Email").fill(email);
        form.getByLabel("Password", new Locator.GetByLabelOptions().setExact(true)).fill(password);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign in").setExact(true)).click();
    }

    /** Signs in and waits until the home page, with its sign-out button, is shown. */
    void signInToHome(Page page, String email, String password) {
        signIn(page, email, password);
        assertThat(page).hasURL(at("/"));
        assertThat(page.locator("#sign-out")).isVisible();
    }

    /** Opens a path and waits until Vaadin has rendered a view into the page. */
    void open(Page page, String path) {
        page.navigate(url(path));
        assertThat(page.locator("main, vaadin-login-form").first()).isVisible();
    }

    /** The navigation drawer of the staff layout. */
    Locator navigation(Page page) {
        return page.locator("vaadin-app-layout [slot=drawer]");
    }

    /** The level-one heading of the current view. */
    Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    /** Picks an item of a vaadin-select by its visible label. */
    void choose(Page page, String selectId, String label) {
        page.locator("#" + selectId).click();
        Locator item = page.locator("vaadin-select-item").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^\\s*" + literal(label) + "\\s*$")));
        item.click();
        assertThat(page.locator("#" + selectId + " vaadin-select-value-button")).containsText(label);
    }

    /** The texts of every rendered grid cell, exactly as the browser holds them (no whitespace folding). */
    List<String> gridCellTexts(Page page) {
        return page.locator("vaadin-grid-cell-content").allTextContents();
    }

    /** Runs axe-core on the page and fails on any violation of impact "serious" or "critical". */
    void assertAccessible(Page page, String what) {
        AxeResults results = new AxeBuilder(page).analyze();
        assertThat(results.getPasses()).as("axe-core ran on %s", what).isNotEmpty();
        List<Rule> blocking = results.getViolations().stream()
                .filter(v -> BLOCKING_IMPACTS.contains(v.getImpact())).toList();
        assertThat(blocking).as("serious or critical accessibility violations on %s:%n%s", what, describe(blocking))
                .isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(r -> "- " + r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    /** A full-page screenshot under target/screenshots/&lt;test class&gt;/. */
    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve(getClass().getSimpleName()).resolve(name + ".png")));
    }
}
