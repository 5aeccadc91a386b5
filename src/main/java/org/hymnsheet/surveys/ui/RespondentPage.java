package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;

/** What every respondent page shares: open the survey named in the address, or say plainly why not. */
abstract class RespondentPage extends Div implements BeforeEnterObserver, HasDynamicTitle {
    final transient ResponseService responses;
    private final RespondentSettings settings;
    private final HelpText help;
    private String title;

    RespondentPage(ResponseService responses, RespondentSettings settings, HelpText help) {
        this.responses = responses;
        this.settings = settings;
        this.help = help;
        addClassName("respondent-page");
    }

    abstract SurveyEntry open(String token);

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse(null);
        show(open(token));
    }

    void show(SurveyEntry entry) {
        removeAll();
        switch (entry.state()) {
            case OPEN -> {
                title = entry.template().title().in(entry.template().languages().getFirst());
                add(new SurveyRunner(responses, entry, settings, help));
            }
            case CLOSED -> message("respond.closedTitle", "respond.closed");
            case NOT_FOUND -> message("respond.notFoundTitle", "respond.notFound");
        }
    }

    private void message(String titleKey, String bodyKey) {
        title = getTranslation(titleKey);
        var box = new Div(new H1(title), new Paragraph(getTranslation(bodyKey)));
        box.addClassName("narrow-page");
        add(box);
    }

    @Override
    public String getPageTitle() {
        return (title == null ? "" : title + " | ") + getTranslation("app.name");
    }
}
