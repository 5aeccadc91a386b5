package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.testing.Blns;
import org.hymnsheet.workshops.Card;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The projected board follows the room by server push: a facilitator's board and participants' phones, every stage
 * of the hymn sheet (and a mapping workshop), the board changing after each action without a reload; screenshots at
 * projector sizes; axe on every stage; hostile text from participants shown as text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-board-live;DB_CLOSE_DELAY=-1")
class BoardLiveTest extends BrowserTestSupport {
    static final String SCRIPT = "<script>alert(123)</script>";
    static final String IMG = "<img src=x onerror=alert(123) />";

    @Autowired
    ApplicationContext spring;
    @Autowired
    WorkshopService workshops;
    @Autowired
    WorkshopModerationService moderation;
    @Autowired
    ParticipantService participants;
    @Autowired
    InputService inputs;
    @Autowired
    SpeakingService speaking;

    TestWorld.Persona facilitator;
    long partnership;
    String police;
    String health;
    long policeId;
    long healthId;

    @BeforeEach
    void partnership() {
        TestWorld world = new TestWorld(spring);
        partnership = world.partnership();
        police = TestWorld.unique("Police");
        health = TestWorld.unique("Health");
        policeId = world.agency(partnership, police);
        healthId = world.agency(partnership, health);
        facilitator = world.account(partnership, Role.FACILITATOR);
        world.markInstalled();
    }

    @Test
    void every_stage_of_the_board_changes_as_the_room_answers_without_a_reload() {
        List<String> dialogs = new CopyOnWriteArrayList<>();
        Workshop w = as(() -> workshops.start(workshops.create(partnership, "hymn-sheet", TestWorld.unique("Board")).id()));
        page.setViewportSize(1920, 1080);
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + w.id() + "/board");
        Locator board = page.locator("#board");
        assertThat(page.locator("#board-stage-line")).containsText("Stage 1 of 5: Partners and framing");
        assertThat(page.locator("#board-code")).hasText(w.joinCode());
        assertThat(page.locator("#board-answered")).hasText("Answered: 0 of 0");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.evaluate("window.__samePage = true");

        // two phones join and frame the problem through their own pages
        BrowserContext phones = browser.newContext();
        Page phoneA = phones.newPage();
        joinAs(phoneA, w.joinCode(), police, "Manager");
        assertThat(page.locator("#board-answered")).hasText("Answered: 0 of 1");
        BrowserContext phones2 = browser.newContext();
        Page phoneB = phones2.newPage();
        joinAs(phoneB, w.joinCode(), health, "Practitioner");
        assertThat(page.locator("#board-answered")).hasText("Answered: 0 of 2");
        frame(phoneA, 20, SCRIPT);
        assertThat(page.locator("#board-answered")).hasText("Answered: 1 of 2");
        assertThat(page.locator("#board-waiting")).isVisible();
        frame(phoneB, 80, IMG);
        assertThat(page.locator("#board-answered")).hasText("Answered: 2 of 2");
        screenshot(page, "framing-waiting-1920");

        // revealed: positions by agency with means; sentences only once approved, and as text
        as(() -> workshops.reveal(w.id(), 0));
        assertThat(page.locator("#board-framing-summary")).containsText(police + "\u2069: 20");
        assertThat(page.locator("#board-framing-summary")).containsText(health + "\u2069: 80");
        assertThat(page.locator("#board-framing echarts-chart[data-rendered]")).hasCount(1);
        assertThat(page.locator("#board-sentences li")).hasCount(0);
        as(() -> {
            moderation.pending(w.id()).forEach(t -> moderation.moderate(w.id(), t.kind(), t.ref(), true));
            return null;
        });
        assertThat(page.locator("#board-sentences li")).hasText(new String[] {SCRIPT, IMG});
        assertThat(page.locator("#board-sentences img, #board script")).hasCount(0);
        frame(phoneA, 40, SCRIPT);
        assertThat(page.locator("#board-framing-summary")).containsText(police + "\u2069: 40");
        assertAccessible(page, "the framing board");
        screenshot(page, "framing-1920");

        // voice: speaking taps move the shares and the balance; influence votes once revealed
        as(() -> workshops.advance(w.id()));
        assertThat(page.locator("#board-stage-line")).containsText("Stage 2 of 5: Influence and voice");
        assertThat(page.locator("#board-balance")).containsText("–");
        as(() -> {
            speaking.tap(w.id(), policeId, Level.MANAGER);
            return null;
        });
        assertThat(page.locator("#board-voice table")).containsText(police);
        assertThat(page.locator("#board-balance .board-number")).hasText("0.00");
        as(() -> {
            speaking.tap(w.id(), healthId, Level.PRACTITIONER);
            return null;
        });
        assertThat(page.locator("#board-voice table tbody tr")).hasCount(2);
        phoneA.locator("#influence").getByText(health).click();
        phoneA.locator("#influence-save").click();
        assertThat(phoneA.locator("#saved")).containsText("Saved");
        assertThat(page.locator("#board-answered")).hasText("Answered: 1 of 2");
        as(() -> workshops.reveal(w.id(), 1));
        assertThat(page.locator("#board-voice-summary")).containsText("An equal share would be 50% each. People who said who has most influence: 1.");
        assertThat(page.locator("#board-voice table")).containsText("100%");
        assertAccessible(page, "the voice board");
        screenshot(page, "voice-1920");

        // card sort: placements change spreads, the most disputed card comes first
        as(() -> workshops.advance(w.id()));
        assertThat(page.locator("#board-stage-line")).containsText("Behaviour-based or ecological?");
        as(() -> workshops.reveal(w.id(), 2));
        Card first = participants.cards(tokenOf(phones, w.joinCode())).getFirst();
        Card second = participants.cards(tokenOf(phones, w.joinCode())).get(1);
        place(phoneA, first, 10);
        assertThat(page.locator("#board-ecological .board-number")).hasText("0%");
        place(phoneB, first, 90);
        assertThat(page.locator("#board-ecological .board-number")).hasText("50%");
        inputs.place(tokenOf(phones, w.joinCode()), 2, second.id(), 60);
        inputs.place(tokenOf(phones2, w.joinCode()), 2, second.id(), 70);
        assertThat(page.locator("#board-cards tbody tr").first()).containsText(first.text());
        assertThat(page.locator("#board-cards-summary")).containsText("Most disputed: \u2068" + first.text());
        inputs.tag(tokenOf(phones, w.joinCode()), 2, first.id(), Set.of("peers", "school"));
        assertThat(page.locator("#board-contexts table")).containsText("Peers1");
        assertAccessible(page, "the card sort board");
        screenshot(page, "cards-1920");

        // pulse: distributions move with each answer; comments once approved
        as(() -> workshops.advance(w.id()));
        as(() -> workshops.reveal(w.id(), 3));
        inputs.pulse(tokenOf(phones, w.joinCode()), 3, "critical-reflection", 2, IMG);
        assertThat(page.locator("#board-pulse-0-summary")).hasText("Answers: 1");
        inputs.pulse(tokenOf(phones2, w.joinCode()), 3, "critical-reflection", 4, null);
        assertThat(page.locator("#board-pulse-0-summary")).hasText("Answers: 2");
        as(() -> {
            moderation.pending(w.id()).forEach(t -> moderation.moderate(w.id(), t.kind(), t.ref(), true));
            return null;
        });
        assertThat(page.locator("#board-comments li")).hasText(IMG);
        assertAccessible(page, "the pulse board");
        screenshot(page, "pulse-1920");

        // needs: approved needs ranked by dots
        as(() -> workshops.advance(w.id()));
        as(() -> workshops.reveal(w.id(), 4));
        inputs.addNeed(tokenOf(phones, w.joinCode()), 4, "Commissioners who fund youth work", null, "commissioners");
        inputs.addNeed(tokenOf(phones2, w.joinCode()), 4, SCRIPT, healthId, "plans");
        assertThat(page.locator("#board-answered")).hasText("Answered: 2 of 2");
        List<PendingText> pending = as(() -> moderation.pending(w.id()));
        as(() -> {
            pending.forEach(t -> moderation.moderate(w.id(), t.kind(), t.ref(), true));
            return null;
        });
        assertThat(page.locator("#board-needs-list li")).hasCount(2);
        long scriptNeed = needId(SCRIPT, w);
        inputs.dots(tokenOf(phones, w.joinCode()), 4, scriptNeed, 2);
        assertThat(page.locator("#board-needs-list li").first()).containsText(SCRIPT + "\u2069 (2 dots");
        assertAccessible(page, "the needs board");
        screenshot(page, "needs-1920");

        assertThat(page.evaluate("window.__samePage === true")).isEqualTo(true);
        assertThat(dialogs).isEmpty();
        phones.close();
        phones2.close();
    }

    /** The board's own element and the page: nothing runs past the right edge or the foot of the screen. */
    static final String FITS = """
            () => { const d = document.documentElement, b = document.querySelector('#board');
              return !!b && d.scrollWidth <= d.clientWidth && d.scrollHeight <= d.clientHeight
                && b.scrollWidth <= b.clientWidth && b.scrollHeight <= b.clientHeight; }""";
    /** Whether the letters of "dots" after a need's words stand left to right on the screen. */
    static final String DOTS_IN_ORDER = """
            (words) => { const li = [...document.querySelectorAll('#board-needs-list li')]
                .find(l => l.textContent.includes(words));
              if (!li) return false;
              const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
              let node; while ((node = walker.nextNode()) && !node.textContent.includes('dots')) {}
              if (!node) return false;
              const at = node.textContent.indexOf('dots');
              const xs = [0, 1, 2, 3].map(i => { const r = document.createRange();
                r.setStart(node, at + i); r.setEnd(node, at + i + 1); return r.getBoundingClientRect().left; });
              return xs.every((x, i) => i === 0 || x > xs[i - 1]); }""";

    @Test
    void a_full_board_fits_both_projector_sizes_with_every_label_whole_and_words_after_an_override_in_order() {
        var room = new CrowdedRoom(spring, new TestWorld(spring), partnership);
        room.answerEverythingAndShow(0);
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < CrowdedRoom.AGENCIES.size(); i++) {
            String shortName = CrowdedRoom.AGENCIES.get(i)[1];
            labels.add(shortName == null ? room.names.get(i) : shortName);
        }
        page.setViewportSize(1920, 1080);
        signInToHome(page, room.facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + room.workshop.id() + "/board");
        String[] stages = {"Partners and framing", "Influence and voice", "Behaviour-based or ecological?",
                "Space for critical reflection", "What we need"};
        for (int stage = 0; stage < stages.length; stage++) {
            room.show(stage);
            assertThat(page.locator("#board-stage-line")).containsText(stages[stage]);
            for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
                page.setViewportSize(size[0], size[1]);
                assertThat(page.locator("#board-figures echarts-chart[data-rendered]").first()).isAttached();
                fits(page, "stage " + stage + " at " + size[0]);
                if (stage <= 1) {
                    // every agency named whole on the chart: its short name, or its full name wrapping, never cut
                    @SuppressWarnings("unchecked")
                    var axis = (java.util.Map<String, Object>) page.evaluate(
                            "() => JSON.parse(document.querySelector('#board-figures echarts-chart').option).yAxis");
                    @SuppressWarnings("unchecked")
                    var data = (List<Object>) axis.get("data");
                    assertThat(data).as("stage %d at %d", stage, size[0])
                            .containsExactlyInAnyOrderElementsOf(labels);
                    assertThat(((java.util.Map<?, ?>) axis.get("axisLabel")).get("overflow")).isEqualTo("break");
                    assertThat(page.locator("#board-key")).containsText("RP Police = " + CrowdedRoom.PREFIX + "Police Service");
                }
            }
            page.setViewportSize(1920, 1080);
        }
        room.show(3);
        assertThat(page.locator("#board-comments-page")).hasText(java.util.regex.Pattern.compile("1 of [5-9]"));
        room.show(4);
        page.waitForFunction(DOTS_IN_ORDER, "Chairs who");
        assertAccessible(page, "a full needs board");
    }

    /** Waits until the board fits the window; if it never does, fails naming what sticks out. */
    private static void fits(Page page, String where) {
        try {
            page.waitForFunction(FITS, null, new Page.WaitForFunctionOptions().setTimeout(10_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            Object out = page.evaluate("""
                    () => { const w = document.documentElement.clientWidth, h = document.documentElement.clientHeight;
                      return [...document.querySelectorAll('#board *')].filter(el => { const r = el.getBoundingClientRect();
                        return r.right > w + 1 || r.bottom > h + 1; }).slice(0, 8)
                        .map(el => el.tagName + '#' + el.id + '.' + el.className + ' ' + JSON.stringify(el.getBoundingClientRect())); }""");
            throw new AssertionError("The board does not fit the window, " + where + ": " + out, e);
        }
    }

    @Test
    void the_young_peoples_voice_panel_shows_the_chosen_survey_with_small_numbers_held_back_and_approved_words_only() {
        Survey survey = as(() -> surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Voice")).id()));
        List<String> home = new java.util.ArrayList<>();
        List<String> all = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String id = respond(survey, i == 10 ? "school" : "home", switch (i) {
                case 1 -> SCRIPT;
                case 2 -> "Still waiting for a facilitator";
                default -> null;
            });
            all.add(id);
            if (i != 10) {
                home.add(id);
            }
        }
        as(() -> {
            queues.pendingTexts(partnership, 0, 500).stream().filter(t -> t.body().equals(SCRIPT))
                    .forEach(t -> queues.approve(t.id(), t.body(), t.flagged()));
            return null;
        });
        Workshop w = as(() -> workshops.start(workshops.create(partnership, "hymn-sheet", TestWorld.unique("Voice board")).id()));
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + w.id());
        page.locator("#board-details summary").click(); // the console keeps the board's settings a click away
        choose(page, "board-survey", survey.title());
        Page board = context.newPage();
        board.setViewportSize(1920, 1080);
        board.navigate(url("/workshops/" + w.id() + "/board"));
        Locator panel = board.locator("#board-young-people");
        assertThat(panel).containsText("Young people who answered: " + shown(all));
        assertThat(panel).containsText("At home: " + shown(home));
        assertThat(panel).containsText("Other answers: fewer than 5 or held back");
        assertThat(panel).not().containsText("At school or college");
        assertThat(panel.locator(".board-quotes li")).hasText(new String[] {SCRIPT});
        assertThat(panel).not().containsText("Still waiting for a facilitator");
        assertThat(panel.locator("script")).hasCount(0);

        // five more young people send their answers while the board is up: once the fifth of them has (a release
        // group, decision 0016), the panel follows without a reload
        for (int i = 0; i < 5; i++) {
            String id = respond(survey, "home", null);
            all.add(id);
            home.add(id);
        }
        assertThat(panel).containsText("Young people who answered: " + shown(all));
        assertThat(panel).containsText("At home: " + shown(home));
        assertAccessible(board, "the board with the young people's voice");
        screenshot(board, "young-people-1920");
    }

    @Test
    void a_mapping_board_fills_its_columns_with_approved_notes_as_they_come() {
        Workshop w = as(() -> workshops.start(workshops.create(partnership, "three-column-mapping",
                TestWorld.unique("Mapping")).id()));
        String a = participants.join(w.joinCode(), policeId, Level.MANAGER, null, TestWorld.unique("device")).token();
        as(() -> workshops.advance(w.id()));
        as(() -> workshops.reveal(w.id(), 1));
        page.setViewportSize(1280, 720);
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + w.id() + "/board");
        assertThat(page.locator("#board-mapping .board-quotes")).hasCount(3);
        inputs.addNote(a, 1, "worried", IMG);
        assertThat(page.locator("#board-answered")).hasText("Answered: 1 of 1");
        assertThat(page.locator("#board-column-0 li")).hasCount(0);
        as(() -> {
            moderation.pending(w.id()).forEach(t -> moderation.moderate(w.id(), t.kind(), t.ref(), true));
            return null;
        });
        assertThat(page.locator("#board-column-0 li")).hasText(IMG);
        assertThat(page.locator("#board-mapping img")).hasCount(0);
        assertAccessible(page, "the mapping board");
        screenshot(page, "mapping-1280");
    }

    @Test
    void every_naughty_string_a_participant_writes_shows_on_the_board_as_the_text_it_is() {
        Workshop w = as(() -> workshops.start(workshops.create(partnership, "three-column-mapping",
                TestWorld.unique("Naughty")).id()));
        String token = participants.join(w.joinCode(), policeId, Level.MANAGER, null, TestWorld.unique("device")).token();
        as(() -> workshops.advance(w.id()));
        as(() -> workshops.reveal(w.id(), 1));
        List<String> shown = new java.util.ArrayList<>();
        for (String naughty : Blns.strings()) {
            try {
                inputs.addNote(token, 1, "worried", naughty);
                shown.add(naughty);
            } catch (org.hymnsheet.common.ValidationException refused) {
                // blank or with control characters: refused with a message, never stored (see the hostile input tests)
            }
        }
        assertThat(shown).hasSizeGreaterThan(450);
        as(() -> {
            moderation.pending(w.id()).forEach(t -> moderation.moderate(w.id(), t.kind(), t.ref(), true));
            return null;
        });
        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + w.id() + "/board");
        // a long list shows a page at a time: the first page holds the first notes, each exactly as written
        assertThat(page.locator("#board-column-0-page")).containsText("1 of ");
        Locator notes = page.locator("#board-column-0 li");
        assertThat(notes.first()).isVisible();
        List<String> first = notes.allTextContents();
        assertThat(first).isNotEmpty().containsExactlyElementsOf(shown.subList(0, first.size()));
        assertThat(page.locator("#board-mapping script, #board-mapping img, #board-mapping iframe, #board-mapping svg"))
                .hasCount(0);
        assertThat(page.locator("#board-stage-line")).containsText("Stage 2 of 2");
        assertThat(dialogs).isEmpty();
    }

    @Test
    void a_board_that_lost_its_connection_shows_the_current_state_when_it_is_back() {
        Workshop w = as(() -> workshops.start(workshops.create(partnership, "hymn-sheet", TestWorld.unique("Drop")).id()));
        // every push connection of the board goes through here, so the test can cut it like a dropped Wi-Fi
        java.util.concurrent.atomic.AtomicBoolean offline = new java.util.concurrent.atomic.AtomicBoolean();
        List<com.microsoft.playwright.WebSocketRoute> sockets = new CopyOnWriteArrayList<>();
        page.routeWebSocket(java.util.regex.Pattern.compile(".*/VAADIN/push.*"), ws -> {
            if (offline.get()) {
                ws.close();
                return;
            }
            ws.connectToServer();
            sockets.add(ws);
        });
        page.setViewportSize(1280, 720);
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + w.id() + "/board");
        assertThat(page.locator("#board-stage-line")).containsText("Stage 1 of 5");
        assertThat(sockets).as("the board uses a push connection").isNotEmpty();
        page.evaluate("window.__samePage = true");

        offline.set(true);
        context.setOffline(true);
        sockets.forEach(com.microsoft.playwright.WebSocketRoute::close);
        String token = participants.join(w.joinCode(), healthId, Level.MANAGER, null, TestWorld.unique("device")).token();
        inputs.frame(token, 0, 30, null);
        as(() -> workshops.advance(w.id()));
        page.waitForTimeout(1500);
        // nothing reaches a board that is offline
        assertThat(page.locator("#board-stage-line")).containsText("Stage 1 of 5");

        offline.set(false);
        context.setOffline(false);
        assertThat(page.locator("#board-stage-line")).containsText("Stage 2 of 5: Influence and voice",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#board-answered")).hasText("Answered: 0 of 1");
        assertThat(page.evaluate("window.__samePage === true")).as("caught up without a reload").isEqualTo(true);

        // and it goes on following the room
        inputs.influence(token, 1, Set.of(policeId));
        assertThat(page.locator("#board-answered")).hasText("Answered: 1 of 1");
    }

    @Autowired
    SurveyService surveys;
    @Autowired
    ResponseService responses;
    @Autowired
    QueueService queues;

    /** What the disclosure rule shows for these responses: their count perturbed by their record keys. */
    private String shown(List<String> responseIds) {
        long keySum = db.select(org.jooq.impl.DSL.sum(org.hymnsheet.db.Tables.RESPONSE.RECORD_KEY))
                .from(org.hymnsheet.db.Tables.RESPONSE).where(org.hymnsheet.db.Tables.RESPONSE.ID.in(responseIds))
                .fetchOne(0, long.class);
        return org.hymnsheet.common.Suppression.cell(responseIds.size(), keySum).label(java.util.Locale.ENGLISH);
    }

    private String respond(Survey survey, String mostSafe, String text) {
        String id = responses.start(responses.openByLink(survey.linkToken()), "en");
        responses.save(id, "most-safe", new AnswerInput.Choice(Set.of(mostSafe)));
        if (text != null) {
            responses.save(id, "anything-else", new AnswerInput.Text(text));
        }
        responses.submit(id);
        return id;
    }

    @Test
    void the_facilitator_saves_the_board_into_the_workshop_record_and_downloads_it_as_a_pdf() throws Exception {
        Workshop w = as(() -> workshops.start(workshops.create(partnership, "hymn-sheet", TestWorld.unique("Saved")).id()));
        String token = participants.join(w.joinCode(), policeId, Level.MANAGER, null, TestWorld.unique("phone")).token();
        inputs.frame(token, 0, 30, "Words the board shows");
        String other = participants.join(w.joinCode(), healthId, Level.PRACTITIONER, null, TestWorld.unique("phone")).token();
        inputs.frame(other, 0, 70, "Words still waiting");
        as(() -> {
            moderation.pending(w.id()).stream().filter(t -> "Words the board shows".equals(t.text()))
                    .forEach(t -> moderation.moderate(w.id(), t.kind(), t.ref(), true));
            return workshops.reveal(w.id(), 0);
        });
        page.setViewportSize(1920, 1080);
        signInToHome(page, facilitator.email(), TestWorld.PASSWORD);
        open(page, "/workshops/" + w.id() + "/board");
        assertThat(page.locator("#board-framing echarts-chart[data-rendered]")).hasCount(1);

        // small, at the foot of the board, and reachable and named for the keyboard and screen readers
        Locator save = page.locator("#board-save");
        assertThat(save).hasAccessibleName("Save this board to the record");
        assertAccessible(page, "the board with its save action");
        save.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("vaadin-notification-card")).containsText("Saved to the workshop record");
        screenshot(page, "saved-1920");

        open(page, "/workshops/" + w.id() + "/record");
        Locator saved = page.locator("#record-saved-boards a[id^=snapshot-]");
        assertThat(saved).hasCount(1);
        assertThat(saved).containsText("Stage 1: Partners and framing");
        assertAccessible(page, "the record with a saved board");
        Download download = page.waitForDownload(saved::click);
        byte[] pdf = Files.readAllBytes(download.path());
        download.saveAs(SCREENSHOTS.resolve(getClass().getSimpleName()).resolve("saved-board.pdf"));
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(w.title(), "Stage 1 of 5: Partners and framing", "Answered: 2 of 2",
                    police + ": 30", "Words the board shows");
            assertThat(text).doesNotContain("Words still waiting");
            var images = doc.getPage(0).getResources().getXObjectNames();
            assertThat(images).hasSize(1); // the chart as the browser drew it
        }
    }

    private void joinAs(Page phone, String code, String agency, String level) {
        phone.setViewportSize(360, 740);
        phone.navigate(url("/join/" + code));
        choose(phone, "join-agency", agency);
        phone.locator("#join-level").getByText(level).click();
        phone.locator("#join-go").click();
        assertThat(phone.locator("#stage-title")).isVisible();
    }

    private void frame(Page phone, int value, String sentence) {
        phone.locator("#framing-value").fill(String.valueOf(value));
        phone.locator("#framing-sentence textarea").fill(sentence);
        phone.locator("#framing-save").click();
        assertThat(phone.locator("#saved")).containsText("Saved");
    }

    private void place(Page phone, Card card, int value) {
        assertThat(phone.locator("#stage-title")).hasText("Behaviour-based or ecological?");
        HymnSheetWorkshopJourneyTest.showCard(phone, card.id());
        phone.locator("#card-" + card.id() + "-value").fill(String.valueOf(value));
        phone.locator("#card-" + card.id() + "-save").click();
        assertThat(phone.locator("#card-" + card.id() + "-state")).hasText("Saved");
    }

    private String tokenOf(BrowserContext phone, String code) {
        return phone.cookies().stream().filter(c -> c.name.equals("hs-w-" + code)).findFirst().orElseThrow().value;
    }

    private long needId(String text, Workshop w) {
        return as(() -> moderation.pending(w.id())).stream().filter(p -> text.equals(p.text())).findFirst()
                .map(p -> Long.parseLong(p.ref().substring(0, p.ref().indexOf('@')))).orElseGet(() -> needFromDb(text));
    }

    @Autowired
    org.jooq.DSLContext db;

    private long needFromDb(String text) {
        return db.select(org.hymnsheet.db.Tables.NEED.ID).from(org.hymnsheet.db.Tables.NEED)
                .where(org.hymnsheet.db.Tables.NEED.TEXT.eq(text)).fetchOne(org.hymnsheet.db.Tables.NEED.ID);
    }

    private <T> T as(Supplier<T> action) {
        try {
            TestWorld.as(facilitator);
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static {
        assertThat(Blns.strings()).contains(SCRIPT, IMG);
    }
}
