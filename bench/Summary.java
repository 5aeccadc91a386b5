import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Assembles the benchmarks' headline figures (bench/results/figures/*.properties, written by BenchResults.figure)
 * into one table, prints it and writes it to bench/results/summary.md with the date, the machine and the command.
 * bench/run runs it with the JDK the build used:
 * {@code java bench/Summary.java [--since <instant>] [--command <text>] [--results <dir>]}.
 * With --since, a figure measured before that instant counts as not measured in this run.
 */
public class Summary {
    private final Map<String, Map<String, String>> files = new TreeMap<>();
    private final Instant since;
    private final List<String> stale = new ArrayList<>();

    Summary(Path figures, Instant since) throws IOException {
        this.since = since;
        if (Files.isDirectory(figures)) {
            try (Stream<Path> list = Files.list(figures)) {
                for (Path file : list.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String line : Files.readAllLines(file)) {
                        int equals = line.indexOf('=');
                        if (equals > 0 && !line.startsWith("#")) {
                            values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                        }
                    }
                    files.put(file.getFileName().toString().replace(".properties", ""), values);
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path results = Path.of(options.getOrDefault("--results", "bench/results"));
        Instant since = options.containsKey("--since") ? Instant.parse(options.get("--since")) : Instant.EPOCH;
        String command = options.getOrDefault("--command", "bench/run");
        Summary summary = new Summary(results.resolve("figures"), since);
        String text = summary.document(command);
        Files.createDirectories(results);
        Files.writeString(results.resolve("summary.md"), text);
        System.out.println(text);
    }

    String document(String command) {
        String table = table();
        StringBuilder s = new StringBuilder("# Benchmark summary\n\n");
        s.append("Date: ").append(LocalDate.now());
        if (!since.equals(Instant.EPOCH)) {
            Duration took = Duration.between(since, Instant.now());
            s.append(String.format(Locale.ROOT, " (run started %s, took %d min)", since, took.toMinutes()));
        }
        s.append("  \nMachine: ").append(machine()).append("  \nCommand: `").append(command).append("`\n\n");
        s.append(table);
        s.append("""

                Saves: `SaveVersusInsertBenchmark`, 50 clients saving answers without free text through \
                `ResponseService.save`, against 50 clients inserting single rows over JDBC into the same database in \
                the same run (H2 file; PostgreSQL 17 embedded on the same machine). Board: `BoardLatencyBenchmark`, \
                Chromium pages, time from a phone's Save click to the board page's DOM change. Findings: \
                `FindingsBenchmark`, every group of panels for one partnership under three filters, cold and warm. \
                Heap: `IdlePageHeapBenchmark`, kiosk pages opened over plain HTTP (H2 in memory). Cold start: \
                `ColdStartBenchmark`, a new process on an emptied H2 file database. Lighthouse: `LighthouseBenchmark`, \
                Lighthouse 12.2.3 with Debian's Chromium, default mobile run, one untimed run then three per page \
                (H2 in memory). Method and every figure: \
                bench/README.md and the other files in bench/results/.
                """);
        s.append("\n–: measured on H2 only: an idle page's heap and a page's speed in the browser do not depend on "
                + "the database, and a new installation starts on its H2 file.\n");
        if (!stale.isEmpty()) {
            s.append("\nNot measured in this run (shown as \"not run\"): ").append(String.join(", ", stale))
                    .append(".\n");
        }
        return s.toString();
    }

    String table() {
        String h2Board = board("board-latency-h2");
        String pgBoard = board("board-latency-postgresql");
        int phones = phones();
        StringBuilder t = new StringBuilder("| figure | H2 | PostgreSQL |\n|---|---|---|\n");
        row(t, "survey answer saves per second, 50 clients (p95)",
                saves("save-versus-insert-h2-file"), saves("save-versus-insert-postgresql"));
        row(t, "single-row inserts per second, same database, same run",
                number("save-versus-insert-h2-file", "inserts_per_s", "%,.0f"),
                number("save-versus-insert-postgresql", "inserts_per_s", "%,.0f"));
        row(t, "**saves ÷ inserts**",
                number("save-versus-insert-h2-file", "saves_to_inserts_percent", "**%.0f %%**"),
                number("save-versus-insert-postgresql", "saves_to_inserts_percent", "**%.0f %%**"));
        row(t, "board latency at %d phones, one action, p95 (first answers · changed positions)".formatted(phones),
                h2Board, pgBoard);
        row(t, "board latency at %d phones, bursts of 10 at one instant, p95".formatted(phones),
                number("board-latency-h2", "n" + phones + ".burst_p95_ms", "%,.0f ms"),
                number("board-latency-postgresql", "n" + phones + ".burst_p95_ms", "%,.0f ms"));
        row(t, "findings at %s answers: slowest group of panels · whole page".formatted(answers()),
                findings("findings-h2-file"), findings("findings-postgresql"));
        String[] heap = heap();
        row(t, "heap per idle survey page, %s (H2 in memory)".formatted(heap[0]), heap[1], "–");
        row(t, "Lighthouse, mobile, median of 3 runs: performance (`/join` · `/w/{code}` · `/s/{token}` · `/k/{token}`); "
                + "lowest accessibility", lighthouse(), "–");
        row(t, "cold start to first page, median of %s starts (new installation, H2 file)".formatted(
                number("cold-start", "starts", "%.0f").replace("not run", "3")),
                number("cold-start", "median_s", "%.1f s"), "–");
        return t.toString();
    }

    private static void row(StringBuilder t, String figure, String h2, String postgres) {
        t.append("| ").append(figure).append(" | ").append(h2).append(" | ").append(postgres).append(" |\n");
    }

    private String saves(String file) {
        return both(number(file, "saves_per_s", "%,.0f"), number(file, "save_p95_ms", "%.0f ms"), "%s (%s)");
    }

    private String board(String file) {
        int n = phones();
        return both(number(file, "n" + n + ".first_p95_ms", "%,.0f"),
                number(file, "n" + n + ".changed_p95_ms", "%,.0f ms"), "%s · %s");
    }

    private String lighthouse() {
        List<String> scores = Stream.of("join", "wcode", "stoken", "ktoken")
                .map(page -> number("lighthouse", page + ".performance_median", "%.0f")).toList();
        String accessibility = current("lighthouse").map(values -> Stream.of("join", "wcode", "stoken", "ktoken")
                .map(page -> values.get(page + ".accessibility_lowest")).filter(v -> v != null)
                .mapToDouble(Double::parseDouble).min()).filter(java.util.OptionalDouble::isPresent)
                .map(min -> String.format(Locale.ROOT, "%.0f", min.getAsDouble())).orElse("not run");
        return String.join(" · ", scores) + "; " + accessibility;
    }

    private String findings(String file) {
        return both(number(file, "slowest_group_ms", "%,.0f"), number(file, "page_ms", "%,.0f ms"), "%s · %s");
    }

    /** KiB per page between consecutive steps of heap_mib_at_N, e.g. "0 → 500 · 500 → 1,000 pages" and "61 · 60 KiB". */
    private String[] heap() {
        Optional<Map<String, String>> values = current("idle-page-heap");
        if (values.isEmpty()) {
            return new String[] {"0 → 500 · 500 → 1,000 pages", "not run"};
        }
        TreeMap<Integer, Double> steps = new TreeMap<>();
        values.get().forEach((k, v) -> {
            if (k.startsWith("heap_mib_at_")) {
                steps.put(Integer.valueOf(k.substring("heap_mib_at_".length())), Double.valueOf(v));
            }
        });
        List<String> spans = new ArrayList<>();
        List<String> perPage = new ArrayList<>();
        Map.Entry<Integer, Double> previous = null;
        for (var step : steps.entrySet()) {
            if (previous != null) {
                spans.add(String.format(Locale.ROOT, "%,d → %,d", previous.getKey(), step.getKey()));
                perPage.add(String.format(Locale.ROOT, "%.0f", (step.getValue() - previous.getValue()) * 1024
                        / (step.getKey() - previous.getKey())));
            }
            previous = step;
        }
        return new String[] {String.join(" · ", spans) + " pages", String.join(" · ", perPage) + " KiB"};
    }

    private static String both(String first, String second, String format) {
        return first.equals("not run") || second.equals("not run") ? "not run" : format.formatted(first, second);
    }

    private String number(String file, String key, String format) {
        return current(file).map(values -> values.get(key))
                .map(v -> String.format(Locale.ROOT, format, Double.parseDouble(v))).orElse("not run");
    }

    /** A figures file measured in this run. */
    private Optional<Map<String, String>> current(String file) {
        Map<String, String> values = files.get(file);
        if (values == null || !values.containsKey("measured")
                || Instant.parse(values.get("measured")).isBefore(since)) {
            if (!stale.contains(file)) {
                stale.add(file);
            }
            return Optional.empty();
        }
        return Optional.of(values);
    }

    /** The largest room the board benchmarks measured in this run (60 by default). */
    private int phones() {
        return Stream.of("board-latency-h2", "board-latency-postgresql").map(files::get).filter(v -> v != null)
                .flatMap(v -> v.keySet().stream()).filter(k -> k.matches("n\\d+\\..*"))
                .mapToInt(k -> Integer.parseInt(k.substring(1, k.indexOf('.')))).max().orElse(60);
    }

    private String answers() {
        return Stream.of("findings-h2-file", "findings-postgresql").map(files::get).filter(v -> v != null)
                .map(v -> v.get("answers")).filter(v -> v != null).findFirst()
                .map(v -> String.format(Locale.ROOT, "%,.0f", Double.parseDouble(v))).orElse("1,000,000");
    }

    private static String machine() {
        String cpu = read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        String memory = read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0))
                .findFirst().orElse("unknown");
        String load = read("/proc/loadavg").trim();
        return String.format(Locale.ROOT, "%d cores (%s), %s memory, %s %s, Java %s (%s)%s",
                Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), load.isEmpty() ? ""
                        : "; load average at the end (1, 5, 15 min): " + String.join(", ",
                        List.of(load.split("\\s+")).subList(0, 3)));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
