package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.AGENCY;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.Blns;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * What an administrator, or someone tampering with the browser, can type into the agency form: over-long names
 * are stopped in the browser and again on the server, and hostile strings (markup, SQL, spreadsheet formulas,
 * right-to-left text, emoji) are stored and shown exactly as typed, never interpreted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-hostile-input;DB_CLOSE_DELAY=-1")
class HostileInputBrowserTest extends BrowserTestSupport {
    static final String TOO_LONG = "Too long: at most 200 characters";

    /** From the Big List of Naughty Strings; each is checked to be in it, so the list stays the source. */
    static final List<String> FROM_BLNS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(123) />",
            "\"><script>alert(123)</script>",
            "' OR 1=1 -- 1",
            "1'; DROP TABLE users-- 1",
            "{{ \"\".__class__.__mro__[2].__subclasses__()[40](\"/etc/passwd\").read() }}",
            "בְּרֵאשִׁית, בָּרָא אֱלֹהִים, אֵת הַשָּׁמַיִם, וְאֵת הָאָרֶץ",
            "\u202btest\u202b",
            "👨\u200d🦰 👨🏿\u200d🦰 👨\u200d🦱 👨🏿\u200d🦱 🦹🏿\u200d♂️",
            "🐵 🙈 🙉 🙊");
    /** A spreadsheet formula that runs a program if a name is ever exported to CSV and opened unescaped. */
    static final String CSV_FORMULA = "=cmd|' /C calc'!A0";

    @Autowired
    ApplicationContext spring;

    TestWorld.Persona admin;

    @BeforeEach
    void world() {
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        admin = world.account(world.partnership(), Role.ADMIN);
    }

    @Test
    void a_ten_thousand_character_name_is_cut_to_200_by_the_browser_and_refused_by_the_server_when_forced() {
        List<String> dialogs = watchDialogs();
        signInToHome(page, admin.email(), TestWorld.PASSWORD);
        open(page, "/admin/agencies");
        String tenThousand = "x".repeat(10_000);

        // typed or pasted: the browser keeps at most 200 characters
        assertThat(page.locator("#directory-name input")).hasAttribute("maxlength", "200");
        page.locator("#directory-name input").fill(tenThousand);
        String kept = page.locator("#directory-name input").inputValue();
        assertThat(kept).hasSize(200);

        // a tampered browser ignores maxlength and sends all 10,000: the server refuses with a message
        page.locator("#directory-name").evaluate("""
                (field, value) => {
                  field.value = value;
                  field.dispatchEvent(new Event('change', { bubbles: true }));
                }""", tenThousand);
        assertThat(page.locator("#directory-name input")).hasValue(tenThousand);
        choose(page, "directory-category", "Police");
        page.locator("#directory-save").click();

        assertThat(page.locator("#directory-name")).hasAttribute("invalid", "");
        assertThat(page.locator("#directory-name")).containsText(TOO_LONG);
        assertThat(page.getByText("Nothing here yet.")).isVisible();
        assertThat(agencyNames()).isEmpty();
        screenshot(page, "too-long-refused");

        // the 200 characters the browser allows are accepted
        page.locator("#directory-name input").fill(kept);
        page.locator("#directory-save").click();
        assertThat(page.locator("vaadin-grid-cell-content").getByText(kept, FirstRunJourneyTest.exact())).isVisible();
        assertThat(agencyNames()).containsExactly(kept);
        assertThat(dialogs).isEmpty();
    }

    @Test
    void hostile_names_are_saved_and_shown_exactly_as_typed() {
        assertThat(Blns.strings()).containsAll(FROM_BLNS);
        List<String> hostile = new ArrayList<>(FROM_BLNS);
        hostile.add(CSV_FORMULA);
        List<String> dialogs = watchDialogs();
        signInToHome(page, admin.email(), TestWorld.PASSWORD);
        open(page, "/admin/agencies");

        for (String name : hostile) {
            page.locator("#directory-name input").fill(name);
            assertThat(page.locator("#directory-name input")).hasValue(name);
            choose(page, "directory-category", "Other");
            page.locator("#directory-save").click();
            assertThat(page.locator("#directory-name input")).hasValue("");
            assertThat(page.locator("#directory-name")).not().hasAttribute("invalid", "");
        }

        assertThat(agencyNames()).as("stored exactly").containsExactlyInAnyOrderElementsOf(hostile);
        assertThat(page.locator("vaadin-grid-cell-content").getByText("Other", FirstRunJourneyTest.exact()))
                .hasCount(hostile.size());
        assertThat(gridCellTexts(page)).as("shown exactly after saving").containsAll(hostile);
        page.reload();
        assertThat(page.locator("vaadin-grid-cell-content").getByText("Other", FirstRunJourneyTest.exact()))
                .hasCount(hostile.size());
        assertThat(gridCellTexts(page)).as("shown exactly from a fresh load").containsAll(hostile);
        assertThat(page.locator("vaadin-grid-cell-content script, vaadin-grid-cell-content img")).hasCount(0);
        assertThat(dialogs).as("no alert, confirm or prompt may open").isEmpty();
        screenshot(page, "hostile-names");
    }

    private List<String> watchDialogs() {
        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        return dialogs;
    }

    private List<String> agencyNames() {
        return spring.getBean(DSLContext.class).select(AGENCY.NAME).from(AGENCY)
                .where(AGENCY.PARTNERSHIP_ID.eq(admin.partnershipId())).fetch(AGENCY.NAME);
    }
}
