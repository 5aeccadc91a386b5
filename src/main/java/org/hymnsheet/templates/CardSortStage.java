package org.hymnsheet.templates;

import java.util.List;
import java.util.Objects;

/**
 * The partnership's responses and interventions as cards; every participant places every card on a scale
 * (0 = behaviour-based, 100 = ecological) and tags the contexts it targets.
 *
 * @param contexts the contexts a card can target (individual, family, peers, school, neighbourhood or public
 *                 space, online)
 * @param starterCards cards the workshop starts with; the facilitator adds, edits and imports more
 */
public record CardSortStage(String id, LocalizedText title, LocalizedText prompt, int minutes, LocalizedText leftLabel,
                            LocalizedText rightLabel, List<Option> contexts, List<LocalizedText> starterCards)
        implements Stage {
    public CardSortStage {
        Objects.requireNonNull(id);
        Objects.requireNonNull(leftLabel);
        Objects.requireNonNull(rightLabel);
        contexts = List.copyOf(contexts);
        starterCards = List.copyOf(starterCards);
    }
}
