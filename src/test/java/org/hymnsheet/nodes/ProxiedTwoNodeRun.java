package org.hymnsheet.nodes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.AGENCY;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PARTICIPANT;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.hymnsheet.db.Tables.WORKSHOP;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hymnsheet.bench.BenchResults;
import org.hymnsheet.testing.AppNode;
import org.hymnsheet.testing.AppNode.Demo;
import org.hymnsheet.testing.Chromium;
import org.hymnsheet.testing.HaProxy;
import org.hymnsheet.testing.NodeDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two app nodes on one PostgreSQL behind HAProxy over TLS, with the project's own HAProxy configuration, driven
 * as a room would: a facilitator's console and a board on node A, a second board on node B, and phones that the
 * proxy spreads over both. Half-way through, node A is killed (SIGKILL) while phones are pressing Save. The run
 * checks that every input a phone saw acknowledged is stored once, that the phones of node A carry on through
 * node B as the same participants, that the facilitator signs in again and carries on, and that the board on B
 * never stops following the room; it prints its timings and writes them to {@code bench/results/}.
 *
 * <p>Not part of the normal suite (it takes minutes and needs HAProxy): {@code scripts/two-nodes} installs
 * HAProxy, makes a self-signed certificate and runs it with {@code -Ptwo-nodes}.
 */
@Tag("two-nodes")
class ProxiedTwoNodeRun {
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "ProxiedTwoNodeRun");
    static final String SAVED = "Saved \u2014 you can change it until the facilitator moves on";
    static final List<String> STAGES = List.of("Partners and framing", "Influence and voice",
            "Behaviour-based or ecological?", "Space for critical reflection", "What we need");
    static final List<String> AGENCIES = List.of("Riverside Children's Social Care",
            "Riverside Police, Safer Neighbourhoods", "Riverside Academy Trust", "Riverside Youth Service",
            "Youth Justice Service", "School Nursing and CAMHS", "Riverside Homes", "Community Safety Partnership");
    static final List<String> LEVELS = List.of("Practitioner", "Manager", "Strategic leader");
    static final List<String> NAMES = List.of("Ada", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus", "Hal");
    /** A board or phone page that has heard nothing for this long, and kept its WebSocket, outlived "timeout client". */
    static final int IDLE_SECONDS = Integer.getInteger("two-nodes.idle-seconds", 40);
    static final int PHONES = Integer.getInteger("two-nodes.phones", 6);
    /** How long a phone of the killed node is left to find its way back alone before the test reloads it. */
    static final Duration ON_ITS_OWN = Duration.ofSeconds(45);

    Chromium chromium;

    @RegisterExtension
    final BeforeEachCallback sharedBrowser = extension -> chromium = Chromium.shared(extension);

    /** One participant's phone, what it pressed and what it was told was saved. */
    static final class Phone {
        final int index;
        final String name;
        final String agency;
        final BrowserContext context;
        final Page page;
        String node;
        int saves;
        int acknowledged;
        /** The last input the phone saw "Saved" for, per stage: what must be in the database. */
        final Map<Integer, String> stored = new TreeMap<>();
        /** What the phone sent when its node died, without seeing it saved. */
        String inFlight;

        Phone(int index, BrowserContext context) {
            this.index = index;
            this.name = NAMES.get(index);
            this.agency = AGENCIES.get(index);
            this.context = context;
            this.page = context.newPage();
        }
    }

    /** A page's push WebSocket(s): how many opened, closed, and frames heard. */
    static final class Sockets {
        final List<String> urls = new ArrayList<>();
        int closed;
        int frames;
    }

    final Map<Page, Sockets> sockets = new ConcurrentHashMap<>();
    final Map<String, Long> timings = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    @Test
    void a_workshop_runs_across_two_nodes_behind_haproxy_and_survives_losing_one() throws IOException {
        Path certificate = Path.of(System.getProperty("two-nodes.certificate", "target/two-nodes/tls/hymnsheet.pem"));
        long began = System.nanoTime();
        if (Files.isDirectory(SCREENSHOTS)) {
            try (var old = Files.list(SCREENSHOTS)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        HaProxy proxy = HaProxy.prepare(certificate);
        String https = proxy.publicUrl();
        NodeDatabase db = NodeDatabase.fresh("proxied_two_nodes");
        List<BrowserContext> contexts = new ArrayList<>();
        List<Phone> phones = new ArrayList<>();
        Page console = null;
        Page boardA = null;
        Page boardB = null;
        try (AppNode a = node("proxied-a", db, https).withDemoData(); AppNode b = node("proxied-b", db, https);
             proxy) {
            long t = System.nanoTime();
            AppNode.startAll(a, b);
            timings.put("both nodes started (in parallel)", ms(t));
            t = System.nanoTime();
            proxy.start(a, b);
            proxy.awaitStatus("a", "UP", Duration.ofSeconds(30));
            proxy.awaitStatus("b", "UP", Duration.ofSeconds(30));
            timings.put("HAProxy started, both nodes UP by its health check", ms(t));

            forwardedHeadersAreBelieved(proxy, a);

            // ---- the facilitator on node A: console, and the board in a second window of the same browser
            BrowserContext facilitator = context(https, "a", 1366, 768);
            contexts.add(facilitator);
            console = facilitator.newPage();
            watchSockets(console);
            Chromium.signInToHome(console, https, Demo.FACILITATOR, Demo.PASSWORD);
            assertThat(cookie(facilitator, https, "JSESSIONID").secure()).as("the session cookie is Secure over TLS").isTrue();
            assertThat(cookie(facilitator, https, "SERVERID").value).isEqualTo("a");
            Chromium.open(console, https, "/workshops");
            Chromium.choose(console, "workshop-template", "Singing from the same hymn sheet");
            assertThat(console.locator("#workshop-title input")).hasValue("Singing from the same hymn sheet");
            console.locator("#workshop-title input").fill("Behind HAProxy " + LocalDate.now());
            console.locator("#workshop-create").click();
            assertThat(console).hasURL(Pattern.compile("/workshops/\\d+$"));
            long id = Long.parseLong(console.url().replaceAll("^.*/workshops/(\\d+).*$", "$1"));
            console.locator("#workshop-start").click();
            assertThat(console.locator("#workshop-status")).containsText("stage 1 of 5");
            String code = db.query(q -> q.select(WORKSHOP.JOIN_CODE).from(WORKSHOP).where(WORKSHOP.ID.eq(id))
                    .fetchSingle().value1());
            boardA = facilitator.newPage();
            boardA.setViewportSize(1280, 720);
            watchSockets(boardA);
            Chromium.open(boardA, https, "/workshops/" + id + "/board");
            assertThat(boardA.locator("#board-stage-line")).containsText("Stage 1 of 5");

            // ---- the second board, on node B
            BrowserContext projector = context(https, "b", 1280, 720);
            contexts.add(projector);
            boardB = projector.newPage();
            watchSockets(boardB);
            Chromium.signIn(boardB, https, Demo.FACILITATOR, Demo.PASSWORD);
            Chromium.open(boardB, https, "/workshops/" + id + "/board");
            assertThat(boardB.locator("#board-stage-line")).containsText("Stage 1 of 5");
            assertThat(cookie(projector, https, "SERVERID").value).isEqualTo("b");
            boardB.evaluate("window.__samePage = true");

            // ---- phones join through the proxy, which deals them out in turn
            t = System.nanoTime();
            for (int i = 0; i < PHONES; i++) {
                BrowserContext ctx = phoneContext();
                contexts.add(ctx);
                Phone phone = new Phone(i, ctx);
                watchSockets(phone.page);
                phone.page.navigate(https + "/join/" + code);
                Chromium.choose(phone.page, "join-agency", phone.agency);
                phone.page.locator("#join-level").getByText(LEVELS.get(i % 3), new Locator.GetByTextOptions().setExact(true)).click();
                phone.page.locator("#join-first-name input").fill(phone.name);
                phone.page.locator("#join-go").click();
                assertThat(phone.page).hasURL(Chromium.at(https, "/w/" + code));
                assertThat(phone.page.locator("#stage-title")).hasText(STAGES.get(0));
                phone.node = cookie(ctx, https, "SERVERID").value;
                phones.add(phone);
            }
            timings.put(PHONES + " phones joined, one after another", ms(t));
            List<Phone> onA = phones.stream().filter(p -> p.node.equals("a")).toList();
            List<Phone> onB = phones.stream().filter(p -> p.node.equals("b")).toList();
            assertThat(onA).as("phones on node A").hasSizeGreaterThanOrEqualTo(2);
            assertThat(onB).as("phones on node B").hasSizeGreaterThanOrEqualTo(2);
            assertThat(console.getByText("Who is here (" + PHONES + ")")).isVisible();

            // ---- stage 1, framing: every phone saves; both boards count them, then show them once revealed
            for (Phone p : phones) {
                int value = 10 + 13 * p.index;
                String sentence = p.name + " thinks places matter";
                p.page.locator("#framing-value").fill(String.valueOf(value));
                p.page.locator("#framing-sentence textarea").fill(sentence);
                save(p, 0, "#framing-save", value + "|" + sentence);
            }
            for (Page board : List.of(boardA, boardB)) {
                assertThat(board.locator("#board-answered")).hasText("Answered: " + PHONES + " of " + PHONES);
            }
            t = System.nanoTime();
            console.locator("#stage-reveal").click();
            for (Page board : List.of(boardA, boardB)) {
                for (Phone p : phones) {
                    assertThat(board.locator("#board-framing-summary")).containsText(p.agency + "\u2069: " + (10 + 13 * p.index));
                }
            }
            timings.put("reveal pressed on A until both boards show every answer", ms(t));

            // ---- quiet: nothing is pushed for a while, longer than HAProxy's "timeout client" and "timeout server"
            Map<Page, Integer> framesBefore = new LinkedHashMap<>();
            Map<Page, Integer> closedBefore = new LinkedHashMap<>();
            sockets.forEach((page, s) -> {
                framesBefore.put(page, s.frames);
                closedBefore.put(page, s.closed);
            });
            console.waitForTimeout(IDLE_SECONDS * 1000.0);
            phones.forEach(p -> p.page.title()); // lets Playwright hand over the pages' events
            boardA.title();
            boardB.title();
            int quietSockets = 0;
            List<Integer> boardFrames = new ArrayList<>();
            for (Page page : List.of(boardA, boardB)) {
                Sockets s = sockets.get(page);
                assertThat(s.closed).as("no push WebSocket closed while quiet").isEqualTo(closedBefore.get(page));
                boardFrames.add(s.frames - framesBefore.get(page));
            }
            for (Phone p : phones) {
                Sockets s = sockets.get(p.page);
                assertThat(s.closed).as("no push WebSocket closed while quiet").isEqualTo(closedBefore.get(p.page));
                if (s.frames == framesBefore.get(p.page)) {
                    quietSockets++;
                }
            }
            notes.add("After the reveal nothing happened for " + IDLE_SECONDS + " s (HAProxy's timeout client/server is "
                    + "30 s): no push WebSocket closed; " + quietSockets + " of " + PHONES
                    + " phones heard no frame at all in that time (the boards " + boardFrames.get(0) + " and "
                    + boardFrames.get(1) + " frames), and all then followed the next stage by push.");
            assertThat(quietSockets).as("phones whose WebSocket was silent throughout").isGreaterThan(0);

            // ---- stage 2, voice: phones on B and the first phone on A save; then the rest press Save together
            // and node A is killed at that instant
            next(console, phones, List.of(boardA, boardB), 1);
            assertThat(boardB.evaluate("window.__samePage === true")).isEqualTo(true);
            List<Phone> before = new ArrayList<>(onB);
            before.add(onA.getFirst());
            for (Phone p : before) {
                pick(p, influence(p));
                save(p, 1, "#influence-save", influence(p));
            }
            List<Phone> burst = onA.subList(1, onA.size());
            for (Phone p : burst) {
                pick(p, influence(p));
            }
            for (Phone p : onA) {
                p.page.evaluate("window.__beforeKill = true");
            }
            console.evaluate("window.__beforeKill = true");
            boardA.evaluate("window.__beforeKill = true");
            for (Phone p : burst) {
                // whether the phone ever showed "Saved", kept in the tab's sessionStorage, which a reload keeps
                p.page.evaluate("""
                        saved => new MutationObserver(() => {
                          const s = document.getElementById('saved');
                          if (s && s.textContent === saved) sessionStorage.setItem('hs-acknowledged', 'yes');
                        }).observe(document.body, {subtree: true, childList: true, characterData: true})""", SAVED);
            }
            for (Phone p : burst) {
                p.saves++;
                p.page.locator("#influence-save").click();
                p.inFlight = influence(p);
            }
            long killedAt = System.nanoTime();
            ProcessHandle.of(a.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no shutdown of any kind

            // ---- what the pages of node A do by themselves: wait for each to land on B (or on the sign-in form)
            Map<Page, String> watched = new LinkedHashMap<>();
            onA.forEach(p -> watched.put(p.page, "phone " + p.name));
            watched.put(console, "console");
            watched.put(boardA, "board A");
            Map<Page, Long> back = awaitBack(watched, killedAt, https, code, proxy);
            // the phones of B never noticed
            for (Phone p : onB) {
                assertThat(p.page.locator("#stage-title")).hasText(STAGES.get(1));
            }
            for (Phone p : onA) {
                assertThat(back).as(p.name + " came back to the workshop").containsKey(p.page);
                assertThat(cookie(p.context, https, "SERVERID").value).isEqualTo("b");
                timings.put("kill until phone " + p.name + " (was on A) shows the workshop again from B", back.get(p.page));
            }
            for (Phone p : burst) {
                if ("yes".equals(p.page.evaluate("sessionStorage.getItem('hs-acknowledged')"))) {
                    p.acknowledged++;
                    p.stored.put(1, p.inFlight);
                    p.inFlight = null;
                }
            }

            // every phone of A is the same participant: its earlier answers are there, nothing asks it to join
            for (Phone p : onA) {
                assertThat(p.page.locator("#stage-title")).hasText(STAGES.get(1));
                String storedNow = influenceIn(db, p);
                if (p.stored.containsKey(1)) {
                    assertThat(storedNow).as(p.name + "'s acknowledged input").isEqualTo(p.stored.get(1));
                    assertThat(p.page.locator("#my-inputs .my-input")).hasCount(p.stored.get(1).split(" / ").length);
                    if (burst.contains(p)) {
                        notes.add("Phone " + p.name + " pressed Save as node A died and saw \"Saved\"; the database had "
                                + "it, and the phone showed it as its answer when it came back.");
                    }
                } else {
                    // the phone shows what is stored: a person sees at once whether to answer again
                    assertThat(p.page.locator("#my-inputs .my-input"))
                            .hasCount(storedNow.isEmpty() ? 0 : storedNow.split(" / ").length);
                    notes.add("Phone " + p.name + " pressed Save as node A died and never saw \"Saved\"; the database "
                            + (storedNow.isEmpty() ? "did not have it, and the phone came back showing no answer for "
                            + "the stage" : "had it (" + storedNow + "), and the phone came back showing it")
                            + ". It pressed Save again.");
                }
            }
            for (Phone p : onA) {
                if (!p.stored.containsKey(1)) {
                    pick(p, influence(p));
                    save(p, 1, "#influence-save", influence(p));
                    timings.put("kill until phone " + p.name + " had its unsaved answer saved through B", ms(killedAt));
                }
            }
            assertThat(boardB.locator("#board-answered")).hasText("Answered: " + PHONES + " of " + PHONES);
            assertThat(boardB.evaluate("window.__samePage === true")).as("board B never reloaded").isEqualTo(true);

            // ---- the facilitator signs in again, through the proxy, and carries on from B
            t = System.nanoTime();
            Chromium.signIn(console, https, Demo.FACILITATOR, Demo.PASSWORD);
            notes.add("The facilitator signed in again in the console's window, which showed the sign-in form, and was "
                    + "taken to " + console.url().replace(https, "") + "; the projector's window, also on the sign-in "
                    + "form, was then pointed at the board's address again.");
            Chromium.open(console, https, "/workshops/" + id);
            assertThat(console.locator("#workshop-status")).containsText("stage 2 of 5");
            assertThat(cookie(facilitator, https, "SERVERID").value).isEqualTo("b");
            // the projector's window shows the sign-in form too; signed in, the board opens again at its address
            Chromium.open(boardA, https, "/workshops/" + id + "/board");
            assertThat(boardA.locator("#board-stage-line")).containsText("Stage 2 of 5");
            timings.put("facilitator signs in again and has console and board A back (on B)", ms(t));
            t = System.nanoTime();
            console.locator("#stage-reveal").click();
            for (Page board : List.of(boardA, boardB)) {
                assertThat(board.locator("#board-voice-summary"))
                        .containsText("People who said who has most influence: " + PHONES + ".");
            }
            timings.put("reveal pressed after the kill until both boards show the votes", ms(t));

            // ---- stages 3 to 5 on the surviving node
            next(console, phones, List.of(boardA, boardB), 2);
            next(console, phones, List.of(boardA, boardB), 3);
            for (Phone p : phones) {
                int reflection = 1 + p.index % 5;
                int notKnowing = 5 - p.index % 5;
                pulse(p.page, "critical-reflection", reflection);
                pulse(p.page, "ok-not-to-know", notKnowing);
                save(p, 3, "#pulse-save", "critical-reflection=" + reflection + ",ok-not-to-know=" + notKnowing);
            }
            for (Page board : List.of(boardA, boardB)) {
                assertThat(board.locator("#board-answered")).hasText("Answered: " + PHONES + " of " + PHONES);
            }
            next(console, phones, List.of(boardA, boardB), 4);
            for (Phone p : phones) {
                String need = p.name + " needs a chair who keeps the focus on places";
                p.page.locator("#need-text textarea").fill(need);
                Chromium.choose(p.page, "need-category", "Meeting chairing");
                save(p, 4, "#need-add", need);
                assertThat(p.page.locator("#my-inputs")).containsText(need);
            }
            for (Page board : List.of(boardA, boardB)) {
                assertThat(board.locator("#board-answered")).hasText("Answered: " + PHONES + " of " + PHONES);
            }
            console.locator("#workshop-end").click();
            console.locator("#end-confirm").click();
            assertThat(console.locator("#workshop-status")).containsText("Ended");
            assertThat(boardB.evaluate("window.__samePage === true")).as("board B never reloaded").isEqualTo(true);

            // ---- the database holds exactly the last input each phone saw saved: nothing lost, nothing doubled
            int participants = db.query(q -> q.fetchCount(PARTICIPANT, PARTICIPANT.WORKSHOP_ID.eq(id)));
            assertThat(participants).as("participants: rejoining made no new ones").isEqualTo(PHONES);
            int expected = 0;
            int stored = 0;
            for (Phone p : phones) {
                Map<Integer, String> inDb = new TreeMap<>();
                inDb.put(0, framingIn(db, p));
                inDb.put(1, influenceIn(db, p));
                inDb.put(3, pulseIn(db, p));
                inDb.put(4, needsIn(db, p));
                assertThat(inDb).as(p.name + " (" + p.node + ")").isEqualTo(p.stored);
                expected += p.stored.size();
                stored += (int) inDb.values().stream().filter(v -> !v.isEmpty()).count();
            }

            // ---- node A comes back and HAProxy puts it back in the rotation
            t = System.nanoTime();
            a.start();
            timings.put("node A restarted (ready)", ms(t));
            Duration rejoined = proxy.awaitStatus("a", "UP", Duration.ofSeconds(30));
            timings.put("node A ready until HAProxy marks it UP", rejoined.toMillis());

            timings.put("whole run", ms(began));
            int saves = phones.stream().mapToInt(p -> p.saves).sum();
            int acknowledged = phones.stream().mapToInt(p -> p.acknowledged).sum();
            report(proxy, onA, onB, saves, acknowledged, burst.size(), expected, stored);
        } catch (RuntimeException | AssertionError e) {
            screenshot(console, "FAILED-console", e);
            screenshot(boardA, "FAILED-board-a", e);
            screenshot(boardB, "FAILED-board-b", e);
            for (Phone p : phones) {
                screenshot(p.page, "FAILED-phone-" + p.name + "-" + p.node, e);
            }
            throw e;
        } finally {
            contexts.forEach(BrowserContext::close);
        }
    }

    // ---- the proxy's forwarded headers ------------------------------------------------------------------------

    /**
     * Plain HTTP only redirects; through TLS the node knows the request was secure (HSTS, Secure cookie) and builds
     * its redirects with the public scheme and port; straight to the node, without the proxy, it does not.
     */
    private void forwardedHeadersAreBelieved(HaProxy proxy, AppNode a) {
        String https = proxy.publicUrl();
        var api = chromium.browser().newContext(new Browser.NewContextOptions().setIgnoreHTTPSErrors(true)).request();
        APIResponse plain = api.get(proxy.plainUrl() + "/join?x=1", RequestOptions.create().setMaxRedirects(0));
        assertThat(plain.status()).isEqualTo(301);
        assertThat(plain.headers().get("location")).isEqualTo(https + "/join?x=1");

        APIResponse health = api.get(https + "/actuator/health", RequestOptions.create().setMaxRedirects(0));
        assertThat(health.status()).isEqualTo(200);
        APIResponse signIn = api.get(https + "/workshops", RequestOptions.create().setMaxRedirects(0));
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.headers().get("location")).as("redirect keeps the public scheme and port")
                .isIn(https + "/login", "/login");
        APIResponse login = api.get(https + "/login", RequestOptions.create().setMaxRedirects(0));
        assertThat(login.headers().get("strict-transport-security")).as("HSTS through the proxy").startsWith("max-age=");
        // every cookie set through the proxy is Secure: HAProxy's own, and the app's session cookie
        List<String> setCookies = java.util.stream.Stream.of(health, signIn, login).flatMap(r -> r.headersArray().stream())
                .filter(h -> h.name.equalsIgnoreCase("set-cookie")).map(h -> h.value).toList();
        assertThat(setCookies).anyMatch(c -> c.startsWith("SERVERID=")).anyMatch(c -> c.startsWith("JSESSIONID="))
                .allMatch(c -> c.contains("; Secure"));
        APIResponse direct = api.get(a.url("/login"), RequestOptions.create().setMaxRedirects(0));
        assertThat(direct.headers()).as("no HSTS on plain HTTP straight to a node").doesNotContainKey("strict-transport-security");
        APIResponse directHealth = api.get(a.url("/actuator/health"), RequestOptions.create().setMaxRedirects(0));
        notes.add("Redirect to sign in through the proxy: Location " + signIn.headers().get("location")
                + "; the health check answer " + (directHealth.headers().containsKey("set-cookie")
                ? "sets a cookie (a session per check!)" : "sets no cookie, so HAProxy's checks make no sessions") + ".");
        api.dispose();
    }

    // ---- browsers ---------------------------------------------------------------------------------------------

    private BrowserContext context(String https, String node, int width, int height) {
        BrowserContext ctx = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("en-GB").setIgnoreHTTPSErrors(true));
        ctx.setDefaultTimeout(20_000);
        if (node != null) {
            // pinned to a node the way HAProxy pins every browser: by its SERVERID cookie
            ctx.addCookies(List.of(new Cookie("SERVERID", node).setUrl(https).setSecure(true).setHttpOnly(true)));
        }
        return ctx;
    }

    private BrowserContext phoneContext() {
        BrowserContext ctx = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("en-GB").setIsMobile(true).setHasTouch(true)
                .setIgnoreHTTPSErrors(true));
        ctx.setDefaultTimeout(20_000);
        return ctx;
    }

    private void watchSockets(Page page) {
        Sockets s = sockets.computeIfAbsent(page, k -> new Sockets());
        page.onWebSocket(ws -> {
            s.urls.add(ws.url());
            ws.onFrameReceived(f -> s.frames++);
            ws.onClose(closed -> s.closed++);
        });
    }

    private record CookieValue(String value, boolean secure) {}

    private static CookieValue cookie(BrowserContext ctx, String url, String name) {
        return ctx.cookies(url).stream().filter(c -> c.name.equals(name)).findFirst()
                .map(c -> new CookieValue(c.value, Boolean.TRUE.equals(c.secure)))
                .orElseThrow(() -> new AssertionError("no " + name + " cookie for " + url));
    }

    // ---- after the kill ---------------------------------------------------------------------------------------

    /**
     * Watches the pages of the killed node until each has loaded a new document by itself (the marker set before
     * the kill is gone): a phone showing its workshop again, the console and board showing the sign-in form. Records
     * each page's Vaadin connection states on the way. Pages still waiting after {@link #ON_ITS_OWN} are reloaded
     * as a person would, and noted. Returns the milliseconds from the kill until each page was back.
     */
    private Map<Page, Long> awaitBack(Map<Page, String> watched, long killedAt, String https, String code,
            HaProxy proxy) {
        Map<Page, Long> back = new LinkedHashMap<>();
        Long down = null;
        boolean pictured = false;
        Map<Page, List<String>> states = new LinkedHashMap<>();
        watched.keySet().forEach(p -> states.put(p, new ArrayList<>()));
        long deadline = killedAt + ON_ITS_OWN.toNanos();
        boolean reloaded = false;
        while (back.size() < watched.size() || down == null) {
            if (down == null && proxy.status("a").equals("DOWN")) {
                down = ms(killedAt);
                timings.put("kill -9 of node A until HAProxy marks it DOWN", down);
            }
            for (Page page : watched.keySet()) {
                if (back.containsKey(page)) {
                    continue;
                }
                String state = connectionState(page);
                List<String> seen = states.get(page);
                if (seen.isEmpty() || !seen.getLast().startsWith(state + " ")) {
                    seen.add(state + " (" + ms(killedAt) / 1000.0 + " s)");
                }
                if (state.startsWith("new page") && landed(page, watched.get(page), https, code)) {
                    back.put(page, ms(killedAt));
                }
                if (!pictured && ms(killedAt) > 1000 && state.startsWith("old page") && watched.get(page).startsWith("phone")) {
                    // what a participant sees in the seconds before the phone finds its own way back
                    pictured = true;
                    try {
                        Chromium.screenshot(page, SCREENSHOTS.resolve("phone-on-a-1s-after-kill.png"));
                    } catch (PlaywrightException reloading) {
                        pictured = false;
                    }
                }
            }
            if (System.nanoTime() > deadline && !reloaded) {
                reloaded = true;
                for (Page page : watched.keySet()) {
                    if (!back.containsKey(page)) {
                        notes.add(watched.get(page) + " had not left the dead node's page after "
                                + ON_ITS_OWN.toSeconds() + " s; reloaded by hand.");
                        page.reload();
                    }
                }
            }
            if (System.nanoTime() > deadline + Duration.ofSeconds(30).toNanos()) {
                break;
            }
            watched.keySet().iterator().next().waitForTimeout(200);
        }
        watched.forEach((page, name) -> notes.add("After the kill, " + name + ": " + String.join(" → ", states.get(page))
                + (back.containsKey(page) ? "; back after " + back.get(page) / 1000.0 + " s" : "; never came back")));
        return back;
    }

    /** Vaadin's connection state, or "new page" once the page has loaded a document since the kill. */
    private static String connectionState(Page page) {
        try {
            Object state = page.evaluate("() => (window.__beforeKill ? 'old page ' : 'new page ')"
                    + " + (window.Vaadin && window.Vaadin.connectionState ? window.Vaadin.connectionState.state : 'loading')");
            return String.valueOf(state);
        } catch (PlaywrightException navigating) {
            return "navigating";
        }
    }

    private static boolean landed(Page page, String name, String https, String code) {
        if (name.startsWith("phone")) {
            return Chromium.at(https, "/w/" + code).matcher(page.url()).matches()
                    && page.locator("#stage-title").isVisible();
        }
        return page.locator("vaadin-login-form").isVisible();
    }

    // ---- a phone's inputs ----------------------------------------------------------------------------------------

    /** Presses Save and waits for "Saved": the input is acknowledged and must be in the database. */
    private static void save(Phone p, int stage, String button, String input) {
        p.saves++;
        p.page.locator(button).click();
        assertThat(p.page.locator("#saved")).hasText(SAVED);
        p.acknowledged++;
        p.stored.put(stage, input);
    }

    /** The agencies a phone names as most influential: two others, chosen by its position. */
    private static String influence(Phone p) {
        return new TreeSet<>(List.of(AGENCIES.get((p.index + 1) % PHONES), AGENCIES.get((p.index + 2) % PHONES)))
                .stream().collect(Collectors.joining(" / "));
    }

    private static void pick(Phone p, String agencies) {
        for (String agency : agencies.split(" / ")) {
            Locator box = p.page.locator("#influence vaadin-checkbox").filter(new Locator.FilterOptions()
                    .setHasText(Pattern.compile("^\\s*" + Chromium.literal(agency) + "\\s*$")));
            if (!"true".equals(String.valueOf(box.evaluate("el => el.checked")))) {
                box.click();
            }
        }
    }

    private static void pulse(Page phone, String question, int value) {
        phone.locator("#pulse-" + question).locator("vaadin-radio-button")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + value + " "))).click();
    }

    /** Next on the console; every phone and both boards show the new stage by themselves. */
    private static void next(Page console, List<Phone> phones, List<Page> boards, int position) {
        console.locator("#stage-next").click();
        assertThat(console.locator("#workshop-status")).containsText("stage " + (position + 1) + " of 5");
        for (Phone p : phones) {
            assertThat(p.page.locator("#stage-title")).hasText(STAGES.get(position));
        }
        for (Page board : boards) {
            assertThat(board.locator("#board-stage-line")).containsText("Stage " + (position + 1) + " of 5");
        }
    }

    // ---- what the database holds, in the form the phones' inputs are kept above -----------------------------

    private static long participant(NodeDatabase db, Phone p) {
        return db.query(q -> q.select(PARTICIPANT.ID).from(PARTICIPANT).where(PARTICIPANT.FIRST_NAME.eq(p.name))
                .fetchSingle().value1());
    }

    private static String framingIn(NodeDatabase db, Phone p) {
        long id = participant(db, p);
        return db.query(q -> q.select(FRAMING_INPUT.POSITION, FRAMING_INPUT.SENTENCE).from(FRAMING_INPUT)
                .where(FRAMING_INPUT.PARTICIPANT_ID.eq(id)).fetch(r -> r.value1() + "|" + r.value2()))
                .stream().collect(Collectors.joining(";"));
    }

    private static String influenceIn(NodeDatabase db, Phone p) {
        long id = participant(db, p);
        return db.query(q -> q.select(AGENCY.NAME).from(INFLUENCE_VOTE).join(AGENCY)
                .on(AGENCY.ID.eq(INFLUENCE_VOTE.VOTED_AGENCY_ID)).where(INFLUENCE_VOTE.PARTICIPANT_ID.eq(id))
                .fetch(r -> r.value1())).stream().sorted().collect(Collectors.joining(" / ")); // Java's order, as influence()
    }

    private static String pulseIn(NodeDatabase db, Phone p) {
        long id = participant(db, p);
        return db.query(q -> q.select(PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE).from(PULSE_ANSWER)
                .where(PULSE_ANSWER.PARTICIPANT_ID.eq(id)).orderBy(PULSE_ANSWER.QUESTION_ID)
                .fetch(r -> r.value1() + "=" + r.value2())).stream().collect(Collectors.joining(","));
    }

    /** Every need row of the phone: one text, once; a doubled save would show the text twice. */
    private static String needsIn(NodeDatabase db, Phone p) {
        long id = participant(db, p);
        return db.query(q -> q.select(NEED.TEXT).from(NEED).where(NEED.PARTICIPANT_ID.eq(id)).orderBy(NEED.ID)
                .fetch(r -> r.value1())).stream().collect(Collectors.joining(";"));
    }

    // ---- the report ---------------------------------------------------------------------------------------------

    private void report(HaProxy proxy, List<Phone> onA, List<Phone> onB, int saves, int acknowledged, int inFlight,
            int expected, int stored) {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc), ")
                .append(memory()).append(" memory, ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append(", Java ").append(System.getProperty("java.version"))
                .append(", ").append(proxy.version()).append(", Chromium ").append(chromium.browser().version())
                .append(" (headless). HAProxy, both app nodes (512 MiB heap each), the embedded PostgreSQL 17 and every ")
                .append("browser page share this machine.\n\n");
        out.append("Method: `scripts/two-nodes` (`ProxiedTwoNodeRun`). HAProxy runs `deploy/haproxy/hymnsheet.cfg` on ")
                .append("loopback with a self-signed certificate; node A has the facilitator's console and one board, ")
                .append("node B a second board (both pinned by the SERVERID cookie); ").append(PHONES)
                .append(" phones join through the proxy and are dealt out in turn (").append(onA.size()).append(" on A, ")
                .append(onB.size()).append(" on B). Stage 1: every phone saves and both boards show the answers; ")
                .append(IDLE_SECONDS).append(" s of silence; stage 2: ").append(onB.size() + 1)
                .append(" phones save, then ").append(inFlight)
                .append(" phones of A press Save and node A is killed with SIGKILL at that instant. The test waits ")
                .append("for each page of A to find its own way back, then the facilitator signs in again and the ")
                .append("room finishes stages 2–5 on node B. Finally node A is started again.\n\n");
        out.append("## Timings\n\n| what | ms |\n|---|---|\n");
        timings.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        out.append("\n## Inputs\n\n| | count |\n|---|---|\n")
                .append("| saves pressed on phones | ").append(saves).append(" |\n")
                .append("| saves the phone saw acknowledged (\"Saved\") | ").append(acknowledged).append(" |\n")
                .append("| saves pressed as node A died, unacknowledged | ")
                .append(saves - acknowledged).append(" |\n")
                .append("| inputs expected in the database (the last acknowledged per phone and stage) | ")
                .append(expected).append(" |\n")
                .append("| inputs found in the database, each exactly as acknowledged | ").append(stored).append(" |\n")
                .append("| participants in the database (").append(PHONES).append(" phones; none made twice) | ")
                .append(PHONES).append(" |\n");
        out.append("\n## What the pages did\n\n");
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        out.append("\nPush WebSockets through the proxy: ");
        out.append(sockets.values().stream().flatMap(s -> s.urls.stream())
                .map(u -> u.replaceAll("\\?.*X-Atmosphere-Transport=([a-z-]+).*", " ($1)").replaceAll("localhost:\\d+", "localhost:…"))
                .collect(Collectors.toCollection(LinkedHashSet::new)).toString()).append(".\n");
        BenchResults.write("two-nodes-haproxy", out.toString());
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static AppNode node(String name, NodeDatabase db, String publicUrl) {
        return AppNode.on(name, db)
                // HAProxy connects from the loopback address: the only proxy whose forwarded headers are believed
                .withEnvironment("HYMNSHEET_TRUSTED_PROXIES", "127.0.0.1/32")
                .withEnvironment("HYMNSHEET_PUBLIC_URL", publicUrl);
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static void screenshot(Page page, String name, Throwable failure) {
        if (page == null) {
            return;
        }
        try {
            Chromium.screenshot(page, SCREENSHOTS.resolve(name + ".png"));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
