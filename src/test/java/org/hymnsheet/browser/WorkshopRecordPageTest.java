package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.WorkshopFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The workshop record page shows what was decided (approved words only) and downloads the CSV of every input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-workshop-record;DB_CLOSE_DELAY=-1")
class WorkshopRecordPageTest extends BrowserTestSupport {

    @Autowired
    ApplicationContext spring;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void the_record_shows_approved_words_only_and_the_csv_holds_every_input_with_formulas_neutralised() throws Exception {
        var f = new WorkshopFixture(spring);
        f.world.markInstalled();
        var inputs = spring.getBean(InputService.class);
        String ann = f.join(f.police, Level.MANAGER, "Ann");
        String bob = f.join(f.health, Level.STRATEGIC_LEADER, "Bob");
        inputs.frame(ann, WorkshopFixture.FRAMING, 20, "Exploitation happens where adults are absent");
        inputs.frame(bob, WorkshopFixture.FRAMING, 80, "=HYPERLINK(\"http://evil.example\")");
        f.goTo(WorkshopFixture.MAPPING);
        var moderation = spring.getBean(org.hymnsheet.workshops.WorkshopModerationService.class);
        f.asFacilitator(() -> {
            for (var text : moderation.pending(f.workshop.id())) {
                moderation.moderate(f.workshop.id(), text.kind(), text.ref(), text.text().startsWith("Exploitation"));
            }
            return null;
        });

        signInToHome(page, f.facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + f.workshop.id() + "/record");
        assertThat(heading(page)).containsText("Record");
        assertThat(page.getByText("Exploitation happens where adults are absent")).isVisible();
        assertThat(page.getByText("=HYPERLINK(\"http://evil.example\")")).hasCount(0); // rejected: never shown
        assertAccessible(page, "workshop record");

        Download download = page.waitForDownload(() -> page.getByText("Download CSV of every input").click());
        List<String> lines = new ArrayList<>(Files.readAllLines(download.path()));
        assertThat(lines.getFirst()).contains("stage").contains("agency").contains("level").contains("text");
        assertThat(lines).anyMatch(l -> l.contains("Exploitation happens where adults are absent"));
        assertThat(lines).noneMatch(l -> l.contains("HYPERLINK")); // a rejected text never leaves the app
        assertThat(lines.stream().filter(l -> l.contains("FRAMING")).count()).isEqualTo(2);
        screenshot(page, "record");
    }
}
