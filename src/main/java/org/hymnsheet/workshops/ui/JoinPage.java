package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import org.hymnsheet.workshops.ParticipantService;

/**
 * What the two join pages share ({@link JoinCodeView} on {@code /join}, {@link JoinView} on {@code /join/<code>}): a
 * phone-sized page in English, and its title. It names no field, so that {@code /join} stays light (decision 0035).
 */
abstract class JoinPage extends Div implements BeforeEnterObserver, HasDynamicTitle {
    final transient ParticipantService participants;
    final Main main = new Main();
    String title;

    JoinPage(ParticipantService participants) {
        this.participants = participants;
        addClassName("respondent-page");
        main.addClassNames("respondent", "phone");
        main.setId("join");
        add(main);
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        ParticipantCookies.speakEnglish(event.getUI());
        title = getTranslation("join.title");
        enter(event.getRouteParameters().get("code").orElse(null));
    }

    /** Shows the page for the code in the address, or null on {@code /join}. */
    abstract void enter(String code);

    @Override
    public String getPageTitle() {
        return (title == null ? "" : title + " | ") + getTranslation("app.name");
    }
}
