package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import org.hymnsheet.workshops.RosterEntry;

/**
 * Who is here: agency, level and first name of everyone who joined, with the count in the heading. The list keeps
 * its height and scrolls inside, so a full room does not push the rest of the console off the screen.
 */
final class RosterPanel extends ConsolePanel {
    private final H2 heading = new H2();
    private final Grid<RosterEntry> roster = new Grid<>();
    private List<RosterEntry> shown;

    RosterPanel() {
        super(null, action -> { });
        roster.addColumn(RosterEntry::agencyName).setHeader(getTranslation("console.agency")).setFlexGrow(1);
        roster.addColumn(r -> levelName(r.level())).setHeader(getTranslation("console.level")).setWidth("8.5em")
                .setFlexGrow(0); // "Strategic leader" and "Practitioner" on one line
        roster.addColumn(r -> r.firstName() == null ? "" : r.firstName()).setHeader(getTranslation("console.firstName"))
                .setWidth("5.5em").setFlexGrow(0);
        roster.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        roster.setEmptyStateText(getTranslation("console.nobodyYet"));
        roster.setId("roster");
        roster.addClassName("roster-grid");
        // every row is in the page (a screen reader, a find-in-page and a test see the whole room); the box around
        // the list keeps its height and scrolls, so a full room does not push the rest of the console away
        roster.setAllRowsVisible(true);
        var box = new Div(roster);
        box.addClassName("roster-box");
        add(heading, box);
    }

    void show(List<RosterEntry> people) {
        heading.setText(getTranslation("console.rosterHeading", people.size()));
        if (!people.equals(shown)) { // the poll must not reset the grid under a keyboard user
            shown = people;
            roster.setItems(people);
        }
    }
}
