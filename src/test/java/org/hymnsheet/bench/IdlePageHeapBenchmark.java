package org.hymnsheet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.surveys.SurveyTargets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Heap held by many idle survey pages: opens kiosk pages over plain HTTP ({@link VaadinPageClient}: the bootstrap
 * page, Flow's init request, the navigation and the components' upgrade events, as Chromium sends them), each with
 * its own cookies, so its own server session and Vaadin UI on the welcome screen, and reads the server's heap in
 * use after full collections at 0, 500 and 1,000 pages. Sessions last 4 hours here, and nothing else ends an idle
 * page: Vaadin checks heartbeats and idle sessions only when a request of that session arrives.
 * Run with {@code ./mvnw -Pbench test -Dtest=IdlePageHeapBenchmark}; option {@code -Dbench.idle-pages=500,1000}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:bench-idle-pages;DB_CLOSE_DELAY=-1",
                "hymnsheet.kiosk.idle-seconds=3600", "server.servlet.session.timeout=4h"})
// closed after the class: its sessions, schedulers and pools must not run beside the next benchmark
@org.springframework.test.annotation.DirtiesContext
class IdlePageHeapBenchmark {
    static final List<Integer> STEPS = Arrays.stream(System.getProperty("bench.idle-pages", "500,1000").split(","))
            .map(String::trim).map(Integer::valueOf).sorted().toList();
    static final int WARM_UP = 20;
    static final String WELCOME = "This survey is about the places where you spend time";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    record Step(int pages, long heap, double seconds) {}

    @Test
    void heap_per_idle_survey_page_at_zero_five_hundred_and_a_thousand_pages() throws Exception {
        var world = new TestWorld(context);
        world.markInstalled();
        long partnership = world.partnership();
        for (int i = 0; i < 8; i++) {
            world.place(partnership);
        }
        var survey = new SurveyTargets(context, world, partnership).survey();
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        String token = context.getBean(SurveyService.class).addKiosk(survey.id(), "Bench tablet", "1234").token();
        TestWorld.anonymous();
        URI base = URI.create("http://localhost:" + port + "/");
        String route = "k/" + token;

        Set<String> sessions = new HashSet<>();
        VaadinPageClient.OpenedPage sample = null;
        for (int i = 0; i < WARM_UP; i++) {
            sample = VaadinPageClient.open(base, route, WELCOME); // classes, caches, templates
            sessions.add(sample.sessionId());
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(0, HeapMeter.usedAfterGc(), 0));
        Map<String, long[]> histogramBefore = HeapMeter.histogram();
        int open = 0;
        for (int target : STEPS) {
            long start = System.nanoTime();
            for (; open < target; open++) {
                sessions.add(VaadinPageClient.open(base, route, WELCOME).sessionId());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            steps.add(new Step(target, HeapMeter.usedAfterGc(), seconds));
        }
        Map<String, long[]> histogramAfter = HeapMeter.histogram();
        assertThat(sessions).as("one server session per page").hasSize(WARM_UP + open);

        StringBuilder rows = new StringBuilder();
        for (int i = 1; i < steps.size(); i++) {
            Step from = steps.get(i - 1);
            Step to = steps.get(i);
            double perPage = (to.heap() - from.heap()) / (double) (to.pages() - from.pages()) / 1024;
            rows.append("| %,d → %,d | %.1f → %.1f MiB | %.1f s | **%.1f KiB** |\n".formatted(from.pages(), to.pages(),
                    from.heap() / 1048576.0, to.heap() / 1048576.0, to.seconds(), perPage));
        }
        for (Step s : steps) {
            BenchResults.figure("idle-page-heap", "heap_mib_at_" + s.pages(), s.heap() / 1048576.0);
        }
        Step last = steps.getLast();
        double overall = (last.heap() - steps.getFirst().heap()) / (double) last.pages() / 1024;
        BenchResults.figure("idle-page-heap", "kib_per_page_overall", overall);
        BenchResults.write("idle-page-heap", """
                Method: %d kiosk pages of the "Safe places and trusted adults" survey (8 local places) opened over plain \
                HTTP, one after another after %d warm-up pages, each with its own cookie store and so its own server \
                session and Vaadin UI on the welcome screen. Per page, the requests Chromium makes (Vaadin 25): \
                `GET /k/{token}` (bootstrap page), `GET /?v-r=init&location=k/{token}&query=&v-sh=...` (browser \
                details; the server creates the UI), `POST /?v-r=uidl&v-uiId=0` with the `ui-navigate` event (the \
                server builds the view; its UIDL must contain the welcome text), and `POST /?v-r=uidl&v-uiId=0` with \
                the components' upgrade events (`value-changed`, `checked-changed`). Static files and the push \
                script are not fetched. Server heap in use after five full collections at each step. The client's \
                objects are gone once a page is open (its HTTP client is closed), so the heap is the server's: \
                session, UI and what the app keeps for them. Sessions last 4 hours for the run.

                | pages | heap in use after GC | time to open them | heap per page |
                |---|---|---|---|
                %s
                Requests per page: %d; the view's UIDL: %,d characters.
                Over all %,d pages: **%.1f KiB per idle survey page**, about %,.0f idle pages per GiB of heap.

                What one idle page holds (class histogram of live objects after a full collection, after minus \
                before, divided by the %,d pages; the 25 largest):

                | class | instances per page | bytes per page |
                |---|---|---|
                %s
                """.formatted(last.pages(), WARM_UP, rows, sample.requests(), sample.view().length(), last.pages(),
                overall, 1048576 / overall, last.pages(),
                HeapMeter.perPageRows(histogramBefore, histogramAfter, last.pages())));
    }
}
