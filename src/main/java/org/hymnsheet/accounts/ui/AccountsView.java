package org.hymnsheet.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;
import org.hymnsheet.accounts.Account;
import org.hymnsheet.accounts.AccountDraft;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.Agency;
import org.hymnsheet.accounts.DirectoryService;
import org.hymnsheet.accounts.PartnershipService;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.SecondFactorService;
import org.hymnsheet.common.ui.Forms;

/** Staff accounts: create, change roles and agency, set a new password, deactivate, unlock, reset a lost second step. */
@Route("admin/accounts")
@RolesAllowed(Role.Names.ADMIN)
public class AccountsView extends Main implements HasDynamicTitle {
    private final transient AccountService accounts;
    private final transient DirectoryService directory;
    private final PartnershipPicker picker;
    private final Grid<Account> grid = new Grid<>();
    private final H2 formTitle = new H2();
    private final EmailField email = new EmailField();
    private final TextField displayName = new TextField();
    private final ComboBox<Agency> agency = new ComboBox<>();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final PasswordField password = new PasswordField();
    private final Button save = new Button();
    private final Button resetPassword = new Button();
    private final Button activation = new Button();
    private final Button unlock = new Button();
    private final Button resetFactor = new Button();
    private Account editing;

    AccountsView(AccountService accounts, DirectoryService directory, PartnershipService partnerships,
                 SecondFactorService factors) {
        this.accounts = accounts;
        this.directory = directory;
        addClassName("page");
        picker = new PartnershipPicker(partnerships, accounts.me().partnershipId(), id -> refresh());
        grid.addColumn(Account::displayName).setHeader(getTranslation("accounts.displayName"));
        grid.addColumn(Account::email).setHeader(getTranslation("accounts.email"));
        grid.addColumn(a -> a.agencyName() == null ? "" : a.agencyName()).setHeader(getTranslation("accounts.agency"));
        grid.addColumn(a -> a.roles().stream().map(r -> getTranslation("role." + r)).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("accounts.roles"));
        grid.addColumn(this::status).setHeader(getTranslation("accounts.status"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));

        email.setLabel(getTranslation("accounts.email"));
        email.setMaxLength(Inputs.EMAIL_MAX);
        email.setId("account-email");
        displayName.setLabel(getTranslation("accounts.displayName"));
        displayName.setMaxLength(Inputs.NAME_MAX);
        displayName.setId("account-name");
        agency.setLabel(getTranslation("accounts.agency"));
        agency.setItemLabelGenerator(Agency::name);
        agency.setClearButtonVisible(true);
        agency.setId("account-agency");
        roles.setLabel(getTranslation("accounts.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r));
        roles.setId("account-roles");
        password.setLabel(getTranslation("accounts.password"));
        password.setHelperText(getTranslation("accounts.password.help"));
        password.setId("account-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setId("account-save");
        resetPassword.setText(getTranslation("accounts.resetPassword"));
        resetPassword.addClickListener(e -> act("accounts.passwordReset",
                () -> accounts.resetPassword(editing.id(), password.getValue())));
        activation.addClickListener(e -> toggleActive());
        unlock.setText(getTranslation("accounts.unlock"));
        unlock.addClickListener(e -> act("accounts.unlocked", () -> accounts.unlock(editing.id())));
        resetFactor.setText(getTranslation("accounts.resetFactor"));
        resetFactor.setId("account-reset-factor");
        resetFactor.addClickListener(e -> act("accounts.factorReset", () -> factors.reset(editing.id())));
        var cancel = new Button(getTranslation("directory.cancel"), e -> grid.asSingleSelect().clear());
        var actions = new Div(save, resetPassword, activation, unlock, resetFactor, cancel);
        actions.addClassName("form-actions");
        add(new H1(getTranslation("accounts.title")), picker, grid, formTitle,
                new FormLayout(email, displayName, agency, roles, password), actions);
        refresh();
    }

    private String status(Account a) {
        if (!a.active()) {
            return getTranslation("accounts.inactive");
        }
        return getTranslation(a.locked() ? "accounts.locked" : "accounts.active");
    }

    private void refresh() {
        long pid = picker.selectedId();
        grid.setItems(accounts.list(pid));
        agency.setItems(directory.agencies(pid));
        edit(null);
    }

    private void edit(Account a) {
        editing = a;
        formTitle.setText(getTranslation(a == null ? "accounts.new" : "directory.editing", a == null ? "" : a.displayName()));
        email.setValue(a == null ? "" : a.email());
        email.setReadOnly(a != null);
        displayName.setValue(a == null ? "" : a.displayName());
        agency.setValue(a == null || a.agencyId() == null ? null
                : agency.getListDataView().getItems().filter(x -> x.id() == a.agencyId()).findFirst().orElse(null));
        roles.setValue(a == null ? java.util.Set.of() : a.roles());
        password.clear();
        save.setText(getTranslation(a == null ? "accounts.create" : "accounts.save"));
        resetPassword.setVisible(a != null);
        activation.setVisible(a != null);
        activation.setText(getTranslation(a != null && !a.active() ? "accounts.reactivate" : "accounts.deactivate"));
        unlock.setVisible(a != null && a.locked());
        resetFactor.setVisible(a != null);
    }

    private Map<String, com.vaadin.flow.component.HasValidation> fields() {
        return Map.of("email", email, "displayName", displayName, "agency", agency, "roles", roles, "password", password);
    }

    private void save() {
        Long agencyId = agency.getValue() == null ? null : agency.getValue().id();
        if (editing == null) {
            act("accounts.created", () -> accounts.create(picker.selectedId(), new AccountDraft(email.getValue(),
                    displayName.getValue(), agencyId, roles.getValue(), password.getValue())));
        } else {
            act("accounts.saved", () -> accounts.update(editing.id(), displayName.getValue(), agencyId,
                    roles.getValue(), editing.version()));
        }
    }

    private void toggleActive() {
        if (editing.active()) {
            act("accounts.deactivated", () -> accounts.deactivate(editing.id()));
        } else {
            act("accounts.reactivated", () -> accounts.reactivate(editing.id()));
        }
    }

    private void act(String doneKey, Runnable action) {
        if (Forms.save(this, fields(), action)) {
            Forms.done(this, doneKey);
            refresh();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title") + " | " + getTranslation("app.name");
    }
}
