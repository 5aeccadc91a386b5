package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.TemplateService;
import org.hymnsheet.templates.WorkshopTemplate;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopService;

/** The partnership's workshops, and a new one from a workshop template. Selecting one opens its console. */
@Route("workshops")
@RolesAllowed({Role.Names.FACILITATOR, Role.Names.ADMIN})
public class WorkshopsView extends Main implements HasDynamicTitle {
    private final transient WorkshopService workshops;
    private final long partnershipId;
    private final Grid<Workshop> grid = new Grid<>();
    private final Select<WorkshopTemplate> template = new Select<>();
    private final TextField title = new TextField();

    WorkshopsView(WorkshopService workshops, TemplateService templates, AccountService accounts) {
        this.workshops = workshops;
        this.partnershipId = accounts.me().partnershipId();
        addClassName("page");
        List<WorkshopTemplate> available = templates.workshopTemplates();
        template.setLabel(getTranslation("console.template"));
        template.setItems(available);
        template.setItemLabelGenerator(t -> t.title().in("en"));
        template.setId("workshop-template");
        title.setLabel(getTranslation("console.title"));
        title.setMaxLength(Inputs.NAME_MAX);
        title.setId("workshop-title");
        // wide enough for a template's name and a title to read whole on a laptop, never wider than a phone
        template.setWidth("min(100%, 24rem)");
        title.setWidth("min(100%, 26rem)");
        template.addValueChangeListener(e -> {
            if (e.getValue() != null && title.isEmpty()) {
                title.setValue(e.getValue().title().in("en"));
            }
        });
        var create = new Button(getTranslation("console.create"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("workshop-create");
        var form = new Div(template, title, create);
        form.addClassName("form-actions");

        grid.addColumn(Workshop::title).setHeader(getTranslation("console.title")).setFlexGrow(2);
        grid.addColumn(w -> available.stream().filter(t -> t.id().equals(w.templateId())).findFirst()
                .map(t -> t.title().in("en")).orElse(w.templateId())).setHeader(getTranslation("console.template"));
        grid.addColumn(w -> getTranslation("console.status." + w.status())).setHeader(getTranslation("console.status"));
        grid.addColumn(Workshop::joinCode).setHeader(getTranslation("console.code"));
        grid.addColumn(Workshop::participants).setHeader(getTranslation("console.participants"));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("console.none"));
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setId("workshop-list");
        add(new H1(getTranslation("console.heading")), new H2(getTranslation("console.new")), form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(workshops.list(partnershipId));
    }

    private void create() {
        Workshop[] created = new Workshop[1];
        if (Forms.save(this, Map.of("template", template, "title", title), () -> created[0] = workshops.create(
                partnershipId, template.getValue() == null ? null : template.getValue().id(), title.getValue()))) {
            Forms.done(this, "console.created");
            open(Objects.requireNonNull(created[0]));
        }
    }

    private void open(Workshop w) {
        getUI().ifPresent(ui -> ui.navigate(WorkshopConsoleView.class, new RouteParameters("id", String.valueOf(w.id()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.heading") + " | " + getTranslation("app.name");
    }
}
