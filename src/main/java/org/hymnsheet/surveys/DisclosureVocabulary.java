package org.hymnsheet.surveys;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * Every distinct word of the indicator phrases, and for a word of an answer the indicator words it may stand
 * for. A word stands for an indicator word when it is the same word, a form of it (same {@link
 * DisclosureText#stem stem}), or a misspelling of it: it starts with the same letter and is within a few
 * edits (Damerau-Levenshtein: a swapped pair of letters, as in "hurst", is one edit).
 *
 * <p>Edits allowed grow with the indicator word's length: none up to 4 letters (short words have too many
 * neighbours: "hits"/"hats", "stab"/"stay"), only a swap of two neighbouring letters at 5, 1 edit for 6 to
 * 8, 2 from 9. The first letter must match because
 * misspellings rarely change it and most ordinary look-alikes ("started"/"stabbed" aside) differ there.
 * Words the indicator file lists as ordinary are only ever themselves.
 */
final class DisclosureVocabulary {
    /** Longer "words" (pasted links, keyboard mashing) are compared exactly only; no indicator word is this long. */
    static final int LONGEST_FUZZY_WORD = 40;
    private static final DamerauLevenshteinDistance ONE_EDIT = new DamerauLevenshteinDistance(1);
    private static final DamerauLevenshteinDistance TWO_EDITS = new DamerauLevenshteinDistance(2);

    private final String[] words;
    private final String[] stems;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Set<String> ordinary;

    DisclosureVocabulary(List<String> words, Set<String> ordinaryWords) {
        this.words = words.toArray(String[]::new);
        this.stems = new String[this.words.length];
        for (int i = 0; i < this.words.length; i++) {
            stems[i] = DisclosureText.stem(this.words[i]);
            if (ids.putIfAbsent(this.words[i], i) != null) {
                throw new IllegalArgumentException("word listed twice: " + this.words[i]);
            }
        }
        this.ordinary = Set.copyOf(ordinaryWords);
    }

    int size() {
        return words.length;
    }

    String word(int id) {
        return words[id];
    }

    int id(String word) {
        Integer id = ids.get(word);
        if (id == null) {
            throw new IllegalArgumentException("not an indicator word: " + word);
        }
        return id;
    }

    /**
     * Edits a misspelling of an indicator word of this length may have. At exactly {@value #SWAP_ONLY_LENGTH}
     * letters the one edit must be a swap of neighbouring letters: one changed letter there too often makes
     * another real word ("raped": "rated", "raced"; "slaps": "snaps"), while a swap rarely does.
     */
    static int allowedEdits(int length) {
        return length <= 4 ? 0 : length <= 8 ? 1 : 2;
    }

    static final int SWAP_ONLY_LENGTH = 5;

    /** The ids of the indicator words that this word of an answer may stand for (often none). */
    BitSet meanings(String word) {
        BitSet out = new BitSet(words.length);
        Integer exact = ids.get(word);
        if (exact != null) {
            out.set(exact);
        }
        if (word.isEmpty() || ordinary.contains(word) || word.length() > LONGEST_FUZZY_WORD) {
            return out;
        }
        String stem = DisclosureText.stem(word);
        for (int i = 0; i < words.length; i++) {
            if (stems[i].equals(stem) || misspelt(word, words[i])) {
                out.set(i);
            }
        }
        return out;
    }

    static boolean misspelt(String typed, String word) {
        int edits = allowedEdits(word.length());
        if (edits == 0 || typed.charAt(0) != word.charAt(0) || Math.abs(typed.length() - word.length()) > edits) {
            return false;
        }
        if (word.length() == SWAP_ONLY_LENGTH) {
            return swapped(typed, word);
        }
        return (edits == 1 ? ONE_EDIT : TWO_EDITS).apply(typed, word) >= 0; // -1: more edits than allowed
    }

    /** Whether the two words differ only by two neighbouring letters swapped ("hurst", "hurts"). */
    private static boolean swapped(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }
}
