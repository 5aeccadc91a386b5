package org.hymnsheet.templates;

/**
 * Something wrong in a template file, for the person who edits it.
 *
 * @param file the project path, such as {@code workshops/surveys/safe-places.yaml}
 * @param line 1-based; 0 when the problem is with a whole folder rather than a line
 */
public record TemplateProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
