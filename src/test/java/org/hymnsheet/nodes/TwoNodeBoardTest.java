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
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two app processes on one PostgreSQL: what participants and the facilitator do through node A reaches a board open
 * on node B by push (PostgreSQL NOTIFY wakes B, B re-reads the tables); node B stopped while the room carries on,
 * and started again, shows the current state to the facilitator who signs in again, and goes on following the room.
 * Each node has its own browser context, because cookies are kept per host and not per port.
 */
class TwoNodeBoardTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "TwoNodeBoardTest");
    static final String POLICE = "Riverside Police, Safer Neighbourhoods";
    static final String HEALTH = "School Nursing and CAMHS";

    /** The test run's one browser; this test closes the contexts it opens. */
    Chromium chromium;

    @RegisterExtension
    final BeforeEachCallback sharedBrowser = extension -> chromium = Chromium.shared(extension);

    @Test
    void an_action_through_one_node_changes_a_board_on_the_other_and_a_restarted_node_shows_the_current_state() {
        NodeDatabase db = NodeDatabase.fresh("two_node_board");
        try (AppNode a = AppNode.on("a", db).withDemoData();
             AppNode b = AppNode.on("b", db)) {
            AppNode.startAll(a, b);
            BrowserContext consoleOnA = chromium.newContext();
            BrowserContext boardOnB = chromium.newContext();
            BrowserContext phoneOnA = chromium.newContext();
            Page console = consoleOnA.newPage();
            Page board = boardOnB.newPage();
            board.setViewportSize(1920, 1080);
            Page phone = phoneOnA.newPage();
            try {
                // node A: the facilitator creates and starts a workshop
                Chromium.signInToHome(console, a.baseUrl(), Demo.FACILITATOR, Demo.PASSWORD);
                Chromium.open(console, a.baseUrl(), "/workshops");
                Chromium.choose(console, "workshop-template", "Singing from the same hymn sheet");
                // choosing a template fills in its title from the server: type ours once that has arrived
                assertThat(console.locator("#workshop-title input")).hasValue("Singing from the same hymn sheet");
                String title = "Two nodes " + UUID.randomUUID().toString().substring(0, 8);
                console.locator("#workshop-title input").fill(title);
                console.locator("#workshop-create").click();
                assertThat(heading(console)).hasText(title);
                assertThat(console).hasURL(Pattern.compile("/workshops/\\d+$"));
                long id = Long.parseLong(console.url().replaceAll("^.*/workshops/(\\d+).*$", "$1"));
                console.locator("#workshop-start").click();
                String code = db.query(q -> q.select(WORKSHOP.JOIN_CODE).from(WORKSHOP).where(WORKSHOP.ID.eq(id))
                        .fetchSingle().value1());

                // node B: the board on the projector
                Chromium.signInToHome(board, b.baseUrl(), Demo.FACILITATOR, Demo.PASSWORD);
                Chromium.open(board, b.baseUrl(), "/workshops/" + id + "/board");
                assertThat(board.locator("#board-stage-line")).containsText("Stage 1 of 5: Partners and framing");
                assertThat(board.locator("#board-answered")).hasText("Answered: 0 of 0");
                board.evaluate("window.__samePage = true");

                // node A: a participant joins and frames the problem; the board on B follows without a reload
                phone.navigate(a.url("/join/" + code));
                Chromium.choose(phone, "join-agency", POLICE);
                phone.locator("#join-level").getByText("Manager").click();
                phone.locator("#join-go").click();
                assertThat(phone.locator("#stage-title")).hasText("Partners and framing");
                assertThat(board.locator("#board-answered")).hasText("Answered: 0 of 1");
                phone.locator("#framing-value").fill("30");
                phone.locator("#framing-save").click();
                assertThat(phone.locator("#saved")).containsText("Saved");
                assertThat(board.locator("#board-answered")).hasText("Answered: 1 of 1");

                // node A: the facilitator reveals and moves on; B follows
                console.locator("#stage-reveal").click();
                // the agency name is isolated for direction (U+2068 ... U+2069), as every participant-made name on a board
                assertThat(board.locator("#board-framing-summary")).containsText(POLICE + "\u2069: 30");
                console.locator("#stage-next").click();
                assertThat(board.locator("#board-stage-line")).containsText("Stage 2 of 5: Influence and voice");
                assertThat(board.evaluate("window.__samePage === true")).isEqualTo(true);
                Chromium.screenshot(board, SCREENSHOTS.resolve("board-on-b-1920.png"));

                // node B goes down; the room carries on through A
                b.stop();
                phone.locator("#influence").getByText(HEALTH).click();
                phone.locator("#influence-save").click();
                assertThat(phone.locator("#saved")).containsText("Saved");
                console.locator("#stage-reveal").click();
                assertThat(console.locator("#stage-list")).containsText("revealed");

                // node B is back: its sessions are gone, the facilitator signs in again and the board shows the
                // current state, read from the tables
                b.start();
                assertThat(board.locator("vaadin-login-form")).isVisible(new IsVisibleOptions().setTimeout(30_000));
                Chromium.signIn(board, b.baseUrl(), Demo.FACILITATOR, Demo.PASSWORD);
                assertThat(board).hasURL(Chromium.at(b.baseUrl(), "/workshops/" + id + "/board"));
                assertThat(board.locator("#board-stage-line")).containsText("Stage 2 of 5: Influence and voice");
                assertThat(board.locator("#board-answered")).hasText("Answered: 1 of 1");
                assertThat(board.locator("#board-voice-summary"))
                        .containsText("People who said who has most influence: 1.");

                // and the restarted node follows the room again
                console.locator("#stage-next").click();
                assertThat(board.locator("#board-stage-line")).containsText("Stage 3 of 5");
            } catch (RuntimeException | AssertionError e) {
                screenshot(console, "FAILED-console-a", e);
                screenshot(board, "FAILED-board-b", e);
                screenshot(phone, "FAILED-phone-a", e);
                throw e;
            } finally {
                consoleOnA.close();
                boardOnB.close();
                phoneOnA.close();
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
