package org.hymnsheet.faults;

import java.nio.file.Path;
import java.util.List;
import org.hymnsheet.testing.AppNode;
import org.hymnsheet.bench.BenchResults;
import org.hymnsheet.testing.NodeDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two hundred kill -9 cycles of {@link CrashSafetyTest} on each database, and what the database held against what
 * was acknowledged: {@code ./mvnw -Pbench test -Dtest=CrashSafetyBenchmark} (one database:
 * {@code -Dcrash.db=h2} or {@code -Dcrash.db=postgresql}; fewer cycles: {@code -Dcrash.cycles=20}).
 */
@Tag("bench")
class CrashSafetyBenchmark {
    static final int CYCLES = Integer.getInteger("crash.cycles", 200);
    static final String DATABASE = System.getProperty("crash.db", "both");

    @Test
    void kill_nine_cycles_on_h2_and_postgresql() {
        List<String> jvm = aheadOfTimeCache();
        StringBuilder table = new StringBuilder(CrashRun.HEADER);
        if (!DATABASE.equals("postgresql")) {
            table.append(CrashRun.run("crash-bench-h2", NodeDatabase.h2File(Path.of("target", "faults", "crash-bench-h2-data")),
                    CYCLES, 1, jvm).line("H2 file")).append('\n');
        }
        if (!DATABASE.equals("h2")) {
            table.append(CrashRun.run("crash-bench-pg", NodeDatabase.fresh("crash_bench"), CYCLES, 2, jvm).line("PostgreSQL"))
                    .append('\n');
        }
        BenchResults.write("crash-safety" + (DATABASE.equals("both") ? "" : "-" + DATABASE), """
                Each cycle starts an app node on the database, runs four young people submitting surveys (three
                answers and a submit each) and six phones adding needs with ids they made, and kills the node with
                SIGKILL once a random number (10 to 160) of further saves has been acknowledged. The next node sends
                again, with the same ids, every need that was sent and never acknowledged, then carries on. After the
                last cycle one more node sends what is left and stops, and the database is checked against every
                acknowledgement: present means there, once and whole (a submitted response with all three answers).
                Every node starts from an ahead-of-time cache of the classes the app loads (JDK 25, made by one
                training start and stop before the cycles), which only shortens the starts.

                """ + table);
    }

    /**
     * One node started and stopped normally on a database of its own writes the JDK's ahead-of-time cache of the
     * classes the app loads and links; every node of the cycles then starts from it. Without a cache (the JDK could
     * not write one) the nodes start as in the test suite.
     */
    static List<String> aheadOfTimeCache() {
        Path cache = Path.of("target", "faults", "app.aot").toAbsolutePath();
        try (AppNode training = AppNode.on("crash-bench-aot", NodeDatabase.h2File(Path.of("target", "faults", "aot-data")))
                .withJvmOptions("-XX:AOTCacheOutput=" + cache)) {
            training.start();
        } catch (RuntimeException noCache) {
            System.out.println("No ahead-of-time cache (" + noCache.getMessage() + "): nodes start without one");
        }
        return java.nio.file.Files.exists(cache) ? List.of("-XX:AOTCache=" + cache) : List.of();
    }
}
