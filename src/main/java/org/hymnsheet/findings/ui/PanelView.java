package org.hymnsheet.findings.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.Locale;
import org.hymnsheet.common.ui.EChart;
import org.hymnsheet.findings.FindingsTable;

/**
 * One findings panel, whatever it shows: its title, its summary sentence, the chart (an image with a label) and
 * beside it the table of the same figures, which is the chart's text alternative and is always visible.
 */
class PanelView extends Section {

    PanelView(FindingsTable table, Locale locale, DownloadHandler csv) {
        addClassName("findings-panel");
        setId("panel-" + table.id().replaceAll("[^A-Za-z0-9_-]", "-"));
        add(new H3(table.title()));
        if (!table.summary().isEmpty()) {
            var summary = new Paragraph(table.summary());
            summary.addClassName("findings-summary");
            add(summary);
        }
        var figure = new Div();
        figure.addClassName("findings-figure");
        FindingsCharts.option(table, locale).ifPresent(option -> {
            var chart = new EChart(getTranslation("findings.chartLabel", table.title()));
            chart.setHeight(FindingsCharts.height(table) + "px");
            chart.setOption(option);
            chart.addClassName("findings-chart");
            figure.add(chart);
        });
        figure.add(table(table, locale));
        add(figure);
        for (String note : table.notes()) {
            var p = new Paragraph(note);
            p.addClassName("findings-note");
            add(p);
        }
        if (csv != null) {
            var download = new Anchor(csv, getTranslation("findings.panelCsv"));
            download.addClassNames("findings-panel-csv", "findings-no-print");
            add(download);
        }
    }

    private Div table(FindingsTable table, Locale locale) {
        var native_ = new NativeTable();
        native_.setCaptionText(getTranslation("findings.tableCaption", table.title()));
        NativeTableRow head = native_.getHead().addRow();
        for (FindingsTable.Column column : table.columns()) {
            var th = head.addHeaderCell();
            th.setText(column.heading());
            th.getElement().setAttribute("scope", "col");
        }
        var body = native_.getBody();
        for (FindingsTable.Row row : table.rows()) {
            NativeTableRow tr = body.addRow();
            for (int c = 0; c < row.values().size(); c++) {
                FindingsTable.Value value = row.values().get(c);
                if (c == 0 && table.columns().getFirst().kind() == FindingsTable.Kind.LABEL) {
                    var th = tr.addHeaderCell();
                    th.setText(value.label(locale));
                    th.getElement().setAttribute("scope", "row");
                } else {
                    var td = tr.addDataCell();
                    td.setText(value.label(locale));
                    if (table.columns().get(c).kind() != FindingsTable.Kind.LABEL) {
                        td.addClassName("findings-figure-cell");
                    }
                    if (FindingsCharts.figure(value) == null && !(value instanceof FindingsTable.Text)) {
                        td.addClassName("findings-hidden-cell");
                    }
                }
            }
        }
        var wrapper = new Div(native_);
        wrapper.addClassName("findings-table");
        // a wide table scrolls within its own box (never the page), so it must be reachable by keyboard
        wrapper.getElement().setAttribute("tabindex", "0");
        wrapper.getElement().setAttribute("role", "region");
        wrapper.getElement().setAttribute("aria-label", getTranslation("findings.tableCaption", table.title()));
        return wrapper;
    }
}
