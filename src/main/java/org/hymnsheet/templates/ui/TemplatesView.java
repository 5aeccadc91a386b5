package org.hymnsheet.templates.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.ReloadResult;
import org.hymnsheet.templates.SurveyTemplate;
import org.hymnsheet.templates.TemplateProblem;
import org.hymnsheet.templates.TemplateService;
import org.hymnsheet.templates.WorkshopTemplate;

/**
 * The survey and workshop templates loaded from the workshops folder, and what is wrong in the files that did
 * not load.
 */
@Route("templates")
@RolesAllowed({Role.Names.ADMIN, Role.Names.FACILITATOR})
public class TemplatesView extends Main implements HasDynamicTitle {
    private final TemplateService templates;
    private final Grid<SurveyTemplate> surveys = new Grid<>();
    private final Grid<WorkshopTemplate> workshops = new Grid<>();
    private final Grid<TemplateProblem> problems = new Grid<>();

    TemplatesView(TemplateService templates, AccountService accounts) {
        this.templates = templates;
        addClassName("page");
        surveys.addColumn(t -> t.title().in(getLocale().getLanguage())).setHeader(getTranslation("templates.survey"))
                .setFlexGrow(3);
        surveys.addColumn(SurveyTemplate::id).setHeader(getTranslation("templates.id")).setFlexGrow(2);
        surveys.addColumn(t -> String.join(", ", t.languages())).setHeader(getTranslation("templates.languages"));
        surveys.addColumn(t -> t.questions().size()).setHeader(getTranslation("templates.questions"));
        surveys.addColumn(t -> getTranslation("templates.audience." + t.audience().name()))
                .setHeader(getTranslation("templates.audience"));
        surveys.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        surveys.setAllRowsVisible(true);
        surveys.setEmptyStateText(getTranslation("templates.none"));
        surveys.setId("template-surveys");

        workshops.addColumn(t -> t.title().in(getLocale().getLanguage()))
                .setHeader(getTranslation("templates.workshop")).setFlexGrow(3);
        workshops.addColumn(WorkshopTemplate::id).setHeader(getTranslation("templates.id")).setFlexGrow(2);
        workshops.addColumn(t -> t.stages().size()).setHeader(getTranslation("templates.stages"));
        workshops.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        workshops.setAllRowsVisible(true);
        workshops.setEmptyStateText(getTranslation("templates.workshops.none"));
        workshops.setId("template-workshops");

        problems.addColumn(TemplateProblem::toString).setHeader(getTranslation("templates.problem"));
        problems.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.setAllRowsVisible(true);
        problems.setEmptyStateText(getTranslation("templates.problems.none"));
        problems.setId("template-problems");

        add(new H1(getTranslation("templates.title")), new Paragraph(getTranslation("templates.intro")),
                new H2(getTranslation("templates.surveys")), surveys, new H2(getTranslation("templates.workshops")),
                workshops, new H2(getTranslation("templates.problems")), problems);
        if (accounts.me().has(Role.ADMIN)) {
            var reload = new Button(getTranslation("templates.reload"), e -> reload());
            reload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            reload.setId("template-reload");
            add(reload);
        }
        refresh();
    }

    private void refresh() {
        surveys.setItems(templates.surveyTemplates());
        workshops.setItems(templates.workshopTemplates());
        problems.setItems(templates.problems());
    }

    private void reload() {
        ReloadResult result = templates.reload();
        refresh();
        String outcome = getTranslation("templates.reloaded", result.surveys(), result.workshops(),
                result.brokenFiles());
        Notification.show(outcome, 4000, Notification.Position.BOTTOM_START).addThemeVariants(result.brokenFiles() == 0
                ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("templates.title") + " | " + getTranslation("app.name");
    }
}
