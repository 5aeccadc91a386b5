package org.hymnsheet.surveys;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Screens one free-text answer with both layers: the indicator list ({@link DisclosureDetector}: explains itself,
 * catches misspellings and text-speak of what it lists) and the meaning model ({@link DisclosureMeaning}: catches
 * phrasings nobody listed). Either one flags an English answer, with one exception: a phrase match in an answer
 * that the model is sure is ordinary (probability of harm under {@value #LIST_DISMISSED_BELOW}: "I killed him in
 * Fortnite", "we got battered 5-0") is not flagged. Cross-validation on the training sets put the cost at 13 of
 * 1,410 disclosures and the gain at 47 of 1,775 ordinary answers no longer sent to a lead (decision 0021).
 * The model reads English only: Welsh answers are screened by the list alone, exactly as before.
 */
@Component
public final class DisclosureScreen {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DisclosureScreen.class);
    private final DisclosureDetector list;
    private final DisclosureMeaning meaning;

    public DisclosureScreen(DisclosureDetector list, DisclosureMeaning meaning) {
        this.list = list;
        this.meaning = meaning;
    }

    /** Below this probability of harm, the model overrules a phrase match of the list (English answers only). */
    static final double LIST_DISMISSED_BELOW = 0.2;

    /** Screens an answer written in the given language ("en", "cy"). */
    public Disclosure screen(String text, String language) {
        return decide(text == null || "cy".equals(language) ? new Reading(text, null) : read(text), language);
    }

    /**
     * The model's reading of an answer, taken before anything is locked: the model costs milliseconds of CPU, and a
     * save holds its response's row lock for the statements alone. A failed reading is kept as {@code null}: the
     * list's finding then stands, and the answer is never lost.
     */
    public Reading read(String text) {
        if (text == null) {
            return new Reading(null, null);
        }
        try {
            return new Reading(text, meaning.assess(text));
        } catch (RuntimeException e) {
            // screening never costs a young person their answer: the list's finding stands (the log has no words)
            log.warn("The meaning model could not read an answer of {} characters: {}", text.length(), e.toString());
            return new Reading(text, null);
        }
    }

    /** An answer and what the meaning model made of it ({@code null}: not read, or the model failed). */
    public record Reading(String text, DisclosureMeaning.Finding meaning) {}

    /** Decides on a reading once the answer's language is known: Welsh answers by the list alone. */
    public Disclosure decide(Reading reading, String language) {
        Disclosure byList = list.check(reading.text());
        DisclosureMeaning.Finding byMeaning = reading.meaning();
        if (reading.text() == null || "cy".equals(language) || byMeaning == null) {
            return byList;
        }
        if (!byMeaning.flagged()) {
            return byMeaning.probability() < LIST_DISMISSED_BELOW ? Disclosure.NONE : byList;
        }
        Set<String> categories = new LinkedHashSet<>(byList.categories());
        categories.add(byMeaning.category());
        return new Disclosure(true, byList.matchedIndicators(), List.copyOf(categories),
                byList.detection().and(Disclosure.Detection.MEANING));
    }

    /** The plain-words name of a kind of harm ("Physical harm and violence"), from the indicator file. */
    public String label(String category) {
        return list.indicators().label(category);
    }
}
