package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Locale;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;

/** What every respondent page shares: open the survey named in the address, or say plainly why not. */
abstract class RespondentPage extends Div implements BeforeEnterObserver, HasDynamicTitle {
    private static final String LANGUAGE_CHOSEN = "hymnsheet.languageChosen";
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
    public final void beforeEnter(BeforeEnterEvent event) {
        // nothing on a young person's page is ever pushed (the kiosk's watch polls): no push connection is opened,
        // which keeps an idle survey page small on the server (decision 0028). A page built with its HTML (decision
        // 0033) has the app shell's @Push applied after this navigation, so it is switched off again just before
        // the first response is written.
        UI ui = event.getUI();
        ui.getPushConfiguration().setPushMode(PushMode.DISABLED);
        ui.beforeClientResponse(ui, context -> context.getUI().getPushConfiguration().setPushMode(PushMode.DISABLED));
        speakTheBrowsersLanguage(ui);
        if (StaffSignOut.needed()) {
            removeAll();
            title = getTranslation("staffSignOut.title");
            add(new StaffSignOut(event.getLocation().getPath()));
            return;
        }
        var thanks = event.getLocation().getQueryParameters().getParameters().get(ThankYou.PARAMETER);
        if (thanks != null) {
            removeAll();
            if (thanks.contains("cy") || thanks.contains("en")) {
                setLanguage(event.getUI(), thanks.contains("cy") ? "cy" : "en"); // the language the survey was in
            }
            title = getTranslation("respond.thanks");
            String token = event.getRouteParameters().get("token").orElse(null);
            add(new ThankYou(kioskPath(token), settings, help));
            return;
        }
        enter(event);
    }

    /** The kiosk's own address, to hand over to after "thank you"; null on a young person's own device. */
    String kioskPath(String token) {
        return null;
    }

    /** Opens the page for an anonymous visitor (never inside a staff session: see {@link StaffSignOut}). */
    void enter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse(null);
        show(open(token), event.getLocation().getPath());
    }

    /**
     * Welsh for a browser that asks for Welsh, English otherwise. Left to Vaadin, a browser asking for neither
     * language (English included) got the only locale with its own file, Welsh.
     */
    static void speakTheBrowsersLanguage(UI ui) {
        if (Boolean.TRUE.equals(ComponentUtil.getData(ui, LANGUAGE_CHOSEN))) {
            setLanguage(ui, ui.getLocale().getLanguage()); // the respondent chose it on this tab's welcome screen
            return;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        boolean welsh = false;
        if (request instanceof VaadinServletRequest servlet) {
            for (var it = servlet.getHttpServletRequest().getLocales().asIterator(); it.hasNext(); ) {
                String language = it.next().getLanguage();
                if (language.equals("cy") || language.equals("en")) {
                    welsh = language.equals("cy");
                    break;
                }
            }
        }
        setLanguage(ui, welsh ? "cy" : "en");
    }

    /** The respondent chose this language: the tab's other pages (the kiosk's PIN page and back) keep it. */
    static void chooseLanguage(UI ui, String language) {
        ComponentUtil.setData(ui, LANGUAGE_CHOSEN, Boolean.TRUE);
        setLanguage(ui, language);
    }

    /** The language of the screens and of the page itself (its lang attribute, for screen readers). */
    static void setLanguage(UI ui, String language) {
        ui.setLocale(Locale.forLanguageTag(language));
        ui.getPage().executeJs("document.documentElement.lang = $0", language);
    }

    /** @param welcomePath this page's path without a leading slash ({@code s/<link>}, {@code k/<kiosk>}) */
    void show(SurveyEntry entry, String welcomePath) {
        removeAll();
        switch (entry.state()) {
            case OPEN -> {
                var welcome = new SurveyWelcome(responses, entry, welcomePath, settings, help);
                title = entry.template().title().in(welcome.language());
                add(welcome);
            }
            case CLOSED -> message("respond.closedTitle", "respond.closed");
            case NOT_FOUND, TOO_MANY_GUESSES -> message("respond.notFoundTitle", "respond.notFound");
        }
    }

    private void message(String titleKey, String bodyKey) {
        title = getTranslation(titleKey);
        var box = new Main(new H1(title), new Paragraph(getTranslation(bodyKey)));
        box.addClassName("narrow-page");
        add(box);
    }

    @Override
    public String getPageTitle() {
        return (title == null ? "" : title + " | ") + getTranslation("app.name");
    }
}
