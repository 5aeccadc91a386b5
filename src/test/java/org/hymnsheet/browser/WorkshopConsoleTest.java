package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
import org.hymnsheet.workshops.WorkshopStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A facilitator creates a hymn sheet workshop, shows the join code and QR code, watches the room join, steps
 * through the stages, tracks who speaks and ends the workshop, after which the console is read-only.
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
        assertThat(qr).isVisible();
        assertThat(qr).hasAttribute("alt", Pattern.compile("QR code"));
        assertThat((Boolean) qr.evaluate("img => img.complete && img.naturalWidth > 100")).isTrue();
        assertThat(page.locator("#join-link")).hasAttribute("href", Pattern.compile("/join/" + code + "$"));
        assertThat(page.locator("#workshop-status")).containsText("Not started");

        page.locator("#workshop-start").click();
        assertThat(page.locator("#workshop-status")).containsText("Live");
        assertThat(page.locator("#workshop-status")).containsText("stage 1 of 5");

        // participants join on their phones; the console shows them without a reload
        var participants = spring.getBean(ParticipantService.class);
        assertThat(participants.join(code, police, Level.MANAGER, "Ann", "phone-1").joined()).isTrue();
        assertThat(participants.join(code, health, Level.PRACTITIONER, "Bo", "phone-2").joined()).isTrue();
        assertThat(page.locator("#roster")).containsText("Ann");
        assertThat(page.locator("#roster")).containsText("Bo");
        assertThat(page.locator("#roster")).containsText("Practitioner");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who is here (2)"))).isVisible();

        page.locator("#stage-next").click();
        assertThat(page.locator("#workshop-status")).containsText("stage 2 of 5");
        assertThat(page.locator("#stage-list [aria-current=step]")).containsText("Influence and voice");
        page.locator("#stage-previous").click();
        assertThat(page.locator("#workshop-status")).containsText("stage 1 of 5");
        page.locator("#stage-lock").click();
        assertThat(page.locator("#stage-lock")).hasText("Unlock stage");
        assertThat(page.locator("#stage-list [aria-current=step]")).containsText("locked");
        page.locator("#stage-lock").click();
        assertThat(page.locator("#stage-lock")).hasText("Lock stage");
        page.locator("#stage-reveal").click();
        assertThat(page.locator("#stage-list [aria-current=step]")).containsText("revealed");
        page.locator("#timer-minutes input").fill("5");
        page.locator("#timer-start").click();
        assertThat(page.locator("#timer-remaining")).containsText(Pattern.compile("Time left: [45]:\\d\\d"));

        // the speaking tracker: one button per agency in the room
        page.locator("#stage-next").click();
        assertThat(page.locator("#workshop-status")).containsText("stage 2 of 5");
        page.locator("#speak-" + police).click();
        assertThat(page.locator("#shares-agency")).containsText("Police");
        page.locator("#speak-" + health).click();
        assertThat(page.locator("#shares-agency")).containsText("Health");
        page.locator("#speaking-pause").click();
        TestWorld.as(facilitator);
        var shares = spring.getBean(SpeakingService.class).shares(workshopId());
        assertThat(shares.byAgency()).extracting(SpeakingShare::agencyId).containsExactlyInAnyOrder(police, health);
        assertThat(shares.byAgency()).allSatisfy(s -> assertThat(s.turns()).isEqualTo(1));
        TestWorld.anonymous();

        // axe measures a fading-in notification as a paler colour: check once any has gone
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);
        assertAccessible(page, "workshop console");
        screenshot(page, "workshop-console");

        page.locator("#workshop-end").click();
        assertThat(page.getByRole(AriaRole.ALERTDIALOG)).containsText("End this workshop?");
        page.locator("#end-cancel").click(); // changing one's mind changes nothing
        assertThat(page.locator("#workshop-status")).containsText("Live");
        page.locator("#workshop-end").click();
        page.locator("#end-confirm").click();
        assertThat(page.locator("#workshop-status")).containsText("Ended");
        for (String control : new String[] {"#stage-next", "#stage-previous", "#stage-lock", "#stage-reveal",
                "#timer-start", "#workshop-end", "#speaking-pause", "#speaking-undo", "#card-add", "#card-import",
                "#speak-" + police}) {
            assertThat(page.locator(control)).isDisabled();
        }
        TestWorld.as(facilitator);
        Workshop ended = spring.getBean(WorkshopService.class).get(workshopId());
        assertThat(ended.status()).isEqualTo(WorkshopStatus.ENDED);
        assertThat(ended.currentStage()).isEqualTo(1);
        TestWorld.anonymous();
        screenshot(page, "workshop-ended");
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
        assertThat(page.locator("#pending .pending-text")).hasCount(1);
        assertThat(page.locator("#pending .pending-text .free-text")).hasText("Harmless words");

        // the participant changes the words while they wait: the console shows the new words, by itself
        inputs.frame(ann, 0, 30, "Changed words");
        assertThat(page.locator("#pending .pending-text .free-text")).hasText("Changed words");
        page.locator("#pending .pending-text .approve").click();
        assertThat(page.locator("#pending")).containsText("Nothing is waiting.");

        // moving the slider alone keeps them approved: nothing waits again
        inputs.frame(ann, 0, 80, "Changed words");
        page.waitForTimeout(2500); // a console poll
        assertThat(page.locator("#pending")).containsText("Nothing is waiting.");
        TestWorld.as(facilitator);
        assertThat(spring.getBean(WorkshopModerationService.class).pending(live.id())).isEmpty();
        TestWorld.anonymous();
    }

    private long workshopId() {
        String path = page.url().replaceFirst("^https?://[^/]+", "");
        return Long.parseLong(path.replaceAll("^/workshops/(\\d+).*$", "$1"));
    }
}
