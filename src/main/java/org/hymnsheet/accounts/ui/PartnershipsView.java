package org.hymnsheet.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.Partnership;
import org.hymnsheet.accounts.PartnershipService;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.security.Role;
import org.hymnsheet.common.ui.Forms;

/** Administrators rename their partnership; platform administrators also create new ones. */
@Route("admin/partnerships")
@RolesAllowed(Role.Names.ADMIN)
public class PartnershipsView extends Main implements HasDynamicTitle {
    private final transient PartnershipService partnerships;
    private final Grid<Partnership> grid = new Grid<>();
    private final TextField newName = new TextField();
    private final TextField rename = new TextField();
    private final Div renameForm = new Div();

    PartnershipsView(PartnershipService partnerships, AccountService accounts) {
        this.partnerships = partnerships;
        addClassName("page");
        grid.addColumn(Partnership::name).setHeader(getTranslation("partnerships.name"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
        add(new H1(getTranslation("partnerships.title")), grid);

        rename.setLabel(getTranslation("partnerships.name"));
        rename.setMaxLength(Inputs.NAME_MAX);
        rename.setId("rename-partnership");
        var renameButton = new Button(getTranslation("partnerships.rename"), e -> rename());
        renameForm.add(rename, renameButton);
        renameForm.addClassName("form-actions");
        renameForm.setVisible(false);
        add(renameForm);

        if (accounts.me().platformAdmin()) {
            newName.setLabel(getTranslation("partnerships.name"));
            newName.setMaxLength(Inputs.NAME_MAX);
            newName.setId("new-partnership");
            var create = new Button(getTranslation("partnerships.create"), e -> create());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("create-partnership");
            var form = new Div(newName, create);
            form.addClassName("form-actions");
            add(new H2(getTranslation("partnerships.new")), form);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(partnerships.available());
    }

    private void select(Partnership p) {
        renameForm.setVisible(p != null);
        rename.setValue(p == null ? "" : p.name());
    }

    private void create() {
        if (Forms.save(this, Map.of("name", newName), () -> partnerships.create(newName.getValue()))) {
            Forms.done(this, "partnerships.created");
            newName.clear();
            refresh();
        }
    }

    private void rename() {
        Partnership p = grid.asSingleSelect().getValue();
        if (p != null && Forms.save(this, Map.of("name", rename), () -> partnerships.rename(p.id(), rename.getValue(), p.version()))) {
            Forms.done(this, "partnerships.renamed");
            refresh();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partnerships.title") + " | " + getTranslation("app.name");
    }
}
