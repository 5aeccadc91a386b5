package org.hymnsheet.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Measures screening as the app runs it (indicator list and meaning model together, English answers) on the
 * held-out sets: answers written by people who saw neither the indicator list nor the training sets, kept out of
 * training. bench/disclosure-evaluation.md records the figures and how the sets were made; the misses and the
 * ordinary answers flagged are written to target/disclosure-heldout-*.txt.
 */
class DisclosureHeldOutTest {
    static final double MIN_DETECTION = 0.80;
    static final double MAX_FALSE_POSITIVES = 0.05;

    static DisclosureScreen screen;

    @BeforeAll
    static void load() {
        DisclosureDetector list = DisclosureDetector.of(
                DisclosureIndicators.load(new ClassPathResource("safeguarding/disclosure-indicators.yaml")));
        try (var in = new ClassPathResource("safeguarding/disclosure-model.txt").getInputStream()) {
            screen = new DisclosureScreen(list, new DisclosureMeaning(DisclosureMeaning.embeddingModel(),
                    DisclosureModel.read(in, "disclosure-model.txt")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "held-out set {0}")
    @ValueSource(strings = {"set-a", "set-b"})
    void screening_finds_most_unseen_disclosures_and_few_ordinary_answers(String set) throws IOException {
        List<DisclosureEvidence> evidence = DisclosureEvidence.load("safeguarding/heldout/" + set + ".tsv");
        Map<String, int[]> byLabel = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        List<String> flaggedOrdinary = new ArrayList<>();
        int disclosures = 0;
        int found = 0;
        int ordinary = 0;
        int flagged = 0;
        for (DisclosureEvidence e : evidence) {
            Disclosure result = screen.screen(e.text(), "en");
            int[] counts = byLabel.computeIfAbsent(e.label(), k -> new int[2]);
            counts[0]++;
            counts[1] += result.flagged() ? 1 : 0;
            if (e.disclosure()) {
                disclosures++;
                found += result.flagged() ? 1 : 0;
                if (!result.flagged()) {
                    missed.add(e.label() + "\t" + e.text());
                }
            } else {
                ordinary++;
                flagged += result.flagged() ? 1 : 0;
                if (result.flagged()) {
                    flaggedOrdinary.add(e.label() + "\t" + e.text() + "\t<- " + result.detection() + " " + result.matchedIndicators());
                }
            }
        }
        double detection = (double) found / disclosures;
        double falsePositives = (double) flagged / ordinary;
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Held-out %s, %s: disclosures flagged %d/%d = %.1f%%, ordinary answers flagged %d/%d = %.1f%%%n",
                set, LocalDate.now(), found, disclosures, 100 * detection, flagged, ordinary, 100 * falsePositives));
        byLabel.forEach((label, c) -> report.append(String.format(Locale.ROOT, "  %-16s %d/%d flagged%n", label, c[1], c[0])));
        report.append("\nMissed:\n");
        missed.forEach(m -> report.append("  ").append(m).append('\n'));
        report.append("\nOrdinary answers flagged:\n");
        flaggedOrdinary.forEach(m -> report.append("  ").append(m).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/disclosure-heldout-" + set + ".txt"), report);
        System.out.println(report);

        assertThat(disclosures).isEqualTo(180);
        assertThat(ordinary).isEqualTo(350);
        assertThat(detection).as("share of unseen disclosures found").isGreaterThanOrEqualTo(MIN_DETECTION);
        assertThat(falsePositives).as("share of ordinary answers flagged").isLessThanOrEqualTo(MAX_FALSE_POSITIVES);
    }
}
