package org.hymnsheet.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.common.ui.Forms;

/** Any staff member: see who they are signed in as, and change their own password. */
@Route("account")
@PermitAll
public class MyAccountView extends Main implements HasDynamicTitle {
    private final transient AccountService accounts;
    private final PasswordField current = new PasswordField();
    private final PasswordField next = new PasswordField();
    private final PasswordField confirm = new PasswordField();

    MyAccountView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("narrow-page");
        var me = accounts.me();
        current.setLabel(getTranslation("myAccount.current"));
        next.setLabel(getTranslation("myAccount.new"));
        next.setHelperText(getTranslation("setup.password.help"));
        confirm.setLabel(getTranslation("myAccount.confirm"));
        var change = new Button(getTranslation("myAccount.change"), e -> change());
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1(getTranslation("myAccount.title")), new Paragraph(me.displayName() + " · " + me.email()),
                new FormLayout(current, next, confirm), change);
    }

    private void change() {
        boolean changed = Forms.save(this, Map.of("currentPassword", current, "password", next, "confirm", confirm), () -> {
            if (!next.getValue().equals(confirm.getValue())) {
                throw new ValidationException("confirm", "setup.mismatch");
            }
            accounts.changeOwnPassword(current.getValue(), next.getValue());
        });
        if (changed) {
            Forms.done(this, "myAccount.changed");
            current.clear();
            next.clear();
            confirm.clear();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("myAccount.title") + " | " + getTranslation("app.name");
    }
}
