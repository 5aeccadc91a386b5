package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A respondent page never runs inside a signed-in staff session: otherwise a young person on a kiosk a facilitator
 * opened in their own browser could press Back, or type a staff address, and act with the facilitator's rights.
 * Instead of the survey, the staff member is told plainly that they will be signed out (the whole servlet session
 * is invalidated), and the page then starts afresh in a new, anonymous session. Nothing of the staff member or of
 * the survey is shown here.
 */
final class StaffSignOut extends Main {

    /** Whether the browser that opened this page is signed in as staff. */
    static boolean needed() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** @param path the respondent page's own path (no leading slash), opened again once signed out */
    StaffSignOut(String path) {
        addClassName("narrow-page");
        var signOut = new Button(getTranslation("staffSignOut.button"),
                e -> e.getSource().getUI().ifPresent(ui -> Departure.restart(ui, path)));
        signOut.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signOut.setId("staff-sign-out");
        var stay = new Anchor("", getTranslation("staffSignOut.stay"));
        stay.setId("staff-stay");
        var actions = new Div(signOut, stay);
        actions.addClassName("respondent-nav");
        add(new H1(getTranslation("staffSignOut.title")), new Paragraph(getTranslation("staffSignOut.body")),
                new Paragraph(getTranslation("staffSignOut.kiosk")), actions);
    }
}
