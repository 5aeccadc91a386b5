package org.hymnsheet.surveys;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A compiled set of phrases, each a sequence of slots; a slot is one word or a group of alternative words
 * ("{someone}"). A phrase matches when its slots match words of the answer in order, with at most
 * {@code gap} other words between two slots ("he <i>really</i> hurts me", "my <i>mums</i> boyfriend").
 *
 * <p>Matching is linear in the length of the answer: for each word, only the phrases whose first slot it
 * may stand for are tried, and the positions a partial match can have reached are kept as one bit mask
 * relative to its first word (at most {@value #MAX_WORDS} slots of {@code gap + 1} steps fit in a long),
 * so no phrase ever backtracks.
 */
final class DisclosurePhrases {
    static final int MAX_WORDS = 12;
    static final int MAX_GAP = 4;

    /** Receives a match: the phrase's index and the first and last answer words it used. */
    interface Sink {
        void matched(int phrase, int first, int last);
    }

    private final BitSet[][] slots;
    private final int[][] startingWith;
    private final int gap;

    /**
     * @param phrases for each phrase, for each slot, the vocabulary ids it accepts
     * @param vocabularySize number of words in the vocabulary
     * @param gap most other words allowed between two slots
     */
    DisclosurePhrases(List<int[][]> phrases, int vocabularySize, int gap) {
        if (gap < 0 || gap > MAX_GAP) {
            throw new IllegalArgumentException("gap must be 0.." + MAX_GAP);
        }
        this.gap = gap;
        this.slots = new BitSet[phrases.size()][];
        List<List<Integer>> starts = new ArrayList<>();
        for (int w = 0; w < vocabularySize; w++) {
            starts.add(new ArrayList<>());
        }
        for (int p = 0; p < phrases.size(); p++) {
            int[][] phrase = phrases.get(p);
            if (phrase.length == 0 || phrase.length > MAX_WORDS) {
                throw new IllegalArgumentException("a phrase has 1 to " + MAX_WORDS + " words");
            }
            slots[p] = new BitSet[phrase.length];
            for (int s = 0; s < phrase.length; s++) {
                slots[p][s] = new BitSet(vocabularySize);
                for (int id : phrase[s]) {
                    slots[p][s].set(id);
                }
            }
            for (int id : phrase[0]) {
                starts.get(id).add(p);
            }
        }
        this.startingWith = starts.stream()
                .map(l -> l.stream().distinct().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    int size() {
        return slots.length;
    }

    /**
     * Finds phrases in an answer, given for each of its words the vocabulary ids it may stand for.
     *
     * @param everyOccurrence report each place a phrase matches, rather than only its first
     */
    void find(BitSet[] meanings, boolean everyOccurrence, Sink sink) {
        boolean[] found = new boolean[slots.length];
        int[] triedAt = new int[slots.length];
        java.util.Arrays.fill(triedAt, -1);
        for (int i = 0; i < meanings.length; i++) {
            BitSet m = meanings[i];
            for (int id = m.nextSetBit(0); id >= 0; id = m.nextSetBit(id + 1)) {
                for (int p : startingWith[id]) {
                    if (triedAt[p] == i || (found[p] && !everyOccurrence)) {
                        continue; // several words of a group can start the same phrase at the same place
                    }
                    triedAt[p] = i;
                    int last = lastWord(p, i, meanings);
                    if (last >= 0) {
                        found[p] = true;
                        sink.matched(p, i, last);
                    }
                }
            }
        }
    }

    /** The last answer word of the earliest-ending match of phrase p that starts at word i, or -1. */
    private int lastWord(int p, int i, BitSet[] meanings) {
        long reached = 1L; // bit k: slot matched at word i + k
        for (int s = 1; s < slots[p].length; s++) {
            long next = 0;
            for (long r = reached; r != 0; r &= r - 1) {
                int offset = Long.numberOfTrailingZeros(r);
                for (int step = 1; step <= gap + 1 && i + offset + step < meanings.length; step++) {
                    if (slots[p][s].intersects(meanings[i + offset + step])) {
                        next |= 1L << (offset + step);
                    }
                }
            }
            if (next == 0) {
                return -1;
            }
            reached = next;
        }
        return i + Long.numberOfTrailingZeros(reached);
    }
}
