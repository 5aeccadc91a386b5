package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Set;
import org.hymnsheet.accounts.Account;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A staff member signed in on two browsers (own cookies, so two real HTTP sessions): when an administrator sets
 * their password, changes their roles or deactivates them, both sessions end at their next request, whether that
 * is a page load or a click inside the running Vaadin page. Changing one's own password keeps the browser that
 * did it and ends the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-staff-session-end;DB_CLOSE_DELAY=-1")
class StaffSessionEndTest extends BrowserTestSupport {
    @Autowired ApplicationContext spring;
    @Autowired AccountService accounts;

    TestWorld world;
    long partnership;
    TestWorld.Persona admin;
    TestWorld.Persona staff;
    BrowserContext second;
    Page other;

    @BeforeEach
    void twoBrowsers() {
        world = new TestWorld(spring);
        world.markInstalled();
        partnership = world.partnership();
        admin = world.account(partnership, Role.ADMIN);
        staff = world.account(partnership, Role.FACILITATOR, Role.LEAD);
        second = Chromium.newContext(browser);
        other = second.newPage();
        signInToHome(page, staff.email(), TestWorld.PASSWORD);
        signInToHome(other, staff.email(), TestWorld.PASSWORD);
    }

    @AfterEach
    void closeSecond() {
        TestWorld.anonymous();
        second.close();
    }

    @Test
    void a_password_set_by_an_administrator_ends_both_sessions_of_that_account() {
        asAdmin(() -> accounts.resetPassword(staff.accountId(), "chosen by the administrator"));
        endsAtNextPageLoad(page);
        endsAtNextClick(other);
    }

    @Test
    void a_role_change_ends_both_sessions_of_that_account() {
        asAdmin(() -> {
            Account a = accounts.get(staff.accountId());
            accounts.update(a.id(), a.displayName(), null, Set.of(Role.LEAD), a.version());
        });
        endsAtNextClick(page);
        endsAtNextPageLoad(other);
    }

    @Test
    void a_deactivation_ends_both_sessions_of_that_account_and_reactivation_does_not_bring_them_back() {
        asAdmin(() -> {
            accounts.deactivate(staff.accountId());
            accounts.reactivate(staff.accountId());
        });
        endsAtNextPageLoad(page);
        endsAtNextClick(other);
    }

    @Test
    void changing_ones_own_password_keeps_this_browser_signed_in_and_ends_the_other() {
        open(page, "/account");
        page.getByLabel("Current password").fill(TestWorld.PASSWORD);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("my own new passphrase");
        page.getByLabel("Repeat new password").fill("my own new passphrase");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        assertThat(page.getByText("Password changed")).isVisible();

        page.reload();
        open(page, "/account");
        assertThat(heading(page)).hasText("My account");
        assertThat(page.locator("#sign-out")).isVisible();
        endsAtNextPageLoad(other);
        // and the new password is the one that works now
        signIn(other, staff.email(), "my own new passphrase");
        assertThat(other.locator("#sign-out")).isVisible();
    }

    private void asAdmin(Runnable change) {
        TestWorld.as(admin);
        try {
            change.run();
        } finally {
            TestWorld.anonymous();
        }
    }

    /** Loading a staff page lands on sign-in, with nothing of the staff layout. */
    private void endsAtNextPageLoad(Page browser) {
        browser.navigate(url("/account"));
        assertThat(browser).hasURL(at("/login"));
        assertThat(browser.locator("vaadin-login-form")).isVisible();
        assertThat(browser.locator("#sign-out")).hasCount(0);
    }

    /** A click inside the page that was open all along (a Vaadin request, no page load) lands on sign-in too. */
    private void endsAtNextClick(Page browser) {
        navigation(browser).getByText("My account").click();
        assertThat(browser).hasURL(at("/login"));
        assertThat(browser.locator("vaadin-login-form")).isVisible();
        assertThat(browser.locator("#sign-out")).hasCount(0);
        // and going back to a staff page does not revive the session
        browser.navigate(url("/"));
        assertThat(browser).hasURL(at("/login"));
    }
}
