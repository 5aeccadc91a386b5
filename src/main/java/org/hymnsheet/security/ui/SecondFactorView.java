package org.hymnsheet.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.hymnsheet.common.QrCodes;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.security.Enrolment;
import org.hymnsheet.security.PendingFactor;
import org.hymnsheet.security.SecondFactorService;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * After the password, for staff whose roles need a second factor: set up an authenticator app (QR code, the key
 * as text, a first code, then the recovery codes once), or type the app's code or a recovery code.
 */
@Route(value = "second-factor", autoLayout = false)
@PermitAll
public class SecondFactorView extends Main implements BeforeEnterObserver, HasDynamicTitle {
    private final transient SecondFactorService factors;
    private final transient AuthenticationContext auth;
    private final TextField code = new TextField();
    private String title = "factor.code.title";

    SecondFactorView(SecondFactorService factors, AuthenticationContext auth) {
        this.factors = factors;
        this.auth = auth;
        addClassName("narrow-page");
        code.setId("factor-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setRequired(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!PendingFactor.owed(SecurityContextHolder.getContext().getAuthentication())) {
            event.forwardTo("");
            return;
        }
        removeAll();
        if (factors.needsEnrolment()) {
            enrol(factors.beginEnrolment());
        } else {
            askForCode();
        }
    }

    private void enrol(Enrolment enrolment) {
        title = "factor.enrol.title";
        var qr = new Image(DownloadHandler.fromInputStream(e -> {
            byte[] png = QrCodes.png(enrolment.otpauthUri(), 240);
            return new DownloadResponse(new ByteArrayInputStream(png), "second-factor.png", "image/png", png.length);
        }), getTranslation("factor.enrol.qrAlt"));
        var key = new Span(enrolment.secret());
        key.setId("factor-key");
        key.addClassName("factor-key");
        code.setLabel(getTranslation("factor.enrol.code"));
        var confirm = new Button(getTranslation("factor.enrol.confirm"), e -> confirm());
        confirm.setId("factor-submit");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        add(new H1(getTranslation(title)), new Paragraph(getTranslation("factor.enrol.intro")), qr,
                new Paragraph(new Span(getTranslation("factor.enrol.key") + " "), key), code, confirm, signOut());
    }

    private void confirm() {
        List<String>[] codes = new List[1];
        if (Forms.save(this, Map.of("code", code), () -> codes[0] = factors.confirmEnrolment(code.getValue()))) {
            showRecoveryCodes(codes[0]);
        }
    }

    private void showRecoveryCodes(List<String> codes) {
        removeAll();
        var list = new UnorderedList();
        list.setId("recovery-codes");
        codes.forEach(c -> list.add(new ListItem(c)));
        var next = new Button(getTranslation("factor.recovery.continue"), e -> home());
        next.setId("factor-continue");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1(getTranslation("factor.recovery.title")), new Paragraph(getTranslation("factor.recovery.intro")),
                list, next);
    }

    private void askForCode() {
        title = "factor.code.title";
        code.setLabel(getTranslation("factor.code.label"));
        code.setHelperText(getTranslation("factor.code.help"));
        var submit = new Button(getTranslation("factor.code.submit"), e -> verify());
        submit.setId("factor-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        add(new H1(getTranslation(title)), new Paragraph(getTranslation("factor.code.intro")), code, submit, signOut());
        code.focus();
    }

    private void verify() {
        if (Forms.save(this, Map.of("code", code), () -> factors.verify(code.getValue()))) {
            home();
        }
    }

    private Button signOut() {
        var button = new Button(getTranslation("nav.signOut"), e -> auth.logout());
        button.setId("factor-sign-out");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** A full reload of the address first asked for, so the menu and every view see the completed sign-in. */
    private void home() {
        var session = VaadinSession.getCurrent();
        Object asked = session.getAttribute(SecondFactorGate.AFTER);
        session.setAttribute(SecondFactorGate.AFTER, null);
        String path = asked instanceof String p && !p.startsWith("/") && !p.contains("//") && !p.contains("\\")
                && !p.contains(":") ? p : "";
        getUI().ifPresent(ui -> ui.getPage().setLocation("./" + path));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(title) + " | " + getTranslation("app.name");
    }
}
