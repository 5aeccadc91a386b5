package org.hymnsheet.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Measures the shipped indicator file on the two evidence sets: the share of written disclosures it flags
 * (detection rate) and the share of ordinary answers it flags (false-positive rate), and writes both to
 * target/disclosure-evaluation.txt. bench/disclosure-evaluation.md records the figures.
 */
class DisclosureEvaluationTest {
    static final double MIN_DETECTION = 0.95;
    static final double MAX_FALSE_POSITIVES = 0.05;

    static DisclosureDetector detector;
    static List<String> disclosures;
    static List<String> ordinary;

    @BeforeAll
    static void load() throws IOException {
        detector = DisclosureDetector.of(
                DisclosureIndicators.load(new ClassPathResource("safeguarding/disclosure-indicators.yaml")));
        disclosures = answers("safeguarding/disclosures.txt");
        ordinary = answers("safeguarding/ordinary-answers.txt");
    }

    /** One answer a line; blank lines and lines starting with # are not answers. */
    static List<String> answers(String resource) throws IOException {
        try (InputStream in = DisclosureEvaluationTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void detection_and_false_positive_rates_hold_on_the_evidence_sets() throws IOException {
        assertThat(disclosures).hasSizeGreaterThanOrEqualTo(80);
        assertThat(ordinary).hasSizeGreaterThanOrEqualTo(150);

        List<String> missed = disclosures.stream().filter(a -> !detector.check(a).flagged()).toList();
        List<String> falsePositives = ordinary.stream().filter(a -> detector.check(a).flagged())
                .map(a -> a + "  <- " + detector.check(a).matchedIndicators()).toList();
        int detected = disclosures.size() - missed.size();
        double detection = (double) detected / disclosures.size();
        double falsePositiveRate = (double) falsePositives.size() / ordinary.size();

        StringBuilder report = new StringBuilder();
        report.append("Disclosure detector evaluation, ").append(LocalDate.now()).append('\n');
        report.append(String.format(Locale.ROOT, "detection: %d of %d disclosures flagged = %.1f%%%n",
                detected, disclosures.size(), 100 * detection));
        report.append(String.format(Locale.ROOT, "false positives: %d of %d ordinary answers flagged = %.1f%%%n",
                falsePositives.size(), ordinary.size(), 100 * falsePositiveRate));
        report.append(speed());
        report.append("missed disclosures:\n");
        missed.forEach(m -> report.append("  ").append(m).append('\n'));
        report.append("ordinary answers flagged:\n");
        falsePositives.forEach(f -> report.append("  ").append(f).append('\n'));
        System.out.print(report);
        Path out = Path.of("target", "disclosure-evaluation.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertThat(detection).as("detection rate").isGreaterThanOrEqualTo(MIN_DETECTION);
        assertThat(falsePositiveRate).as("false-positive rate").isLessThanOrEqualTo(MAX_FALSE_POSITIVES);
    }

    /**
     * A rough speed figure for the record, never asserted (shared machines vary): the mean time of check()
     * on a 2,000-character answer made of ordinary answers, after a warm-up.
     */
    static String speed() {
        StringBuilder answer = new StringBuilder();
        for (int i = 0; answer.length() < 2_000; i++) {
            answer.append(ordinary.get(i % ordinary.size())).append(". ");
        }
        String text = answer.substring(0, 2_000);
        for (int i = 0; i < 2_000; i++) {
            detector.check(text);
        }
        int runs = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            detector.check(text);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / runs;
        String huge = text.repeat(50);
        start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            detector.check(huge);
        }
        double hugeMillis = (System.nanoTime() - start) / 1_000_000.0 / 20;
        return String.format(Locale.ROOT, "speed: %.0f microseconds per check of a 2,000-character answer (mean of %d);"
                + " %.0f ms for 100,000 characters%n", micros, runs, hugeMillis);
    }
}
