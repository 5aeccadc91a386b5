package org.hymnsheet.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Texts for safeguarding tests: long answers built from the indicator file itself, so they match every category. */
final class SafeguardingTexts {
    private static final Pattern GROUP = Pattern.compile("\\{([a-z-]+)}");

    private SafeguardingTexts() {}

    /**
     * A text of exactly {@code length} characters made of indicator phrases, one of each category in turn, with
     * every group written as one of its words ({@code variant} picks which, so texts can differ).
     */
    static String everyCategory(DisclosureDetector detector, int length, int variant) {
        var indicators = detector.indicators();
        List<List<String>> byCategory = new ArrayList<>();
        indicators.categories().forEach(c -> byCategory.add(c.phrases()));
        StringBuilder text = new StringBuilder();
        for (int round = 0; text.length() < length; round++) {
            for (List<String> phrases : byCategory) {
                String phrase = phrases.get(round % phrases.size());
                Matcher m = GROUP.matcher(phrase);
                StringBuilder written = new StringBuilder();
                while (m.find()) {
                    List<String> words = indicators.groups().get(m.group(1));
                    m.appendReplacement(written, words.get((variant + round) % words.size()));
                }
                m.appendTail(written);
                text.append(written).append(". ");
            }
        }
        return text.substring(0, length - 1) + ".";
    }
}
