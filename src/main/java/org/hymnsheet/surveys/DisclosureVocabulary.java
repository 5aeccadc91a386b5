package org.hymnsheet.surveys;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * Every distinct word of the indicator phrases, and for a word of an answer the indicator words it may stand
 * for. A word stands for an indicator word when it is the same word, a form of it (same {@link
 * #stem stem}), or a misspelling of it: it starts with the same letter and is within a few
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
    /** Indexes so a word is compared only with words that share its stem or its first letter. */
    private final Map<String, List<Integer>> byStem = new HashMap<>();
    private final Map<Character, List<Integer>> byFirstLetter = new HashMap<>();
    private final Set<String> ordinary;

    DisclosureVocabulary(List<String> words, Set<String> ordinaryWords) {
        this.words = words.toArray(String[]::new);
        this.stems = new String[this.words.length];
        for (int i = 0; i < this.words.length; i++) {
            stems[i] = stem(this.words[i]);
            if (ids.putIfAbsent(this.words[i], i) != null) {
                throw new IllegalArgumentException("word listed twice: " + this.words[i]);
            }
            byStem.computeIfAbsent(stems[i], k -> new ArrayList<>()).add(i);
            byFirstLetter.computeIfAbsent(this.words[i].charAt(0), k -> new ArrayList<>()).add(i);
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
        byStem.getOrDefault(stem(word), List.of()).forEach(out::set);
        for (int i : byFirstLetter.getOrDefault(word.charAt(0), List.of())) {
            if (misspelt(word, words[i])) {
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

    /**
     * A crude English stem, used only to tell whether two words are forms of one another: "hurts", "hurting",
     * "hurtin" and "hurted" all become "hurt"; "stabbed", "stabbing" and "stabed" become "stab". It is not a
     * dictionary: unrelated words can share a stem ("rap" and "raped"), which is why the indicator file lists
     * ordinary words that must never be read as an indicator word.
     */
    static String stem(String w) {
        int n = w.length();
        String s = w;
        if (n > 4 && (w.endsWith("ies") || w.endsWith("ied"))) {
            s = w.substring(0, n - 3) + "y";
        } else if (n > 5 && w.endsWith("ing")) {
            s = w.substring(0, n - 3);
        } else if (n > 5 && w.endsWith("in") && !isVowel(w.charAt(n - 3))) {
            s = w.substring(0, n - 2); // dropped g: "hurtin", "stabbin"
        } else if (n > 4 && w.endsWith("ed")) {
            s = w.substring(0, n - 2);
        } else if (n > 3 && w.endsWith("d") && !isVowel(w.charAt(n - 2)) && "dlnry".indexOf(w.charAt(n - 2)) < 0) {
            s = w.substring(0, n - 1); // text-speak past tense: "stabd", "kickd" (not "bold", "hand", "word")
        } else if (n > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))) {
            s = w.substring(0, n - 2);
        } else if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            s = w.substring(0, n - 1);
        }
        int m = s.length();
        if (m >= 3 && s.charAt(m - 1) == s.charAt(m - 2) && Character.isLetter(s.charAt(m - 1))) {
            s = s.substring(0, m - 1); // "stabb" -> "stab", "kill" -> "kil", "mee" -> "me"
        }
        if (s.length() >= 4 && s.endsWith("e")) {
            s = s.substring(0, s.length() - 1); // "abuse" and "abused" meet at "abus"
        }
        return s;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
