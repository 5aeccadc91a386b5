package org.hymnsheet.workshops.ui;

import org.hymnsheet.shell.FirstPaint;
import org.hymnsheet.common.ui.ClientKeys;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.workshops.AgencyChoice;
import org.hymnsheet.workshops.JoinResult;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.ParticipantService;

/**
 * Joining a live workshop on one's own phone, without an account: the QR code's {@code /join/<code>} (or the code
 * typed on {@code /join}, {@link JoinCodeView}) asks which agency and level one works at, and optionally a first
 * name. A code that is not right puts the code field up again, with what is wrong.
 */
@FirstPaint.InPageHtml
@Route(value = "join/:code", autoLayout = false)
@AnonymousAllowed
public class JoinView extends JoinPage {

    JoinView(ParticipantService participants) {
        super(participants);
    }

    @Override
    void enter(String code) {
        askForCode(code);
        if (code != null) {
            tryCode(code, null);
        }
    }

    private TextField codeField;

    private void askForCode(String given) {
        codeField = JoinCodeForm.show(main, title, given, typed -> tryCode(typed, codeField));
    }

    private void tryCode(String typed, TextField field) {
        String code = ParticipantCookies.code(typed);
        JoinResult result = code == null ? participants.open(typed == null ? "" : typed, ClientKeys.current())
                : participants.open(code, ClientKeys.current());
        if (!result.joined()) {
            JoinCodeForm.refuse(codeField, getTranslation("workshops.join." + result.outcome().name()));
            return;
        }
        if (code != null && ParticipantCookies.token(code) != null
                && participants.rejoin(ParticipantCookies.token(code)).isPresent()) {
            UI.getCurrent().getPage().setLocation("w/" + code);
            return;
        }
        chooseWhoYouAre(code, result);
    }

    private void chooseWhoYouAre(String code, JoinResult result) {
        main.removeAll();
        title = result.title();
        var agency = new Select<AgencyChoice>();
        agency.setLabel(getTranslation("join.agency"));
        agency.setId("join-agency");
        agency.setItems(result.agencies());
        agency.setItemLabelGenerator(AgencyChoice::name);
        agency.setWidthFull();
        var level = new RadioButtonGroup<Level>(getTranslation("join.level"));
        level.setId("join-level");
        level.setItems(Level.values());
        level.setItemLabelGenerator(l -> getTranslation("join.level." + l.name()));
        var name = new TextField(getTranslation("join.firstName"));
        name.setId("join-first-name");
        name.setHelperText(getTranslation("join.firstNameHelp"));
        name.setAutocomplete(Autocomplete.GIVEN_NAME);
        name.setMaxLength(60);
        name.setWidthFull();
        var error = new Span();
        error.addClassName("answer-error");
        error.getElement().setAttribute("role", "alert");
        var join = new Button(getTranslation("join.join"), e -> {
            agency.setInvalid(false);
            level.setInvalid(false);
            name.setInvalid(false);
            if (agency.getValue() == null) {
                agency.setErrorMessage(getTranslation("workshops.unknownAgency"));
                agency.setInvalid(true);
                return;
            }
            try {
                JoinResult joined = participants.join(code, agency.getValue().id(), level.getValue(), name.getValue(),
                        ClientKeys.current());
                if (!joined.joined()) {
                    error.setText(getTranslation("workshops.join." + joined.outcome().name()));
                    return;
                }
                ParticipantCookies.remember(code, joined.token());
                UI.getCurrent().getPage().setLocation("w/" + code);
            } catch (ValidationException invalid) {
                String message = getTranslation(invalid.messageKey(), invalid.args());
                switch (invalid.field()) {
                    case "level" -> { level.setErrorMessage(message); level.setInvalid(true); }
                    case "firstName" -> { name.setErrorMessage(message); name.setInvalid(true); }
                    case "agency" -> { agency.setErrorMessage(message); agency.setInvalid(true); }
                    default -> error.setText(message);
                }
            }
        });
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        join.setId("join-go");
        main.add(new H1(result.title()), new Paragraph(getTranslation("join.whoIntro")), agency, level, name, error,
                JoinCodeForm.actions(join));
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }
}
