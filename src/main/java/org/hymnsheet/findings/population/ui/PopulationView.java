package org.hymnsheet.findings.population.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.common.ui.PickedPartnership;
import org.hymnsheet.findings.PopulationService;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.AboutYou;
import org.hymnsheet.templates.Option;

/** Administrators enter the area's population shares for each "about you" question, one form per question. */
@Route("admin/population")
@RolesAllowed(Role.Names.ADMIN)
public class PopulationView extends Main implements HasDynamicTitle {

    private final transient PopulationService population;
    private final long partnershipId;

    PopulationView(PopulationService population, AccountService accounts) {
        this.population = population;
        long own = accounts.me().partnershipId();
        // the partnership a platform administrator picked on the other administration pages
        this.partnershipId = PickedPartnership.current(own);
        addClassName("page");
        add(new H1(getTranslation("population.title")), new Paragraph(getTranslation("population.intro")));
        Map<String, Map<String, BigDecimal>> shares = population.shares(partnershipId);
        for (AboutYou.Item item : AboutYou.Item.values()) {
            add(form(item, shares.getOrDefault(item.questionId(), Map.of())));
        }
    }

    private Section form(AboutYou.Item item, Map<String, BigDecimal> current) {
        Map<String, TextField> fields = new LinkedHashMap<>();
        var layout = new FormLayout();
        for (Option option : item.options()) {
            if (option.id().equals(AboutYou.PREFER_NOT)) {
                continue;
            }
            var field = new TextField(option.label().in("en"));
            field.setSuffixComponent(new Div("%"));
            field.setAllowedCharPattern("[0-9.]");
            field.setMaxLength(6);
            field.setValue(current.containsKey(option.id()) ? current.get(option.id()).stripTrailingZeros().toPlainString() : "");
            field.setId("share-" + item.questionId() + "-" + option.id());
            fields.put(option.id(), field);
            layout.add(field);
        }
        var save = new Button(getTranslation("population.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-" + item.questionId());
        save.addClickListener(e -> save(item, fields));
        var title = new H2(item.question().text().in("en"));
        var section = new Section(title, layout, save);
        section.addClassName("population-question");
        return section;
    }

    private void save(AboutYou.Item item, Map<String, TextField> fields) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        for (var entry : fields.entrySet()) {
            String typed = entry.getValue().getValue().strip();
            try {
                shares.put(entry.getKey(), typed.isEmpty() ? null : new BigDecimal(typed));
            } catch (NumberFormatException notANumber) {
                entry.getValue().setErrorMessage(getTranslation("population.range"));
                entry.getValue().setInvalid(true);
                return;
            }
        }
        if (Forms.save(this, fields, () -> population.save(partnershipId, item.questionId(), shares))) {
            Forms.done(this, "population.saved");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("population.title") + " | " + getTranslation("app.name");
    }
}
