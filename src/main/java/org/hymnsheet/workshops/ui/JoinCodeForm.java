package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/**
 * "Join the workshop": the code field and Next, on {@code /join} ({@link JoinCodeView}) and again on
 * {@code /join/<code>} when that code is not right. It brings nothing else, so the page a participant without the QR
 * code opens first stays light (decision 0035).
 */
final class JoinCodeForm {
    private JoinCodeForm() {}

    /** Replaces what {@code main} shows with the form; {@code next} gets the code as typed. */
    static TextField show(Main main, String title, String given, Consumer<String> next) {
        main.removeAll();
        var code = new TextField(main.getTranslation("join.code"));
        code.setId("join-code");
        code.setAutocomplete(Autocomplete.OFF);
        code.setMaxLength(20);
        code.setWidthFull();
        code.setHelperText(main.getTranslation("join.codeHelp"));
        if (given != null) {
            code.setValue(given.length() > 20 ? given.substring(0, 20) : given);
        }
        var go = new Button(main.getTranslation("join.next"), e -> next.accept(code.getValue()));
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        go.addClickShortcut(Key.ENTER);
        go.setId("join-code-go");
        main.add(new H1(title), new Paragraph(main.getTranslation("join.intro")), code, actions(go));
        return code;
    }

    /** Says on the field why the code cannot be used, and puts the keyboard back there. */
    static void refuse(TextField code, String message) {
        code.setErrorMessage(message);
        code.setInvalid(true);
        code.focus();
    }

    static Div actions(Button button) {
        var nav = new Div(button);
        nav.addClassName("respondent-nav");
        return nav;
    }
}
