package org.hymnsheet.templates;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one workshop template from its YAML document, collecting every problem rather than stopping at the first.
 * Workshops run in English: a text is written as it is, or as {@code {en: ...}}.
 */
final class WorkshopParser {
    static final List<String> KEYS = List.of("id", "title", "intro", "stages");

    private WorkshopParser() {}

    static Optional<ParsedTemplate<WorkshopTemplate>> parse(Node document, Problems problems) {
        return YamlMap.top(document, "workshop", KEYS, problems).flatMap(map -> parse(map, problems));
    }

    private static Optional<ParsedTemplate<WorkshopTemplate>> parse(YamlMap map, Problems problems) {
        String id = map.id("id");
        Texts texts = new Texts("workshop", List.of(LocalizedText.FALLBACK), problems);
        LocalizedText title = texts.required(map, "title");
        LocalizedText intro = texts.required(map, "intro");
        List<Node> items = map.nonEmptyList("stages", "a workshop needs at least one stage");
        List<Stage> stages = items == null ? List.of() : new StageParser(texts, problems).read(items);
        return ParsedTemplate.ifWhole(map, id, problems,
                () -> new WorkshopTemplate(id, problems.file(), title, intro, stages));
    }
}
