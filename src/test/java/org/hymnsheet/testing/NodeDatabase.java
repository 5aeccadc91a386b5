package org.hymnsheet.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * A PostgreSQL database that several {@link AppNode}s share, with direct jOOQ access for a test that needs to
 * seed rows the UI cannot make or to check what the nodes stored. The schema belongs to the nodes: the first
 * node to start runs Flyway on it, so use {@link #query} only after a node is up.
 *
 * <p>Or the app's default set-up, an H2 file database in a data folder ({@link #h2File}), for one node at a
 * time; the node holds the file while it runs, so {@link #query} it only while no node is running.
 *
 * @param h2DataDir the data folder of an H2 file database, or null for PostgreSQL
 */
public record NodeDatabase(String jdbcUrl, String user, String password, Path h2DataDir) {

    /**
     * An empty database of its own in the test JVM's embedded PostgreSQL 17 (dropped and created again if a
     * previous run left one behind). The name must be a plain lower-case SQL identifier.
     */
    public static NodeDatabase fresh(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        return new NodeDatabase(EmbeddedPostgresInitializer.freshDatabase(name), "postgres", "", null);
    }

    /** The app's embedded default: an H2 file database in this data folder (emptied first), as a fresh install has. */
    public static NodeDatabase h2File(Path dataDir) {
        try {
            if (Files.exists(dataDir)) {
                try (var files = Files.walk(dataDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path dir = dataDir.toAbsolutePath();
        return new NodeDatabase("jdbc:h2:file:" + dir.resolve("hymnsheet"), "sa", "", dir);
    }

    public boolean postgres() {
        return h2DataDir == null;
    }

    /** Runs the work on a connection of its own, committed when it returns, the way the app's jOOQ renders SQL. */
    public <T> T query(Function<DSLContext, T> work) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            return work.apply(DSL.using(connection, postgres() ? SQLDialect.POSTGRES : SQLDialect.H2,
                    new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach " + jdbcUrl, e);
        }
    }

    public void execute(Consumer<DSLContext> work) {
        query(db -> {
            work.accept(db);
            return null;
        });
    }
}
