package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hymnsheet.accounts.TestWorld;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The board's screenshots in docs/screens/: every stage of the hymn sheet with a full room (eight agencies whose
 * names begin alike, 30 participants, 30 pulse comments) at the projector sizes 1920×1080 and 1280×720. Not part of
 * the build (tagged bench); re-run with {@code ./mvnw -Pbench test -Dtest=BoardScreens}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:board-screens;DB_CLOSE_DELAY=-1")
class BoardScreens extends BrowserTestSupport {
    static final List<String> STAGES = List.of("framing", "voice", "cards", "pulse", "needs");
    static final Path DOCS = Path.of("docs", "screens");

    @Autowired
    ApplicationContext spring;

    @Test
    void every_stage_of_a_full_board_is_photographed_at_both_projector_sizes() throws Exception {
        TestWorld world = new TestWorld(spring);
        long partnership = world.partnership();
        world.markInstalled();
        var room = new CrowdedRoom(spring, world, partnership);
        room.answerEverythingAndShow(0);
        Files.createDirectories(DOCS);
        // charts draw without their entry animation, so the picture shows them whole
        page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
        signInToHome(page, room.facilitator.email(), TestWorld.PASSWORD);
        for (int stage = 0; stage < STAGES.size(); stage++) {
            room.show(stage);
            for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
                page.setViewportSize(size[0], size[1]);
                open(page, "/workshops/" + room.workshop.id() + "/board");
                assertThat(page.locator("#board-stage-line")).containsText("Stage " + (stage + 1) + " of 5");
                page.locator("#board-figures echarts-chart[data-rendered]").first().waitFor();
                page.screenshot(new Page.ScreenshotOptions().setPath(
                        DOCS.resolve("board-" + STAGES.get(stage) + "-" + size[0] + ".png")));
            }
        }
    }
}
