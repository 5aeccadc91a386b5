package org.hymnsheet.surveys;

import java.util.List;

/**
 * What the {@link DisclosureDetector} found in one free-text answer.
 *
 * @param flagged whether the answer may hold a disclosure: show the help panel and queue it for a
 *     safeguarding lead
 * @param matchedIndicators the indicator phrases that matched, exactly as written in the indicator file
 *     (e.g. {@code "{someone} hurts {me}"}), in file order
 * @param categories the ids of the categories those phrases belong to (e.g. {@code physical-harm}), in file order
 */
public record Disclosure(boolean flagged, List<String> matchedIndicators, List<String> categories) {
    /** Nothing found. */
    public static final Disclosure NONE = new Disclosure(false, List.of(), List.of());

    public Disclosure {
        matchedIndicators = List.copyOf(matchedIndicators);
        categories = List.copyOf(categories);
        if (flagged == matchedIndicators.isEmpty()) {
            throw new IllegalArgumentException("flagged must be true exactly when an indicator matched");
        }
    }
}
