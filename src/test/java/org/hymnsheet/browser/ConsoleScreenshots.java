package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Writes the console's screenshots in {@code docs/screens/} at 1366x768 (what a facilitator's laptop shows, no
 * scrolling): before the start and on each of the hymn sheet's five stages, with people in the room and words
 * waiting. Not a test of anything and not run by the build: run it when the console's look changes, with
 * {@code ./mvnw test -Dtest=ConsoleScreenshots -Dscreens=true}, and look at every picture before committing it.
 */
@Tag("screens")
@EnabledIfSystemProperty(named = "screens", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-console-screens;DB_CLOSE_DELAY=-1")
class ConsoleScreenshots extends BrowserTestSupport {
    static final Path SCREENS = Path.of("docs", "screens");

    @Autowired ApplicationContext spring;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void the_console_before_the_start_and_on_every_stage() throws Exception {
        Files.createDirectories(SCREENS);
        var room = new ConsoleRoom(spring).join(); // once phones may join before the start, they show here
        page.setViewportSize(1366, 768);
        signInToHome(page, room.facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + room.workshop.id());
        assertThat(page.locator("#workshop-status")).containsText("Not started");
        shoot("before-start");

        room.start();
        if (room.tokens.isEmpty()) {
            room.join();
        }
        room.frame();
        assertThat(page.locator("#pending .pending-text")).hasCount(5);
        shoot("framing");

        TestWorld.as(room.facilitator);
        var workshops = spring.getBean(WorkshopService.class);
        var moderation = spring.getBean(WorkshopModerationService.class);
        var speaking = spring.getBean(SpeakingService.class);
        var inputs = spring.getBean(InputService.class);
        long id = room.workshop.id();
        workshops.reveal(id, 0);
        moderation.approveAll(id, moderation.pending(id).subList(1, 5));
        workshops.advance(id);
        speaking.tap(id, room.agencies.get(1), Level.STRATEGIC_LEADER);
        speaking.tap(id, room.agencies.get(0), Level.PRACTITIONER);
        speaking.tap(id, room.agencies.get(2), null);
        TestWorld.anonymous();
        for (String token : room.tokens) {
            inputs.influence(token, 1, Set.of(room.agencies.get(1)));
        }
        assertThat(page.locator("#workshop-status")).containsText("stage 2 of 5");
        assertThat(page.locator("#speaking-now")).containsText("Speaking now");
        shoot("voice");

        TestWorld.as(room.facilitator);
        speaking.pause(id);
        workshops.advance(id);
        TestWorld.anonymous();
        assertThat(page.locator("#workshop-status")).containsText("stage 3 of 5");
        page.locator("#cards-details summary").click();
        shoot("cards");
        page.locator("#cards-details summary").click();

        TestWorld.as(room.facilitator);
        workshops.advance(id);
        TestWorld.anonymous();
        inputs.pulse(room.tokens.get(0), 3, "critical-reflection", 2, "We rush to actions before we understand what is going on");
        inputs.pulse(room.tokens.get(1), 3, "critical-reflection", 4, "Chairs make room for questions");
        inputs.pulse(room.tokens.get(2), 3, "ok-not-to-know", 1, "Not knowing looks weak in front of managers");
        assertThat(page.locator("#workshop-status")).containsText("stage 4 of 5");
        assertThat(page.locator("#pending")).containsText("anonymous pulse");
        shoot("pulse");

        TestWorld.as(room.facilitator);
        moderation.approveAll(id, moderation.pending(id).stream()
                .filter(p -> p.kind() == PendingText.TextKind.PULSE).toList());
        workshops.advance(id);
        TestWorld.anonymous();
        inputs.addNeed(room.tokens.get(3), 4, "Commissioners who fund detached youth work for more than a year", null, "commissioners");
        inputs.addNeed(room.tokens.get(4), 4, "A chair who asks what the place is like, not only what the child did", null, "meeting-chairing");
        inputs.addNeed(room.tokens.get(5), 4, "Plans that name the places", room.agencies.get(1), "plans");
        assertThat(page.locator("#workshop-status")).containsText("stage 5 of 5");
        assertThat(page.locator("#pending")).containsText("Plans that name the places");
        shoot("needs");
    }

    private void shoot(String stage) {
        // the layout's content area scrolls, not the window: bring the console's top back
        page.evaluate("() => document.querySelector('.console-header').scrollIntoView({block: 'start'})");
        // no server round trip under way (Vaadin's loading bar would cross the top of the picture)
        assertThat(page.locator(".v-loading-indicator.first, .v-loading-indicator.second, .v-loading-indicator.third"))
                .hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENS.resolve("console-" + stage + "-1366.png")));
    }
}
