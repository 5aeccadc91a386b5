package org.hymnsheet.templates;

import java.util.List;
import java.util.Objects;

/** One answer from a list of options. */
public record SingleChoice(String id, LocalizedText text, LocalizedText help, LocalizedText section, Condition showIf,
                           List<Option> options) implements Question {
    public SingleChoice {
        Objects.requireNonNull(id);
        Objects.requireNonNull(text);
        options = List.copyOf(options);
    }
}
