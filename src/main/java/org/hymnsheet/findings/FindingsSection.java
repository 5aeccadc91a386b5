package org.hymnsheet.findings;

import java.util.List;

/** A part of the findings page and report: "Partnership practice over time", "Participation", … */
public record FindingsSection(String id, String title, List<FindingsTable> tables) {
    public FindingsSection {
        tables = List.copyOf(tables);
    }
}
