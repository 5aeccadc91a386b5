package org.hymnsheet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy as a child process of the test, in front of two {@link AppNode}s, with the project's own configuration
 * ({@code deploy/haproxy/hymnsheet.cfg}) after a small global section for a foreground process
 * ({@code src/test/resources/haproxy/loopback-global.cfg}). Everything listens on free loopback ports: TLS for the
 * browsers, plain HTTP that only redirects, and HAProxy's status page, read here to know which nodes it
 * believes are up. Its log goes to {@code target/nodes/haproxy.log}.
 *
 * <pre>{@code
 * HaProxy proxy = HaProxy.prepare(certificate);          // ports chosen, nothing started
 * AppNode a = AppNode.on("a", db).withEnvironment("HYMNSHEET_PUBLIC_URL", proxy.publicUrl()) ...
 * proxy.start(a, b);                                     // after the nodes are up
 * proxy.awaitStatus("a", "UP", Duration.ofSeconds(20));
 * }</pre>
 */
public final class HaProxy implements AutoCloseable {
    /** The backend and the config's node names, as in {@code deploy/haproxy/hymnsheet.cfg}. */
    public static final String BACKEND = "hymnsheet_nodes";
    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final Path CONFIG = PROJECT.resolve("deploy/haproxy/hymnsheet.cfg");
    private static final Path GLOBAL = PROJECT.resolve("src/test/resources/haproxy/loopback-global.cfg");
    private static final Path LOG = PROJECT.resolve("target/nodes/haproxy.log");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path certificate;
    private final String executable;
    private final int httpsPort;
    private final int httpPort;
    private final int statsPort;
    private Process process;

    private HaProxy(Path certificate, String executable, int httpsPort, int httpPort, int statsPort) {
        this.certificate = certificate;
        this.executable = executable;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
        this.statsPort = statsPort;
    }

    /**
     * Chooses the ports; starts nothing. The certificate is one PEM file with the certificate and its key. The
     * executable is {@code haproxy} on the PATH unless the system property {@code haproxy.path} names another.
     */
    public static HaProxy prepare(Path certificate) {
        if (!Files.isReadable(certificate)) {
            throw new IllegalStateException("No certificate at " + certificate + " (scripts/two-nodes makes one)");
        }
        int[] ports = freePorts(3);
        return new HaProxy(certificate.toAbsolutePath(), System.getProperty("haproxy.path", "haproxy"),
                ports[0], ports[1], ports[2]);
    }

    /** The address browsers use, for example {@code https://localhost:41234}. */
    public String publicUrl() {
        return "https://localhost:" + httpsPort;
    }

    /** The plain-HTTP address, which only redirects to {@link #publicUrl()}. */
    public String plainUrl() {
        return "http://localhost:" + httpPort;
    }

    /** HAProxy's version line, e.g. "HAProxy version 2.6.12-1+deb12u4 2026/10/17". */
    public String version() {
        try {
            Process p = new ProcessBuilder(executable, "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("?").replace(" - https://haproxy.org/", "").strip();
        } catch (IOException e) {
            throw new IllegalStateException("HAProxy is not installed (scripts/two-nodes installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Checks the configuration ({@code haproxy -c}), then starts HAProxy in front of the two nodes. */
    public void start(AppNode a, AppNode b) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HYMNSHEET_PUBLIC_URL", publicUrl());
        env.put("HYMNSHEET_HTTPS_BIND", "127.0.0.1:" + httpsPort);
        env.put("HYMNSHEET_HTTP_BIND", "127.0.0.1:" + httpPort);
        env.put("HYMNSHEET_STATS_BIND", "127.0.0.1:" + statsPort);
        env.put("HYMNSHEET_TLS_CERT", certificate.toString());
        env.put("HYMNSHEET_NODE_A", "127.0.0.1:" + a.port());
        env.put("HYMNSHEET_NODE_B", "127.0.0.1:" + b.port());
        try {
            Files.createDirectories(LOG.getParent());
            Process check = command(env, "-c").redirectErrorStream(true).start();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
                throw new IllegalStateException("HAProxy refused its configuration:\n" + said);
            }
            Files.writeString(LOG, "=== haproxy: https " + httpsPort + ", http " + httpPort + ", stats " + statsPort
                    + ", nodes a " + a.port() + " and b " + b.port() + " ===\n", StandardCharsets.UTF_8);
            // -db: stay in the foreground, so the process is ours to stop
            process = command(env, "-db").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile())).start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "haproxy-cleanup"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start HAProxy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder command(Map<String, String> env, String mode) {
        List<String> command = new ArrayList<>(List.of(executable, mode, "-f", GLOBAL.toString(), "-f", CONFIG.toString()));
        var builder = new ProcessBuilder(command).directory(PROJECT.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("HYMNSHEET_"));
        builder.environment().putAll(env);
        return builder;
    }

    /** What HAProxy's status page says of a node now ("UP", "DOWN", "UP 1/2", "DOWN 1/2", ...), or "?" before it answers. */
    public String status(String server) {
        return servers().getOrDefault(server, "?");
    }

    /** Every node of the backend with its status, from the status page's CSV. */
    public Map<String, String> servers() {
        Map<String, String> result = new LinkedHashMap<>();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            List<String> lines = response.body().lines().toList();
            if (lines.isEmpty() || !lines.getFirst().startsWith("# ")) {
                return result;
            }
            List<String> columns = Arrays.asList(lines.getFirst().substring(2).split(","));
            int px = columns.indexOf("pxname");
            int sv = columns.indexOf("svname");
            int st = columns.indexOf("status");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length > st && cells[px].equals(BACKEND) && !cells[sv].equals("BACKEND")) {
                    result.put(cells[sv], cells[st]);
                }
            }
        } catch (IOException e) {
            // not listening yet, or gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return result;
    }

    /** Waits until HAProxy gives the node exactly this status; returns how long that took. */
    public Duration awaitStatus(String server, String wanted, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = "?";
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("HAProxy exited with " + process.exitValue() + "; see " + LOG);
            }
            last = status(server);
            if (last.equals(wanted)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            sleep(50);
        }
        throw new IllegalStateException("HAProxy says node " + server + " is " + last + ", not " + wanted + ", after "
                + timeout.toSeconds() + " s; see " + LOG);
    }

    @Override
    public synchronized void close() {
        Process p = process;
        if (p == null) {
            return;
        }
        process = null;
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // only held to keep the ports apart
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
