package org.hymnsheet.findings;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Findings from partnership workshops: each panel one query (the aggregates boards and workshop records compute,
 * read from the same place). Called by {@link FindingsService}, which has already checked access.
 */
@Component
public class WorkshopFindings {

    /**
     * Ecological share of card placements per workshop and per quarter, framing positions by agency over time,
     * voice balance and each agency's share of speaking time, the reflection pulse, the needs raised most often.
     */
    public List<FindingsTable> practice(FindingsScope scope, FindingsFilter filter, Locale locale) {
        return List.of();
    }

    /**
     * Per quarter ("2026 Q3") and card context id, how many response cards target it, with "_cards" the number of
     * cards considered. (Filled in with the workshop findings.)
     */
    public java.util.Map<String, java.util.Map<String, Long>> cardContextsByQuarter(FindingsScope scope, FindingsFilter filter) {
        return java.util.Map.of();
    }

    /** Agencies present and absent per workshop (agencies × workshops), levels present. */
    public List<FindingsTable> participation(FindingsScope scope, FindingsFilter filter, Locale locale) {
        return List.of();
    }
}
