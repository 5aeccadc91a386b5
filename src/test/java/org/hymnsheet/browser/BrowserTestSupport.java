package org.hymnsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.hymnsheet.testing.Chromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Shared wiring for the browser tests: one Playwright and one headless Chromium (Debian's, never a downloaded
 * one) for the whole test run, a fresh browser context (own cookies, so own session) per test, every context a class
 * left open closed after it, and helpers for the
 * things every journey does: open a path, sign in, check accessibility, take a screenshot.
 *
 * <p>Each concrete class carries its own {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties =
 * "spring.datasource.url=jdbc:h2:mem:<its own name>;DB_CLOSE_DELAY=-1")}, so it starts on an empty database.
 */
abstract class BrowserTestSupport {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    static Chromium chromium;
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

    /** The test run's one Chromium (see {@link Chromium#shared}); each class and each test gets fresh contexts. */
    @RegisterExtension
    static final BeforeAllCallback SHARED_BROWSER = extension -> {
        chromium = Chromium.shared(extension);
        browser = chromium.browser();
    };

    @BeforeAll
    static void clearScreenshots(TestInfo info) throws IOException {
        Path folder = SCREENSHOTS.resolve(info.getTestClass().orElseThrow().getSimpleName());
        if (Files.isDirectory(folder)) {
            try (var old = Files.list(folder)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Closes every context the class left open (phones, a second staff browser), so that none of its pages goes on
     * polling or holding a push connection while the next classes run; the browser itself stays for them.
     */
    @AfterAll
    static void closeContexts() {
        if (browser != null && browser.isConnected()) {
            for (BrowserContext left : List.copyOf(browser.contexts())) {
                left.close();
            }
        }
        browser = null;
        chromium = null;
    }

    @BeforeEach
    void newContext(TestInfo info) {
        String method = info.getTestMethod().map(m -> m.getName()).orElse("test");
        testName = info.getDisplayName().startsWith(method) ? method
                : method + "-" + info.getDisplayName().replaceAll("[^A-Za-z0-9]+", "-");
        context = Chromium.newContext(browser);
        cspViolations.clear();
        context.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                cspViolations.add(m.text());
            }
        });
        page = context.newPage();
    }

    /** Every browser test also proves that the app works under its Content-Security-Policy: nothing was refused. */
    @AfterEach
    void closeContext() {
        try {
            org.assertj.core.api.Assertions.assertThat(cspViolations).as("Content-Security-Policy violations").isEmpty();
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    final java.util.List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    String url(String path) {
        return Chromium.url(baseUrl(), path);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A pattern matching this server's address for the path, with or without a query. */
    Pattern at(String path) {
        return Chromium.at(baseUrl(), path);
    }

    /**
     * Escapes text for a regular expression that Playwright hands to the browser: JavaScript has no
     * {@code \Q...\E}, so {@link Pattern#quote} cannot be used there.
     */
    /** No element of the field, its shadow parts included, is cut: nothing is wider than the box that shows it. */
    static void assertNothingCut(Locator field) {
        Object cut = field.evaluate("""
                f => {
                  const all = [];
                  const walk = root => root.querySelectorAll('*').forEach(e => { all.push(e); if (e.shadowRoot) walk(e.shadowRoot); });
                  walk(f); if (f.shadowRoot) walk(f.shadowRoot);
                  return all.filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1
                      && getComputedStyle(e).overflowX !== 'visible').map(e => e.localName + ' ' + (e.getAttribute('part') || '')
                      + ': ' + e.textContent.trim().slice(0, 40));
                }""");
        assertThat((List<?>) cut).as("cut inside %s", field).isEmpty();
    }

    static String literal(String text) {
        return Chromium.literal(text);
    }

    /** Opens the sign-in page, types the email and password into the Vaadin login form and submits it. */
    void signIn(Page page, String email, String password) {
        Chromium.signIn(page, baseUrl(), email, password);
    }

    /** Signs in and waits until the home page, with its sign-out button, is shown. */
    void signInToHome(Page page, String email, String password) {
        Chromium.signInToHome(page, baseUrl(), email, password);
    }

    /** Opens a path and waits until Vaadin has rendered a view into the page. */
    void open(Page page, String path) {
        Chromium.open(page, baseUrl(), path);
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
        Chromium.choose(page, selectId, label);
    }

    /** The texts of every rendered grid cell, exactly as the browser holds them (no whitespace folding). */
    List<String> gridCellTexts(Page page) {
        return page.locator("vaadin-grid-cell-content").allTextContents();
    }

    /** Runs axe-core on the page and fails on any violation of impact "serious" or "critical". */
    void assertAccessible(Page page, String what) {
        // in the page itself (the app has no frames): the default mode opens a second blank page for every check;
        // full detail only for violations, which is all this check reads
        var options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        AxeResults results = new AxeBuilder(page).setLegacyMode(true).options(options).analyze();
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
        Chromium.screenshot(page, SCREENSHOTS.resolve(getClass().getSimpleName()).resolve(name + ".png"));
    }
}
