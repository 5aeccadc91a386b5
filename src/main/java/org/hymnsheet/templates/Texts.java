package org.hymnsheet.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the texts of one template: a plain string when the template has one language, otherwise one text per
 * language ({@code {en: ..., cy: ...}}), and reports any language that is missing or not the template's.
 */
final class Texts {
    private final String owner;
    private final List<String> languages;
    private final Problems problems;

    /** @param owner what kind of template the texts belong to, for the problems: "survey", "workshop" */
    Texts(String owner, List<String> languages, Problems problems) {
        this.owner = owner;
        this.languages = List.copyOf(languages);
        this.problems = problems;
    }

    LocalizedText required(YamlMap map, String key) {
        Node value = map.required(key);
        return value == null ? null : read(value, key);
    }

    LocalizedText optional(YamlMap map, String key) {
        Node value = map.value(key);
        return value == null ? null : read(value, key);
    }

    /** The text at this node, or null after reporting what is wrong with it. */
    LocalizedText read(Node node, String what) {
        if (YamlMap.isEmpty(node)) {
            problems.at(node, what + " is empty");
            return null;
        }
        if (!(node instanceof MappingNode)) {
            String single = YamlMap.scalar(node);
            if (single == null) {
                problems.at(node, what + " should be written as text, not as a list");
            } else if (languages.size() == 1) {
                return new LocalizedText(Map.of(languages.getFirst(), single));
            } else {
                problems.at(node, what + " needs a text in each of the " + owner + "'s languages ("
                        + String.join(", ", languages) + "), written like {en: ..., cy: ...}");
            }
            return null;
        }
        YamlMap translations = YamlMap.of(node, "", problems).orElseThrow();
        Map<String, String> byLanguage = new LinkedHashMap<>();
        for (String language : translations.keys()) {
            if (!languages.contains(language)) {
                problems.at(translations.keyNode(language), what + " has a \"" + language
                        + "\" translation, but the " + owner + "'s languages are " + String.join(", ", languages));
            } else if (translations.value(language) == null) {
                problems.at(translations.keyNode(language), what + " in \"" + language + "\" is empty");
            } else {
                String text = YamlMap.scalar(translations.value(language));
                if (text == null) {
                    problems.at(translations.value(language), what + " in \"" + language
                            + "\" should be written as text, not as a list");
                } else {
                    byLanguage.put(language, text);
                }
            }
        }
        for (String language : languages) {
            if (!translations.keys().contains(language)) {
                problems.at(node, what + " is missing the \"" + language + "\" translation");
            }
        }
        return byLanguage.size() == languages.size() ? new LocalizedText(byLanguage) : null;
    }
}
