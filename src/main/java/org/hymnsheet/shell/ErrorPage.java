package org.hymnsheet.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;

/** The body every error view shows: a plain title, a plain sentence, a way home. Never a stack trace. */
abstract class ErrorPage extends Main {
    private final H1 title = new H1();
    private final Paragraph message = new Paragraph();

    ErrorPage() {
        addClassName("narrow-page");
        add(title, message);
    }

    void show(String titleKey, String messageKey) {
        title.setText(getTranslation(titleKey));
        message.setText(getTranslation(messageKey));
        getUI().ifPresent(ui -> ui.getPage().setTitle(getTranslation(titleKey) + " | " + getTranslation("app.name")));
    }

    void withHomeLink() {
        add(new Paragraph(new Anchor("", getTranslation("error.home"))));
    }
}
