package org.hymnsheet.findings.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hymnsheet.common.ui.DateInput;
import org.hymnsheet.findings.FindingsChoices;
import org.hymnsheet.findings.FindingsFilter;
import org.hymnsheet.findings.Setting;
import org.hymnsheet.workshops.Level;

/**
 * The findings filters: a quarter (which fills in the dates) or a date range, template, agency and level for
 * workshops, setting and age band for surveys. Nothing applies until the page's one button reads them.
 */
class FilterForm extends Div {
    private final ComboBox<FindingsChoices.Quarter> quarter = new ComboBox<>();
    private final DateInput from;
    private final DateInput to;
    private final ComboBox<FindingsChoices.Choice> template = new ComboBox<>();
    private final ComboBox<FindingsChoices.Choice> agency = new ComboBox<>();
    private final ComboBox<Level> level = new ComboBox<>();
    private final ComboBox<Setting> setting = new ComboBox<>();
    private final ComboBox<FindingsChoices.Choice> ageBand = new ComboBox<>();

    FilterForm(FindingsChoices choices) {
        addClassName("findings-filters");
        from = new DateInput(getTranslation("findings.from"), "findings-from");
        to = new DateInput(getTranslation("findings.to"), "findings-to");
        setup(quarter, "findings.quarter", "findings-quarter");
        quarter.setItems(choices.quarters());
        quarter.setItemLabelGenerator(FindingsChoices.Quarter::label);
        quarter.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                from.setValue(e.getValue().first());
                to.setValue(e.getValue().last());
            }
        });
        from.onChange(day -> datesChanged());
        to.onChange(day -> datesChanged());
        setup(template, "findings.template", "findings-template");
        template.setItems(choices.templates());
        template.setItemLabelGenerator(FindingsChoices.Choice::label);
        setup(agency, "findings.agency", "findings-agency");
        agency.setItems(choices.agencies());
        agency.setItemLabelGenerator(FindingsChoices.Choice::label);
        setup(level, "findings.level", "findings-level");
        level.setItems(Level.values());
        level.setItemLabelGenerator(l -> getTranslation("console.level." + l.name()));
        setup(setting, "findings.setting", "findings-setting");
        setting.setItems(Setting.values());
        setting.setItemLabelGenerator(s -> getTranslation("findings.setting." + s.name()));
        setup(ageBand, "findings.ageBand", "findings-age");
        ageBand.setItems(choices.ageBands());
        ageBand.setItemLabelGenerator(FindingsChoices.Choice::label);
        ageBand.setVisible(!choices.ageBands().isEmpty());
        add(quarter, from, to, template, agency, level, setting, ageBand);
    }

    private void setup(ComboBox<?> box, String label, String id) {
        box.setLabel(getTranslation(label));
        box.setPlaceholder(getTranslation("findings.any"));
        box.setClearButtonVisible(true);
        box.setId(id);
    }

    /** Dates typed by hand that are not the chosen quarter's: the quarter no longer applies. */
    private void datesChanged() {
        var q = quarter.getValue();
        if (q != null && !(from.value().equals(Optional.of(q.first())) && to.value().equals(Optional.of(q.last())))) {
            quarter.clear();
        }
        to.setError(null);
    }

    /** The filter as chosen, or empty (with the dates marked) when the period ends before it starts. */
    Optional<FindingsFilter> read() {
        LocalDate first = from.value().orElse(null);
        LocalDate last = to.value().orElse(null);
        if (first != null && last != null && last.isBefore(first)) {
            to.setError(getTranslation("findings.periodInvalid"));
            return Optional.empty();
        }
        to.setError(null);
        return Optional.of(FindingsFilter.ALL.between(first, last)
                .template(template.getOptionalValue().map(FindingsChoices.Choice::id).orElse(null))
                .agency(agency.getOptionalValue().map(c -> Long.parseLong(c.id())).orElse(null))
                .level(level.getValue())
                .setting(setting.getValue())
                .ageBand(ageBand.getOptionalValue().map(FindingsChoices.Choice::id).orElse(null)));
    }

    /** The chosen filters in words, for the line above the findings. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (quarter.getValue() != null) {
            parts.add(quarter.getValue().label());
        } else if (from.value().isPresent() || to.value().isPresent()) {
            parts.add(from.value().map(LocalDate::toString).orElse("…") + " – "
                    + to.value().map(LocalDate::toString).orElse("…"));
        }
        template.getOptionalValue().ifPresent(v -> parts.add(template.getLabel() + ": " + v.label()));
        agency.getOptionalValue().ifPresent(v -> parts.add(agency.getLabel() + ": " + v.label()));
        level.getOptionalValue().ifPresent(v -> parts.add(level.getLabel() + ": " + level.getItemLabelGenerator().apply(v)));
        setting.getOptionalValue().ifPresent(v -> parts.add(setting.getLabel() + ": " + setting.getItemLabelGenerator().apply(v)));
        ageBand.getOptionalValue().ifPresent(v -> parts.add(ageBand.getLabel() + ": " + v.label()));
        return parts.isEmpty() ? getTranslation("findings.everything") : String.join(" · ", parts);
    }
}
