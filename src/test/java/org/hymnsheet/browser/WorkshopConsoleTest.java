package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.SpeakingShare;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * What the console needs a browser for: a facilitator creates a hymn sheet workshop, shows the QR code, watches
 * the room join and the words change by push, tracks who speaks, and ends it; and the dashboard fits a laptop
 * screen. Each use case's own rules are tested without a browser in {@code workshops.ui.WorkshopConsoleViewTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-workshop-console;DB_CLOSE_DELAY=-1")
class WorkshopConsoleTest extends BrowserTestSupport {

    @Autowired
    ApplicationContext spring;

    TestWorld.Persona facilitator;
    long partnership;
    long police;
    long health;

    @BeforeEach
    void world() {
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        partnership = world.partnership();
        police = world.agency(partnership, TestWorld.unique("Police"));
        health = world.agency(partnership, TestWorld.unique("Health"));
        facilitator = world.account(partnership, Role.FACILITATOR);
    }

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void a_facilitator_runs_a_workshop_from_creation_to_the_end() {
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        navigation(page).locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Workshops"))
                .first().click();
        assertThat(heading(page)).hasText("Partnership workshops");

        page.locator("#workshop-create").click();
        assertThat(page.getByText("Choose a workshop template")).isVisible(); // nothing chosen: a clear message
        choose(page, "workshop-template", "Singing from the same hymn sheet");
        assertThat(page.locator("#workshop-title input")).hasValue("Singing from the same hymn sheet");
        page.locator("#workshop-title input").fill("Riverside partnership session");
        page.locator("#workshop-create").click();

        assertThat(heading(page)).hasText("Riverside partnership session");
        String code = page.locator("#join-code").textContent().strip();
        assertThat(code).matches("[A-HJ-NP-Z2-9]{6}");
        var qr = page.locator("img.qr-code");
        assertThat(qr).isHidden(); // a click away, over the dashboard
        page.locator("#join-details summary").click();
        assertThat(qr).isVisible();
        assertThat(qr).hasAttribute("alt", Pattern.compile("QR code"));
        assertThat((Boolean) qr.evaluate("img => img.complete && img.naturalWidth > 100")).isTrue();
        assertThat(page.locator("#join-link")).hasAttribute("href", Pattern.compile("/join/" + code + "$"));
        page.locator("#join-details summary").click();
        assertThat(page.locator("#workshop-status")).containsText("Not started");

        page.locator("#workshop-start").click();
        assertThat(page.locator("#workshop-status")).containsText("Live · stage 1 of 5");

        // participants join on their phones; the console shows them without a reload
        var participants = spring.getBean(ParticipantService.class);
        assertThat(participants.join(code, police, Level.MANAGER, "Ann", "phone-1").joined()).isTrue();
        assertThat(participants.join(code, health, Level.PRACTITIONER, "Bo", "phone-2").joined()).isTrue();
        assertThat(page.locator("#roster")).containsText("Ann");
        assertThat(page.locator("#roster")).containsText("Practitioner");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who is here (2)"))).isVisible();

        // the speaking tracker: one button per agency in the room, and who speaks now
        page.locator("#speak-" + police).click();
        assertThat(page.locator("#speaking-now")).containsText("Police");
        assertThat(page.locator("#speak-" + police)).hasAttribute("aria-pressed", "true");
        page.locator("#speak-" + health).click();
        assertThat(page.locator("#shares-agency")).containsText("Health");
        page.locator("#speaking-pause").click();
        assertThat(page.locator("#speaking-now")).hasText("Nobody is speaking.");
        TestWorld.as(facilitator);
        var shares = spring.getBean(SpeakingService.class).shares(workshopId());
        assertThat(shares.byAgency()).extracting(SpeakingShare::agencyId).containsExactlyInAnyOrder(police, health);
        assertThat(shares.byAgency()).allSatisfy(s -> assertThat(s.turns()).isEqualTo(1));
        TestWorld.anonymous();

        assertAccessible(page, "workshop console");
        screenshot(page, "workshop-console");

        page.locator("#workshop-end").click();
        page.locator("#end-confirm").click();
        assertThat(page.locator("#workshop-status")).containsText("Ended");
        assertThat(page.locator("#speak-" + police)).isDisabled();
    }

    @Test
    void words_changed_while_they_wait_are_shown_changed_and_approving_puts_up_only_the_words_shown() {
        TestWorld.as(facilitator);
        var workshops = spring.getBean(WorkshopService.class);
        Workshop live = workshops.start(workshops.create(partnership, "hymn-sheet", TestWorld.unique("Hymn sheet")).id());
        TestWorld.anonymous();
        var participants = spring.getBean(ParticipantService.class);
        String ann = participants.join(live.joinCode(), police, Level.MANAGER, null, "phone-1").token();
        var inputs = spring.getBean(InputService.class);
        inputs.frame(ann, 0, 30, "Harmless words");

        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + live.id());
        assertThat(page.locator("#pending .pending-text .free-text")).hasText("Harmless words");

        // the participant changes the words while they wait: the console shows the new words, by itself
        inputs.frame(ann, 0, 30, "Changed words");
        assertThat(page.locator("#pending .pending-text .free-text")).hasText("Changed words");
        page.locator("#pending .pending-text .approve").click();
        assertThat(page.locator("#pending")).containsText("Nothing is waiting.");
        TestWorld.as(facilitator);
        assertThat(spring.getBean(WorkshopModerationService.class).pending(live.id())).isEmpty();
        TestWorld.anonymous();
    }

    /**
     * On a 1366x768 laptop the live controls are on screen together, without scrolling: Reveal, the first approve
     * button, "Approve all", the speaking tracker and who is here; nothing runs off the side, not even a
     * 600-character text, and a right-to-left override stays inside the words that carry it.
     */
    @Test
    void on_a_laptop_the_live_controls_fit_the_screen_with_six_people_five_texts_waiting_and_four_agencies_heard() {
        var room = new ConsoleRoom(spring).start().join().frame();
        TestWorld.as(room.facilitator); // four agencies have spoken: the shares have a row each
        var speaking = spring.getBean(SpeakingService.class);
        room.agencies.forEach(agency -> speaking.tap(room.workshop.id(), agency, null));
        TestWorld.anonymous();
        page.setViewportSize(1366, 768);
        signInToHome(page, room.facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + room.workshop.id());
        assertThat(page.locator("#pending .pending-text")).hasCount(5);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who is here (6)"))).isVisible();
        assertThat(page.locator("#approve-all")).hasText("Approve all (5)");

        for (Locator control : List.of(page.locator("#stage-reveal"), page.locator("#pending .approve").first(),
                page.locator("#approve-all"), page.locator(".console-speaking"), page.locator(".console-roster"))) {
            var box = control.boundingBox();
            assertThat(box).as("%s is shown", control).isNotNull();
            assertThat(box.y).as("%s top", control).isGreaterThanOrEqualTo(0);
            assertThat(box.y + box.height).as("%s bottom", control).isLessThanOrEqualTo(768);
            assertThat(box.x + box.width).as("%s right edge", control).isLessThanOrEqualTo(1366);
        }
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no horizontal scrolling").isTrue();
        assertThat((Boolean) page.evaluate("() => window.scrollY === 0")).isTrue();
        Locator override = page.locator("#pending .free-text").filter(new Locator.FilterOptions()
                .setHasText(ConsoleRoom.OVERRIDE_TEXT.substring(1)));
        assertThat((String) override.evaluate("p => getComputedStyle(p).unicodeBidi")).isEqualTo("isolate");
        for (Locator button : List.of(page.locator("#pending .approve").first(), page.locator("#pending .reject").first(),
                page.locator("#approve-all"), page.locator("#stage-reveal"))) {
            assertThat(button.boundingBox().height).as("%s height", button).isGreaterThanOrEqualTo(44);
        }
        // the speaker's level reads whole, whichever it is (it was cut to "Level not know…")
        Locator level = page.locator("#speaking-level");
        assertThat(level.locator("vaadin-select-value-button")).hasText("Level not known");
        assertNothingCut(level);
        level.click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Strategic leader")).click();
        assertThat(level.locator("vaadin-select-value-button")).hasText("Strategic leader");
        assertNothingCut(level);
        assertThat(page.locator("#speaking-pause").boundingBox().y).as("the level has a row of its own")
                .isGreaterThan(level.boundingBox().y + level.boundingBox().height - 1);
        assertAccessible(page, "workshop console as a dashboard");
        screenshot(page, "console-dashboard-1366");
    }

    private long workshopId() {
        String path = page.url().replaceFirst("^https?://[^/]+", "");
        return Long.parseLong(path.replaceAll("^/workshops/(\\d+).*$", "$1"));
    }
}
