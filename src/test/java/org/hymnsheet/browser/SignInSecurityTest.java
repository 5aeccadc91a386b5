package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Sign-in as an attacker would probe it, in a real browser: the session id must change at sign-in and die at
 * sign-out, and repeated wrong passwords must first slow and then lock the account. The application clock is
 * replaced by one the test moves forward, so the slow-down and the 15-minute lock are checked without waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-sign-in-security;DB_CLOSE_DELAY=-1")
class SignInSecurityTest extends BrowserTestSupport {
    static final String NOT_RECOGNISED = "Email or password not recognised";
    static final SettableClock CLOCK = new SettableClock();

    @TestBean
    Clock clock;

    @Autowired
    ApplicationContext spring;

    TestWorld world;
    long partnership;

    static Clock clock() {
        return CLOCK;
    }

    @BeforeEach
    void world() {
        world = new TestWorld(spring);
        world.markInstalled();
        partnership = world.partnership();
    }

    @Test
    void the_session_id_changes_at_sign_in_and_the_signed_in_session_dies_at_sign_out() {
        TestWorld.Persona staff = world.account(partnership, Role.FACILITATOR);

        page.navigate(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        String anonymousId = sessionCookie(context).orElseThrow(() -> new AssertionError("no session before sign-in"))
                .value;

        signInToHome(page, staff.email(), TestWorld.PASSWORD);
        Cookie signedIn = sessionCookie(context).orElseThrow(() -> new AssertionError("no session after sign-in"));
        assertThat(signedIn.value).as("session id after sign-in").isNotEqualTo(anonymousId);
        assertThat(signedIn.httpOnly).as("session cookie is HTTP-only").isTrue();
        assertThat(signedIn.sameSite).as("session cookie is same-site").isEqualTo(SameSiteAttribute.LAX);

        page.locator("#sign-out").click();
        assertThat(page).hasURL(at("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        page.navigate(url("/"));
        assertThat(page).hasURL(at("/login"));
        assertThat(page.locator("#sign-out")).hasCount(0);
        Optional<Cookie> afterSignOut = sessionCookie(context);
        afterSignOut.ifPresent(c -> assertThat(c.value).as("session id after sign-out").isNotEqualTo(signedIn.value));

        // Neither the signed-in session id nor the one from before sign-in opens a staff page any more.
        for (String stolen : List.of(signedIn.value, anonymousId)) {
            try (BrowserContext attacker = browser.newContext()) {
                attacker.addCookies(List.of(new Cookie("JSESSIONID", stolen).setUrl(url("/"))));
                Page attackerPage = attacker.newPage();
                attackerPage.navigate(url("/"));
                assertThat(attackerPage).hasURL(at("/login"));
                assertThat(attackerPage.locator("#sign-out")).hasCount(0);
            }
        }
    }

    @Test
    void five_wrong_passwords_lock_the_account_so_even_the_right_password_is_refused_until_the_lock_ends() {
        TestWorld.Persona staff = world.account(partnership, Role.FACILITATOR);

        for (int attempt = 1; attempt <= 3; attempt++) {
            failSignIn(staff.email(), "wrong password " + attempt, NOT_RECOGNISED);
            CLOCK.advance(Duration.ofMillis(100));
        }
        // after three failures, each further try must wait: even the right password is refused for now, with the
        // same answer as any failure, so nobody learns from it that the account exists
        failSignIn(staff.email(), TestWorld.PASSWORD, NOT_RECOGNISED);
        screenshot(page, "slowed");

        CLOCK.advance(Duration.ofSeconds(3));
        failSignIn(staff.email(), "wrong password 4", NOT_RECOGNISED);
        CLOCK.advance(Duration.ofSeconds(5));
        failSignIn(staff.email(), "wrong password 5", NOT_RECOGNISED);

        // locked: well past every slow-down wait, the right password is still refused, and the page says exactly
        // what it says for an email that has no account
        CLOCK.advance(Duration.ofMinutes(10));
        failSignIn(staff.email(), TestWorld.PASSWORD, NOT_RECOGNISED);
        String lockedAnswer = page.locator("vaadin-login-form").innerText();
        screenshot(page, "locked");
        failSignIn("nobody-" + staff.email(), TestWorld.PASSWORD, NOT_RECOGNISED);
        assertThat(page.locator("vaadin-login-form").innerText()).isEqualTo(lockedAnswer);

        // a different account from the same browser is not affected
        TestWorld.Persona colleague = world.account(partnership, Role.LEAD);
        signInToHome(page, colleague.email(), TestWorld.PASSWORD);
        context.clearCookies();

        // the lock lasts 15 minutes; after it the right password works again
        CLOCK.advance(Duration.ofMinutes(6));
        signInToHome(page, staff.email(), TestWorld.PASSWORD);
    }

    private void failSignIn(String email, String password, String expectedTitle) {
        signIn(page, email, password);
        assertThat(page).hasURL(Pattern.compile("^" + literal(url("/login")) + "\\?error$"));
        assertThat(page.locator("vaadin-login-form")).containsText(expectedTitle);
        assertThat(page.locator("#sign-out")).hasCount(0);
    }

    private static Optional<Cookie> sessionCookie(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst();
    }

    /** A clock the test moves forward by hand; it starts at the real time. */
    static final class SettableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the application uses UTC");
        }
    }
}
