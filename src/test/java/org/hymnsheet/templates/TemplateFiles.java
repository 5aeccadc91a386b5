package org.hymnsheet.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A throwaway {@code workshops/} folder to write template files into and load them from. */
final class TemplateFiles {
    /** The first lines of a valid one-language survey; the questions that follow start on line 6. */
    static final String HEADER = """
            id: check-in
            title: Check-in
            languages: [en]
            intro: A short check-in.
            questions:
            """;

    static final String MOOD = """
              - id: mood
                kind: scale
                text: How are you today?
                labels: [Awful, Bad, Okay, Good, Great]
            """;

    /** The first lines of a valid workshop; the stages that follow start on line 5. */
    static final String WORKSHOP = """
            id: session
            title: Session
            intro: A short session.
            stages:
            """;

    /** A valid mapping stage: seven lines, its columns starting on its sixth. */
    static final String MAPPING = """
              - id: map
                kind: mapping
                title: Mapping
                prompt: Add your notes.
                columns:
                  - id: worried
                    label: What are we worried about?
            """;

    final Path root;

    TemplateFiles(Path temporary) {
        root = temporary.resolve("workshops");
        try {
            Files.createDirectories(root.resolve("surveys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TemplateFiles write(String name, String content) {
        return write(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    TemplateFiles write(String name, byte[] content) {
        return write(root.resolve("surveys").resolve(name), content);
    }

    /** A file in the workshops folder itself, where workshop templates live. */
    TemplateFiles workshop(String name, String content) {
        return write(root.resolve(name), content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A valid one-stage workshop with this id, in a file named after it. */
    TemplateFiles validWorkshop(String id) {
        return workshop(id + ".yaml", WORKSHOP.replace("session", id) + MAPPING);
    }

    private TemplateFiles write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A valid one-question survey with this id, in a file named after it. */
    TemplateFiles valid(String id) {
        return write(id + ".yaml", HEADER.replace("check-in", id) + MOOD);
    }

    TemplateLoader.Loaded load() {
        return TemplateLoader.load(root);
    }

    List<String> problems() {
        return load().problems().stream().map(TemplateProblem::toString).toList();
    }

    /** The problems of one file written alone into this folder. */
    List<String> problemsOf(String name, String content) {
        write(name, content);
        return problems().stream().filter(p -> p.startsWith("workshops/surveys/" + name + ":")).toList();
    }

    /** The problems of one workshop file written alone into this folder. */
    List<String> workshopProblemsOf(String name, String content) {
        workshop(name, content);
        return problems().stream().filter(p -> p.startsWith("workshops/" + name + ":")).toList();
    }
}
