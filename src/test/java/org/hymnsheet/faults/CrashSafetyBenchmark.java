package org.hymnsheet.faults;

import java.nio.file.Path;
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
        StringBuilder table = new StringBuilder(CrashRun.HEADER);
        java.util.List<CrashRun.Outcome> outcomes = new java.util.ArrayList<>();
        if (!DATABASE.equals("postgresql")) {
            var h2 = CrashRun.run("crash-bench-h2", NodeDatabase.h2File(Path.of("target", "faults", "crash-bench-h2-data")),
                    CYCLES, 1);
            outcomes.add(h2);
            table.append(h2.line("H2 file")).append('\n');
        }
        if (!DATABASE.equals("h2")) {
            var pg = CrashRun.run("crash-bench-pg", NodeDatabase.fresh("crash_bench"), CYCLES, 2);
            outcomes.add(pg);
            table.append(pg.line("PostgreSQL")).append('\n');
        }
        BenchResults.write("crash-safety" + (DATABASE.equals("both") ? "" : "-" + DATABASE), """
                Each cycle starts an app node on the database, runs four young people submitting surveys (three
                answers and a submit each) and six phones adding needs with ids they made, and kills the node with
                SIGKILL once a random number (10 to 160) of further saves has been acknowledged. The next node sends
                again, with the same ids, every need that was sent and never acknowledged, then carries on. After the
                last cycle one more node sends what is left and stops, and the database is checked against every
                acknowledgement: present means there, once and whole (a submitted response with all three answers).

                """ + table);
        // the figures are written first; then a lost, doubled or half-written save fails the run
        outcomes.forEach(CrashSafetyTest::assertClean);
    }
}
