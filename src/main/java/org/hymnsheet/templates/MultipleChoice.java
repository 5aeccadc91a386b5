package org.hymnsheet.templates;

import java.util.List;
import java.util.Objects;

/** Any number of answers from a list of options. */
public record MultipleChoice(String id, LocalizedText text, LocalizedText help, LocalizedText section, Condition showIf,
                             List<Option> options) implements Question {
    public MultipleChoice {
        Objects.requireNonNull(id);
        Objects.requireNonNull(text);
        options = List.copyOf(options);
    }
}
