package org.hymnsheet.surveys.ui;

import org.hymnsheet.common.ui.Links;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.surveys.Kiosk;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.common.SurveyStatus;

/** One survey's controls: open or close it, and every way to reach it (link, code, QR code, kiosk links). */
final class SurveySharing extends Div {
    private final transient SurveyService surveys;
    private final Survey survey;

    SurveySharing(SurveyService surveys, Survey survey, Consumer<Survey> changed) {
        this.surveys = surveys;
        this.survey = survey;
        addClassName("survey-sharing");
        var status = new Paragraph(getTranslation("surveys.statusIs", getTranslation("surveys.status." + survey.status())));
        var toggle = survey.status() == SurveyStatus.OPEN
                ? new Button(getTranslation("surveys.close"), e -> changed.accept(surveys.close(survey.id())))
                : new Button(getTranslation("surveys.open"), e -> changed.accept(surveys.open(survey.id())));
        toggle.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        toggle.setId("survey-open-close");
        String link = Links.base() + "s/" + survey.linkToken();
        var code = new Span(survey.accessCode());
        code.addClassName("access-code");
        code.setId("access-code");
        var qr = new Image(surveys.qrCode(survey.id(), link), getTranslation("surveys.qrAlt", survey.title()));
        qr.addClassName("qr-code");
        add(new H2(survey.title()), status, toggle,
                new Paragraph(getTranslation("surveys.linkIntro")), new Anchor(link, link),
                new Paragraph(getTranslation("surveys.codeIntro", Links.base() + "survey")), code, qr);
        add(kiosks());
    }

    private Div kiosks() {
        var box = new Div(new H3(getTranslation("surveys.kiosks")), new Paragraph(getTranslation("surveys.kiosksIntro")));
        var list = new UnorderedList();
        for (Kiosk k : surveys.kiosks(survey.id())) {
            String url = Links.base() + "k/" + k.token();
            list.add(new ListItem(new Span(k.label() + ": "), new Anchor(url, url)));
        }
        var label = new TextField(getTranslation("surveys.kioskLabel"));
        label.setMaxLength(100);
        label.setId("kiosk-label");
        var pin = new PasswordField(getTranslation("surveys.kioskPin"));
        pin.setAllowedCharPattern("[0-9]");
        pin.setMaxLength(12);
        pin.setId("kiosk-new-pin");
        var add = new Button(getTranslation("surveys.addKiosk"), e -> {
            if (Forms.save(this, Map.of("label", label, "pin", pin), () -> surveys.addKiosk(survey.id(), label.getValue(), pin.getValue()))) {
                Forms.done(this, "surveys.kioskAdded");
                replaceWith(kiosks(), box);
            }
        });
        add.setId("kiosk-add");
        var form = new Div(label, pin, add);
        form.addClassName("form-actions");
        box.add(list, form);
        return box;
    }

    private void replaceWith(Div fresh, Div old) {
        getElement().insertChild(getElement().indexOfChild(old.getElement()), fresh.getElement());
        remove(old);
    }


}
