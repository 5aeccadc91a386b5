package org.hymnsheet.templates;

import java.util.Optional;
import java.util.function.Supplier;

/** A template read without a single problem, with its id and the line of that id for the check across files. */
record ParsedTemplate<T>(T template, String id, int idLine) {

    /**
     * The template, made only when its file has no problem at all: every problem is reported where it is found,
     * so none means every part the template is made of was read.
     *
     * @param top the file's top mapping, where the id is
     */
    static <T> Optional<ParsedTemplate<T>> ifWhole(YamlMap top, String id, Problems problems, Supplier<T> template) {
        return problems.any() ? Optional.empty()
                : Optional.of(new ParsedTemplate<>(template.get(), id, Problems.line(top.value("id"))));
    }
}
