package org.hymnsheet.surveys;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns free text into the words the disclosure detector compares. The same steps run on the indicator
 * phrases, so a phrase written "he's scared" in the indicator file and an answer typed "HES SCARED!!" meet as
 * the same words. Word forms and misspellings are {@link DisclosureVocabulary}'s business.
 *
 * <p>Everything here is a single left-to-right pass over the text (no regular expressions), so the cost grows
 * with the length of the answer and nothing else.
 */
final class DisclosureText {
    private DisclosureText() {}

    /**
     * Text-speak young people use, written out. Kept short and unambiguous on purpose: an entry that also
     * means something ordinary (e.g. "dye") would turn ordinary answers into disclosures.
     */
    private static final Map<String, String> SPOKEN = Map.ofEntries(
            Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("r", "are"), Map.entry("n", "and"),
            Map.entry("ppl", "people"), Map.entry("sum1", "someone"), Map.entry("some1", "someone"),
            Map.entry("sumone", "someone"), Map.entry("any1", "anyone"), Map.entry("ny1", "anyone"),
            Map.entry("no1", "no one"), Map.entry("every1", "everyone"), Map.entry("2", "to"),
            Map.entry("4", "for"), Map.entry("b4", "before"), Map.entry("h8", "hate"), Map.entry("wiv", "with"),
            Map.entry("wanna", "want to"), Map.entry("wana", "want to"), Map.entry("gonna", "going to"),
            Map.entry("gunna", "going to"), Map.entry("gotta", "got to"), Map.entry("hafta", "have to"),
            Map.entry("cos", "because"), Map.entry("coz", "because"), Map.entry("cuz", "because"),
            Map.entry("bf", "boyfriend"), Map.entry("gf", "girlfriend"), Map.entry("mom", "mum"),
            Map.entry("im", "i am"), Map.entry("ive", "i have"), Map.entry("id", "i would"),
            Map.entry("hes", "he is"), Map.entry("shes", "she is"), Map.entry("theyre", "they are"),
            Map.entry("theyd", "they would"), Map.entry("hed", "he would"), Map.entry("dont", "do not"),
            Map.entry("doesnt", "does not"), Map.entry("didnt", "did not"), Map.entry("isnt", "is not"),
            Map.entry("wasnt", "was not"), Map.entry("arent", "are not"), Map.entry("aint", "not"),
            Map.entry("cant", "can not"), Map.entry("wont", "will not"), Map.entry("havent", "have not"),
            Map.entry("kms", "kill myself"), Map.entry("kys", "kill yourself"), Map.entry("unalive", "kill"),
            Map.entry("unalived", "killed"), Map.entry("sewerslide", "suicide"), Map.entry("od", "overdose"),
            Map.entry("selfharm", "self harm"), Map.entry("myslf", "myself"), Map.entry("skool", "school"));

    /** Words split in two that mean one word ("my self"), joined so the phrase "kill myself" still meets them. */
    private static final Map<String, String> JOINED = Map.of(
            "my self", "myself", "me self", "myself", "some one", "someone", "some body", "somebody",
            "step dad", "stepdad", "step mum", "stepmum", "no body", "nobody");

    /** The words of a text: lower case, accents and punctuation gone, text-speak and leetspeak written out. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String folded = Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (isApostrophe(cp) && !word.isEmpty()) {
                String contraction = contraction(folded, i);
                if (contraction != null) { // "he'll" must not become "hell"
                    add(word, words);
                    words.add(CONTRACTIONS.get(contraction));
                    i += contraction.length();
                    continue;
                }
            }
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.FORMAT || isApostrophe(cp)) {
                continue; // accents and apostrophes vanish inside a word: "café" -> "cafe", "don't" -> "dont"
            }
            if (Character.isLetterOrDigit(cp) || cp == '@' || cp == '$') {
                word.appendCodePoint(cp);
            } else {
                add(word, words);
            }
        }
        add(word, words);
        return join(words);
    }

    /** Endings after an apostrophe that are a word of their own; "n't" and "'s" simply close up ("dont", "mums"). */
    private static final Map<String, String> CONTRACTIONS =
            Map.of("ll", "will", "re", "are", "ve", "have", "d", "would", "m", "am");

    /** The contraction ending that starts at {@code from}, when a whole one does. */
    private static String contraction(String text, int from) {
        int end = from;
        while (end < text.length() && end - from < 3 && Character.isLetter(text.charAt(end))) {
            end++;
        }
        boolean whole = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
        String ending = text.substring(from, end);
        return whole && CONTRACTIONS.containsKey(ending) ? ending : null;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '`' || cp == '\u00b4' || cp == '\u02bc';
    }

    private static void add(StringBuilder raw, List<String> words) {
        if (raw.isEmpty()) {
            return;
        }
        String w = raw.toString();
        raw.setLength(0);
        String spoken = SPOKEN.get(w);
        if (spoken == null) {
            w = squeeze(unleet(w));
            spoken = SPOKEN.getOrDefault(w, w);
        }
        if (spoken.isEmpty()) {
            return;
        }
        for (String part : spoken.split(" ")) {
            words.add(part);
        }
    }

    /**
     * Leetspeak only inside words that also hold letters ("k1ll", "h3", "r@ped"), so numbers ("3 days",
     * "year 10") stay numbers. A leading "@" is a mention and is dropped.
     */
    private static String unleet(String w) {
        int start = 0;
        while (start < w.length() && w.charAt(start) == '@') {
            start++;
        }
        boolean letters = false;
        for (int i = start; i < w.length(); i++) {
            letters |= Character.isLetter(w.charAt(i));
        }
        StringBuilder out = new StringBuilder(w.length() - start);
        for (int i = start; i < w.length(); i++) {
            char c = w.charAt(i);
            char mapped = switch (c) {
                case '0' -> 'o';
                case '1' -> 'i';
                case '3' -> 'e';
                case '4' -> 'a';
                case '5' -> 's';
                case '7' -> 't';
                case '@' -> 'a';
                case '$' -> 's';
                default -> c;
            };
            if (c == '@' || c == '$') {
                if (letters) {
                    out.append(mapped);
                }
            } else {
                out.append(letters ? mapped : c);
            }
        }
        return out.toString();
    }

    /** Three or more of the same letter become one: "hurrrts" -> "hurts", "meee" -> "me". Digits are left. */
    private static String squeeze(String w) {
        StringBuilder out = new StringBuilder(w.length());
        int i = 0;
        while (i < w.length()) {
            char c = w.charAt(i);
            int run = 1;
            while (i + run < w.length() && w.charAt(i + run) == c) {
                run++;
            }
            out.append(c);
            if (run == 2 || (run > 2 && !Character.isLetter(c))) {
                out.append(String.valueOf(c).repeat(run - 1));
            }
            i += run;
        }
        return out.toString();
    }

    private static List<String> join(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String joined = i + 1 < words.size() ? JOINED.get(words.get(i) + " " + words.get(i + 1)) : null;
            if (joined != null) {
                out.add(joined);
                i++;
            } else {
                out.add(words.get(i));
            }
        }
        return out;
    }
}
