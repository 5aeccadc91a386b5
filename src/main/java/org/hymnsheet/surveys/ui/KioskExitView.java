package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.communication.PushMode;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;

/**
 * A kiosk's "leave kiosk mode" page ({@code k/<kiosk>/staff}), opened by the small staff button on its welcome
 * screen: the facilitator's PIN leaves kiosk mode for the sign-in page; Cancel (or Escape) goes back to the welcome
 * screen. A page of its own, not a dialog on the welcome screen, so that a young person's first screen does not
 * carry the dialog's and the PIN field's scripts (decision 0035).
 */
@Route(value = "k/:token/" + SurveyVisit.KIOSK_EXIT, autoLayout = false)
@AnonymousAllowed
public class KioskExitView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    private final transient ResponseService responses;
    private String title;

    KioskExitView(ResponseService responses) {
        this.responses = responses;
        addClassName("respondent-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getUI().getPushConfiguration().setPushMode(PushMode.DISABLED); // as on the welcome screen (decision 0028)
        RespondentPage.speakTheBrowsersLanguage(event.getUI()); // or the one chosen on the welcome screen
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        if (StaffSignOut.needed()) {
            title = getTranslation("staffSignOut.title");
            add(new StaffSignOut(event.getLocation().getPath()));
        } else if (responses.openByKiosk(token).state() == SurveyEntry.State.NOT_FOUND) {
            title = getTranslation("respond.notFoundTitle");
            var box = new Main(new H1(title), new Paragraph(getTranslation("respond.notFound")));
            box.addClassName("narrow-page");
            add(box);
        } else {
            title = getTranslation("kiosk.exitTitle");
            add(form(token));
        }
    }

    private Main form(String token) {
        String welcome = "k/" + token;
        var pin = new PasswordField(getTranslation("kiosk.pin"));
        pin.setAutocomplete(Autocomplete.OFF);
        pin.setId("kiosk-pin");
        pin.setAllowedCharPattern("[0-9]");
        pin.setMaxLength(12);
        // the field's own validation would clear the "wrong PIN" message as soon as the field is emptied
        pin.setManualValidation(true);
        var confirm = new Button(getTranslation("kiosk.exit"), e -> {
            if (responses.exitKiosk(token, pin.getValue())) {
                e.getSource().getUI().ifPresent(ui -> Departure.restart(ui, "login"));
            } else {
                pin.clear();
                pin.setErrorMessage(getTranslation("kiosk.wrongPin"));
                pin.setInvalid(true);
                pin.focus();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        confirm.setId("kiosk-exit-confirm");
        var cancel = new Button(getTranslation("directory.cancel"),
                e -> e.getSource().getUI().ifPresent(ui -> SurveyVisit.goInPlace(ui, welcome)));
        cancel.addClickShortcut(Key.ESCAPE);
        cancel.setId("kiosk-exit-cancel");
        var actions = new Div(cancel, confirm);
        actions.addClassName("respondent-nav");
        var box = new Main(new H1(title), pin, actions);
        box.addClassName("narrow-page");
        pin.focus();
        return box;
    }

    @Override
    public String getPageTitle() {
        return (title == null ? "" : title + " | ") + getTranslation("app.name");
    }
}
