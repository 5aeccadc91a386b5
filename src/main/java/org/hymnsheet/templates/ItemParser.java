package org.hymnsheet.templates;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the readers of one item of a template share (a survey's question, a workshop's stage): the template's
 * texts and problems, its lists, and a kind that decides which keys the item may have.
 */
abstract class ItemParser {
    final Texts texts;
    final Problems problems;
    final ListReader lists;

    ItemParser(Texts texts, Problems problems) {
        this.texts = texts;
        this.problems = problems;
        this.lists = new ListReader(texts, problems);
    }

    /** The keys of one kind: those every item has, then the kind's own. */
    static List<String> keys(List<String> common, String... own) {
        return Stream.concat(common.stream(), Arrays.stream(own)).toList();
    }

    /**
     * The item's kind, with its keys checked against the kind's own, or against every kind's when the kind is
     * missing or unknown (reported, naming the kinds there are).
     *
     * @param item what the item is, for the problems: "question", "stage"
     */
    <K extends Enum<K>> K kind(YamlMap map, K[] kinds, Function<K, List<String>> keys, String item) {
        K kind = YamlEnums.read(map, "kind", kinds, item + " kind", true, problems);
        if (kind == null) {
            map.allowOnly(Arrays.stream(kinds).flatMap(k -> keys.apply(k).stream()).distinct().toList(), "");
        } else {
            map.allowOnly(keys.apply(kind), " in a " + YamlEnums.yamlName(kind) + " " + item);
        }
        return kind;
    }

    /** The item, made only when the problem count is unchanged since {@code before}: nothing in it was wrong. */
    <T> T whole(int before, Supplier<T> item) {
        return problems.count() == before ? item.get() : null;
    }
}
