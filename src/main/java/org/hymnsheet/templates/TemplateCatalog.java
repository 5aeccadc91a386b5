package org.hymnsheet.templates;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The survey templates in {@code workshops/surveys/} and the workshop templates in {@code workshops/}, read at
 * start-up and on {@link #reload()}. A broken file is reported (and logged) and skipped; the others load, and the
 * app starts whatever the files contain. Readers see one whole load or the next, never a mix: each load replaces
 * an immutable snapshot of both.
 */
@Component
public class TemplateCatalog {
    private static final Logger log = LoggerFactory.getLogger(TemplateCatalog.class);

    private record Snapshot(List<SurveyTemplate> surveys, Map<String, SurveyTemplate> surveysById,
                            List<WorkshopTemplate> workshops, Map<String, WorkshopTemplate> workshopsById,
                            List<TemplateProblem> problems, int brokenFiles) {}

    private final Path folder;
    private volatile Snapshot snapshot;

    TemplateCatalog(@Value("${hymnsheet.templates.dir:workshops}") String folder) {
        this.folder = Path.of(folder);
        load();
    }

    /** The valid survey templates, in file name order. */
    public List<SurveyTemplate> surveys() {
        return snapshot.surveys();
    }

    public Optional<SurveyTemplate> survey(String id) {
        return Optional.ofNullable(id).map(snapshot.surveysById()::get);
    }

    /** The valid workshop templates, in file name order. */
    public List<WorkshopTemplate> workshops() {
        return snapshot.workshops();
    }

    public Optional<WorkshopTemplate> workshop(String id) {
        return Optional.ofNullable(id).map(snapshot.workshopsById()::get);
    }

    /** Every problem of the last load, as "file:line: message": survey files first, then workshop files. */
    public List<TemplateProblem> problems() {
        return snapshot.problems();
    }

    /** Reads the folder again, after someone edited a template. */
    public ReloadResult reload() {
        Snapshot now = load();
        return new ReloadResult(now.surveys().size(), now.workshops().size(), now.brokenFiles(), now.problems());
    }

    private synchronized Snapshot load() {
        var loaded = TemplateLoader.load(folder);
        loaded.problems().forEach(problem -> log.warn("Template problem: {}", problem));
        snapshot = new Snapshot(loaded.surveys(), byId(loaded.surveys(), SurveyTemplate::id), loaded.workshops(),
                byId(loaded.workshops(), WorkshopTemplate::id), loaded.problems(), loaded.brokenFiles());
        log.info("Loaded {} survey templates and {} workshop templates; {} files skipped with problems",
                loaded.surveys().size(), loaded.workshops().size(), loaded.brokenFiles());
        return snapshot;
    }

    private static <T> Map<String, T> byId(List<T> templates, Function<T, String> id) {
        return templates.stream().collect(Collectors.toUnmodifiableMap(id, Function.identity()));
    }
}
