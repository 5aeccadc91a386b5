package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A staff session's idle timeout really ends it, although an open tab keeps sending Vaadin's heartbeat (which
 * alone would keep the servlet session alive for ever). The servlet timeout is 1 minute here (the shortest
 * Spring Boot gives Tomcat) and the heartbeat comes every second, so the tab is never silent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser-staff-idle-timeout;DB_CLOSE_DELAY=-1",
        "server.servlet.session.timeout=1m",
        "vaadin.heartbeat-interval=1"})
class StaffIdleTimeoutTest extends BrowserTestSupport {

    @Autowired
    ApplicationContext spring;

    /** Both tabs over the same 80 seconds, one idle and one in use, so the suite waits for the timeout once. */
    @Test
    void an_idle_tab_is_signed_out_after_the_timeout_despite_its_heartbeats_while_a_tab_in_use_stays_signed_in() {
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        long partnership = world.partnership();
        TestWorld.Persona idle = world.account(partnership, Role.FACILITATOR);
        TestWorld.Persona busy = world.account(partnership, Role.FACILITATOR);
        signInToHome(page, idle.email(), TestWorld.PASSWORD);
        page.navigate(url("/moderation"));
        assertThat(heading(page)).hasText("Moderation");
        int[] heartbeats = {0};
        page.onRequest(r -> {
            if (r.url().contains("v-r=heartbeat")) {
                heartbeats[0]++;
            }
        });

        BrowserContext otherBrowser = Chromium.newContext(browser);
        try {
            Page working = otherBrowser.newPage();
            signInToHome(working, busy.email(), TestWorld.PASSWORD);
            // the idle tab stays open past the timeout (and Vaadin's check, at the end of a heartbeat) while the
            // other one clicks inside the app every 20 s (a server round trip, not a page load, counts as use)
            for (int i = 0; i < 4; i++) {
                working.waitForTimeout(20_000);
                working.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions()
                        .setHasText(i % 2 == 0 ? "Moderation" : "Surveys")).first().click();
                assertThat(heading(working)).hasText(i % 2 == 0 ? "Moderation" : "Young people's surveys");
            }
            assertThat(heartbeats[0]).as("heartbeats sent while idle").isGreaterThan(20);

            page.navigate(url("/moderation"));
            assertThat(page).hasURL(at("/login"));
            assertThat(page.locator("vaadin-login-form")).isVisible();
            assertThat(page.locator("#sign-out")).hasCount(0);
            assertThat(page.content()).doesNotContain(idle.email());

            working.navigate(url("/moderation"));
            assertThat(heading(working)).hasText("Moderation");
            assertThat(working.locator("#sign-out")).isVisible();
        } finally {
            otherBrowser.close();
        }
    }
}
