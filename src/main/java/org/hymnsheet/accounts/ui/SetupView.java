package org.hymnsheet.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.hymnsheet.accounts.FirstAdministrator;
import org.hymnsheet.accounts.SetupService;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.common.ui.Forms;

/** First run only: creates the partnership and its first administrator. Gone once an account exists. */
@Route(value = "setup", autoLayout = false)
@AnonymousAllowed
public class SetupView extends Main implements BeforeEnterObserver, HasDynamicTitle {
    private final transient SetupService setup;
    private final TextField partnership = new TextField();
    private final EmailField email = new EmailField();
    private final TextField displayName = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField confirm = new PasswordField();

    SetupView(SetupService setup) {
        this.setup = setup;
        addClassName("narrow-page");
        partnership.setLabel(getTranslation("setup.partnershipName"));
        partnership.setHelperText(getTranslation("setup.partnershipName.help"));
        partnership.setMaxLength(Inputs.NAME_MAX);
        partnership.setId("setup-partnership");
        email.setLabel(getTranslation("setup.email"));
        email.setMaxLength(Inputs.EMAIL_MAX);
        email.setId("setup-email");
        displayName.setLabel(getTranslation("setup.displayName"));
        displayName.setMaxLength(Inputs.NAME_MAX);
        displayName.setId("setup-name");
        password.setLabel(getTranslation("setup.password"));
        password.setHelperText(getTranslation("setup.password.help"));
        password.setId("setup-password");
        confirm.setLabel(getTranslation("setup.confirm"));
        confirm.setId("setup-confirm");
        var create = new Button(getTranslation("setup.submit"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("setup-submit");
        var form = new FormLayout(partnership, email, displayName, password, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H1(getTranslation("setup.title")), new Paragraph(getTranslation("setup.intro")), form, create);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!setup.setupNeeded()) {
            event.forwardTo("login");
        }
    }

    private void create() {
        var fields = Map.of("partnershipName", partnership, "email", email, "displayName", displayName,
                "password", password, "confirm", confirm);
        boolean created = Forms.save(this, fields, () -> {
            if (!password.getValue().equals(confirm.getValue())) {
                throw new ValidationException("confirm", "setup.mismatch");
            }
            setup.createFirstAdministrator(new FirstAdministrator(partnership.getValue(), email.getValue(),
                    displayName.getValue(), password.getValue()));
        });
        if (created) {
            Forms.done(this, "setup.done");
            getUI().ifPresent(ui -> ui.navigate("login"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.title") + " | " + getTranslation("app.name");
    }
}
