package org.hymnsheet.templates;

import java.util.Objects;

/**
 * How each participant frames the problem: a position on a spectrum (0 = the left end, 100 = the right end)
 * plus a sentence in their own words.
 *
 * @param leftLabel e.g. "Mostly the environment, context or structure"
 * @param rightLabel e.g. "Mostly wrong choices individuals make"
 * @param sentencePrompt the invitation to write a sentence, or null for none
 */
public record FramingStage(String id, LocalizedText title, LocalizedText prompt, int minutes, LocalizedText leftLabel,
                           LocalizedText rightLabel, LocalizedText sentencePrompt) implements Stage {
    public FramingStage {
        Objects.requireNonNull(id);
        Objects.requireNonNull(leftLabel);
        Objects.requireNonNull(rightLabel);
    }
}
