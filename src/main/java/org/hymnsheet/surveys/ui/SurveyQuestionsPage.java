package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.shared.communication.PushMode;
import org.hymnsheet.surveys.ResponseService;

/**
 * The questions of a survey, on a page of their own after its welcome screen ({@code s/<link>/questions},
 * {@code k/<kiosk>/questions}, {@code survey/questions} after the code page). The page shows the visit the welcome screen began in this tab; without one (a reload,
 * an address typed or shared, a new session on a kiosk) it goes to the welcome screen, which starts afresh.
 */
abstract class SurveyQuestionsPage extends Div implements BeforeEnterObserver, HasDynamicTitle {
    private final transient ResponseService responses;
    private final RespondentSettings settings;
    private final HelpText help;
    private final String prefix;
    private String title;

    /** @param prefix the welcome screen's path before its token: {@code s/} or {@code k/}, or the code page's path */
    SurveyQuestionsPage(ResponseService responses, RespondentSettings settings, HelpText help, String prefix) {
        this.responses = responses;
        this.settings = settings;
        this.help = help;
        this.prefix = prefix;
        addClassName("respondent-page");
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        UI ui = event.getUI();
        ui.getPushConfiguration().setPushMode(PushMode.DISABLED); // as on the welcome screen (decision 0028)
        removeAll();
        if (StaffSignOut.needed()) {
            title = getTranslation("staffSignOut.title");
            add(new StaffSignOut(event.getLocation().getPath()));
            return;
        }
        String welcomePath = prefix + event.getRouteParameters().get("token").orElse("");
        SurveyVisit visit = SurveyVisit.in(ui, welcomePath);
        if (visit == null) {
            event.forwardTo(welcomePath);
            return;
        }
        title = visit.entry.template().title().in(visit.lang);
        add(new SurveyRunner(responses, visit, settings, help));
    }

    @Override
    public String getPageTitle() {
        return (title == null ? "" : title + " | ") + getTranslation("app.name");
    }
}
