package org.hymnsheet.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hymnsheet.security.FirstRun;

/** Staff sign-in. Young people and workshop participants never sign in. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {
    private final LoginForm form = new LoginForm();
    private final transient FirstRun setup;

    LoginView(FirstRun setup) {
        this.setup = setup;
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("login.intro")), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (setup.setupNeeded()) {
            event.forwardTo("setup");
            return;
        }
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("error")) {
            form.setError(true);
        }
    }

    /** Every refused sign-in gets the same words: an unknown email and a locked account look alike. */
    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.email"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.failed.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.failed.message"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " | " + getTranslation("app.name");
    }
}
