package org.hymnsheet.surveys.ui;

import org.hymnsheet.shell.FirstPaint;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hymnsheet.common.ui.ClientKeys;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;

/** "Got a code?": the young person types the short code shown on a poster or a slide. */
@FirstPaint.InPageHtml
@Route(value = "survey", autoLayout = false)
@AnonymousAllowed
public class CodeView extends RespondentPage {
    CodeView(ResponseService responses, RespondentSettings settings, HelpText help) {
        super(responses, settings, help);
    }

    @Override
    SurveyEntry open(String token) {
        return null;
    }

    @Override
    void enter(BeforeEnterEvent event) {
        removeAll();
        var code = new TextField(getTranslation("code.label"));
        code.setAutocomplete(Autocomplete.OFF);
        code.setMaxLength(20);
        code.setId("survey-code");
        var go = new Button(getTranslation("code.go"), e -> tryCode(code));
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        go.setId("survey-code-go");
        var box = new Main(new H1(getTranslation("code.title")), new Paragraph(getTranslation("code.intro")), code, go);
        box.addClassName("narrow-page");
        add(box);
    }

    private void tryCode(TextField code) {
        SurveyEntry entry = responses.openByCode(code.getValue(), ClientKeys.current());
        switch (entry.state()) {
            case TOO_MANY_GUESSES -> refuse(code, "code.tooMany");
            case NOT_FOUND -> refuse(code, "code.unknown");
            default -> show(entry, "survey");
        }
    }

    private void refuse(TextField code, String messageKey) {
        code.setErrorMessage(getTranslation(messageKey));
        code.setInvalid(true);
    }
}
