package org.hymnsheet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;
import org.hymnsheet.surveys.SurveyTargets;
import org.hymnsheet.templates.PlaceRating;
import org.hymnsheet.testing.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Many young people completing the safe-places survey at once, through the same service calls the screens
 * make (open, start, one save per question, submit). Reports submissions per second and per-call latency.
 * Run with {@code ./mvnw -Pbench test}; figures go to bench/results/.
 */
@Tag("bench")
class SurveyLoadBenchmark {
    static final int RESPONDENTS = Integer.getInteger("bench.respondents", 2000);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 50);

    @Nested
    @SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:file:./target/bench-h2/hymnsheet;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
            "spring.jooq.sql-dialect=H2"})
    class OnH2File extends Load {
        OnH2File() {
            super("h2-file");
        }
    }

    @Nested
    @SpringBootTest
    @ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
    class OnPostgres extends Load {
        OnPostgres() {
            super("postgresql");
        }
    }

    abstract static class Load {
        private final String database;
        @Autowired ApplicationContext context;
        @Autowired ResponseService responses;

        Load(String database) {
            this.database = database;
        }

        @Test
        void respondents_complete_the_safe_places_survey_concurrently() throws Exception {
            var world = new TestWorld(context);
            long partnership = world.partnership();
            List<String> places = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                places.add(String.valueOf(world.place(partnership)));
            }
            var targets = new SurveyTargets(context, world, partnership);
            String link = targets.survey().linkToken();
            run(link, places, 200); // warm-up: JIT, connection pool, caches
            long[] saves = new long[RESPONDENTS * 7];
            long[] submits = new long[RESPONDENTS];
            AtomicInteger saveIndex = new AtomicInteger();
            long start = System.nanoTime();
            int done = run(link, places, RESPONDENTS, saves, submits, saveIndex);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(done).isEqualTo(RESPONDENTS);
            long[] saveTimes = java.util.Arrays.copyOf(saves, saveIndex.get());
            String body = """
                    | figure | value |
                    |---|---|
                    | database | %s |
                    | respondents (each: open, start, 7 answers, submit) | %d |
                    | concurrent respondents | %d |
                    | wall time | %.1f s |
                    | **submissions per second** | **%.0f** |
                    | answer save latency p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
                    | submit latency p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
                    """.formatted(database, RESPONDENTS, CONCURRENCY, seconds, RESPONDENTS / seconds,
                    BenchResults.percentile(saveTimes, 50), BenchResults.percentile(saveTimes, 95),
                    BenchResults.percentile(saveTimes, 99), BenchResults.percentile(submits, 50),
                    BenchResults.percentile(submits, 95), BenchResults.percentile(submits, 99));
            BenchResults.write("survey-load-" + database, body);
        }

        private int run(String link, List<String> places, int count) throws Exception {
            return run(link, places, count, new long[count * 7], new long[count], new AtomicInteger());
        }

        private int run(String link, List<String> places, int count, long[] saves, long[] submits, AtomicInteger saveIndex)
                throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger completed = new AtomicInteger();
            var go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENCY; w++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    int n;
                    while ((n = next.getAndIncrement()) < count) {
                        respond(link, places, n, saves, submits, saveIndex);
                        completed.incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : workers) {
                f.get();
            }
            pool.shutdown();
            return completed.get();
        }

        private void respond(String link, List<String> places, int n, long[] saves, long[] submits, AtomicInteger saveIndex) {
            SurveyEntry entry = responses.openByLink(link);
            String id = responses.start(entry, n % 5 == 0 ? "cy" : "en");
            timed(saves, saveIndex, () -> responses.save(id, "area-feels", new AnswerInput.ScaleValue(1 + n % 5)));
            timed(saves, saveIndex, () -> responses.save(id, "places", new AnswerInput.Places(List.of(
                    new AnswerInput.PlaceAnswer(places.get(n % 8), PlaceRating.UNSAFE, "dark and people hang around"),
                    new AnswerInput.PlaceAnswer(places.get((n + 3) % 8), PlaceRating.SAFE, null),
                    new AnswerInput.PlaceAnswer(places.get((n + 5) % 8), PlaceRating.NOT_SURE, null)))));
            timed(saves, saveIndex, () -> responses.save(id, "make-safer", new AnswerInput.Text("More lights and a youth worker about")));
            timed(saves, saveIndex, () -> responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("youth-club"))));
            timed(saves, saveIndex, () -> responses.save(id, "trusted-adults", new AnswerInput.Trusted(Set.of("teacher", "youth-worker"), null)));
            timed(saves, saveIndex, () -> responses.save(id, "wish-trusted", new AnswerInput.Choice(Set.of("yes"))));
            timed(saves, saveIndex, () -> responses.save(id, "anything-else", new AnswerInput.Skip()));
            long t0 = System.nanoTime();
            responses.submit(id);
            submits[n] = System.nanoTime() - t0;
        }

        private static void timed(long[] into, AtomicInteger index, Runnable call) {
            long t0 = System.nanoTime();
            call.run();
            long elapsed = System.nanoTime() - t0;
            int i = index.getAndIncrement();
            if (i < into.length) {
                into[i] = elapsed;
            }
        }
    }
}
