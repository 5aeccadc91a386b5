package org.hymnsheet.surveys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Labelled example answers for training and measuring disclosure screening. A set is a file of lines
 * {@code label<TAB>answer}: the label is a kind of harm of the indicator file, {@code ordinary}, or {@code near-miss}
 * (an ordinary answer with alarming words: sport, games, cooking, films). Lines starting with # are comments.
 */
record DisclosureEvidence(String label, String text) {
    static final Set<String> NOT_DISCLOSURES = Set.of(DisclosureModel.ORDINARY, "near-miss");

    boolean disclosure() {
        return !NOT_DISCLOSURES.contains(label);
    }

    /** The class the model learns: the kind of harm, or ordinary for ordinary answers and near-misses. */
    String modelClass() {
        return disclosure() ? label : DisclosureModel.ORDINARY;
    }

    static List<DisclosureEvidence> load(String resource) {
        try (InputStream in = DisclosureEvidence.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no evidence set " + resource);
            }
            List<DisclosureEvidence> out = new ArrayList<>();
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0 || tab == line.length() - 1) {
                    throw new IllegalArgumentException(resource + ", line " + n + ": expected label<TAB>answer");
                }
                out.add(new DisclosureEvidence(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The older one-answer-a-line sets (every line of the file has the same label). */
    static List<DisclosureEvidence> loadPlain(String resource, String label) {
        try {
            return DisclosureEvaluationTest.answers(resource).stream().map(a -> new DisclosureEvidence(label, a)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
