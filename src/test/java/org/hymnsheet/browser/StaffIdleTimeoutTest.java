package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A staff session's idle timeout really ends it, although an open tab keeps sending Vaadin's heartbeat (which
 * alone would keep the servlet session alive for ever). Each servlet session here times out after
 * {@value #IDLE_SECONDS} seconds (set on the session as it is made: Spring Boot gives Tomcat whole minutes only) and
 * the heartbeat comes every second, so the tab is never silent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser-staff-idle-timeout;DB_CLOSE_DELAY=-1",
        "vaadin.heartbeat-interval=1"})
@Import(StaffIdleTimeoutTest.ShortSessions.class)
class StaffIdleTimeoutTest extends BrowserTestSupport {
    static final int IDLE_SECONDS = 8;
    static final Set<String> ENDED = ConcurrentHashMap.newKeySet();

    @TestConfiguration
    static class ShortSessions {
        @Bean
        HttpSessionListener shortSessions() {
            return new HttpSessionListener() {
                @Override
                public void sessionCreated(HttpSessionEvent event) {
                    event.getSession().setMaxInactiveInterval(IDLE_SECONDS);
                }

                @Override
                public void sessionDestroyed(HttpSessionEvent event) {
                    ENDED.add(event.getSession().getId());
                }
            };
        }
    }

    @Autowired
    ApplicationContext spring;

    /** Both tabs over the same stretch of time, one idle and one in use, so the suite waits for the timeout once. */
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
        String idleSession = sessionId(page);
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
            // other one clicks inside the app every 2 s (a server round trip, not a page load, counts as use),
            // until the idle tab's session has ended, or three times the timeout has passed
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3L * IDLE_SECONDS);
            for (int i = 0; !ENDED.contains(idleSession) && System.nanoTime() < deadline; i++) {
                working.waitForTimeout(2_000);
                working.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions()
                        .setHasText(i % 2 == 0 ? "Moderation" : "Surveys")).first().click();
                assertThat(heading(working)).hasText(i % 2 == 0 ? "Moderation" : "Young people's surveys");
            }
            assertThat(ENDED).as("the idle tab's session ended").contains(idleSession);
            assertThat(heartbeats[0]).as("heartbeats sent while idle").isGreaterThanOrEqualTo(IDLE_SECONDS / 2);

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

    private static String sessionId(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst()
                .orElseThrow().value;
    }
}
