package org.hymnsheet.templates;

import java.util.List;

/**
 * What a reload of the template folder found.
 *
 * @param surveys how many survey templates are loaded now
 * @param workshops how many workshop templates are loaded now
 * @param brokenFiles how many files (survey or workshop) were skipped because of problems
 */
public record ReloadResult(int surveys, int workshops, int brokenFiles, List<TemplateProblem> problems) {
    public ReloadResult {
        problems = List.copyOf(problems);
    }
}
