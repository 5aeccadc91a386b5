package org.hymnsheet.templates;

import java.util.List;
import java.util.Objects;

/**
 * A rating from 1 to 5.
 *
 * @param labels exactly five words, for 1 to 5 ("Not at all" … "Fully")
 * @param faces whether to show an emoji face beside each word, from sad to happy
 */
public record Scale(String id, LocalizedText text, LocalizedText help, LocalizedText section, Condition showIf,
                    List<LocalizedText> labels, boolean faces) implements Question {
    public static final int POINTS = 5;

    public Scale {
        Objects.requireNonNull(id);
        Objects.requireNonNull(text);
        labels = List.copyOf(labels);
        if (labels.size() != POINTS) {
            throw new IllegalArgumentException("A scale has exactly " + POINTS + " labels");
        }
    }
}
