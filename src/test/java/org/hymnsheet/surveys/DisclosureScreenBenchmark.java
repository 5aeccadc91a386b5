package org.hymnsheet.surveys;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hymnsheet.bench.BenchResults;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long screening one answer takes, indicator list and meaning model together, as {@code ResponseService} runs it
 * for every free-text answer saved. The answers are the evidence sets (training and held-out: 4,300 real-length
 * answers from one word to a paragraph) plus long answers cut from them, each screened once after a warm-up.
 * Run: {@code ./mvnw -Pbench test -Dtest=DisclosureScreenBenchmark}; figures in bench/results/disclosure-screen.md.
 */
@Tag("bench")
class DisclosureScreenBenchmark {

    @Test
    void screening_one_answer_with_list_and_model() throws IOException {
        DisclosureHeldOutTest.load();
        DisclosureScreen screen = DisclosureHeldOutTest.screen;
        List<String> answers = new ArrayList<>();
        DisclosureModelTraining.trainingSet().forEach(e -> answers.add(e.text()));
        for (String set : List.of("set-a", "set-b")) {
            DisclosureEvidence.load("safeguarding/heldout/" + set + ".tsv").forEach(e -> answers.add(e.text()));
        }
        List<String> longAnswers = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        for (String a : answers) {
            joined.append(a).append(a.endsWith(".") ? " " : ". ");
            if (joined.length() >= 1000) {
                longAnswers.add(joined.substring(0, 1000));
                joined.setLength(0);
                if (longAnswers.size() == 100) {
                    break;
                }
            }
        }
        for (int i = 0; i < 300; i++) {
            screen.screen(answers.get(i), "en");
        }
        StringBuilder out = new StringBuilder("""
                Screening one free-text answer as the app does (indicator list, then the bge-small-en-v1.5 model over
                the answer's windows, in the saving thread). Single thread; each answer screened once after 300
                warm-up answers.

                | answers | n | mean ms | p50 ms | p95 ms | p99 ms | max ms |
                |---|---|---|---|---|---|---|
                """);
        out.append(row("evidence sets (1 word to a paragraph)", time(screen, answers)));
        out.append(row("1,000-character answers", time(screen, longAnswers)));
        BenchResults.write("disclosure-screen", out.toString());
    }

    private static long[] time(DisclosureScreen screen, List<String> answers) {
        long[] nanos = new long[answers.size()];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            screen.screen(answers.get(i), "en");
            nanos[i] = System.nanoTime() - t;
        }
        return nanos;
    }

    private static String row(String what, long[] nanos) {
        double mean = java.util.Arrays.stream(nanos).average().orElse(0) / 1e6;
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", what, nanos.length, mean,
                BenchResults.percentile(nanos, 50), BenchResults.percentile(nanos, 95), BenchResults.percentile(nanos, 99),
                BenchResults.percentile(nanos, 100));
    }
}
