package org.hymnsheet.templates;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/** Reads one template file into SnakeYAML's node tree, turning what goes wrong into a problem with its line. */
final class YamlFile {
    /** SnakeYAML's words for the mistakes practitioners make most; %1$s is the template ("survey"), %2$s its item. */
    private static final Map<String, String> HINTS = Map.of(
            "could not find expected ':'", "a key needs a colon and a space after it, like \"title: ...\"",
            "mapping values are not allowed here", "a text with \": \" in it needs quotes around it",
            "expected <block end>", "check the indentation: the keys of one %2$s line up under each other",
            "but found another document", "a file holds one %1$s: remove the \"---\" line",
            "expected ',' or", "inside [ ] or { }: close the bracket, and put a text with ? : , [ ] { } in quotes");

    private YamlFile() {}

    /**
     * The file's single YAML document, or empty after reporting why it cannot be read.
     *
     * @param template what one file holds, for the hints: "survey"
     * @param item what the file lists, for the hints: "question"
     */
    static Optional<Node> read(Path file, Problems problems, String template, String item) {
        String content;
        try {
            content = Files.readString(file);
        } catch (CharacterCodingException notUtf8) {
            problems.at(1, "is not saved as UTF-8 text: save it again with UTF-8 encoding");
            return Optional.empty();
        } catch (IOException unreadable) {
            problems.at(1, "cannot be read (" + unreadable.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        try {
            // compose(), not load(): the node tree keeps the line of every key and value, and builds no objects
            Node document = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(content));
            if (document == null) {
                problems.at(1, "the file is empty");
            }
            return Optional.ofNullable(document);
        } catch (MarkedYAMLException syntax) {
            problems.at(syntaxLine(syntax), "not valid YAML: " + explain(syntax.getProblem(), template, item));
        } catch (ReaderException character) {
            int line = (int) content.codePoints().limit(character.getPosition()).filter(c -> c == '\n').count() + 1;
            problems.at(line, "contains a character YAML does not allow (U+%04X)".formatted(character.getCodePoint()));
        } catch (YAMLException other) {
            problems.at(1, "cannot be read as YAML: " + other.getMessage());
        }
        return Optional.empty();
    }

    /**
     * A scanning error (an unclosed quote, a key without its colon) or an unclosed [ or { is found only lines
     * later; its context marks where the mistake starts, which is the line to show.
     */
    private static int syntaxLine(MarkedYAMLException e) {
        String context = Objects.requireNonNullElse(e.getContext(), "");
        Mark mark = e.getContextMark() != null && (context.startsWith("while scanning") || context.contains("flow"))
                ? e.getContextMark() : e.getProblemMark();
        return mark == null ? 1 : mark.getLine() + 1;
    }

    private static String explain(String problem, String template, String item) {
        for (var hint : HINTS.entrySet()) {
            if (problem.contains(hint.getKey())) {
                return problem + " (" + hint.getValue().formatted(template, item) + ")";
            }
        }
        return problem;
    }
}
