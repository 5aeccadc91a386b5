package org.hymnsheet.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the embedded H2 file database after the app was stopped uncleanly (killed, power lost), before anything
 * opens it. H2 recovers such a file and keeps every committed row, but a transaction that was writing at the moment
 * of the kill can leave an index entry behind that no transaction owns: the committed data reads correctly, yet a
 * write of the same key (a phone sending its unacknowledged need again, a participant saving the same stage) waits
 * for that entry's owner until the lock times out, at every try, for ever. Found by the crash tests (decision 0032).
 *
 * <p>A clean close writes {@code clean:1} into the file's header; a file without it was not closed. Then the
 * committed data is written out as SQL ({@code SCRIPT}, which reads only committed rows) and loaded into a new file
 * ({@code RUNSCRIPT}), which takes the old one's place; the old file is kept beside it, as it was, for support. A
 * marker file makes the rebuild itself safe against a second crash: while it exists the rebuild is not finished, and
 * the next start does it again or completes the swap. The copy kept for support holds personal data, so it goes
 * after a week ({@link #deleteKeptCopy}, run hourly): data that retention deletes must not live on in it.
 */
public final class H2Recovery {
    static final String MARKER_SUFFIX = ".rebuilding";
    static final String REBUILT_SUFFIX = "-rebuilt";
    static final String KEPT_SUFFIX = "-before-rebuild";
    private static final String FILE_SUFFIX = ".mv.db";
    private static final Logger log = LoggerFactory.getLogger(H2Recovery.class);

    /** What a start found: nothing to do, or a rebuild done (with how long it took). */
    public record Outcome(boolean rebuilt, long millis) {
        static final Outcome NOTHING = new Outcome(false, 0);
    }

    private H2Recovery() {}

    /** The database file a {@code jdbc:h2:file:} URL names, or empty for any other URL (memory, PostgreSQL). */
    public static Optional<Path> databasePath(String jdbcUrl) {
        String prefix = "jdbc:h2:file:";
        if (jdbcUrl == null || !jdbcUrl.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring(prefix.length());
        int options = name.indexOf(';');
        if (options >= 0) {
            name = name.substring(0, options);
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name).toAbsolutePath().normalize());
    }

    /**
     * Rebuilds the database at {@code base} (its path without {@code .mv.db}) if its last close was not clean, or if
     * an earlier rebuild did not finish. Call before any connection to it is opened.
     */
    public static Outcome recoverIfNeeded(Path base, String user, String password) {
        Path file = withSuffix(base, FILE_SUFFIX);
        Path marker = withSuffix(base, MARKER_SUFFIX);
        Path rebuiltBase = withSuffix(base, REBUILT_SUFFIX);
        Path rebuilt = withSuffix(rebuiltBase, FILE_SUFFIX);
        try {
            if (Files.exists(marker) && !Files.exists(file) && Files.exists(rebuilt)) {
                // the last rebuild stopped between its two moves: the new file is whole, put it in place
                Files.move(rebuilt, file, StandardCopyOption.ATOMIC_MOVE);
                Files.delete(marker);
                log.warn("Finished the rebuild of {} that an earlier start began", file);
                return new Outcome(true, 0);
            }
            if (!Files.exists(file) || (!Files.exists(marker) && closedCleanly(file))) {
                return Outcome.NOTHING;
            }
            long started = System.nanoTime();
            log.warn("{} was not closed cleanly (the app was stopped without shutting down): rebuilding it from its "
                    + "committed data before it is opened", file);
            Files.writeString(marker, "rebuild of " + file.getFileName() + " under way\n", StandardCharsets.UTF_8);
            Files.deleteIfExists(rebuilt);
            Path script = withSuffix(base, "-rebuild.sql.gz");
            Files.deleteIfExists(script);
            execute(base, user, password, "SCRIPT TO '" + quoted(script) + "' COMPRESSION GZIP");
            execute(rebuiltBase, user, password, "RUNSCRIPT FROM '" + quoted(script) + "' COMPRESSION GZIP");
            Files.delete(script);
            Path kept = withSuffix(withSuffix(base, KEPT_SUFFIX), FILE_SUFFIX);
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(rebuilt, file, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(marker);
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.warn("Rebuilt {} in {} ms; the file as it was is kept as {}", file, millis, kept.getFileName());
            return new Outcome(true, millis);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not rebuild " + file + " after an unclean stop", e);
        }
    }

    /**
     * Deletes the copy an earlier rebuild kept, once it is older than {@code maxAge}; returns whether it did. Its age
     * is that of its last write, which was the app's last write before the unclean stop.
     */
    public static boolean deleteKeptCopy(Path base, java.time.Duration maxAge, java.time.Instant now) {
        Path kept = withSuffix(withSuffix(base, KEPT_SUFFIX), FILE_SUFFIX);
        try {
            if (!Files.exists(kept)
                    || Files.getLastModifiedTime(kept).toInstant().plus(maxAge).isAfter(now)) {
                return false;
            }
            Files.delete(kept);
            log.info("Deleted {}, kept since a rebuild after an unclean stop", kept.getFileName());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + kept, e);
        }
    }

    /** Whether H2 wrote its clean-close mark into the file's header (the first block, plain text). */
    static boolean closedCleanly(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        String header = new String(head, StandardCharsets.ISO_8859_1);
        int end = header.indexOf('\n');
        String first = end < 0 ? header : header.substring(0, end);
        if (!first.startsWith("H:")) {
            return true; // not a header this class understands: leave the file to H2
        }
        for (String field : first.split(",")) {
            if (field.equals("clean:1")) {
                return true;
            }
        }
        return false;
    }

    private static void execute(Path base, String user, String password, String sql) {
        // no WRITE_DELAY: the rebuild's own close writes everything and marks the file clean
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + base, user, password);
             var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not rebuild the H2 database " + base + ": " + e.getMessage(), e);
        }
    }

    private static Path withSuffix(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    private static String quoted(Path path) {
        return path.toString().replace("'", "''");
    }
}
