package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.NEED;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.function.Supplier;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.RestartablePostgres;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL restarted in the middle of a workshop, under a projected board and a participant's phone: a need
 * saved while the database is down is refused with a plain "not saved, try again" and stays typed on the phone;
 * once the database is back the same press saves it, once, and the facilitator approves it onto the board, which
 * never reloaded. The database is a server of this test's own, so stopping it touches no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseRestartTest extends BrowserTestSupport {
    static final RestartablePostgres POSTGRES = RestartablePostgres.start("restart");
    static final String BEFORE = "Youth workers in the park on Friday nights";
    static final String DURING = "A named contact at the bus station for every school";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.jooq.sql-dialect", () -> "POSTGRES");
    }

    @Autowired
    ApplicationContext spring;
    @Autowired
    WorkshopService workshops;
    @Autowired
    WorkshopModerationService moderation;
    @Autowired
    DSLContext db;

    TestWorld.Persona facilitator;

    @Test
    void a_need_saved_while_the_database_restarts_is_kept_on_the_phone_and_saved_once_when_it_is_back() {
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        long partnership = world.partnership();
        String police = TestWorld.unique("Police");
        world.agency(partnership, police);
        facilitator = world.account(partnership, Role.FACILITATOR);
        Workshop workshop = asFacilitator(() -> workshops.start(
                workshops.create(partnership, "hymn-sheet", TestWorld.unique("Restart")).id()));
        for (int i = 0; i < 4; i++) {
            asFacilitator(() -> workshops.advance(workshop.id()));
        }
        asFacilitator(() -> workshops.reveal(workshop.id(), 4));

        page.setViewportSize(1920, 1080);
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + workshop.id() + "/board");
        Locator needs = page.locator("#board-needs-list");
        page.evaluate("window.__samePage = true");

        BrowserContext phoneContext = browser.newContext();
        try {
            Page phone = phoneContext.newPage();
            phone.setViewportSize(390, 844);
            open(phone, "/join/" + workshop.joinCode());
            choose(phone, "join-agency", police);
            phone.locator("#join-level").getByText("Practitioner").click();
            phone.locator("#join-go").click();
            assertThat(phone.locator("#stage-title")).hasText("What we need");
            phone.evaluate("window.__samePage = true");

            typeNeed(phone, BEFORE, "Commissioners");
            phone.locator("#need-add").click();
            assertThat(phone.locator("#my-inputs")).containsText(BEFORE);
            approve(workshop, BEFORE);
            assertThat(needs).containsText(BEFORE);

            POSTGRES.stop();
            typeNeed(phone, DURING, "Funders");
            long pressed = System.nanoTime();
            phone.locator("#need-add").click();
            Locator refusal = phone.locator("#input-error");
            assertThat(refusal).hasText("Not saved: the server cannot reach its database just now. What you wrote is "
                    + "still here. Try again in a minute.", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
            long refusedAfterMs = (System.nanoTime() - pressed) / 1_000_000;
            assertThat(refusedAfterMs).as("the refusal comes within the pool's connection timeout, not 30 s")
                    .isLessThan(15_000);
            assertThat(phone.locator("#need-text textarea")).hasValue(DURING);
            assertThat(phone.locator("#my-inputs")).not().containsText(DURING);
            assertThat(phone.locator("vaadin-notification-card")).hasCount(0); // said once, beside the button
            screenshot(phone, "phone-390-not-saved-while-the-database-restarts");

            POSTGRES.startAgain();
            phone.locator("#need-add").click();
            assertThat(phone.locator("#my-inputs")).containsText(DURING,
                    new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(phone.locator("#saved")).containsText("Saved");
            assertThat(refusal).isEmpty();
            assertThat(db.fetchCount(NEED, NEED.TEXT.eq(DURING))).as("saved once").isEqualTo(1);
            approve(workshop, DURING);
            assertThat(needs).containsText(DURING);
            assertThat(needs).containsText(BEFORE);
            assertThat(phone.evaluate("window.__samePage === true")).as("the phone never reloaded").isEqualTo(true);
            assertThat(page.evaluate("window.__samePage === true")).as("the board never reloaded").isEqualTo(true);
            assertThat(page.locator("vaadin-notification-card")).hasCount(0); // nothing on the projector
            assertAccessible(phone, "the needs stage after a refused save");
        } finally {
            phoneContext.close();
            POSTGRES.startAgain();
        }
    }

    private void typeNeed(Page phone, String text, String category) {
        phone.locator("#need-text textarea").fill(text);
        choose(phone, "need-category", category);
    }

    private void approve(Workshop workshop, String text) {
        asFacilitator(() -> {
            PendingText need = moderation.pending(workshop.id()).stream().filter(t -> t.text().equals(text))
                    .findFirst().orElseThrow();
            moderation.moderate(workshop.id(), need.kind(), need.ref(), true);
            return need;
        });
    }

    private <T> T asFacilitator(Supplier<T> action) {
        try {
            TestWorld.as(facilitator);
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
