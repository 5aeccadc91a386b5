package org.hymnsheet.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the lists inside a question: the options of a choice, the roles of trusted people, a scale's labels. */
final class ListReader {
    private final Texts texts;
    private final Problems problems;

    ListReader(Texts texts, Problems problems) {
        this.texts = texts;
        this.problems = problems;
    }

    /** The options that are well formed; any problem is reported, so a short list never slips through. */
    List<Option> options(YamlMap map, String key, int atLeast) {
        List<Node> items = map.list(key);
        if (items == null) {
            return List.of();
        }
        if (items.size() < atLeast) {
            problems.at(map.keyNode(key), "\"" + key + "\" needs at least " + atLeast
                    + (atLeast == 1 ? " item" : " items"));
        }
        List<Option> options = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Node item : items) {
            YamlMap.of(item, "each of the " + key + " should be written as \"- id: ...\" with a \"label: ...\" line "
                    + "under it", problems).ifPresent(option -> {
                option.allowOnly(List.of("id", "label"), " in " + key);
                String id = option.id("id");
                LocalizedText label = texts.required(option, "label");
                if (id != null) {
                    problems.unique(firstLine, id, Problems.line(option.value("id")),
                            "\"" + id + "\" is used twice in " + key);
                }
                if (id != null && label != null) {
                    options.add(new Option(id, label));
                }
            });
        }
        return options;
    }

    /** The five labels of a scale; a null entry marks one already reported. */
    List<LocalizedText> labels(YamlMap map) {
        List<Node> items = map.list("labels");
        if (items == null) {
            return List.of();
        }
        if (items.size() != Scale.POINTS) {
            problems.at(map.keyNode("labels"), "a scale needs exactly " + Scale.POINTS + " labels, for 1 to "
                    + Scale.POINTS + "; found " + items.size());
        }
        List<LocalizedText> labels = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            labels.add(texts.read(items.get(i), "label " + (i + 1)));
        }
        return labels;
    }
}
