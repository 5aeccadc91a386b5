package org.hymnsheet.retention.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.common.ui.PickedPartnership;
import org.hymnsheet.retention.DueDeletion;
import org.hymnsheet.retention.RetentionPeriods;
import org.hymnsheet.retention.RetentionService;
import org.hymnsheet.security.Role;

/**
 * Administrators see and set how long their partnership keeps survey responses and workshop inputs, and what the
 * rule will delete next and when.
 */
@Route("admin/retention")
@RolesAllowed(Role.Names.ADMIN)
public class RetentionView extends Main implements HasDynamicTitle {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final transient RetentionService retention;
    private final long partnershipId;
    private final IntegerField surveyDays = days("retention.surveyDays", "survey-days");
    private final IntegerField workshopDays = days("retention.workshopDays", "workshop-days");
    private final Grid<DueDeletion> upcoming = new Grid<>();
    private final Paragraph nothingDue = new Paragraph();

    RetentionView(RetentionService retention, AccountService accounts) {
        this.retention = retention;
        long own = accounts.me().partnershipId();
        // the partnership a platform administrator picked on the other administration pages
        this.partnershipId = PickedPartnership.current(own);
        addClassName("page");
        add(new H1(getTranslation("retention.title")), new Paragraph(getTranslation("retention.intro")));

        RetentionPeriods periods = retention.periods(partnershipId);
        surveyDays.setValue(periods.surveyDays());
        workshopDays.setValue(periods.workshopDays());
        var save = new Button(getTranslation("retention.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-retention");
        surveyDays.setWidth("22rem");
        workshopDays.setWidth("22rem");
        var form = new Div(surveyDays, workshopDays, save);
        form.addClassName("form-actions");
        form.addClassName("retention-form");
        add(form);

        add(new H2(getTranslation("retention.next")));
        var locale = getLocale() == null ? Locale.UK : getLocale();
        var date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(UK);
        upcoming.addColumn(d -> getTranslation("retention.kind." + d.kind().name())).setHeader(getTranslation("retention.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        upcoming.addColumn(DueDeletion::title).setHeader(getTranslation("retention.what")).setFlexGrow(1);
        upcoming.addColumn(d -> date.format(d.since())).setHeader(getTranslation("retention.since")).setAutoWidth(true);
        upcoming.addColumn(d -> date.format(d.deleteAt())).setHeader(getTranslation("retention.deleteOn")).setAutoWidth(true);
        upcoming.addColumn(d -> getTranslation("retention.held." + d.kind().name(), d.held()))
                .setHeader(getTranslation("retention.held")).setAutoWidth(true);
        upcoming.setAllRowsVisible(true);
        upcoming.setId("retention-upcoming");
        nothingDue.setText(getTranslation("retention.nothing"));
        add(upcoming, nothingDue);
        // what goes and what stays, after what the administrator came to see
        add(new H2(getTranslation("retention.whatGoes")), list("retention.goes.survey", "retention.goes.workshop",
                "retention.goes.flags", "retention.goes.findings", "retention.goes.audit"));
        add(new H2(getTranslation("retention.whatStays")), new Paragraph(getTranslation("retention.stays")));
        refresh();
    }

    private IntegerField days(String labelKey, String id) {
        var field = new IntegerField(getTranslation(labelKey));
        field.setMin(RetentionPeriods.MIN_DAYS);
        field.setMax(RetentionPeriods.MAX_DAYS);
        field.setStepButtonsVisible(false);
        field.setSuffixComponent(new Div(getTranslation("retention.days")));
        field.setHelperText(getTranslation("retention.range", RetentionPeriods.MIN_DAYS, RetentionPeriods.MAX_DAYS));
        field.setId(id);
        return field;
    }

    private UnorderedList list(String... keys) {
        var list = new UnorderedList();
        for (String key : keys) {
            list.add(new ListItem(getTranslation(key)));
        }
        return list;
    }

    private void save() {
        if (Forms.save(this, Map.of("surveyDays", surveyDays, "workshopDays", workshopDays),
                () -> retention.setPeriods(partnershipId, surveyDays.getValue(), workshopDays.getValue()))) {
            Forms.done(this, "retention.saved");
            refresh();
        }
    }

    private void refresh() {
        List<DueDeletion> due = retention.upcoming(partnershipId);
        upcoming.setItems(due);
        upcoming.setVisible(!due.isEmpty());
        nothingDue.setVisible(due.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("retention.title") + " | " + getTranslation("app.name");
    }
}
