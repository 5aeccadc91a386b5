package org.hymnsheet.surveys;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Flags free-text answers that may hold a disclosure of harm, against the partnership's {@link
 * DisclosureIndicators}. It prefers flagging an ordinary answer to missing a disclosure: a flag only shows
 * the young person the help panel and asks a safeguarding lead to read the answer.
 *
 * <p>How an answer is matched:
 * <ol>
 *   <li><b>Normalise</b> ({@link DisclosureText}): NFKC, lower case, accents and punctuation removed,
 *       apostrophes closed up ("don't" becomes "dont", then "do not"), text-speak written out ("sum1",
 *       "ppl", "wanna", "kms"), leetspeak inside words ("h1ts", "k1ll"), three or more repeated letters
 *       squeezed to one ("hurrrts").</li>
 *   <li><b>Words</b> ({@link DisclosureVocabulary}): each word of the answer may stand for an indicator word
 *       when it is that word, a form of it (a shared crude stem: hurt/hurts/hurting/hurtin) or a misspelling
 *       of it (same first letter; Damerau-Levenshtein distance 0 up to 4 letters, only a swap of two
 *       neighbouring letters at 5 ("hurst"), 1 for 6 to 8 ("stabed", "boyfrend"), 2 from 9). Ordinary words
 *       listed in the file ("stubbed", "rap") never stand for another indicator word.</li>
 *   <li><b>Phrases</b> ({@link DisclosurePhrases}): each indicator phrase is a sequence of words and groups
 *       ("{someone} hurts {me}") that must appear in order, with at most {@value #GAP} other words between
 *       two of them ("my step dad really hurts me").</li>
 *   <li><b>Ignored expressions</b> ("die laughing") are matched word for word first; an indicator that uses
 *       any of their words is dropped, so "I want to die laughing" is not flagged but "I want to die" is.</li>
 * </ol>
 * There is no negation handling on purpose: "he doesn't hurt me" is flagged, because "he doesn't hurt me
 * any more" is a disclosure. Immutable after construction, so one instance serves all threads.
 */
@Component
public final class DisclosureDetector {
    public static final String DEFAULT_LOCATION = "classpath:safeguarding/disclosure-indicators.yaml";
    /** Most other words allowed between two words of a phrase. */
    static final int GAP = 2;
    private static final Logger log = LoggerFactory.getLogger(DisclosureDetector.class);

    private final DisclosureIndicators indicators;
    private final DisclosureVocabulary vocabulary;
    private final DisclosurePhrases phrases;
    private final DisclosurePhrases ignored;
    private final List<String> phraseText = new ArrayList<>();
    private final List<String> phraseCategory = new ArrayList<>();

    /** The application's detector: indicators from {@code hymnsheet.safeguarding.indicators}, a file path or a classpath: location. */
    @Autowired
    public DisclosureDetector(@Value("${hymnsheet.safeguarding.indicators:" + DEFAULT_LOCATION + "}") String location,
            ResourceLoader resources) {
        this(DisclosureIndicators.load(location.startsWith("classpath:") || location.startsWith("file:")
                ? resources.getResource(location) : new FileSystemResource(location)));
        log.info("Disclosure detection: {} phrases in {} categories from {}", phrases.size(),
                indicators.categories().size(), location);
    }

    public DisclosureDetector(DisclosureIndicators indicators) {
        this.indicators = indicators;
        List<List<List<String>>> wanted = new ArrayList<>();
        for (DisclosureIndicators.Category category : indicators.categories()) {
            for (String phrase : category.phrases()) {
                wanted.add(slots(phrase, indicators.groups()));
                phraseText.add(phrase);
                phraseCategory.add(category.id());
            }
        }
        List<List<List<String>>> idioms = new ArrayList<>();
        for (String idiom : indicators.ignore()) {
            idioms.add(slots(idiom, indicators.groups()));
        }
        Set<String> words = new LinkedHashSet<>();
        wanted.forEach(p -> p.forEach(words::addAll));
        idioms.forEach(p -> p.forEach(words::addAll));
        Set<String> ordinary = new LinkedHashSet<>();
        indicators.ordinaryWords().forEach(w -> ordinary.addAll(DisclosureText.words(w)));
        this.vocabulary = new DisclosureVocabulary(List.copyOf(words), ordinary);
        this.phrases = new DisclosurePhrases(ids(wanted), vocabulary.size(), GAP);
        this.ignored = new DisclosurePhrases(ids(idioms), vocabulary.size(), 0);
    }

    /** A detector over the given indicators (for tests and tools). */
    public static DisclosureDetector of(DisclosureIndicators indicators) {
        return new DisclosureDetector(indicators);
    }

    /** The indicator words and how answer words map onto them (for the dictionary scan in the tests). */
    DisclosureVocabulary vocabulary() {
        return vocabulary;
    }

    public DisclosureIndicators indicators() {
        return indicators;
    }

    /** Checks one free-text answer; null and blank answers are not flagged. */
    public Disclosure check(String text) {
        List<String> words = DisclosureText.words(text);
        if (words.isEmpty()) {
            return Disclosure.NONE;
        }
        BitSet[] meanings = new BitSet[words.size()];
        Map<String, BitSet> seen = new HashMap<>(); // answers repeat words; look each up once
        for (int i = 0; i < meanings.length; i++) {
            meanings[i] = seen.computeIfAbsent(words.get(i), vocabulary::meanings);
        }
        boolean[] excused = new boolean[meanings.length];
        ignored.find(meanings, true, (p, first, last) -> java.util.Arrays.fill(excused, first, last + 1, true));
        BitSet nothing = new BitSet();
        for (int i = 0; i < meanings.length; i++) {
            if (excused[i]) {
                meanings[i] = nothing;
            }
        }
        boolean[] hit = new boolean[phraseText.size()];
        phrases.find(meanings, false, (p, first, last) -> hit[p] = true);
        Map<String, Boolean> matched = new LinkedHashMap<>();
        Set<String> categories = new LinkedHashSet<>();
        for (int p = 0; p < hit.length; p++) {
            if (hit[p]) {
                matched.put(phraseText.get(p), true);
                categories.add(phraseCategory.get(p));
            }
        }
        return matched.isEmpty() ? Disclosure.NONE
                : Disclosure.byList(List.copyOf(matched.keySet()), List.copyOf(categories));
    }

    /** A phrase's slots: each "{group}" is one slot of alternatives, every other word a slot of its own. */
    private static List<List<String>> slots(String phrase, Map<String, List<String>> groups) {
        List<List<String>> slots = new ArrayList<>();
        for (String part : phrase.strip().split("\\s+")) {
            if (part.startsWith("{") && part.endsWith("}")) {
                List<String> group = groups.get(part.substring(1, part.length() - 1));
                if (group == null) {
                    throw new IllegalArgumentException("phrase \"" + phrase + "\" names an unknown group " + part);
                }
                slots.add(group.stream().map(w -> DisclosureText.words(w).getFirst()).distinct().toList());
            } else {
                DisclosureText.words(part).forEach(w -> slots.add(List.of(w)));
            }
        }
        if (slots.isEmpty() || slots.size() > DisclosurePhrases.MAX_WORDS) {
            throw new IllegalArgumentException("phrase \"" + phrase + "\" must have 1 to "
                    + DisclosurePhrases.MAX_WORDS + " words");
        }
        return slots;
    }

    private List<int[][]> ids(List<List<List<String>>> compiled) {
        return compiled.stream().map(p -> p.stream()
                .map(slot -> slot.stream().mapToInt(vocabulary::id).toArray()).toArray(int[][]::new)).toList();
    }
}
