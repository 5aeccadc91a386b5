package org.hymnsheet.templates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads one survey template from its YAML document, collecting every problem rather than stopping at the first. */
final class SurveyParser {
    static final List<String> KEYS = List.of("id", "title", "languages", "audience", "intro", "questions");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /** A valid template, with the line of its id for the check across files. */
    record Parsed(SurveyTemplate template, int idLine) {}

    private SurveyParser() {}

    static Optional<Parsed> parse(Node document, Problems problems) {
        var top = YamlMap.of(document, "a survey template should be a set of \"key: value\" lines, starting with "
                + "\"id:\"", problems);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = top.get();
        map.allowOnly(KEYS, "");
        String id = map.id("id");
        List<String> languages = languages(map, problems);
        Texts texts = new Texts(languages, problems);
        LocalizedText title = texts.required(map, "title");
        Audience audience = audience(map, problems);
        LocalizedText intro = texts.required(map, "intro");
        List<Node> items = map.list("questions");
        if (items != null && items.isEmpty()) {
            problems.at(map.keyNode("questions"), "\"questions\" is empty: a survey needs at least one question");
        }
        List<Question> questions = items == null ? List.of() : new QuestionList(texts, problems).read(items);
        if (problems.any()) {
            return Optional.empty();
        }
        var template = new SurveyTemplate(id, problems.file(), title, languages, audience, intro, questions);
        return Optional.of(new Parsed(template, Problems.line(map.value("id"))));
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
        String name = map.optionalString("audience");
        if (name == null) {
            return Audience.YOUNG_PEOPLE;
        }
        for (Audience audience : Audience.values()) {
            if (yamlName(audience).equals(name)) {
                return audience;
            }
        }
        problems.at(map.value("audience"), "unknown audience \"" + name + "\" (use one of: "
                + String.join(", ", Arrays.stream(Audience.values()).map(SurveyParser::yamlName).toList()) + ")");
        return Audience.YOUNG_PEOPLE;
    }

    static String yamlName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
