package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/**
 * "Leave quickly", on every screen of a survey. On a young person's own device it goes to a neutral page. On a
 * kiosk it ends this respondent's visit and starts the kiosk afresh on its welcome screen: leaving kiosk mode itself
 * needs the PIN.
 */
final class LeaveQuickly {
    private LeaveQuickly() {}

    /** @param kioskPath the kiosk's address, or null on a young person's own device */
    static Button button(String kioskPath, RespondentSettings settings) {
        var button = new Button();
        button.setText(button.getTranslation("respond.leave"));
        button.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> {
            if (kioskPath != null) {
                Departure.restart(ui, kioskPath);
            } else {
                Departure.leave(ui, settings.leaveUrl);
            }
        }));
        button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        button.setId("leave-quickly");
        return button;
    }
}
