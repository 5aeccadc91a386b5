package org.hymnsheet.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;
import java.util.Map;
import org.hymnsheet.accounts.PartnershipService;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.common.ui.Forms;

/**
 * A partnership's list of named things with one category (agencies with a sector, places with a kind):
 * a grid to pick from and one form to add or edit.
 */
abstract class DirectoryView<T, C extends Enum<C>> extends Main implements HasDynamicTitle {
    private final String prefix;
    private final PartnershipPicker picker;
    private final Grid<T> grid = new Grid<>();
    private final H2 formTitle = new H2();
    private final TextField name = new TextField();
    private final TextField shortName = new TextField();
    private final Select<C> category = new Select<>();
    private final Button save = new Button();
    private final Button delete = new Button();
    private final Button cancel = new Button();
    private final transient Ops<T, C> ops;
    private T editing;

    DirectoryView(String prefix, Class<C> categories, String categoryPrefix, PartnershipService partnerships, long own,
                  Ops<T, C> ops) {
        this.prefix = prefix;
        this.ops = ops;
        addClassName("page");
        picker = new PartnershipPicker(partnerships, own, id -> refresh());
        grid.addColumn(this::nameOf).setHeader(getTranslation(prefix + ".name")).setFlexGrow(2);
        grid.addColumn(t -> getTranslation(categoryPrefix + categoryOf(t).name())).setHeader(getTranslation(prefix + ".category"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("directory.empty"));
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));

        name.setLabel(getTranslation(prefix + ".name"));
        name.setMaxLength(Inputs.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        name.setId("directory-name");
        shortName.setLabel(getTranslation(prefix + ".shortName"));
        shortName.setHelperText(getTranslation(prefix + ".shortNameHelp"));
        shortName.setMaxLength(org.hymnsheet.accounts.Agency.SHORT_NAME_MAX);
        shortName.setId("directory-short-name");
        shortName.setVisible(ops.hasShortNames());
        if (ops.hasShortNames()) {
            grid.addColumn(ops::shortNameOf).setHeader(getTranslation(prefix + ".shortName"));
        }
        category.setLabel(getTranslation(prefix + ".category"));
        category.setItems(categories.getEnumConstants());
        category.setItemLabelGenerator(c -> getTranslation(categoryPrefix + c.name()));
        category.setRequiredIndicatorVisible(true);
        category.setId("directory-category");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setId("directory-save");
        delete.setText(getTranslation("directory.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> delete());
        cancel.setText(getTranslation("directory.cancel"));
        cancel.addClickListener(e -> grid.asSingleSelect().clear());
        var form = new FormLayout(name, shortName, category);
        var actions = new Div(save, delete, cancel);
        actions.addClassName("form-actions");
        add(new H1(getTranslation(prefix + ".title")), picker, grid, formTitle, form, actions);
        edit(null);
        refresh();
    }

    /** What a concrete list does with its service; passed in so the constructor can load the grid. */
    interface Ops<T, C> {
        List<T> list(long partnershipId);

        /** @param shortName what the user typed as a short name (only where {@link #hasShortNames()}) */
        void create(long partnershipId, String name, String shortName, C category);

        void update(T item, String name, String shortName, C category);

        /** Whether these things have an optional short name (agencies, for projected boards). */
        default boolean hasShortNames() {
            return false;
        }

        default String shortNameOf(T item) {
            return null;
        }

        void remove(T item);

        String nameOf(T item);

        C categoryOf(T item);
    }

    private String nameOf(T item) {
        return ops.nameOf(item);
    }

    private C categoryOf(T item) {
        return ops.categoryOf(item);
    }

    private void refresh() {
        grid.setItems(ops.list(picker.selectedId()));
    }

    private void edit(T item) {
        editing = item;
        name.setValue(item == null ? "" : nameOf(item));
        String currentShort = item == null ? null : ops.shortNameOf(item);
        shortName.setValue(currentShort == null ? "" : currentShort);
        shortName.setInvalid(false);
        category.setValue(item == null ? null : categoryOf(item));
        name.setInvalid(false);
        category.setInvalid(false);
        formTitle.setText(item == null ? getTranslation(prefix + ".new") : getTranslation("directory.editing", nameOf(item)));
        save.setText(getTranslation(item == null ? "directory.add" : "directory.save"));
        delete.setVisible(item != null);
        cancel.setVisible(item != null);
    }

    private void save() {
        boolean saved = Forms.save(this, Map.of("name", name, "shortName", shortName, "sector", category, "kind", category), () -> {
            if (editing == null) {
                ops.create(picker.selectedId(), name.getValue(), shortName.getValue(), category.getValue());
            } else {
                ops.update(editing, name.getValue(), shortName.getValue(), category.getValue());
            }
        });
        if (saved) {
            Forms.done(this, "directory.saved");
            grid.asSingleSelect().clear();
            edit(null);
        }
        refresh();
    }

    private void delete() {
        if (editing != null && Forms.save(this, Map.of("name", name), () -> ops.remove(editing))) {
            Forms.done(this, "directory.deleted");
            grid.asSingleSelect().clear();
            refresh();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation(prefix + ".title") + " | " + getTranslation("app.name");
    }
}
