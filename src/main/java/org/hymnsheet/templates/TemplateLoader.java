package org.hymnsheet.templates;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Loads every survey template in a templates folder ({@code <folder>/surveys/*.yaml} or {@code *.yml}), in file
 * name order. A file with any problem is skipped whole and its problems reported; the other files still load.
 */
final class TemplateLoader {
    static final String SURVEYS = "surveys";
    private static final Map<String, String> HINTS = Map.of(
            "could not find expected ':'", "a key needs a colon and a space after it, like \"title: ...\"",
            "mapping values are not allowed here", "a text with \": \" in it needs quotes around it",
            "expected <block end>", "check the indentation: the keys of one question line up under each other",
            "but found another document", "a file holds one survey: remove the \"---\" line",
            "expected ',' or", "inside [ ] or { }: close the bracket, and put a text with ? : , [ ] { } in quotes");

    record Loaded(List<SurveyTemplate> surveys, List<TemplateProblem> problems, int brokenFiles) {}

    private TemplateLoader() {}

    /** Files are named as project paths ({@code workshops/surveys/x.yaml}): the folder's own name and below. */
    static Loaded load(Path templatesFolder) {
        Path root = templatesFolder.toAbsolutePath().normalize();
        String folder = root.getFileName() + "/" + SURVEYS;
        List<Path> files;
        try (Stream<Path> listing = Files.list(root.resolve(SURVEYS))) {
            files = listing.filter(TemplateLoader::isTemplate).sorted().toList();
        } catch (NoSuchFileException missing) {
            return folderProblem(folder, "folder not found, so no survey templates are loaded");
        } catch (IOException unreadable) {
            return folderProblem(folder, "cannot read this folder (" + unreadable.getClass().getSimpleName() + ")");
        }
        List<SurveyTemplate> surveys = new ArrayList<>();
        List<TemplateProblem> problems = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        int broken = 0;
        for (Path file : files) {
            Problems found = new Problems(folder + "/" + file.getFileName());
            Optional<SurveyParser.Parsed> parsed = read(file, found)
                    .flatMap(document -> SurveyParser.parse(document, found));
            parsed.ifPresent(p -> {
                String first = fileById.putIfAbsent(p.template().id(), found.file());
                if (first != null) {
                    found.at(p.idLine(), "survey id \"" + p.template().id() + "\" is already used by " + first);
                }
            });
            if (found.any()) {
                broken++;
                problems.addAll(found.list());
            } else {
                surveys.add(parsed.orElseThrow().template());
            }
        }
        return new Loaded(List.copyOf(surveys), List.copyOf(problems), broken);
    }

    private static boolean isTemplate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static Loaded folderProblem(String folder, String message) {
        return new Loaded(List.of(), List.of(new TemplateProblem(folder, 0, message)), 0);
    }

    /** The file's single YAML document, or empty after reporting why it cannot be read. */
    private static Optional<Node> read(Path file, Problems problems) {
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
            problems.at(syntaxLine(syntax), "not valid YAML: " + explain(syntax.getProblem()));
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

    /** SnakeYAML's words for the mistakes practitioners make most, with what to do about them. */
    private static String explain(String problem) {
        for (var hint : HINTS.entrySet()) {
            if (problem.contains(hint.getKey())) {
                return problem + " (" + hint.getValue() + ")";
            }
        }
        return problem;
    }
}
