package org.hymnsheet.templates;

import java.util.List;
import java.util.Objects;

/** Columns the room fills with notes, e.g. what are we worried about / what is working well / what needs to happen. */
public record MappingStage(String id, LocalizedText title, LocalizedText prompt, int minutes, List<Option> columns)
        implements Stage {
    public MappingStage {
        Objects.requireNonNull(id);
        columns = List.copyOf(columns);
    }
}
