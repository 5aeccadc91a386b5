package org.hymnsheet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.surveys.SurveyTargets;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.WorkshopFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lighthouse 12 (npm {@code lighthouse@12.2.3}, installed into target/lighthouse on first use) with Debian's
 * Chromium, in its default run (a mid-range phone on a slow 4G link, simulated), against the pages young people and
 * workshop participants open: /join, /w/{code} (a joined participant: their cookie is sent), /s/{token} and
 * /k/{token}. Writes bench/results/lighthouse.md: scores, the timings behind the performance score, and every
 * console error. Needs Node (the Node 24 that .ci/run puts in ~/.cache/hymnsheet-node24, or one on the PATH).
 * Run with {@code ./mvnw -Pbench test -Dtest=LighthouseBenchmark}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:bench-lighthouse;DB_CLOSE_DELAY=-1")
// closed after the class: its sessions, schedulers and pools must not run beside the next benchmark
@org.springframework.test.annotation.DirtiesContext
class LighthouseBenchmark {
    static final String LIGHTHOUSE = "lighthouse@12.2.3";
    static final Path HOME = Path.of("target", "lighthouse");
    static final int RUNS = Integer.getInteger("lighthouse.runs", 3);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    @Test
    void young_peoples_and_participants_pages_in_lighthouse() throws Exception {
        var world = new TestWorld(context);
        world.markInstalled();
        long partnership = world.partnership();
        for (int i = 0; i < 8; i++) {
            world.place(partnership);
        }
        var survey = new SurveyTargets(context, world, partnership).survey();
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        String kiosk = context.getBean(SurveyService.class).addKiosk(survey.id(), "Youth club tablet", "1234").token();
        TestWorld.anonymous();
        var workshop = new WorkshopFixture(context, world, partnership);
        String token = workshop.join(workshop.police, Level.PRACTITIONER, "Sam");
        String code = workshop.workshop.joinCode();

        Map<String, String[]> pages = new LinkedHashMap<>(); // name -> {path, extra headers json}
        pages.put("/join", new String[] {"/join", null});
        pages.put("/w/{code}", new String[] {"/w/" + code, "{\"Cookie\":\"hs-w-" + code + "=" + token + "\"}"});
        pages.put("/s/{token}", new String[] {"/s/" + survey.linkToken(), null});
        pages.put("/k/{token}", new String[] {"/k/" + kiosk, null});

        Path lighthouse = install();
        // one untimed run of each page first: a server's first requests spend their time compiling its code, and
        // the browser's first frame then waits for a core
        for (var page : pages.entrySet()) {
            run(lighthouse, "http://localhost:" + port + page.getValue()[0], page.getValue()[1],
                    "warm-up-" + page.getKey().replaceAll("[^a-z]", ""));
        }
        List<String> rows = new ArrayList<>();
        Set<String> errors = new java.util.LinkedHashSet<>();
        for (var page : pages.entrySet()) {
            // Lighthouse's own advice for a score that varies from run to run: several runs, the median one reported
            List<JsonNode> reports = new ArrayList<>();
            for (int i = 1; i <= RUNS; i++) {
                reports.add(run(lighthouse, "http://localhost:" + port + page.getValue()[0], page.getValue()[1],
                        page.getKey().replaceAll("[^a-z]", "") + "-" + i));
            }
            List<JsonNode> byScore = reports.stream()
                    .sorted(java.util.Comparator.comparingDouble(r -> score(r, "performance"))).toList();
            JsonNode report = byScore.get(byScore.size() / 2);
            JsonNode audits = report.path("audits");
            String key = page.getKey().replaceAll("[^a-z]", "");
            BenchResults.figure("lighthouse", key + ".performance_median", score(report, "performance"));
            BenchResults.figure("lighthouse", key + ".accessibility_lowest",
                    reports.stream().mapToDouble(r -> score(r, "accessibility")).min().orElseThrow());
            rows.add("| `%s` | **%.0f** | %s | **%.0f** | %.0f | %.1f s | %.1f s | %.0f ms | %.3f | %.1f s | %d |".formatted(page.getKey(),
                    score(report, "performance"), String.join(" · ", reports.stream()
                            .map(r -> "%.0f".formatted(score(r, "performance"))).toList()),
                    reports.stream().mapToDouble(r -> score(r, "accessibility")).min().orElseThrow(),
                    score(report, "best-practices"),
                    audits.path("first-contentful-paint").path("numericValue").asDouble() / 1000,
                    audits.path("largest-contentful-paint").path("numericValue").asDouble() / 1000,
                    audits.path("total-blocking-time").path("numericValue").asDouble(),
                    audits.path("cumulative-layout-shift").path("numericValue").asDouble(),
                    audits.path("speed-index").path("numericValue").asDouble() / 1000,
                    reports.stream().mapToInt(r -> r.path("audits").path("errors-in-console").path("details")
                            .path("items").size()).max().orElseThrow()));
            for (JsonNode each : reports) {
                for (JsonNode e : each.path("audits").path("errors-in-console").path("details").path("items")) {
                    errors.add("- `%s`: %s".formatted(page.getKey(), e.path("description").asString()));
                }
                for (var audit : each.path("audits").properties()) {
                    JsonNode a = audit.getValue();
                    if (a.path("scoreDisplayMode").asString().equals("binary") && a.path("score").isNumber()
                            && a.path("score").asDouble() < 1 && each.path("categories").path("accessibility")
                            .path("auditRefs").toString().contains("\"" + audit.getKey() + "\"")) {
                        errors.add("- `%s` accessibility: %s".formatted(page.getKey(), a.path("title").asString()));
                    }
                }
            }
        }
        BenchResults.write("lighthouse", """
                Lighthouse %s, Debian's Chromium (headless), default mobile run (simulated slow 4G, 4x CPU slowdown).
                Each page: one untimed run after the server started, then %d runs; the row gives the run with the median
                performance score (its timings and best practices), every run's performance score, the lowest
                accessibility score and the most console errors of the runs.

                | page | performance (median) | every run | accessibility | best practices | FCP | LCP | TBT | CLS | speed index | console errors |
                |---|---|---|---|---|---|---|---|---|---|---|
                %s

                %s
                """.formatted(LIGHTHOUSE, RUNS, String.join("\n", rows),
                errors.isEmpty() ? "No console errors and no failed accessibility audit." : String.join("\n", errors)));
        assertThat(rows).hasSize(4);
    }

    private static double score(JsonNode report, String category) {
        return report.path("categories").path(category).path("score").asDouble() * 100;
    }

    private static JsonNode run(Path lighthouse, String url, String headers, String name) throws Exception {
        Path out = HOME.resolve("report-" + name + ".json").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(node().toString(), lighthouse.toString(), url,
                "--chrome-path=" + System.getProperty("chromium.path", "/usr/bin/chromium"),
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--only-categories=performance,accessibility,best-practices", "--output=json",
                "--output-path=" + out, "--quiet"));
        if (headers != null) {
            command.add("--extra-headers=" + headers);
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(HOME.resolve("lighthouse-" + name + ".log").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("lighthouse finished").isTrue();
        assertThat(p.exitValue()).as("lighthouse exit code, see target/lighthouse/lighthouse-" + name + ".log").isZero();
        return JsonMapper.builder().build().readTree(Files.readString(out));
    }

    private static Path install() throws IOException, InterruptedException {
        Path cli = HOME.resolve("node_modules/lighthouse/cli/index.js").toAbsolutePath();
        if (!Files.exists(cli)) {
            Files.createDirectories(HOME);
            Path npm = node().resolveSibling("npm");
            Process p = new ProcessBuilder(npm.toString(), "install", "--no-save", "--prefix", HOME.toAbsolutePath().toString(),
                    "-E", LIGHTHOUSE).redirectErrorStream(true) // the test JVM's own output is surefire's channel
                    .redirectOutput(HOME.resolve("npm-install.log").toFile()).start();
            assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as("npm install " + LIGHTHOUSE).isZero();
        }
        return cli;
    }

    private static Path node() {
        Path node24 = Path.of(System.getProperty("user.home"), ".cache", "hymnsheet-node24", "bin", "node");
        if (Files.isExecutable(node24)) {
            return node24;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
                return Path.of(dir, "node");
            }
        }
        return Path.of("node");
    }
}
