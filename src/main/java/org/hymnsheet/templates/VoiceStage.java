package org.hymnsheet.templates;

import java.util.Objects;

/**
 * Who speaks and who decides: the facilitator (or an observer) runs a speaking tracker, and each participant
 * says which agencies have most influence on decisions.
 *
 * @param influencePrompt e.g. "Which agencies have the most influence on decisions here?"
 * @param influenceChoices how many agencies each participant may pick (at least 1)
 */
public record VoiceStage(String id, LocalizedText title, LocalizedText prompt, int minutes, LocalizedText influencePrompt,
                         int influenceChoices) implements Stage {
    public VoiceStage {
        Objects.requireNonNull(id);
        Objects.requireNonNull(influencePrompt);
        if (influenceChoices < 1) {
            throw new IllegalArgumentException("influenceChoices must be at least 1");
        }
    }
}
