package org.hymnsheet.templates;

import java.util.List;
import java.util.Objects;

/** Anonymous 1-to-5 scales with optional text, e.g. "Is there space for critical reflection in our meetings?". */
public record PulseStage(String id, LocalizedText title, LocalizedText prompt, int minutes, List<PulseQuestion> questions)
        implements Stage {
    public PulseStage {
        Objects.requireNonNull(id);
        questions = List.copyOf(questions);
    }

    /** @param labels exactly five words, for 1 to 5; @param allowText whether to offer an optional comment */
    public record PulseQuestion(String id, LocalizedText text, List<LocalizedText> labels, boolean allowText) {
        public PulseQuestion {
            Objects.requireNonNull(id);
            labels = List.copyOf(labels);
        }
    }
}
