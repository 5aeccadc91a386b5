package org.hymnsheet.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file database is rebuilt from its committed data when its last close was not clean, and left alone when it
 * was. A file copied while the database is open and writing stands for one a kill left behind: its header has no
 * clean-close mark, and a transaction was writing a unique key at that moment.
 */
class H2RecoveryTest {
    @TempDir
    Path dir;

    @Test
    void a_cleanly_closed_file_is_left_alone() throws Exception {
        Path base = dir.resolve("clean");
        try (Connection c = open(base)) {
            schema(c);
            insert(c, 1, "a");
        }
        assertThat(H2Recovery.closedCleanly(file(base))).isTrue();
        long size = Files.size(file(base));
        assertThat(H2Recovery.recoverIfNeeded(base, "sa", "").rebuilt()).isFalse();
        assertThat(Files.size(file(base))).isEqualTo(size);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("clean.mv.db");
    }

    @Test
    void a_file_left_by_a_kill_is_rebuilt_with_every_committed_row_and_free_keys() throws Exception {
        Path live = dir.resolve("live");
        Path base = dir.resolve("killed");
        try (Connection c = open(live)) {
            schema(c);
            for (int i = 0; i < 200; i++) {
                insert(c, i % 6, "need-" + i);
            }
            try (Connection writing = open(live)) {
                writing.setAutoCommit(false);
                insert(writing, 1, "in-flight"); // never committed: the phone was never told it was saved
                c.createStatement().execute("CHECKPOINT");
                Files.copy(file(live), file(base));
            }
        }
        assertThat(H2Recovery.closedCleanly(file(base))).as("a file copied while open has no clean mark").isFalse();

        var outcome = H2Recovery.recoverIfNeeded(base, "sa", "");

        assertThat(outcome.rebuilt()).isTrue();
        assertThat(H2Recovery.closedCleanly(file(base))).isTrue();
        assertThat(dir.resolve("killed" + H2Recovery.KEPT_SUFFIX + ".mv.db")).as("the file as it was, for support")
                .exists();
        assertThat(dir.resolve("killed" + H2Recovery.MARKER_SUFFIX)).doesNotExist();
        assertThat(dir.resolve("killed-rebuild.sql.gz")).doesNotExist();
        try (Connection c = open(base)) {
            assertThat(count(c, "SELECT COUNT(*) FROM need")).isEqualTo(200);
            assertThat(count(c, "SELECT COUNT(*) FROM need WHERE client_id = 'in-flight'")).isZero();
            insert(c, 1, "in-flight"); // sent again: stored at once
            assertThat(count(c, "SELECT COUNT(*) FROM need WHERE client_id = 'in-flight'")).isEqualTo(1);
            assertThat(count(c, "SELECT MAX(id) FROM need")).as("ids carry on after the old ones").isGreaterThan(200);
        }
        assertThat(H2Recovery.recoverIfNeeded(base, "sa", "").rebuilt()).as("closed cleanly since").isFalse();
    }

    @Test
    void a_rebuild_cut_short_by_another_crash_is_done_again_or_finished_at_the_next_start() throws Exception {
        Path base = dir.resolve("twice");
        try (Connection c = open(base)) {
            schema(c);
            insert(c, 1, "kept");
        }
        Path marker = dir.resolve("twice" + H2Recovery.MARKER_SUFFIX);
        Files.writeString(marker, "under way");
        Files.writeString(dir.resolve("twice" + H2Recovery.REBUILT_SUFFIX + ".mv.db"), "half a file");

        assertThat(H2Recovery.recoverIfNeeded(base, "sa", "").rebuilt()).as("done again from the start").isTrue();
        assertThat(marker).doesNotExist();
        try (Connection c = open(base)) {
            assertThat(count(c, "SELECT COUNT(*) FROM need")).isEqualTo(1);
        }

        // stopped between its two moves: the old file already aside, the new one whole
        Files.move(file(base), dir.resolve("twice" + H2Recovery.REBUILT_SUFFIX + ".mv.db"));
        Files.writeString(marker, "under way");
        assertThat(H2Recovery.recoverIfNeeded(base, "sa", "").rebuilt()).isTrue();
        assertThat(marker).doesNotExist();
        try (Connection c = open(base)) {
            assertThat(count(c, "SELECT COUNT(*) FROM need")).isEqualTo(1);
        }
    }

    @Test
    void the_copy_a_rebuild_kept_goes_after_its_time() throws Exception {
        Path base = dir.resolve("aged");
        Path kept = dir.resolve("aged" + H2Recovery.KEPT_SUFFIX + ".mv.db");
        Files.writeString(kept, "the file as a kill left it");
        var written = Files.getLastModifiedTime(kept).toInstant();
        assertThat(H2Recovery.deleteKeptCopy(base, Duration.ofDays(7), written.plus(Duration.ofDays(6)))).isFalse();
        assertThat(kept).exists();
        assertThat(H2Recovery.deleteKeptCopy(base, Duration.ofDays(7), written.plus(Duration.ofDays(8)))).isTrue();
        assertThat(kept).doesNotExist();
        assertThat(H2Recovery.deleteKeptCopy(base, Duration.ofDays(7), written.plus(Duration.ofDays(9)))).isFalse();
    }

    @Test
    void only_h2_file_urls_name_a_file() {
        assertThat(H2Recovery.databasePath("jdbc:h2:file:./data/hymnsheet;AUTO_SERVER=FALSE;WRITE_DELAY=0"))
                .contains(Path.of("data", "hymnsheet").toAbsolutePath());
        assertThat(H2Recovery.databasePath("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2Recovery.databasePath("jdbc:postgresql://localhost:5432/hymnsheet")).isEmpty();
        assertThat(H2Recovery.databasePath(null)).isEmpty();
    }

    private static Connection open(Path base) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + base + ";WRITE_DELAY=0", "sa", "");
    }

    private static Path file(Path base) {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    private static void schema(Connection c) throws SQLException {
        c.createStatement().execute("CREATE TABLE need (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                + "participant_id BIGINT NOT NULL, client_id VARCHAR(36) NOT NULL, "
                + "CONSTRAINT need_client_uk UNIQUE (participant_id, client_id))");
    }

    private static void insert(Connection c, long participant, String clientId) throws SQLException {
        try (var s = c.prepareStatement("INSERT INTO need (participant_id, client_id) VALUES (?, ?)")) {
            s.setLong(1, participant);
            s.setString(2, clientId);
            s.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
