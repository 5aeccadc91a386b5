package org.hymnsheet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hymnsheet.testing.NodeDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app killed with SIGKILL while young people submit surveys and phones add needs with ids they made, then
 * started again, on the H2 file database (the README's default) and on PostgreSQL: every save that was
 * acknowledged is there exactly once, whole, and what was sent but never acknowledged, sent again with its id, is
 * stored once. Two cycles each; {@code CrashSafetyBenchmark} runs more. On H2 a node started after a kill rebuilds the
 * file first ({@code H2Recovery}): without that, a key a killed transaction was writing stayed locked for ever.
 *
 * <p>The two databases' runs go side by side, each with its own nodes, folders and database: most of a run is its
 * nodes starting, one core's work each, and this test JVM only waits for them.
 */
class CrashSafetyTest {
    static final int CYCLES = 2;
    static ExecutorService runs;
    static CompletableFuture<CrashRun.Outcome> onH2;
    static CompletableFuture<CrashRun.Outcome> onPostgres;

    @BeforeAll
    static void startBothRuns() {
        runs = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("crash-run-", 1).factory());
        onH2 = CompletableFuture.supplyAsync(() -> CrashRun.run("crash-h2",
                NodeDatabase.h2File(Path.of("target", "faults", "crash-h2-data")), CYCLES, System.nanoTime()), runs);
        onPostgres = CompletableFuture.supplyAsync(() -> CrashRun.run("crash-pg",
                NodeDatabase.fresh("crash_safety"), CYCLES, System.nanoTime()), runs);
    }

    @AfterAll
    static void stopRuns() {
        runs.shutdownNow();
    }

    @Test
    void on_the_h2_file_database_every_acknowledged_save_survives_a_kill_exactly_once() {
        var outcome = onH2.join();
        System.out.println(CrashRun.HEADER + outcome.line("H2 file"));
        assertClean(outcome);
    }

    @Test
    void on_postgresql_every_acknowledged_save_survives_a_kill_exactly_once() {
        var outcome = onPostgres.join();
        System.out.println(CrashRun.HEADER + outcome.line("PostgreSQL"));
        assertClean(outcome);
    }

    static void assertClean(CrashRun.Outcome outcome) {
        assertThat(outcome.acknowledged()).as("the clients got saves through").isGreaterThan(10 * CYCLES);
        assertThat(outcome.lost()).as("acknowledged but missing").isZero();
        assertThat(outcome.duplicated()).as("stored twice").isZero();
        assertThat(outcome.halfWritten()).as("submitted without all their answers").isZero();
        assertThat(outcome.unknown()).as("stored but never sent").isZero();
        assertThat(outcome.present()).isEqualTo(outcome.acknowledged());
    }
}
