package org.hymnsheet.boards.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.hymnsheet.common.ui.EChart;

/**
 * A chart with its text alternative: a visible one-line summary under it and, for screen readers and for the
 * record, a table of every figure it draws. All text is set as text, never as markup.
 */
final class Figures {
    private Figures() {}

    static Div figure(String id, EChart chart, String summary, List<String> headers, List<List<String>> rows) {
        var figure = new Div();
        figure.getElement().setAttribute("role", "figure");
        figure.setId(id);
        figure.addClassName("board-figure");
        var caption = new Div();
        caption.addClassName("board-caption");
        caption.setText(summary);
        caption.setId(id + "-summary");
        figure.getElement().setAttribute("aria-labelledby", id + "-summary");
        if (chart != null) {
            figure.add(chart);
        }
        figure.add(caption);
        figure.getElement().appendChild(table(headers, rows));
        return figure;
    }

    /**
     * A table only screen readers see (and tests read): the chart's figures in full. It sits in a hidden box of its
     * own: a table grows to its content whatever its width says, and a wide one would push the board sideways.
     */
    static Element table(List<String> headers, List<List<String>> rows) {
        var box = new Element("div");
        box.getClassList().add("visually-hidden");
        var table = new Element("table");
        var head = new Element("tr");
        headers.forEach(h -> head.appendChild(new Element("th").setAttribute("scope", "col").setText(h)));
        table.appendChild(new Element("thead").appendChild(head));
        var body = new Element("tbody");
        for (List<String> row : rows) {
            var tr = new Element("tr");
            row.forEach(cell -> tr.appendChild(new Element("td").setText(cell == null ? "" : cell)));
            body.appendChild(tr);
        }
        return box.appendChild(table.appendChild(body));
    }

}
