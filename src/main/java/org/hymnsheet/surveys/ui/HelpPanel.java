package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * "Get help now": reachable from every screen, opened at once when an answer looks like a disclosure.
 * The text comes from configuration (hymnsheet.help.en / hymnsheet.help.cy), one line per paragraph.
 */
final class HelpPanel extends Div {
    private final HelpText text;
    private final Button toggle = new Button();
    private final Paragraph afterDisclosure = new Paragraph();

    HelpPanel(HelpText text) {
        this.text = text;
        addClassName("help-panel");
        setId("help-panel");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "help-title");
        toggle.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        toggle.setId("get-help");
        toggle.getElement().setAttribute("aria-controls", "help-panel");
        toggle.addClickListener(e -> setOpen(!isVisible()));
        afterDisclosure.addClassName("help-disclosure");
        setOpen(false);
        refresh();
    }

    Button button() {
        return toggle;
    }

    void refresh() {
        removeAll();
        toggle.setText(getTranslation("help.button"));
        var title = new H2(getTranslation("help.title"));
        title.setId("help-title");
        title.getElement().setAttribute("tabindex", "-1");
        add(title, afterDisclosure);
        for (String line : text.lines(getLocale().getLanguage())) {
            add(new Paragraph(line));
        }
        var close = new Button(getTranslation("help.close"), e -> setOpen(false));
        close.setId("close-help");
        add(close);
    }

    /** Open from the start, without taking the focus from the page's heading (the thank-you screen). */
    void showOpen() {
        setVisible(true);
        toggle.getElement().setAttribute("aria-expanded", "true");
    }

    void openAfterDisclosure() {
        afterDisclosure.setText(getTranslation("help.afterDisclosure"));
        setOpen(true);
    }

    private void setOpen(boolean open) {
        setVisible(open);
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        if (open) {
            getElement().executeJs("this.scrollIntoView({block: 'start'}); this.querySelector('h2').focus()");
        }
    }
}
