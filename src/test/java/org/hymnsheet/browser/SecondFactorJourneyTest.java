package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.ACCOUNT_FACTOR;
import static org.hymnsheet.db.Tables.AUDIT_EVENT;

import com.microsoft.playwright.Page;
import java.util.List;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.Authenticator;
import org.hymnsheet.testing.Chromium;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The second factor in a real browser, with codes computed from the key the enrolment page shows: an
 * administrator must enrol before any page, then give a code at every sign-in (a wrong or reused one is refused,
 * and typed addresses reach nothing before it), a recovery code works once, an administrator resets another's
 * factor (logged), and a facilitator signs in with the password alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-second-factor;DB_CLOSE_DELAY=-1")
class SecondFactorJourneyTest extends BrowserTestSupport {
    static TestWorld.Persona admin;
    static TestWorld.Persona otherAdmin;
    static TestWorld.Persona resetter;
    static TestWorld.Persona facilitator;
    static long partnership;

    @Autowired
    ApplicationContext spring;

    @BeforeEach
    void world() {
        if (admin != null) {
            return;
        }
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        partnership = world.partnership();
        admin = world.account(partnership, Role.ADMIN);
        otherAdmin = world.account(partnership, Role.ADMIN, Role.SAFEGUARDING_LEAD);
        facilitator = world.account(partnership, Role.FACILITATOR);
        resetter = world.account(partnership, Role.ADMIN);
    }

    DSLContext db() {
        return spring.getBean(DSLContext.class);
    }

    int audit(String action, long target) {
        return db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(action), AUDIT_EVENT.TARGET_ACCOUNT_ID.eq(target));
    }

    void assertNothingOfTheApp(Page page, String address) {
        page.navigate(url(address));
        assertThat(page).hasURL(at("/second-factor"));
        assertThat(page.locator("#factor-submit")).isVisible();
        assertThat(page.locator("#sign-out")).hasCount(0);
        assertThat(page.locator("vaadin-grid")).hasCount(0);
        assertThat(page.locator("vaadin-app-layout")).hasCount(0);
    }

    void signOut(Page page) {
        page.locator("#sign-out").click();
        assertThat(page).hasURL(at("/login"));
    }

    @Test
    void an_administrator_enrols_before_any_page_then_gives_a_code_at_every_sign_in_and_a_recovery_code_once() {
        Chromium.submitPassword(page, baseUrl(), admin.email(), TestWorld.PASSWORD);
        assertThat(page).hasURL(at("/second-factor"));
        assertThat(heading(page)).hasText("Set up a second step for signing in");
        assertThat(page.locator("img[alt='QR code for your authenticator app']")).isVisible();
        assertAccessible(page, "second-factor enrolment");
        screenshot(page, "01-enrol");
        for (String address : List.of("/", "/admin/accounts", "/safeguarding", "/account", "/surveys")) {
            assertNothingOfTheApp(page, address);
        }
        String secret = page.locator("#factor-key").innerText();
        Authenticator.enrolled(admin.email(), secret);

        page.locator("#factor-code input").fill("123456".equals(Authenticator.code(secret, Authenticator.step(
                java.time.Instant.now()))) ? "654321" : "123456");
        page.locator("#factor-submit").click();
        assertThat(page.locator("#factor-code")).containsText("That code is not right");
        assertThat(db().fetchExists(ACCOUNT_FACTOR, ACCOUNT_FACTOR.ACCOUNT_ID.eq(admin.accountId())
                .and(ACCOUNT_FACTOR.CONFIRMED_AT.isNotNull()))).isFalse();

        page.locator("#factor-code input").fill(Authenticator.nextCode(admin.email()));
        page.locator("#factor-submit").click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        List<String> recovery = page.locator("#recovery-codes li").allInnerTexts();
        screenshot(page, "02-recovery-codes");
        page.locator("#factor-continue").click();
        assertThat(page.locator("#sign-out")).isVisible();
        assertThat(audit("FACTOR_ENROLLED", admin.accountId())).isEqualTo(1);
        signOut(page);

        // the next sign-in asks for a code; typed addresses reach nothing before it; the address asked for opens after
        Chromium.submitPassword(page, baseUrl(), admin.email(), TestWorld.PASSWORD);
        assertThat(page).hasURL(at("/second-factor"));
        assertThat(heading(page)).hasText("Enter your code");
        assertThat(page.locator("#factor-key")).hasCount(0);
        assertAccessible(page, "second-factor code");
        assertNothingOfTheApp(page, "/safeguarding");
        assertNothingOfTheApp(page, "/admin/accounts");
        page.locator("#factor-code input").fill("000000");
        page.locator("#factor-submit").click();
        assertThat(page.locator("#factor-code")).containsText("That code is not right");
        String code = Authenticator.nextCode(admin.email());
        page.locator("#factor-code input").fill(code);
        page.locator("#factor-submit").click();
        assertThat(heading(page)).hasText("Staff accounts");
        assertThat(page).hasURL(at("/admin/accounts"));
        signOut(page);

        // the same code again, within its 30 seconds: refused
        Chromium.submitPassword(page, baseUrl(), admin.email(), TestWorld.PASSWORD);
        page.locator("#factor-code input").fill(code);
        page.locator("#factor-submit").click();
        assertThat(page.locator("#factor-code")).containsText("used already");
        assertThat(page).hasURL(at("/second-factor"));

        // a recovery code instead of the app's code, once
        page.locator("#factor-code input").fill(recovery.get(0));
        page.locator("#factor-submit").click();
        assertThat(page.locator("#sign-out")).isVisible();
        assertThat(audit("RECOVERY_CODE_USED", admin.accountId())).isEqualTo(1);
        signOut(page);
        Chromium.submitPassword(page, baseUrl(), admin.email(), TestWorld.PASSWORD);
        page.locator("#factor-code input").fill(recovery.get(0));
        page.locator("#factor-submit").click();
        assertThat(page.locator("#factor-code")).containsText("That code is not right");
        assertNothingOfTheApp(page, "/");
    }

    @Test
    void an_administrator_resets_another_administrators_lost_factor_and_it_is_logged() {
        Chromium.signIn(page, baseUrl(), otherAdmin.email(), TestWorld.PASSWORD);
        assertThat(page.locator("#sign-out")).isVisible();
        assertThat(db().fetchExists(ACCOUNT_FACTOR, ACCOUNT_FACTOR.ACCOUNT_ID.eq(otherAdmin.accountId()))).isTrue();

        var adminContext = Chromium.newContext(browser);
        Page adminPage = adminContext.newPage();
        Chromium.signIn(adminPage, baseUrl(), resetter.email(), TestWorld.PASSWORD);
        open(adminPage, "/admin/accounts");
        adminPage.locator("vaadin-grid-cell-content").getByText(otherAdmin.email(), FirstRunJourneyTest.exact()).click();
        adminPage.locator("#account-reset-factor").click();
        assertThat(adminPage.locator("vaadin-notification-card")).containsText("Second step reset");
        adminContext.close();

        assertThat(db().fetchExists(ACCOUNT_FACTOR, ACCOUNT_FACTOR.ACCOUNT_ID.eq(otherAdmin.accountId()))).isFalse();
        assertThat(db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("FACTOR_RESET"),
                AUDIT_EVENT.ACTOR_ACCOUNT_ID.eq(resetter.accountId()),
                AUDIT_EVENT.TARGET_ACCOUNT_ID.eq(otherAdmin.accountId()),
                AUDIT_EVENT.PARTNERSHIP_ID.eq(partnership))).isEqualTo(1);

        signOut(page);
        Chromium.submitPassword(page, baseUrl(), otherAdmin.email(), TestWorld.PASSWORD);
        assertThat(page).hasURL(at("/second-factor"));
        assertThat(page.locator("#factor-key")).isVisible();
    }

    @Test
    void a_facilitator_signs_in_with_the_password_alone() {
        Chromium.submitPassword(page, baseUrl(), facilitator.email(), TestWorld.PASSWORD);
        assertThat(page).hasURL(at("/"));
        assertThat(page.locator("#sign-out")).isVisible();
        assertThat(db().fetchExists(ACCOUNT_FACTOR, ACCOUNT_FACTOR.ACCOUNT_ID.eq(facilitator.accountId()))).isFalse();
    }
}
