package org.hymnsheet.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server of one test's own (binaries from Maven Central), which the test may stop and start again on
 * the same data folder and port, as an operator restarting the database under a running app would. Unlike
 * {@link EmbeddedPostgresInitializer}'s server, nothing else in the test JVM uses it.
 */
public final class RestartablePostgres implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A new server on an empty data folder under {@code target/}; stopped when the test JVM exits. */
    public static RestartablePostgres start(String name) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "postgres")), name);
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var postgres = new RestartablePostgres(dir, port);
            postgres.startAgain();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Stops the server (a fast shutdown: open connections are cut, committed data stays). */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop PostgreSQL", e);
            } finally {
                server = null;
            }
        }
    }

    /** Starts the server again on the same data folder and port. */
    public synchronized void startAgain() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
