package org.hymnsheet.testing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Playwright driving Debian's headless Chromium (never a downloaded browser), usable with or without a
 * Spring test context: the Spring browser tests launch it through {@code BrowserTestSupport}, the multi-node
 * tests directly against the base address of each {@link AppNode}.
 *
 * <p>Cookies are kept per host, not per port: two nodes on {@code localhost} share one cookie jar in a browser
 * context, so the second sign-in would overwrite the first node's session cookie. Give each node its own
 * {@link #newContext() context}.
 */
public final class Chromium implements AutoCloseable {
    /** Chromium flags that work on these machines (no GPU, no sandbox, nothing phoning home). */
    public static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /**
     * Starts Playwright and Chromium from the system property {@code chromium.path} (Maven's surefire passes the
     * pom's: Debian's {@code chromium-headless-shell} for the tests, the full {@code chromium} for benchmarks; an IDE
     * run needs {@code -Dchromium.path=...}). Without it, {@code chromium.fallback.path} (the full browser), with a
     * warning: the tests pass there too, only slower. Assertions wait up to 15 s by default.
     */
    public static Chromium launch() {
        String chromium = System.getProperty("chromium.path");
        if (chromium == null || chromium.isBlank()) {
            throw new IllegalStateException("Set the system property chromium.path to a Chromium executable");
        }
        if (!Files.isExecutable(Paths.get(chromium))) {
            String fallback = System.getProperty("chromium.fallback.path", "");
            if (fallback.isBlank() || !Files.isExecutable(Paths.get(fallback))) {
                throw new IllegalStateException("No Chromium at " + chromium + " (chromium.path). On Debian: apt-get "
                        + "install " + Paths.get(chromium).getFileName() + ", or run .ci/run, which installs it");
            }
            System.err.println("No " + chromium + ": the browser tests use " + fallback + ", which is slower. On "
                    + "Debian: apt-get install " + Paths.get(chromium).getFileName());
            chromium = fallback;
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(chromium))
                    .setHeadless(true)
                    .setArgs(ARGS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * The test run's one Playwright and Chromium, launched by the first class that asks and closed by JUnit once
     * every test has run (it is kept in the root context's store, which closes what it holds). Starting them costs
     * about 2.5 s, once instead of once per class. Callers never close it: each closes the contexts it opened.
     * Should the browser have gone away (a crash), the next class gets a new one.
     */
    public static Chromium shared(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(Chromium.class));
        Chromium chromium = store.computeIfAbsent(Chromium.class, key -> launch(), Chromium.class);
        if (!chromium.browser.isConnected()) {
            store.remove(Chromium.class);
            try {
                chromium.close();
            } catch (RuntimeException gone) {
                // nothing left to close
            }
            chromium = store.computeIfAbsent(Chromium.class, key -> launch(), Chromium.class);
        }
        return chromium;
    }

    public Browser browser() {
        return browser;
    }

    /** A desktop-sized, British-English browser context: its own cookies, so its own sessions. */
    public BrowserContext newContext() {
        return newContext(browser);
    }

    /** As {@link #newContext()}, for a browser launched elsewhere. */
    public static BrowserContext newContext(Browser browser) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("en-GB"));
        context.setDefaultTimeout(20_000);
        return context;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }

    /** The base address joined with a path, for example {@code http://localhost:8080} and {@code /login}. */
    public static String url(String baseUrl, String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /** A pattern matching the address of the path under the base address, with or without a query. */
    public static Pattern at(String baseUrl, String path) {
        return Pattern.compile("^" + literal(url(baseUrl, path)) + "(\\?.*)?$");
    }

    /**
     * Escapes text for a regular expression that Playwright hands to the browser: JavaScript has no
     * {@code \Q...\E}, so {@link Pattern#quote} cannot be used there.
     */
    public static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    /**
     * Opens the sign-in page, types the email and password into the Vaadin login form and submits it; when the
     * account needs a second factor, sets up the authenticator (first time) or types its code, as a person would.
     */
    public static void signIn(Page page, String baseUrl, String email, String password) {
        submitPassword(page, baseUrl, email, password);
        if (onSecondFactorPage(page, baseUrl)) {
            passSecondFactor(page, baseUrl, email);
        }
    }

    /** The password step only: opens sign-in, submits, and waits for wherever the app sends the browser. */
    public static void submitPassword(Page page, String baseUrl, String email, String password) {
        page.navigate(url(baseUrl, "/login"));
        Locator form = page.locator("vaadin-login-form");
        assertThat(form).isVisible();
        form.getByLabel("Email").fill(email);
        form.getByLabel("Password", new Locator.GetByLabelOptions().setExact(true)).fill(password);
        String login = url(baseUrl, "/login");
        page.waitForNavigation(() -> form.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Sign in").setExact(true)).click());
        page.waitForURL(u -> !u.equals(login));
        assertThat(page.locator("main, vaadin-login-form, #board").first()).isVisible();
    }

    /** Whether the browser shows the second-factor page (enrolment or code). */
    public static boolean onSecondFactorPage(Page page, String baseUrl) {
        // the page rendered is the second-factor view itself (the app forwards to it before rendering anything),
        // even while the address bar may still show the address first asked for
        if (page.locator("#factor-submit").count() == 0 && !at(baseUrl, "/second-factor").matcher(page.url()).matches()) {
            return false;
        }
        assertThat(page.locator("#factor-submit")).isVisible();
        return true;
    }

    /** On the second-factor page: enrols (remembering key and recovery codes) or types the next code. */
    public static void passSecondFactor(Page page, String baseUrl, String email) {
        if (page.locator("#factor-key").count() > 0) {
            Authenticator.enrolled(email, page.locator("#factor-key").innerText());
            confirmEnrolment(page, email);
            Authenticator.recoveryCodes(email, page.locator("#recovery-codes li").allInnerTexts());
            page.waitForNavigation(() -> page.locator("#factor-continue").click());
        } else {
            page.locator("#factor-code input").fill(Authenticator.nextCodeOrRecoveryCode(email));
            page.waitForNavigation(() -> page.locator("#factor-submit").click());
        }
        page.waitForURL(u -> !at(baseUrl, "/second-factor").matcher(u).matches());
        assertThat(page.locator("main, #board").first()).isVisible();
    }

    /**
     * Types a fresh code and confirms it until the recovery codes show. Once in a while on a loaded machine the
     * click reaches the page before the field's value has gone to the server and nothing happens (no error, the
     * button still there): then the code is typed and confirmed again, at most three times, with a fresh code.
     */
    private static void confirmEnrolment(Page page, String email) {
        Locator codes = page.locator("#recovery-codes");
        for (int attempt = 1; ; attempt++) {
            Locator field = page.locator("#factor-code input");
            field.fill(Authenticator.nextCode(email));
            field.dispatchEvent("change");
            page.locator("#factor-submit").click();
            try {
                codes.waitFor(new Locator.WaitForOptions().setTimeout(attempt < 3 ? 10_000 : 30_000));
                return;
            } catch (com.microsoft.playwright.TimeoutError e) {
                if (attempt == 3 || page.locator("#factor-submit").count() == 0) {
                    throw e;
                }
            }
        }
    }

    /** Signs in and waits until the home page, with its sign-out button, is shown. */
    public static void signInToHome(Page page, String baseUrl, String email, String password) {
        signIn(page, baseUrl, email, password);
        assertThat(page).hasURL(at(baseUrl, "/"));
        assertThat(page.locator("#sign-out")).isVisible();
    }

    /** Opens a path and waits until Vaadin has rendered a view (or the sign-in form) into the page. */
    public static void open(Page page, String baseUrl, String path) {
        try {
            page.navigate(url(baseUrl, path));
        } catch (com.microsoft.playwright.PlaywrightException e) {
            // the page itself went somewhere at that instant (an ended session sends an open page to sign in):
            // that navigation cancels ours, so ask again once
            if (!String.valueOf(e.getMessage()).contains("ERR_ABORTED")) {
                throw e;
            }
            page.navigate(url(baseUrl, path));
        }
        assertThat(page.locator("main, vaadin-login-form").first()).isVisible();
    }

    /** Picks an item of a vaadin-select by its visible label. */
    public static void choose(Page page, String selectId, String label) {
        page.locator("#" + selectId).click();
        Locator item = page.locator("vaadin-select-item").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^\\s*" + literal(label) + "\\s*$")));
        item.click();
        assertThat(page.locator("#" + selectId + " vaadin-select-value-button")).containsText(label);
    }

    /** A full-page screenshot to the given file. */
    public static void screenshot(Page page, Path file) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(file));
    }
}
