package org.hymnsheet.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the crash test's clients ({@link CrashLoad}) wrote down over every run in a folder: the responses acknowledged
 * as submitted, the needs sent (with their phone) and the needs acknowledged. A line cut by the kill is ignored.
 */
record CrashLog(Set<String> submitted, Map<String, Integer> sentNeeds, Set<String> acknowledgedNeeds) {

    static CrashLog read(Path dir) {
        Set<String> submitted = new LinkedHashSet<>();
        Map<String, Integer> sent = new LinkedHashMap<>();
        Set<String> acknowledged = new LinkedHashSet<>();
        try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("acks-")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.lastIndexOf('\n');
                for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
                    String[] parts = line.split(" ");
                    switch (parts[0]) {
                        case "S" -> submitted.add(parts[1]);
                        case "n" -> sent.put(parts[2], Integer.parseInt(parts[1]));
                        case "N" -> acknowledged.add(parts[1]);
                        default -> throw new IllegalStateException("Unknown line in " + file + ": " + line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrashLog(submitted, sent, acknowledged);
    }

    /** Needs sent and never acknowledged, with the phone that sent each, in the order they were sent. */
    Map<String, Integer> unacknowledgedNeeds() {
        Map<String, Integer> open = new LinkedHashMap<>(sentNeeds);
        open.keySet().removeAll(acknowledgedNeeds);
        return open;
    }

    int acknowledged() {
        return submitted.size() + acknowledgedNeeds.size();
    }
}
