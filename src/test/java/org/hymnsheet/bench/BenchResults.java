package org.hymnsheet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a benchmark's figures to bench/results/, with the machine they were measured on: the whole report as
 * {@code <name>.md}, and its headline figures one per line in {@code figures/<name>.properties}, from which
 * {@code bench/Summary.java} assembles the summary table.
 */
public final class BenchResults {
    private BenchResults() {}

    public static void write(String name, String body) {
        Path dir = resultsDir();
        String header = "# " + name + "\n\nmeasured " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                + " on " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, Java " + System.getProperty("java.version")
                + "\n\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".md"), header + body, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(header + body);
    }

    /**
     * Records one headline figure in {@code figures/<name>.properties} (replacing the key's earlier value), with the
     * time it was measured as {@code measured}; the other keys of the file are kept.
     */
    public static synchronized void figure(String name, String key, double value) {
        Path file = resultsDir().resolve("figures").resolve(name + ".properties");
        try {
            Map<String, String> figures = new LinkedHashMap<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    int equals = line.indexOf('=');
                    if (equals > 0 && !line.startsWith("#")) {
                        figures.put(line.substring(0, equals), line.substring(equals + 1));
                    }
                }
            }
            figures.put("measured", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            figures.put(key, String.format(Locale.ROOT, "%.3f", value));
            StringBuilder text = new StringBuilder();
            figures.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resultsDir() {
        return Path.of(System.getProperty("bench.results", "target/bench-results"));
    }

    public static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }
}
