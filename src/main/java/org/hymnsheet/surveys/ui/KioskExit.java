package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import org.hymnsheet.surveys.ResponseService;

/** The small "staff" button on a kiosk: leaving kiosk mode needs the facilitator's PIN. */
final class KioskExit {
    private KioskExit() {}

    static Button button(ResponseService responses, String kioskToken) {
        var open = new Button();
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        open.setText(open.getTranslation("kiosk.staffExit"));
        open.setId("kiosk-exit");
        open.addClickListener(e -> dialog(responses, kioskToken).open());
        return open;
    }

    private static Dialog dialog(ResponseService responses, String kioskToken) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(dialog.getTranslation("kiosk.exitTitle"));
        var pin = new PasswordField(dialog.getTranslation("kiosk.pin"));
        pin.setAutocomplete(Autocomplete.OFF);
        pin.setId("kiosk-pin");
        pin.setAllowedCharPattern("[0-9]");
        pin.setMaxLength(12);
        // the field's own validation would clear the "wrong PIN" message as soon as the field is emptied
        pin.setManualValidation(true);
        var confirm = new Button(dialog.getTranslation("kiosk.exit"), e -> {
            if (responses.exitKiosk(kioskToken, pin.getValue())) {
                dialog.close();
                e.getSource().getUI().ifPresent(ui -> Departure.restart(ui, "login"));
            } else {
                pin.clear();
                pin.setErrorMessage(dialog.getTranslation("kiosk.wrongPin"));
                pin.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("kiosk-exit-confirm");
        var cancel = new Button(dialog.getTranslation("directory.cancel"), e -> dialog.close());
        dialog.add(pin);
        dialog.getFooter().add(cancel, confirm);
        return dialog;
    }
}
