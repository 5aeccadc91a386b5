package org.hymnsheet.findings.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.findings.FindingsSection;
import org.hymnsheet.findings.FindingsTable;

/** The findings themselves, for the page and its print view: each section with its panels, then the rule once. */
class FindingsBody extends Div {
    /**
     * The production bundle loads a route's web components in a chunk keyed by the SHA-256 of the route class's
     * name. The committed bundle was built before the findings routes existed, so it has no chunk for them; the
     * chart component ({@code <echarts-chart>}) is in the board's chunk, which this page therefore loads. Harmless
     * once the bundle is rebuilt with the findings routes (the chunk is then loaded twice at most, from cache).
     */
    private static final String CHART_CHUNK = sha256("org.hymnsheet.boards.ui.BoardView");

    /** @param csv a panel's own CSV download, or null for none (the print view) */
    FindingsBody(List<FindingsSection> sections, Locale locale, Function<FindingsTable, DownloadHandler> csv) {
        addAttachListener(e -> e.getUI().getPage().addDynamicImport(
                "return window.Vaadin.Flow.loadOnDemand('" + CHART_CHUNK + "');"));
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
