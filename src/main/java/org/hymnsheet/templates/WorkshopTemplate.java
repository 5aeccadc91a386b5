package org.hymnsheet.templates;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A partnership workshop as a practitioner wrote it in {@code workshops/*.yaml}: its stages in order.
 *
 * @param file where it came from, as a project path such as {@code workshops/hymn-sheet.yaml}
 */
public record WorkshopTemplate(String id, String file, LocalizedText title, LocalizedText intro, List<Stage> stages) {
    public WorkshopTemplate {
        Objects.requireNonNull(id);
        Objects.requireNonNull(file);
        Objects.requireNonNull(title);
        Objects.requireNonNull(intro);
        stages = List.copyOf(stages);
    }

    public Optional<Stage> stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }
}
