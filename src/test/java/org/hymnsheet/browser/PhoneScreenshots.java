package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The phone screenshots in {@code docs/screens/} (390 × 844, each stage of both workshop templates, plus the whole
 * page where a stage is longer than the screen). Not part of the suite (tagged {@code bench}); run it after changing
 * what a phone shows, look at every picture as a participant would, and commit them:
 * <pre>./mvnw -Pbench test -Dtest=PhoneScreenshots</pre>
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-phone-screenshots;DB_CLOSE_DELAY=-1")
class PhoneScreenshots extends BrowserTestSupport {
    static final Path SCREENS = Path.of("docs", "screens");

    @Autowired ApplicationContext spring;
    @Autowired WorkshopService workshops;
    @Autowired WorkshopModerationService moderation;
    @Autowired ParticipantService participants;
    @Autowired InputService inputs;

    TestWorld.Persona facilitator;

    @Test
    void every_phone_screen_at_390_by_844() {
        TestWorld world = new TestWorld(spring);
        long partnership = world.partnership();
        String[] agencies = {"Riverside Children's Services and Early Help", "Riverside Police", "Riverside Youth Justice",
                "Riverside Community Health", "St Mark's Academy Trust"};
        for (String agency : agencies) {
            world.agency(partnership, agency); // a database of its own: the names as a partnership would have them
        }
        facilitator = world.account(partnership, Role.FACILITATOR);
        Workshop w = as(() -> workshops.create(partnership, "hymn-sheet", "Riverside partnership, spring workshop"));
        page.setViewportSize(390, 844);

        open(page, "/join/" + w.joinCode());
        choose(page, "join-agency", agencies[0]);
        page.locator("#join-level").getByText("Practitioner").click();
        page.locator("#join-first-name input").fill("Sam");
        page.locator("#join-go").click();
        assertThat(page.locator("#you-are-in")).isVisible();
        shot("youre-in", false);

        as(() -> workshops.start(w.id()));
        assertThat(page.locator("#stage-title")).hasText("Partners and framing");
        page.locator("#framing-value").fill("30");
        page.locator("#framing-sentence textarea").fill("Most of the harm we see happens in places we do not manage: the park after dark, the bus station.");
        page.locator("#framing-save").click();
        assertThat(page.locator("#saved")).containsText("Saved");
        shot("framing", true);

        as(() -> workshops.advance(w.id()));
        assertThat(page.locator("#stage-title")).hasText("Influence and voice");
        shot("voice", false);

        as(() -> workshops.advance(w.id()));
        assertThat(page.locator("#stage-title")).hasText("Behaviour-based or ecological?");
        page.locator("#card-next").click();
        assertThat(page.locator("#card-count")).containsText("Card 2 of 5");
        page.locator(".card-box:not([hidden]) vaadin-checkbox").nth(2).click();
        page.locator(".card-box:not([hidden]) vaadin-button").click();
        assertThat(page.locator(".card-box:not([hidden]) .save-state")).hasText("Saved");
        page.locator("#card-count").scrollIntoViewIfNeeded();
        shot("cards", true);

        as(() -> workshops.advance(w.id()));
        assertThat(page.locator("#stage-title")).hasText("Space for critical reflection");
        shot("pulse", true);

        as(() -> workshops.advance(w.id()));
        assertThat(page.locator("#stage-title")).hasText("What we need");
        String other = participants.join(w.joinCode(), participants.open(w.joinCode(), "k").agencies().get(1).id(),
                Level.MANAGER, null, TestWorld.unique("device")).token();
        inputs.addNeed(other, 4, "Commissioners who fund detached youth work in the park and on the estate", null, "commissioners");
        inputs.addNeed(other, 4, "A chair who keeps the focus on places, not only on young people", null, "meeting-chairing");
        inputs.addNeed(other, 4, "Plans that name the places where harm happens", null, "plans");
        as(() -> {
            for (PendingText t : moderation.pending(w.id())) {
                moderation.moderate(w.id(), t.kind(), t.ref(), true);
            }
            return workshops.reveal(w.id(), 4);
        });
        assertThat(page.locator("#dots-left")).hasText("3 of 3 dots left");
        String first = page.locator("#dots vaadin-select").first().getAttribute("id");
        page.locator("#" + first).click();
        page.locator("#" + first + " vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("2 dots")).click();
        assertThat(page.locator("#dots-left")).hasText("1 of 3 dots left");
        page.locator("#dots-left").scrollIntoViewIfNeeded();
        shot("needs", true);

        as(() -> workshops.end(w.id()));
        assertThat(page.locator("#thanks")).isVisible();
        shot("thanks", false);

        Workshop mapping = as(() -> workshops.start(workshops.create(partnership, "three-column-mapping", "Mapping").id()));
        open(page, "/join/" + mapping.joinCode());
        choose(page, "join-agency", agencies[1]);
        page.locator("#join-level").getByText("Manager").click();
        page.locator("#join-go").click();
        assertThat(page.locator("#stage-title")).isVisible();
        as(() -> workshops.advance(mapping.id()));
        assertThat(page.locator("#stage-title")).hasText("Mapping");
        shot("mapping", false);
    }

    /** The screen as the participant sees it (scrolled where the test left it) and, for long stages, the whole page. */
    private void shot(String state, boolean fullPageToo) {
        PhoneLayout.assertWhole(page, state);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENS.resolve("phone-" + state + "-390.png")));
        if (fullPageToo) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(SCREENS.resolve("phone-" + state + "-390-full.png")));
        }
    }

    private <T> T as(Supplier<T> action) {
        try {
            TestWorld.as(facilitator);
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
