package org.hymnsheet.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads one survey template from its YAML document, collecting every problem rather than stopping at the first. */
final class SurveyParser {
    static final List<String> KEYS = List.of("id", "title", "languages", "audience", "intro", "questions",
            AboutYou.KEY);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private SurveyParser() {}

    static Optional<ParsedTemplate<SurveyTemplate>> parse(Node document, Problems problems) {
        return YamlMap.top(document, "survey", KEYS, problems).flatMap(map -> parse(map, problems));
    }

    private static Optional<ParsedTemplate<SurveyTemplate>> parse(YamlMap map, Problems problems) {
        String id = map.id("id");
        List<String> languages = languages(map, problems);
        Texts texts = new Texts("survey", languages, problems);
        LocalizedText title = texts.required(map, "title");
        Audience audience = audience(map, problems);
        LocalizedText intro = texts.required(map, "intro");
        List<Node> items = map.nonEmptyList("questions", "a survey needs at least one question");
        List<Question> questions = new ArrayList<>(items == null ? List.of() : new QuestionList(texts, problems).read(items));
        if (items != null) {
            AboutYou.checkOwnIds(items, problems);
        }
        // the standard "about you" questions come last, after everything the survey is about
        questions.addAll(AboutYou.read(map.value(AboutYou.KEY), languages, problems));
        return ParsedTemplate.ifWhole(map, id, problems,
                () -> new SurveyTemplate(id, problems.file(), title, languages, audience, intro, questions));
    }

    /** The languages a respondent may choose; English is required, as the language every text falls back to. */
    private static List<String> languages(YamlMap map, Problems problems) {
        Node value = map.required("languages");
        if (value == null) {
            return List.of(LocalizedText.FALLBACK);
        }
        List<Node> items = value instanceof SequenceNode list ? list.getValue() : List.of(value);
        List<String> codes = new ArrayList<>();
        for (Node item : items) {
            String code = YamlMap.scalar(item);
            if (code == null || !LANGUAGE.matcher(code).matches()) {
                problems.at(item, "languages should be codes of two or three lowercase letters, like en or cy, "
                        + "and several are written [en, cy]");
            } else if (codes.contains(code)) {
                problems.at(item, "language \"" + code + "\" is listed twice");
            } else {
                codes.add(code);
            }
        }
        if (!codes.contains(LocalizedText.FALLBACK)) {
            problems.at(value, "languages must include en: English is what every text falls back to");
            codes.addFirst(LocalizedText.FALLBACK);
        }
        return codes;
    }

    private static Audience audience(YamlMap map, Problems problems) {
        Audience audience = YamlEnums.read(map, "audience", Audience.values(), "audience", false, problems);
        return audience == null ? Audience.YOUNG_PEOPLE : audience;
    }
}
