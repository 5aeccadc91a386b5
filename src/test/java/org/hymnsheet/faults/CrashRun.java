package org.hymnsheet.faults;

import static org.hymnsheet.db.Tables.ANSWER_CHOICE;
import static org.hymnsheet.db.Tables.ANSWER_SCALE;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PARTICIPANT;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SURVEY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.hymnsheet.common.ResponseStatus;
import org.hymnsheet.testing.AppNode;
import org.hymnsheet.testing.NodeDatabase;
import org.jooq.impl.DSL;

/**
 * Crash cycles on one database: an app node runs the clients of {@link CrashLoad}; once they have had a random number
 * of saves acknowledged the node is killed with SIGKILL, and the next node starts on the same database (H2 recovers
 * its file, PostgreSQL never stopped), sends again what was never acknowledged, and carries on. After the last cycle
 * a node sends again what is left and stops, and the database is checked against every acknowledgement.
 */
final class CrashRun {
    static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(90);

    /**
     * What the database held against what was acknowledged. {@code halfWritten}: submitted responses without all three
     * of their answers; {@code unknown}: needs stored whose id no phone sent.
     */
    record Outcome(int cycles, int acknowledged, int present, int duplicated, int lost, int halfWritten, int unknown,
                   int retried, List<Duration> restarts) {
        boolean clean() {
            return duplicated == 0 && lost == 0 && halfWritten == 0 && unknown == 0 && present == acknowledged;
        }

        String line(String database) {
            Duration slowest = restarts.stream().max(Comparator.naturalOrder()).orElse(Duration.ZERO);
            long averageMs = restarts.isEmpty() ? 0 : restarts.stream().mapToLong(Duration::toMillis).sum() / restarts.size();
            return "| %s | %d | %d | %d | %d | %d | %d | %d | %d ms | %d ms |".formatted(database, cycles, acknowledged,
                    present, duplicated, lost, halfWritten, retried, averageMs, slowest.toMillis());
        }
    }

    static final String HEADER = """
            | database | kill -9 cycles | acknowledged | present | duplicated | lost | half-written | sent again after a kill | restart to ready (mean) | (slowest) |
            |---|---|---|---|---|---|---|---|---|---|
            """;

    private CrashRun() {}

    static Outcome run(String name, NodeDatabase db, int cycles, long seed) {
        Path dir = Path.of("target", "faults", name).toAbsolutePath();
        empty(dir);
        Random random = new Random(seed);
        List<Duration> restarts = new ArrayList<>();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            AppNode node = AppNode.on(name + "-" + cycle, db).withArguments("--hymnsheet.test.crash-load.dir=" + dir);
            if (cycle == 1) {
                node.withDemoData();
            } else {
                keepFilesAsKilled(db, dir.resolveSibling(name + "-as-killed"));
            }
            try (node) {
                long started = System.nanoTime();
                node.start();
                restarts.add(Duration.ofNanos(System.nanoTime() - started));
                int target = CrashLog.read(dir).acknowledged() + 10 + random.nextInt(150);
                awaitAcknowledged(dir, target, node);
                node.kill();
            }
        }
        int unacknowledgedBeforeRetry = CrashLog.read(dir).unacknowledgedNeeds().size();
        try (AppNode last = AppNode.on(name + "-retry", db).withArguments("--hymnsheet.test.crash-load.dir=" + dir,
                "--hymnsheet.test.crash-load.mode=retry")) {
            last.start();
            awaitFile(dir.resolve(CrashLoad.RETRIED), last);
        }
        return check(dir, db, cycles, unacknowledgedBeforeRetry, restarts);
    }

    private static Outcome check(Path dir, NodeDatabase db, int cycles, int retried, List<Duration> restarts) {
        CrashLog log = CrashLog.read(dir);
        if (!log.unacknowledgedNeeds().isEmpty()) {
            throw new IllegalStateException("The last node did not send again: " + log.unacknowledgedNeeds().keySet());
        }
        Properties fixture = fixture(dir);
        return db.query(q -> {
            long survey = q.select(SURVEY.ID).from(SURVEY).where(SURVEY.LINK_TOKEN.eq(fixture.getProperty("survey")))
                    .fetchSingle(SURVEY.ID);
            // every response of the survey with how many answers of each kind it holds
            var scale = DSL.field(DSL.selectCount().from(ANSWER_SCALE).where(ANSWER_SCALE.RESPONSE_ID.eq(RESPONSE.ID)));
            var choice = DSL.field(DSL.selectCount().from(ANSWER_CHOICE).where(ANSWER_CHOICE.RESPONSE_ID.eq(RESPONSE.ID)));
            var text = DSL.field(DSL.selectCount().from(ANSWER_TEXT).where(ANSWER_TEXT.RESPONSE_ID.eq(RESPONSE.ID)));
            Map<String, Boolean> whole = new HashMap<>();
            int halfWritten = 0;
            for (var r : q.select(RESPONSE.ID, RESPONSE.STATUS, scale, choice, text).from(RESPONSE)
                    .where(RESPONSE.SURVEY_ID.eq(survey)).fetch()) {
                boolean complete = r.value3() == 1 && r.value4() == 1 && r.value5() == 1;
                if (r.value2() == ResponseStatus.SUBMITTED) {
                    whole.put(r.value1(), complete);
                    if (!complete) {
                        halfWritten++;
                    }
                }
            }
            long workshop = Long.parseLong(fixture.getProperty("workshop"));
            Map<String, Integer> needs = new HashMap<>();
            q.select(NEED.CLIENT_ID, DSL.count()).from(NEED).join(PARTICIPANT).on(PARTICIPANT.ID.eq(NEED.PARTICIPANT_ID))
                    .where(PARTICIPANT.WORKSHOP_ID.eq(workshop)).groupBy(NEED.CLIENT_ID)
                    .forEach(r -> needs.put(r.value1(), r.value2()));
            int present = 0;
            int lost = 0;
            for (String id : log.submitted()) {
                if (Boolean.TRUE.equals(whole.get(id))) {
                    present++;
                } else {
                    lost++;
                }
            }
            int duplicated = 0;
            for (String id : log.acknowledgedNeeds()) {
                int stored = needs.getOrDefault(id, 0);
                if (stored == 0) {
                    lost++;
                } else {
                    present++;
                    duplicated += stored - 1;
                }
            }
            int unknown = (int) needs.keySet().stream().filter(id -> !log.sentNeeds().containsKey(id)).count();
            return new Outcome(cycles, log.acknowledged(), present, duplicated, lost, halfWritten, unknown, retried,
                    restarts);
        });
    }

    private static void awaitAcknowledged(Path dir, int target, AppNode node) {
        long deadline = System.nanoTime() + PROGRESS_TIMEOUT.toNanos();
        while (CrashLog.read(dir).acknowledged() < target) {
            if (System.nanoTime() > deadline || !node.isRunning()) {
                threadDump(node);
                throw new IllegalStateException("The clients stopped short of " + target + " acknowledgements: see "
                        + "target/nodes/" + node.name() + ".log and its thread dump beside it");
            }
            pause();
        }
    }

    private static void awaitFile(Path file, AppNode node) {
        long deadline = System.nanoTime() + PROGRESS_TIMEOUT.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline || !node.isRunning()) {
                throw new IllegalStateException("No " + file.getFileName() + ": see target/nodes/" + node.name() + ".log");
            }
            pause();
        }
    }

    /**
     * The H2 files as the last kill left them, before the next node recovers them: when a node then stalls, the state
     * that led to it can be opened again outside the run.
     */
    private static void keepFilesAsKilled(NodeDatabase db, Path copy) {
        if (db.postgres()) {
            return;
        }
        empty(copy);
        try (Stream<Path> files = Files.list(db.h2DataDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What every thread of a stalled node is doing, written beside its log. */
    private static void threadDump(AppNode node) {
        if (!node.isRunning()) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path out = node.log().resolveSibling(node.name() + ".threads.txt");
        try {
            new ProcessBuilder(jcmd.toString(), String.valueOf(node.pid()), "Thread.print", "-l")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A short poll: the clients write a line every few milliseconds. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Properties fixture(Path dir) {
        Properties fixture = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve(CrashLoad.FIXTURE))) {
            fixture.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixture;
    }

    private static void empty(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
