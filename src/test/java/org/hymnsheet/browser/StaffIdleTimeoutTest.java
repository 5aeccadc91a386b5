package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
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

    @Test
    void an_idle_staff_session_ends_after_the_timeout_although_the_open_tab_sends_heartbeats() {
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        TestWorld.Persona facilitator = world.account(world.partnership(), Role.FACILITATOR);
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        page.navigate(url("/moderation"));
        assertThat(heading(page)).hasText("Moderation");
        int[] heartbeats = {0};
        page.onRequest(r -> {
            if (r.url().contains("v-r=heartbeat")) {
                heartbeats[0]++;
            }
        });

        // the tab stays open and idle past the timeout (and Vaadin's check, at the end of a heartbeat)
        page.waitForTimeout(75_000);
        assertThat(heartbeats[0]).as("heartbeats sent while idle").isGreaterThan(20);

        page.navigate(url("/moderation"));
        assertThat(page).hasURL(at("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.locator("#sign-out")).hasCount(0);
        assertThat(page.content()).doesNotContain(facilitator.email());
    }

    @Test
    void a_staff_member_who_keeps_working_stays_signed_in() {
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        TestWorld.Persona facilitator = world.account(world.partnership(), Role.FACILITATOR);
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        for (int i = 0; i < 4; i++) {
            page.waitForTimeout(20_000);
            // a click inside the app (a server round trip, not a page load) counts as activity
            page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(i % 2 == 0 ? "Moderation" : "Surveys")).first().click();
            assertThat(heading(page)).hasText(i % 2 == 0 ? "Moderation" : "Young people's surveys");
        }
        page.navigate(url("/moderation"));
        assertThat(heading(page)).hasText("Moderation");
        assertThat(page.locator("#sign-out")).isVisible();
    }

}
