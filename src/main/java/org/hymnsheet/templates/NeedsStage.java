package org.hymnsheet.templates;

import java.util.List;
import java.util.Objects;

/**
 * What the partnership needs to work more ecologically: needs and actions with an owner agency and a category,
 * prioritised by dot voting.
 *
 * @param categories e.g. commissioners, funders, meeting chairing, plans, other
 * @param dotsPerParticipant how many dots each participant may place
 */
public record NeedsStage(String id, LocalizedText title, LocalizedText prompt, int minutes, List<Option> categories,
                         int dotsPerParticipant) implements Stage {
    public NeedsStage {
        Objects.requireNonNull(id);
        categories = List.copyOf(categories);
        if (dotsPerParticipant < 1) {
            throw new IllegalArgumentException("dotsPerParticipant must be at least 1");
        }
    }
}
