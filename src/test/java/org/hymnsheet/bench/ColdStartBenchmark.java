package org.hymnsheet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.testing.AppNode;
import org.hymnsheet.testing.NodeDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cold start to the first page: the app started as its own process ({@link AppNode}) on a fresh H2 file database,
 * as a new installation starts, and timed from launching the process until {@code /join} is served and its Flow
 * UI answers with the join page ({@link VaadinPageClient}: bootstrap page, init request, navigation). Three starts,
 * each on an emptied data folder. Run with {@code ./mvnw -Pbench test -Dtest=ColdStartBenchmark}; option
 * {@code -Dbench.cold-starts=3}.
 */
@Tag("bench")
class ColdStartBenchmark {
    static final int STARTS = Integer.getInteger("bench.cold-starts", 3);
    static final String JOIN_TEXT = "Join the workshop";
    static final Duration LIMIT = Duration.ofSeconds(180);

    record Start(double firstHtmlSeconds, double firstPageSeconds, double readySeconds) {}

    @Test
    void from_launch_to_the_first_page_on_a_fresh_database() throws Exception {
        List<Start> starts = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            NodeDatabase database = NodeDatabase.h2File(Path.of("target/bench-cold-start/data"));
            // the JVM's own defaults, as `java -jar` has them, instead of the test nodes' quick-start options
            try (AppNode node = AppNode.on("cold-start", database)
                    .withJvmOptions("-XX:-UseSerialGC", "-XX:TieredStopAtLevel=4")) {
                long launched = System.nanoTime();
                node.launch();
                double html = firstHtml(node, launched);
                VaadinPageClient.open(URI.create(node.url("/")), "join", JOIN_TEXT);
                double page = (System.nanoTime() - launched) / 1e9;
                node.awaitReady();
                starts.add(new Start(html, page, node.lastStartTime().toMillis() / 1000.0));
            }
        }
        double[] pages = starts.stream().mapToDouble(Start::firstPageSeconds).sorted().toArray();
        double median = pages[pages.length / 2];
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < starts.size(); i++) {
            Start s = starts.get(i);
            rows.append("| %d | %.2f s | **%.2f s** | %.2f s |\n".formatted(i + 1, s.firstHtmlSeconds(),
                    s.firstPageSeconds(), s.readySeconds()));
            BenchResults.figure("cold-start", "start" + (i + 1) + "_s", s.firstPageSeconds());
        }
        BenchResults.figure("cold-start", "median_s", median);
        BenchResults.figure("cold-start", "starts", starts.size());
        BenchResults.write("cold-start", """
                Method: the app started as its own JVM process (the build's classes and jars, production frontend \
                bundle, `-Xmx512m`, otherwise the JVM's defaults) on an emptied H2 data folder, as a new \
                installation: the schema is created on the way. Timed from launching the process until `GET /join` \
                has answered with Vaadin's bootstrap page, Flow's init request has created the UI and the \
                navigation has answered with the join page ("%s"). `/join` is asked every 50 ms from the launch \
                on. The readiness probe (`/actuator/health/readiness` UP, asked every 250 ms) is shown beside it.

                | start | bootstrap page served | **first page complete** | readiness probe UP |
                |---|---|---|---|
                %s
                Median of %d starts: **%.2f s** to the first page.
                """.formatted(JOIN_TEXT, rows, starts.size(), median));
        // the figures are written first; a start that measured nothing fails the run
        assertThat(starts).hasSize(STARTS).allSatisfy(s -> {
            assertThat(s.firstHtmlSeconds()).as("bootstrap page served").isPositive();
            assertThat(s.firstPageSeconds()).as("join page complete after its bootstrap page")
                    .isGreaterThanOrEqualTo(s.firstHtmlSeconds());
        });
    }

    /** Asks for {@code /join} every 50 ms until it is served; seconds from {@code launched}. */
    private static double firstHtml(AppNode node, long launched) throws InterruptedException {
        URI page = URI.create(node.url("/join"));
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() - launched < LIMIT.toNanos()) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(page)
                            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("window.Vaadin")) {
                        return (System.nanoTime() - launched) / 1e9;
                    }
                } catch (IOException notListeningYet) {
                    // the port opens once the web server has started
                }
                if (!node.isRunning()) {
                    node.awaitReady(); // says why, with the end of the node's log
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("/join was not served within " + LIMIT.toSeconds() + " s");
    }
}
