package org.hymnsheet.surveys.ui;

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
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.templates.SurveyTemplate;
import org.hymnsheet.templates.TemplateService;

/** Facilitators create surveys from templates, open and close them, and share them (link, code, QR, kiosks). */
@Route("surveys")
@RolesAllowed({Role.Names.FACILITATOR, Role.Names.ADMIN})
public class SurveysView extends Main implements HasDynamicTitle {
    private final transient SurveyService surveys;
    private final long partnershipId;
    private final Grid<Survey> grid = new Grid<>();
    private final Select<SurveyTemplate> template = new Select<>();
    private final TextField title = new TextField();
    private final Div details = new Div();

    SurveysView(SurveyService surveys, TemplateService templates, AccountService accounts) {
        this.surveys = surveys;
        this.partnershipId = accounts.me().partnershipId();
        addClassName("page");
        template.setLabel(getTranslation("surveys.template"));
        template.setItems(templates.surveyTemplates());
        template.setItemLabelGenerator(t -> t.title().in("en"));
        template.setId("survey-template");
        title.setLabel(getTranslation("surveys.title"));
        title.setMaxLength(Inputs.NAME_MAX);
        title.setId("survey-title");
        // wide enough for a template's name and a title to read whole on a laptop, never wider than a phone
        template.setWidth("min(100%, 24rem)");
        title.setWidth("min(100%, 26rem)");
        template.addValueChangeListener(e -> {
            if (e.getValue() != null && title.isEmpty()) {
                title.setValue(e.getValue().title().in("en"));
            }
        });
        var create = new Button(getTranslation("surveys.create"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("survey-create");
        var form = new Div(template, title, create);
        form.addClassName("form-actions");

        grid.addColumn(Survey::title).setHeader(getTranslation("surveys.title")).setFlexGrow(2);
        grid.addColumn(s -> getTranslation("surveys.status." + s.status())).setHeader(getTranslation("surveys.status"));
        grid.addColumn(Survey::accessCode).setHeader(getTranslation("surveys.code"));
        grid.addColumn(Survey::submitted).setHeader(getTranslation("surveys.submitted"));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("surveys.none"));
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        add(new H1(getTranslation("surveys.heading")), new H2(getTranslation("surveys.new")), form, grid, details);
        refresh();
    }

    private void refresh() {
        grid.setItems(surveys.list(partnershipId));
    }

    private void create() {
        if (Forms.save(this, Map.of("template", template, "title", title), () -> {
            Survey created = surveys.create(partnershipId, template.getValue() == null ? null : template.getValue().id(),
                    title.getValue());
            refresh();
            grid.select(created);
        })) {
            // the form starts empty again: a second press cannot make the same survey twice
            template.clear();
            title.clear();
            Forms.done(this, "surveys.created");
        }
    }

    private void show(Survey survey) {
        details.removeAll();
        if (survey != null) {
            details.add(new SurveySharing(surveys, survey, changed -> {
                refresh();
                grid.select(changed);
            }));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("surveys.heading") + " | " + getTranslation("app.name");
    }
}
