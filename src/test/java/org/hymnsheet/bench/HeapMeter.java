package org.hymnsheet.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/** This JVM's heap in use after full collections, and its live objects by class, for the memory benchmarks. */
final class HeapMeter {
    private HeapMeter() {}

    /** Heap in use after five full collections 300 ms apart (in bytes). */
    static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The live-object class histogram of this JVM (the GC.class_histogram diagnostic command, which collects first): class → {instances, bytes}. */
    static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> rows = new HashMap<>();
        for (String line : text.split("\\R")) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 4 && cells[0].endsWith(":")) {
                rows.put(cells[3], new long[] {Long.parseLong(cells[1]), Long.parseLong(cells[2])});
            }
        }
        return rows;
    }

    /** Markdown rows of the 25 classes that grew most from {@code before} to {@code after}, per one of {@code pages}. */
    static String perPageRows(Map<String, long[]> before, Map<String, long[]> after, int pages) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {
                        e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                        e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(25)
                .map(e -> "| `%s` | %.1f | %.0f |".formatted(e.getKey(), e.getValue()[0] / (double) pages,
                        e.getValue()[1] / (double) pages))
                .collect(Collectors.joining("\n"));
    }
}
