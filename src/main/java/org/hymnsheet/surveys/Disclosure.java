package org.hymnsheet.surveys;

import java.util.List;

/**
 * What screening found in one free-text answer.
 *
 * @param flagged whether the answer may hold a disclosure: show the help panel and queue it for a
 *     safeguarding lead
 * @param matchedIndicators the indicator phrases that matched, exactly as written in the indicator file
 *     (e.g. {@code "{someone} hurts {me}"}), in file order; empty when only the meaning model found it
 * @param categories the ids of the kinds of harm found (e.g. {@code physical-harm}): the indicator file's order
 *     for phrases, then the model's most likely kind
 * @param detection which layer found it
 */
public record Disclosure(boolean flagged, List<String> matchedIndicators, List<String> categories, Detection detection) {
    /** Nothing found. */
    public static final Disclosure NONE = new Disclosure(false, List.of(), List.of(), Detection.NONE);

    /** The layer of screening that found a disclosure; the names are stored in {@code safeguarding_flag.detection}. */
    public enum Detection {
        NONE, LIST, MEANING, BOTH;

        Detection and(Detection other) {
            return this == NONE ? other : other == NONE || other == this ? this : BOTH;
        }
    }

    public Disclosure {
        matchedIndicators = List.copyOf(matchedIndicators);
        categories = List.copyOf(categories);
        if (flagged == (detection == Detection.NONE)) {
            throw new IllegalArgumentException("flagged must be true exactly when a layer found something");
        }
        if (flagged && categories.isEmpty()) {
            throw new IllegalArgumentException("a flagged answer names at least one kind of harm");
        }
        if ((detection == Detection.LIST || detection == Detection.BOTH) == matchedIndicators.isEmpty()) {
            throw new IllegalArgumentException("indicator phrases are listed exactly when the list found it");
        }
    }

    /** A phrase-list finding. */
    static Disclosure byList(List<String> matchedIndicators, List<String> categories) {
        return new Disclosure(true, matchedIndicators, categories, Detection.LIST);
    }
}
