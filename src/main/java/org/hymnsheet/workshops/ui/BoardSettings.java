package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import java.util.Map;
import java.util.Objects;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopService;

/**
 * The console's board settings, a click away: what the board shows, and the choice of the partnership survey whose
 * findings it shows as the young people's voice. (The link that opens the board is in the console's header.)
 */
final class BoardSettings extends Section {
    private final Select<Survey> survey = new Select<>();

    BoardSettings(WorkshopService workshops, SurveyService surveys, Workshop workshop) {
        addClassName("console-settings");
        setId("board-settings");
        var options = surveys.list(workshop.partnershipId());
        survey.setLabel(getTranslation("console.boardSurvey"));
        survey.setHelperText(getTranslation("console.boardSurveyHelp"));
        survey.setItems(options);
        survey.setEmptySelectionAllowed(true);
        survey.setEmptySelectionCaption(getTranslation("console.noSurvey"));
        survey.setItemLabelGenerator(s -> s == null ? getTranslation("console.noSurvey") : s.title());
        survey.setId("board-survey");
        survey.addClassName("board-survey");
        survey.setValue(options.stream().filter(s -> Objects.equals(s.id(), workshop.surveyId())).findFirst().orElse(null));
        survey.setEnabled(!workshop.ended());
        survey.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                Survey chosen = e.getValue();
                Forms.save(this, Map.of("survey", survey),
                        () -> workshops.chooseSurvey(workshop.id(), chosen == null ? null : chosen.id()));
            }
        });
        add(new Paragraph(getTranslation("console.boardIntro")), survey);
    }
}
