package org.hymnsheet.surveys;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The flagged texts of one saved answer, made into what its one safeguarding flag stores. Every value is cut to
 * its column, so no answer, however long and however many indicators it matches, can make the save fail: a
 * failed save would lose the answer and the help panel together.
 */
final class FlagDraft {
    static final String SEPARATOR = "\n\n";
    private static final String ELLIPSIS = "…";
    private final List<String> texts = new ArrayList<>();
    private final Set<String> matches = new LinkedHashSet<>();
    private final Set<String> categories = new LinkedHashSet<>();
    private Disclosure.Detection detection = Disclosure.Detection.NONE;

    void add(String text, Disclosure found) {
        texts.add(text);
        matches.addAll(found.matchedIndicators());
        categories.addAll(found.categories());
        detection = detection.and(found.detection());
    }

    /** The kinds of harm found, as ids separated by commas, whole ids only. */
    String categories(int max) {
        StringBuilder out = new StringBuilder();
        for (String c : categories) {
            if (out.length() + c.length() + 1 > max) {
                break;
            }
            out.append(out.isEmpty() ? "" : ",").append(c);
        }
        return out.toString();
    }

    /** Which layer found the answer's texts: LIST, MEANING or BOTH. */
    Disclosure.Detection detection() {
        return detection;
    }

    boolean isEmpty() {
        return texts.isEmpty();
    }

    /** The flagged texts of the answer (several "why"s of a places question), one paragraph each. */
    String body(int max) {
        return cut(String.join(SEPARATOR, texts), max);
    }

    /** The matched phrases, whole ones only, with how many more did not fit. */
    String indicators(int max) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (String m : matches) {
            int left = matches.size() - shown - 1;
            String more = left == 0 ? "" : ", … (+" + left + ")";
            String next = (shown == 0 ? "" : ", ") + m;
            if (out.length() + next.length() + more.length() > max) {
                break;
            }
            out.append(next);
            shown++;
        }
        if (shown < matches.size()) {
            out.append(cut((shown == 0 ? "… (+" : ", … (+") + (matches.size() - shown) + ")", max - out.length()));
        }
        return out.toString();
    }

    /** The text cut to {@code max} characters, with an ellipsis where it was cut, never splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - ELLIPSIS.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }
}
