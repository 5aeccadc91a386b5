package org.hymnsheet.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** The problems found in one template file, each at the line of the YAML it is about. */
final class Problems {
    private final String file;
    private final List<TemplateProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void at(int line, String message) {
        found.add(new TemplateProblem(file, line, message));
    }

    void at(Node node, String message) {
        at(line(node), message);
    }

    /**
     * Reports a name already used earlier in the same list, at the line of the repeat.
     *
     * @param seen each name used so far, with its first line
     * @return whether the name is new
     */
    boolean unique(Map<String, Integer> seen, String name, int line, String usedTwice) {
        Integer first = seen.putIfAbsent(name, line);
        if (first != null) {
            at(line, usedTwice + " (first on line " + first + ")");
        }
        return first == null;
    }

    int count() {
        return found.size();
    }

    boolean any() {
        return !found.isEmpty();
    }

    List<TemplateProblem> list() {
        return List.copyOf(found);
    }

    /** SnakeYAML counts lines from 0; editors and people count from 1. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
