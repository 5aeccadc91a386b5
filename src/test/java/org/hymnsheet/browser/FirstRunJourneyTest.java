package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A new installation, from an empty database, as its first administrator and then its first facilitator
 * experience it in a real browser. The steps run in order on one database; each step opens its own browser
 * context, so each signs in afresh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-first-run;DB_CLOSE_DELAY=-1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunJourneyTest extends BrowserTestSupport {
    static final String PARTNERSHIP = "Riverside Safeguarding Children Partnership";
    static final String ADMIN_EMAIL = "ada.admin@riverside.example";
    static final String ADMIN_NAME = "Ada Admin";
    static final String ADMIN_PASSWORD = "river bank lantern morning";
    static final String SECOND_PARTNERSHIP = "Hillside Safeguarding Partnership";
    static final String FACILITATOR_EMAIL = "fred.facilitator@riverside.example";
    static final String FACILITATOR_NAME = "Fred Facilitator";
    static final String FACILITATOR_PASSWORD = "quiet harbour pencil cloud";
    static final String SCRIPT_NAME = "<script>alert(1)</script>";

    @Test
    @Order(1)
    void the_app_root_sends_a_new_installation_to_the_setup_page() {
        page.navigate(url("/"));

        assertThat(page).hasURL(at("/setup"));
        assertThat(heading(page)).hasText("Set up Hymn Sheet");
        assertThat(page.locator("#setup-email")).isVisible();
        screenshot(page, "01-setup");
        assertAccessible(page, "the setup page");
    }

    @Test
    @Order(2)
    void setup_with_different_passwords_is_refused_with_a_message_and_keeps_what_was_typed() {
        page.navigate(url("/setup"));
        fillSetup(ADMIN_PASSWORD, ADMIN_PASSWORD + " typo");
        page.locator("#setup-submit").click();

        assertThat(page.locator("#setup-confirm")).hasAttribute("invalid", "");
        assertThat(page.locator("#setup-confirm")).containsText("The two passwords are different");
        assertThat(page).hasURL(at("/setup"));
        assertThat(page.locator("#setup-partnership input")).hasValue(PARTNERSHIP);
        assertThat(page.locator("#setup-email input")).hasValue(ADMIN_EMAIL);
        assertThat(page.locator("#setup-name input")).hasValue(ADMIN_NAME);
        assertThat(page.locator("#setup-password input")).hasValue(ADMIN_PASSWORD);
        screenshot(page, "02-setup-mismatch");

        // nothing was created: the setup page is still offered from a fresh page load
        page.navigate(url("/"));
        assertThat(page).hasURL(at("/setup"));
    }

    @Test
    @Order(3)
    void setup_creates_the_partnership_and_its_administrator_then_offers_sign_in() {
        page.navigate(url("/setup"));
        fillSetup(ADMIN_PASSWORD, ADMIN_PASSWORD);
        page.locator("#setup-submit").click();

        assertThat(page).hasURL(at("/login"));
        assertThat(page.locator("vaadin-notification-card"))
                .containsText("Setup complete. Sign in with the email and password you chose.");
        assertThat(page.locator("vaadin-login-form")).isVisible();
        screenshot(page, "03-setup-done");
    }

    @Test
    @Order(4)
    void once_set_up_the_setup_page_is_no_longer_offered_and_forwards_to_sign_in() {
        page.navigate(url("/setup"));

        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page).hasURL(at("/login"));
        assertThat(page.locator("#setup-email")).hasCount(0);
        assertThat(page.getByText("Set up Hymn Sheet")).hasCount(0);
        screenshot(page, "04-login");
        assertAccessible(page, "the sign-in page");
    }

    @Test
    @Order(5)
    void signing_in_with_a_wrong_password_shows_the_failure_message() {
        signIn(page, ADMIN_EMAIL, "not the right password");

        assertThat(page).hasURL(Pattern.compile("^" + literal(url("/login")) + "\\?error$"));
        assertThat(page.locator("vaadin-login-form")).containsText("Email or password not recognised");
        assertThat(page.locator("#sign-out")).hasCount(0);
        screenshot(page, "05-login-failed");
        assertAccessible(page, "the sign-in page showing a failure");
    }

    @Test
    @Order(6)
    void the_administrator_signs_in_and_sees_home_with_administration() {
        signInToHome(page, ADMIN_EMAIL, ADMIN_PASSWORD);

        assertThat(heading(page)).hasText("Welcome, " + ADMIN_NAME);
        assertThat(page.locator("main")).containsText("Partnership: " + PARTNERSHIP);
        assertThat(page.locator("main")).containsText("Your roles: Administrator");
        Locator nav = navigation(page);
        assertThat(nav).containsText("Administration");
        assertThat(nav).containsText("Agencies");
        assertThat(nav).containsText("Staff accounts");
        screenshot(page, "06-home-admin");
        assertAccessible(page, "the home page");
    }

    @Test
    @Order(7)
    void the_platform_administrator_creates_a_second_partnership() {
        signInToHome(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        open(page, "/admin/partnerships");

        page.locator("#new-partnership input").fill(SECOND_PARTNERSHIP);
        page.locator("#create-partnership").click();

        assertThat(page.locator("vaadin-notification-card")).containsText("Partnership created");
        assertThat(page.locator("vaadin-grid-cell-content").getByText(SECOND_PARTNERSHIP, exact())).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").getByText(PARTNERSHIP, exact())).isVisible();
        screenshot(page, "07-partnerships");
    }

    @Test
    @Order(8)
    void the_administrator_adds_agencies_and_a_duplicate_name_is_refused() {
        signInToHome(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        open(page, "/admin/agencies");
        assertThat(page.getByText("Nothing here yet.")).isVisible();

        addDirectoryEntry("Riverside Police", "Police");
        addDirectoryEntry("Riverside Youth Service", "Youth service");

        assertThat(page.locator("vaadin-grid-cell-content").getByText("Riverside Police", exact())).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").getByText("Riverside Youth Service", exact())).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").getByText("Youth service", exact())).isVisible();

        page.locator("#directory-name input").fill("riverside police");
        choose(page, "directory-category", "Police");
        page.locator("#directory-save").click();

        assertThat(page.locator("#directory-name")).hasAttribute("invalid", "");
        assertThat(page.locator("#directory-name")).containsText("That name is already used here");
        assertThat(page.locator("#directory-name input")).hasValue("riverside police");
        assertThat(page.locator("vaadin-grid-cell-content").getByText("riverside police", exact())).hasCount(0);
        screenshot(page, "08-agencies-duplicate");
    }

    @Test
    @Order(9)
    void an_agency_named_like_a_script_is_shown_as_plain_text_and_never_runs() {
        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        signInToHome(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        open(page, "/admin/agencies");

        addDirectoryEntry(SCRIPT_NAME, "Other");

        assertThat(page.locator("vaadin-grid-cell-content").getByText(SCRIPT_NAME, exact())).isVisible();
        assertThat(gridCellTexts(page)).contains(SCRIPT_NAME);
        assertThat(page.locator("vaadin-grid-cell-content script")).hasCount(0);

        // and again from a fresh load, where the grid is filled from the database
        page.reload();
        assertThat(page.locator("vaadin-grid-cell-content").getByText(SCRIPT_NAME, exact())).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content script")).hasCount(0);
        assertThat(dialogs).as("no alert, confirm or prompt dialog may open").isEmpty();
        screenshot(page, "09-agencies-script-name");
    }

    @Test
    @Order(10)
    void the_administrator_adds_places() {
        signInToHome(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        open(page, "/admin/places");

        addDirectoryEntry("Riverside Park", "Park");
        addDirectoryEntry("Central bus station", "Transport hub");

        assertThat(page.locator("vaadin-grid-cell-content").getByText("Riverside Park", exact())).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").getByText("Central bus station", exact())).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").getByText("Transport hub", exact())).isVisible();
        screenshot(page, "10-places");
    }

    @Test
    @Order(11)
    void the_administrator_creates_a_facilitator_account_with_an_agency() {
        signInToHome(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        open(page, "/admin/accounts");
        assertThat(heading(page)).hasText("Staff accounts");

        page.locator("#account-email input").fill(FACILITATOR_EMAIL);
        page.locator("#account-name input").fill(FACILITATOR_NAME);
        page.locator("#account-agency input").fill("Riverside Pol");
        page.locator("vaadin-combo-box-item").getByText("Riverside Police").click();
        assertThat(page.locator("#account-agency input")).hasValue("Riverside Police");
        page.locator("#account-roles").getByLabel("Facilitator").check();
        page.locator("#account-password input").fill(FACILITATOR_PASSWORD);
        page.locator("#account-save").click();

        assertThat(page.locator("vaadin-notification-card")).containsText("Account created");
        Locator cells = page.locator("vaadin-grid-cell-content");
        assertThat(cells.getByText(FACILITATOR_EMAIL, exact())).isVisible();
        assertThat(cells.getByText(FACILITATOR_NAME, exact())).isVisible();
        assertThat(cells.getByText("Riverside Police", exact())).isVisible();
        assertThat(cells.getByText("Facilitator", exact())).isVisible();
        screenshot(page, "11-accounts");
    }

    @Test
    @Order(12)
    void the_administrator_signs_out_and_the_session_no_longer_opens_staff_pages() {
        signInToHome(page, ADMIN_EMAIL, ADMIN_PASSWORD);

        page.locator("#sign-out").click();

        assertThat(page).hasURL(at("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        page.navigate(url("/admin/accounts"));
        assertThat(page).hasURL(at("/login"));
        assertThat(page.locator("#account-email")).hasCount(0);
    }

    @Test
    @Order(13)
    void the_facilitator_signs_in_sees_no_administration_and_cannot_open_admin_pages_by_address() {
        signInToHome(page, FACILITATOR_EMAIL, FACILITATOR_PASSWORD);

        assertThat(heading(page)).hasText("Welcome, " + FACILITATOR_NAME);
        assertThat(page.locator("main")).containsText("Your roles: Facilitator");
        Locator nav = navigation(page);
        assertThat(nav).containsText("Home");
        assertThat(nav).containsText("My account");
        assertThat(nav).not().containsText("Administration");
        assertThat(nav).not().containsText("Agencies");
        assertThat(nav).not().containsText("Staff accounts");
        screenshot(page, "13-home-facilitator");

        for (String adminPage : List.of("/admin/agencies", "/admin/accounts")) {
            page.navigate(url(adminPage));
            assertThat(heading(page)).hasText(Pattern.compile("No access|Page not found"));
            assertThat(page.locator("vaadin-grid")).hasCount(0);
            assertThat(page.locator("#directory-name, #account-email")).hasCount(0);
            assertThat(page.locator("body")).not().containsText("Riverside Police");
            assertThat(page.locator("body")).not().containsText(ADMIN_EMAIL);
            screenshot(page, "13-facilitator" + adminPage.replace('/', '-'));
        }
    }

    @Test
    @Order(14)
    void the_administrator_sets_how_long_answers_are_kept_with_the_keyboard_and_a_period_out_of_range_is_refused() {
        page.setViewportSize(1366, 768);
        signInToHome(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        open(page, "/admin/retention");
        assertThat(heading(page)).hasText("Data retention");
        assertThat(page.locator("#survey-days input")).hasValue("365");
        assertThat(page.locator("#workshop-days input")).hasValue("365");
        assertThat(page.getByText("Nothing is waiting to be deleted")).isVisible();

        page.locator("#survey-days input").fill("0");
        page.locator("#save-retention").click();
        assertThat(page.locator("#survey-days")).hasAttribute("invalid", "");
        assertThat(page.locator("#survey-days")).containsText("From 1 to 3,650 days");
        assertThat(page.locator("#survey-days input")).hasValue("0");

        // by keyboard alone: type, Tab to the next field, type, Tab to the button, Enter
        page.locator("#survey-days input").fill("180");
        page.keyboard().press("Tab");
        page.keyboard().type("90");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("vaadin-notification-card")).containsText("Retention periods saved");
        assertThat(page.locator("#survey-days")).not().hasAttribute("invalid", "");
        page.reload();
        assertThat(page.locator("#survey-days input")).hasValue("180");
        assertThat(page.locator("#workshop-days input")).hasValue("90");
        screenshot(page, "14-retention");
        assertAccessible(page, "the data retention page");
    }

    private void fillSetup(String password, String confirm) {
        page.locator("#setup-partnership input").fill(PARTNERSHIP);
        page.locator("#setup-email input").fill(ADMIN_EMAIL);
        page.locator("#setup-name input").fill(ADMIN_NAME);
        page.locator("#setup-password input").fill(password);
        page.locator("#setup-confirm input").fill(confirm);
    }

    private void addDirectoryEntry(String name, String category) {
        page.locator("#directory-name input").fill(name);
        choose(page, "directory-category", category);
        page.locator("#directory-save").click();
        assertThat(page.locator("vaadin-notification-card").getByText("Saved", exact()).first()).isVisible();
        assertThat(page.locator("#directory-name input")).hasValue("");
        assertThat(page.locator("vaadin-grid-cell-content").getByText(name, exact())).isVisible();
    }

    static Locator.GetByTextOptions exact() {
        return new Locator.GetByTextOptions().setExact(true);
    }
}
