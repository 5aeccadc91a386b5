package org.hymnsheet.nodes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.WORKSHOP;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hymnsheet.testing.AppNode;
import org.hymnsheet.testing.AppNode.Demo;
import org.hymnsheet.testing.Chromium;
import org.hymnsheet.testing.NodeDatabase;
import org.junit.jupiter.api.Test;

/**
 * The multi-node harness at work: two app processes on one PostgreSQL database, what is made through one seen
 * through the other, and a node that comes back from a restart serving the same state. Each node has its own
 * browser context, because cookies are kept per host and not per port.
 */
class TwoNodeTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "TwoNodeTest");

    @Test
    void a_workshop_created_through_one_node_is_shown_by_the_other_and_still_after_that_node_restarts() {
        NodeDatabase db = NodeDatabase.fresh("two_nodes");
        try (AppNode a = AppNode.on("a", db).withDemoData();
             AppNode b = AppNode.on("b", db);
             Chromium chromium = Chromium.launch()) {
            AppNode.startAll(a, b);
            assertThat(a.port()).isNotEqualTo(b.port());
            BrowserContext onA = chromium.newContext();
            BrowserContext onB = chromium.newContext();
            Page pageA = onA.newPage();
            Page pageB = onB.newPage();
            try {
                // through node A: the demo facilitator creates a workshop
                Chromium.signInToHome(pageA, a.baseUrl(), Demo.FACILITATOR, Demo.PASSWORD);
                Chromium.open(pageA, a.baseUrl(), "/workshops");
                Chromium.choose(pageA, "workshop-template", "Singing from the same hymn sheet");
                assertThat(pageA.locator("#workshop-title input")).hasValue("Singing from the same hymn sheet");
                String title = "Two nodes " + UUID.randomUUID().toString().substring(0, 8);
                pageA.locator("#workshop-title input").fill(title);
                pageA.locator("#workshop-create").click();
                assertThat(heading(pageA)).hasText(title);
                assertThat(pageA).hasURL(Pattern.compile("/workshops/\\d+$"));
                long id = Long.parseLong(pageA.url().replaceAll("^.*/workshops/(\\d+).*$", "$1"));
                int stored = db.query(q -> q.fetchCount(WORKSHOP, WORKSHOP.ID.eq(id).and(WORKSHOP.TITLE.eq(title))));
                assertThat(stored).isOne();

                // through node B: the same facilitator, signed in there, sees it in the list and on its console
                Chromium.signInToHome(pageB, b.baseUrl(), Demo.FACILITATOR, Demo.PASSWORD);
                Chromium.open(pageB, b.baseUrl(), "/workshops");
                assertThat(pageB.locator("#workshop-list")).containsText(title);
                Chromium.open(pageB, b.baseUrl(), "/workshops/" + id);
                assertThat(heading(pageB)).hasText(title);

                // node B restarts: a new process on the same address; its sessions lived in the old one
                long before = b.pid();
                String address = b.baseUrl();
                b.restart();
                assertThat(b.pid()).isNotEqualTo(before);
                assertThat(b.baseUrl()).isEqualTo(address);
                // the page left open on B notices its session is gone and reloads itself into the sign-in form
                assertThat(pageB.locator("vaadin-login-form")).isVisible(new IsVisibleOptions().setTimeout(30_000));
                // signing in again continues to the page that was asked for
                Chromium.signIn(pageB, b.baseUrl(), Demo.FACILITATOR, Demo.PASSWORD);
                assertThat(pageB).hasURL(Chromium.at(b.baseUrl(), "/workshops/" + id));
                assertThat(heading(pageB)).hasText(title);
                Chromium.open(pageB, b.baseUrl(), "/workshops");
                assertThat(pageB.locator("#workshop-list")).containsText(title);

                // node A kept serving throughout, its session intact
                Chromium.open(pageA, a.baseUrl(), "/workshops/" + id);
                assertThat(heading(pageA)).hasText(title);
            } catch (RuntimeException | AssertionError e) {
                screenshot(pageA, "FAILED-node-a", e);
                screenshot(pageB, "FAILED-node-b", e);
                throw e;
            } finally {
                onA.close();
                onB.close();
            }
        }
    }

    /** The page as it was when the test failed; a failing screenshot never hides the failure itself. */
    static void screenshot(Page page, String name, Throwable failure) {
        try {
            Chromium.screenshot(page, SCREENSHOTS.resolve(name + ".png"));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }
}
