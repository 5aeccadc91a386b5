package org.hymnsheet.shell;

import com.vaadin.flow.component.html.Span;

/**
 * The number of open safeguarding flags beside "Safeguarding queue" in the menu. The figure is drawn for the eye and
 * hidden from screen readers, which read "3 open" instead, so the link is announced as "Safeguarding queue 3 open".
 * Hidden while nothing is open.
 */
final class OpenFlagsCount extends Span {
    private final Span figure = new Span();
    private final Span words = new Span();

    OpenFlagsCount() {
        setId("safeguarding-count");
        addClassName("nav-count");
        figure.getElement().setAttribute("aria-hidden", "true");
        words.addClassName("visually-hidden");
        add(figure, words);
        setVisible(false);
    }

    void show(int open) {
        figure.setText(String.valueOf(open));
        words.setText(" " + getTranslation("nav.openFlags", open)); // a space apart from the link's label when read
        setVisible(open > 0);
    }
}
