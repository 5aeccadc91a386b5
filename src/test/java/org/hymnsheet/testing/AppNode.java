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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The application as a separate JVM process on a PostgreSQL database (or its default H2 file database), for tests that need more than one app node
 * (two processes sharing one database) or a real restart (a new process, nothing kept in memory).
 *
 * <pre>{@code
 * NodeDatabase db = NodeDatabase.fresh("two_nodes");
 * try (AppNode a = AppNode.on("a", db).withDemoData(); AppNode b = AppNode.on("b", db)) {
 *     AppNode.startAll(a, b);                 // in parallel; each waits until it reports ready
 *     ... a.baseUrl(), b.baseUrl() ...
 *     b.restart();                            // same port, new process
 * }
 * }</pre>
 *
 * <p>The node runs the test JVM's classpath (the compiled app with its production frontend bundle, and the test
 * overrides from {@code config/application.properties}) with the {@code postgres} profile, a free port on
 * {@code localhost} and the project's {@code workshops/} templates. Its output goes to
 * {@code target/nodes/<name>.log}, appended to on every restart; a failed start quotes the end of it.
 *
 * <p>No node outlives the test JVM: {@link #close()} stops it, a shutdown hook stops any a test left running, and
 * if the test JVM is killed outright the node notices its standard input close and exits ({@link AppNodeMain}).
 * Each node keeps its own sessions in memory: sign in to each one separately, in a browser context of its own
 * (cookies are per host, not per port), and again after a restart.
 */
public final class AppNode implements AutoCloseable {
    /** The demo partnership that {@link #withDemoData()} loads (see the app's {@code DemoData}). */
    public static final class Demo {
        public static final String PASSWORD = "demo password for node tests";
        public static final String PARTNERSHIP = "Riverside Safeguarding Partnership (demo)";
        public static final String ADMIN = "admin@riverside.example";
        public static final String FACILITATOR = "facilitator@riverside.example";
        public static final String LEAD = "lead@riverside.example";
        public static final String SAFEGUARDING_LEAD = "safeguarding@riverside.example";

        private Demo() {}
    }

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final Path NODES = PROJECT.resolve("target").resolve("nodes");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Set<Integer> PORTS_GIVEN = new HashSet<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AppNode::killLeftovers, "app-node-cleanup"));
    }

    private final String name;
    private final NodeDatabase database;
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"));
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Path log;
    private int port;
    private Process process;
    private boolean started;
    private boolean everReady;
    private int portClashes;
    private long startedAt;
    private Duration lastStartTime;

    private AppNode(String name, NodeDatabase database) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("A node name is used as a file name: " + name);
        }
        this.name = name;
        this.database = database;
        this.log = NODES.resolve(name + ".log");
    }

    /** A node named for its log file, not started yet. */
    public static AppNode on(String name, NodeDatabase database) {
        return new AppNode(name, database);
    }

    /**
     * Loads the app's demo partnership when this node starts, with {@link Demo#PASSWORD} for all its accounts:
     * nine agencies, eight places, and an administrator, facilitator, lead and safeguarding lead (see
     * {@link Demo}). Give it to one node only: two nodes loading it at the same moment would both try.
     */
    public AppNode withDemoData() {
        return withArguments("--hymnsheet.demo=true", "--hymnsheet.demo.password=" + Demo.PASSWORD);
    }

    /**
     * More command-line arguments for the app, for example {@code --hymnsheet.kiosk.idle-seconds=5}. They win over
     * everything else, including the node's defaults set through the environment (such as its pool size of 5),
     * but Spring joins a property given twice on the command line with a comma, so give each one once.
     */
    public AppNode withArguments(String... more) {
        requireNotStarted();
        arguments.addAll(List.of(more));
        return this;
    }

    /** More options for the node's JVM, for example {@code -Xmx768m} (a later one wins). */
    public AppNode withJvmOptions(String... more) {
        requireNotStarted();
        jvmOptions.addAll(List.of(more));
        return this;
    }

    public AppNode withEnvironment(String variable, String value) {
        requireNotStarted();
        environment.put(variable, value);
        return this;
    }

    /** Starts the node and waits until it is ready, at most two minutes. */
    public AppNode start() {
        launch();
        awaitReady();
        return this;
    }

    /** Starts all the nodes at once, then waits for each: two nodes start in little more than the time of one. */
    public static void startAll(AppNode... nodes) {
        for (AppNode node : nodes) {
            node.launch();
        }
        for (AppNode node : nodes) {
            node.awaitReady();
        }
    }

    /**
     * Starts the process without waiting; {@link #awaitReady()} waits. The first start takes a free port; every
     * later start keeps it, so browsers and other nodes find the node at the same address after a restart.
     */
    public synchronized void launch() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(NODES);
            if (!started) {
                port = freePort();
                if (!everReady && portClashes == 0) {
                    Files.deleteIfExists(log);
                }
            }
            Path argFile = NODES.resolve(name + ".args");
            // the classpath goes in an argument file: a few hundred jars can pass the limit of one argument
            Files.writeString(argFile, "-cp " + quoted(classpath()) + "\n", StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("@" + argFile);
            command.add(AppNodeMain.class.getName());
            command.add("--vaadin.launch-browser=false");
            // the build's production-mode marker (flow-build-info.json) is deleted when Maven exits, so a run
            // from an IDE would look for the dev server; the production bundle itself stays in target/classes
            command.add("--vaadin.productionMode=true");
            // readiness comes after ApplicationRunners (the demo data); /actuator/health alone says UP before
            command.add("--management.endpoint.health.probes.enabled=true");
            command.addAll(arguments);
            var builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("HYMNSHEET_")
                    || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
            if (database.postgres()) {
                env.put("SPRING_PROFILES_ACTIVE", "postgres");
                env.put("DB_URL", database.jdbcUrl());
                env.put("DB_USER", database.user());
                env.put("DB_PASSWORD", database.password());
                env.put("HYMNSHEET_DATA_DIR", NODES.resolve(name + "-data").toString());
            } else {
                // the default profile: the embedded H2 file database in the data folder, as README's run command
                env.put("HYMNSHEET_DATA_DIR", database.h2DataDir().toString());
            }
            env.put("PORT", String.valueOf(port));
            env.put("HYMNSHEET_TEMPLATES_DIR", PROJECT.resolve("workshops").toString());
            // every node holds its whole pool open; the embedded PostgreSQL's 300 connections are shared with the
            // test JVM's cached contexts. A command-line argument still overrides this (one given twice would not)
            env.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "5");
            env.putAll(environment);
            Files.writeString(log, "%n=== %s: starting on port %d ===%n".formatted(name, port),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            startedAt = System.nanoTime();
            process = builder.start();
            RUNNING.add(process);
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start node " + name, e);
        }
    }

    /** Waits until the node reports ready ({@code /actuator/health/readiness} UP), at most two minutes. */
    public void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null) {
                throw new IllegalStateException(name + " was never launched");
            }
            if (!p.isAlive()) {
                RUNNING.remove(p);
                process = null;
                if (!everReady && logTail(40).contains("already in use") && portClashes++ < 3) {
                    // another process took the port between choosing and binding it: choose again
                    started = false;
                    launch();
                    continue;
                }
                throw new IllegalStateException("Node " + name + " exited with code " + p.exitValue()
                        + " while starting; the end of " + log + ":\n" + logTail(80));
            }
            if (ready()) {
                lastStartTime = Duration.ofNanos(System.nanoTime() - startedAt);
                everReady = true;
                appendToLog("=== %s: ready on port %d after %d ms ===".formatted(name, port, lastStartTime.toMillis()));
                return;
            }
            sleep(250);
        }
        String tail = logTail(80);
        stop();
        throw new IllegalStateException("Node " + name + " was not ready within " + START_TIMEOUT.toSeconds()
                + " s; the end of " + log + ":\n" + tail);
    }

    private boolean ready() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for node " + name, e);
        }
    }

    /**
     * Stops the node gracefully (SIGTERM, so Spring closes the way it would in production), waiting up to 30 s
     * before killing it. Does nothing if it is not running.
     */
    public synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    appendToLog("=== %s: did not stop within %d s; killed ===".formatted(name, STOP_TIMEOUT.toSeconds()));
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            appendToLog("=== %s: stopped ===".formatted(name));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(p);
            process = null;
        }
    }

    /**
     * Kills the node outright (SIGKILL, as {@code kill -9}): no shutdown hook runs and nothing in its memory reaches
     * the database or the disk any more. Does nothing if it is not running.
     */
    public synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            appendToLog("=== %s: killed (SIGKILL) ===".formatted(name));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(p);
            process = null;
        }
    }

    /** Stops the node and starts a new process on the same port and database, waiting until it is ready. */
    public void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    /** The port, taken at the first {@link #launch()} and kept across restarts. */
    public int port() {
        if (!started) {
            throw new IllegalStateException(name + " has no port before its first start");
        }
        return port;
    }

    /** For example {@code http://localhost:41234}. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public String url(String path) {
        return baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    /** The operating system's id of the running process. */
    public long pid() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return p.pid();
    }

    /** How long the last start took, from launching the process to ready. */
    public Duration lastStartTime() {
        return lastStartTime;
    }

    public Path log() {
        return log;
    }

    /** The last lines of the node's log, for a failure message. */
    public String logTail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read the log: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return "AppNode[" + name + (started ? " on " + port : "") + (isRunning() ? ", running" : "") + "]";
    }

    private void requireNotStarted() {
        if (started) {
            throw new IllegalStateException("Configure " + name + " before its first start");
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is for diagnosis only
        }
    }

    /** Surefire runs tests from a small manifest-only jar; the real classpath is in its own property. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * A port nothing listens on now and that no other node of this JVM was given. Another process could still
     * take it before the node binds it; the node's start then fails with "Port ... is already in use" in its log.
     */
    private static int freePort() throws IOException {
        synchronized (PORTS_GIVEN) {
            for (int attempt = 0; attempt < 50; attempt++) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    int candidate = socket.getLocalPort();
                    if (PORTS_GIVEN.add(candidate)) {
                        return candidate;
                    }
                }
            }
            throw new IOException("No free port found");
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

    /** Last resort when the test JVM exits: no node outlives it, whatever a test forgot to close. */
    private static void killLeftovers() {
        for (Process p : RUNNING) {
            p.destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Process p : RUNNING) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }
}
