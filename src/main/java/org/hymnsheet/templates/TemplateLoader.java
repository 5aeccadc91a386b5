package org.hymnsheet.templates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads every template in a templates folder, in file name order: survey templates from
 * {@code <folder>/surveys/*.yaml} (or {@code *.yml}) and workshop templates from {@code <folder>/*.yaml} itself.
 * A file with any problem is skipped whole and its problems reported; the other files still load.
 */
final class TemplateLoader {
    static final String SURVEYS = "surveys";

    record Loaded(List<SurveyTemplate> surveys, List<WorkshopTemplate> workshops, List<TemplateProblem> problems,
                  int brokenFiles) {}

    /**
     * One kind of template file.
     *
     * @param noun what one file holds, as problems name it: "survey"
     * @param item what the file lists, for the hints about indentation: "question"
     */
    private record Format<T>(String noun, String item,
                             BiFunction<Node, Problems, Optional<ParsedTemplate<T>>> parser) {}

    private record Folder<T>(List<T> templates, List<TemplateProblem> problems, int brokenFiles) {}

    private static final Format<SurveyTemplate> SURVEY = new Format<>("survey", "question", SurveyParser::parse);
    private static final Format<WorkshopTemplate> WORKSHOP = new Format<>("workshop", "stage", WorkshopParser::parse);

    private TemplateLoader() {}

    /** Files are named as project paths ({@code workshops/surveys/x.yaml}): the folder's own name and below. */
    static Loaded load(Path templatesFolder) {
        Path root = templatesFolder.toAbsolutePath().normalize();
        String name = String.valueOf(root.getFileName());
        Folder<SurveyTemplate> surveys = load(root.resolve(SURVEYS), name + "/" + SURVEYS, SURVEY);
        Folder<WorkshopTemplate> workshops = load(root, name, WORKSHOP);
        List<TemplateProblem> problems = new ArrayList<>(surveys.problems());
        problems.addAll(workshops.problems());
        return new Loaded(surveys.templates(), workshops.templates(), List.copyOf(problems),
                surveys.brokenFiles() + workshops.brokenFiles());
    }

    private static <T> Folder<T> load(Path directory, String folder, Format<T> format) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(TemplateLoader::isTemplate).sorted().toList();
        } catch (NoSuchFileException missing) {
            return folderProblem(folder, "folder not found, so no " + format.noun() + " templates are loaded");
        } catch (IOException unreadable) {
            return folderProblem(folder, "cannot read this folder (" + unreadable.getClass().getSimpleName() + ")");
        }
        List<T> templates = new ArrayList<>();
        List<TemplateProblem> problems = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        int broken = 0;
        for (Path file : files) {
            Problems found = new Problems(folder + "/" + file.getFileName());
            Optional<ParsedTemplate<T>> parsed = YamlFile.read(file, found, format.noun(), format.item())
                    .flatMap(document -> format.parser().apply(document, found));
            parsed.ifPresent(p -> {
                String first = fileById.putIfAbsent(p.id(), found.file());
                if (first != null) {
                    found.at(p.idLine(), format.noun() + " id \"" + p.id() + "\" is already used by " + first);
                }
            });
            if (found.any()) {
                broken++;
                problems.addAll(found.list());
            } else {
                templates.add(parsed.orElseThrow().template());
            }
        }
        return new Folder<>(List.copyOf(templates), List.copyOf(problems), broken);
    }

    private static boolean isTemplate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static <T> Folder<T> folderProblem(String folder, String message) {
        return new Folder<>(List.of(), List.of(new TemplateProblem(folder, 0, message)), 0);
    }
}
