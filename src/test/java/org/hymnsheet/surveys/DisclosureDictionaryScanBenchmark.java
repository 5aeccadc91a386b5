package org.hymnsheet.surveys;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Lists the real English words that the detector reads as some other indicator word (a shared stem or a
 * misspelling), so the safeguarding lead's ordinary-words list can be built from a dictionary rather than
 * from the test answers. Needs a word list (Debian: wamerican, at /usr/share/dict/words; another with
 * -Ddisclosure.dictionary=...); without one it is skipped. Writes target/disclosure-dictionary-scan.txt.
 * An analysis for whoever edits the indicator list, not a test: it runs with {@code ./mvnw -Pbench test}.
 */
@org.junit.jupiter.api.Tag("bench")
class DisclosureDictionaryScanBenchmark {
    @Test
    void real_words_read_as_another_indicator_word_are_listed() throws IOException {
        Path dictionary = Path.of(System.getProperty("disclosure.dictionary", "/usr/share/dict/words"));
        assumeTrue(Files.isReadable(dictionary), "no word list to scan");
        DisclosureDetector detector = DisclosureDetector.of(
                DisclosureIndicators.load(new ClassPathResource("safeguarding/disclosure-indicators.yaml")));
        DisclosureVocabulary vocabulary = detector.vocabulary();
        TreeSet<String> words = new TreeSet<>();
        for (String line : Files.readAllLines(dictionary)) {
            if (line.chars().allMatch(c -> c >= 'a' && c <= 'z')) { // no names, no possessives
                words.add(line.toLowerCase(Locale.ROOT));
            }
        }
        TreeMap<String, List<String>> readAs = new TreeMap<>();
        for (String word : words) {
            BitSet meanings = vocabulary.meanings(word);
            String stem = DisclosureVocabulary.stem(word);
            List<String> others = meanings.stream().mapToObj(vocabulary::word).filter(w -> !w.equals(word))
                    .map(w -> DisclosureVocabulary.stem(w).equals(stem) ? w + " (form)" : w + " (misspelling)")
                    .toList();
            if (!others.isEmpty()) {
                readAs.put(word, others);
            }
        }
        StringBuilder report = new StringBuilder("Dictionary words read as another indicator word: ")
                .append(readAs.size()).append(" of ").append(words.size()).append('\n');
        readAs.forEach((word, others) -> report.append(word).append(" -> ").append(others).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "disclosure-dictionary-scan.txt"), report);
        System.out.println(report.substring(0, report.indexOf("\n")));
        org.assertj.core.api.Assertions.assertThat(words).as("the word list was read").isNotEmpty();
    }
}
