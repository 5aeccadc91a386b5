package org.hymnsheet.findings.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.findings.FindingsSection;
import org.hymnsheet.findings.FindingsTable;

/** The findings themselves, for the page and its print view: each section with its panels, then the rule once. */
class FindingsBody extends Div {

    /** @param csv a panel's own CSV download, or null for none (the print view) */
    FindingsBody(List<FindingsSection> sections, Locale locale, Function<FindingsTable, DownloadHandler> csv) {
        addClassName("findings-body");
        setId("findings-body");
        if (sections.stream().allMatch(s -> s.tables().isEmpty())) {
            var none = new Paragraph(getTranslation("findings.none"));
            none.setId("findings-none");
            add(none);
        }
        for (FindingsSection section : sections) {
            var box = new Section(new H2(section.title()));
            box.addClassName("findings-section");
            box.setId("section-" + section.id().replaceAll("[^A-Za-z0-9_-]", "-"));
            if (section.tables().isEmpty()) {
                box.add(new Paragraph(getTranslation("findings.section.empty")));
            }
            for (FindingsTable table : section.tables()) {
                box.add(new PanelView(table, locale, csv == null ? null : csv.apply(table)));
            }
            add(box);
        }
        var rule = new Paragraph(Suppression.rule(locale));
        rule.addClassName("findings-footnote");
        rule.setId("findings-rule");
        add(rule);
    }
}
