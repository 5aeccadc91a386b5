package org.hymnsheet.templates;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read key by key from SnakeYAML's node tree, so that every problem carries the line of the
 * key or value it is about. Reports keys written twice and keys nobody asked for (usually typos).
 */
final class YamlMap {
    /** Ids are stored with every answer, so they stay plain: lowercase letters, digits and single dashes. */
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int ID_MAX = 40;
    private static final Set<String> TRUE = Set.of("true", "yes");
    private static final Set<String> FALSE = Set.of("false", "no");

    private final MappingNode node;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(MappingNode node, Problems problems) {
        this.node = node;
        this.problems = problems;
        for (NodeTuple entry : node.getValue()) {
            String key = scalar(entry.getKeyNode());
            if (key == null) {
                problems.at(entry.getKeyNode(), "a key should be a plain word followed by a colon");
                continue;
            }
            NodeTuple first = entries.putIfAbsent(key, entry);
            if (first != null) {
                problems.at(entry.getKeyNode(), "\"" + key + "\" is written twice (first on line "
                        + Problems.line(first.getKeyNode()) + ")");
            }
        }
    }

    /** The mapping at this node, or empty after reporting {@code otherwise} when the node is something else. */
    static Optional<YamlMap> of(Node node, String otherwise, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMap(mapping, problems));
        }
        problems.at(node, otherwise);
        return Optional.empty();
    }

    /** The top of a template file, with its unknown keys reported, or empty after reporting it is no mapping. */
    static Optional<YamlMap> top(Node document, String noun, List<String> keys, Problems problems) {
        var top = of(document, "a " + noun + " template should be a set of \"key: value\" lines, starting with \"id:\"",
                problems);
        top.ifPresent(map -> map.allowOnly(keys, ""));
        return top;
    }

    /** The text of a plain value, or null for an empty value ({@code key:} or {@code ~}), a list or a mapping. */
    static String scalar(Node node) {
        return node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue().strip() : null;
    }

    static boolean isEmpty(Node node) {
        return node instanceof ScalarNode s && (s.getTag().equals(Tag.NULL) || s.getValue().isBlank());
    }

    int line() {
        return Problems.line(node);
    }

    Collection<String> keys() {
        return entries.keySet();
    }

    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    void allowOnly(List<String> allowed, String where) {
        entries.forEach((key, entry) -> {
            if (!allowed.contains(key)) {
                problems.at(entry.getKeyNode(), "unknown key \"" + key + "\"" + where + " (use one of: "
                        + String.join(", ", allowed) + ")");
            }
        });
    }

    /** The value of a key, or null when the key is absent or left empty. */
    Node value(String key) {
        NodeTuple entry = entries.get(key);
        return entry == null || isEmpty(entry.getValueNode()) ? null : entry.getValueNode();
    }

    /** The value of a key that must be there, or null after reporting that it is missing or empty. */
    Node required(String key) {
        NodeTuple entry = entries.get(key);
        if (entry == null) {
            problems.at(line(), "missing \"" + key + "\"");
            return null;
        }
        if (isEmpty(entry.getValueNode())) {
            problems.at(entry.getKeyNode(), "\"" + key + "\" is empty");
            return null;
        }
        return entry.getValueNode();
    }

    String requiredString(String key) {
        return string(key, required(key));
    }

    String optionalString(String key) {
        return string(key, value(key));
    }

    private String string(String key, Node value) {
        if (value == null) {
            return null;
        }
        String text = scalar(value);
        if (text == null) {
            problems.at(value, "\"" + key + "\" should be a single value, not a list or a set of keys");
        }
        return text;
    }

    /** An id that answers can be stored under, or null after reporting why it cannot be one. */
    String id(String key) {
        String id = requiredString(key);
        if (id != null && (!ID.matcher(id).matches() || id.length() > ID_MAX)) {
            String suggestion = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            problems.at(value(key), "\"" + id + "\" cannot be an id: use up to " + ID_MAX
                    + " lowercase letters, digits and dashes, like \"" + suggestion + "\"");
            return null;
        }
        return id;
    }

    boolean flag(String key) {
        String text = optionalString(key);
        if (text == null || FALSE.contains(text.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (TRUE.contains(text.toLowerCase(Locale.ROOT))) {
            return true;
        }
        problems.at(value(key), "\"" + key + "\" should be true or false");
        return false;
    }

    int number(String key, int absent, int min, int max) {
        String text = optionalString(key);
        if (text == null) {
            return absent;
        }
        if (text.matches("\\d{1,9}") && Integer.parseInt(text) >= min && Integer.parseInt(text) <= max) {
            return Integer.parseInt(text);
        }
        problems.at(value(key), "\"" + key + "\" should be a whole number from " + min + " to " + max);
        return absent;
    }

    /** The items of a list that must be there, or null after reporting that it is missing or not a list. */
    List<Node> list(String key) {
        Node value = required(key);
        if (value == null) {
            return null;
        }
        if (value instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problems.at(value, "\"" + key + "\" should be a list, one item per line starting with \"- \"");
        return null;
    }

    /** Like {@link #list}, and reports an empty list ({@code key: []}) as "key" is empty, followed by why not. */
    List<Node> nonEmptyList(String key, String why) {
        List<Node> items = list(key);
        if (items != null && items.isEmpty()) {
            problems.at(keyNode(key), "\"" + key + "\" is empty: " + why);
        }
        return items;
    }
}
