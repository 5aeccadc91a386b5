package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.common.ui.ClientKeys;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;
import org.hymnsheet.templates.SurveyTemplate;

/**
 * A survey's welcome screen: its title and introduction, what is kept and for how long, who sees the answers, the
 * language, and Start. Start begins a {@link SurveyVisit} and goes on to the questions' own page by its path.
 *
 * <p>This is the first screen a young person sees, on a slow phone as often as not, so it brings no component it
 * does not show: the questions' fields, the kiosk's countdown and its PIN page live on pages of their own, reached by
 * path and never named here as classes (a class named here would put their scripts into this page's chunk: decision
 * 0035). The language is chosen with a button in the other language's own words, as on Welsh public services.
 */
final class SurveyWelcome extends Main {
    private final transient ResponseService responses;
    private final SurveyEntry entry;
    private final SurveyTemplate template;
    private final String welcomePath;
    private final HelpPanel help;
    private final Button leave;
    private final Div screen = new Div();
    private final Span error = new Span();
    private String lang;

    /** @param welcomePath this page's path without a leading slash: {@code s/<link>} or {@code k/<kiosk>} */
    SurveyWelcome(ResponseService responses, SurveyEntry entry, String welcomePath, RespondentSettings settings,
            HelpText helpText) {
        this.responses = responses;
        this.entry = entry;
        this.template = entry.template();
        this.welcomePath = welcomePath;
        UI ui = UI.getCurrent();
        SurveyVisit visit = ui == null ? null : SurveyVisit.in(ui, welcomePath);
        String wanted = visit != null ? visit.lang : ui == null ? null : ui.getLocale().getLanguage();
        this.lang = template.languages().contains(wanted) ? wanted : template.languages().getFirst();
        if (ui != null && !lang.equals(ui.getLocale().getLanguage())) {
            RespondentPage.setLanguage(ui, lang);
        }
        addClassName("respondent");
        this.help = new HelpPanel(helpText);
        this.leave = LeaveQuickly.button(entry.kiosk() ? welcomePath : null, settings);
        error.addClassName("answer-error");
        error.getElement().setAttribute("role", "alert");
        var bar = new Div(help.button(), leave);
        bar.addClassName("respondent-bar");
        add(bar, help, screen);
        show();
    }

    String language() {
        return lang;
    }

    private void show() {
        screen.removeAll();
        screen.add(new H1(template.title().in(lang)), paragraphs(template.intro().in(lang)));
        // what is kept, and why, in plain words: a kiosk keeps the device's name, a young person's own phone nothing
        String kept = entry.kiosk() ? getTranslation("respond.keptKiosk", entry.kioskLabel())
                : getTranslation("respond.keptOwnDevice");
        var keptText = new Paragraph(kept + " " + getTranslation("respond.deletedAfter", entry.retentionDays()));
        keptText.setId("respond-kept");
        screen.add(keptText, new Paragraph(getTranslation("respond.seenBy")), new Paragraph(getTranslation("respond.skip")),
                new Paragraph(getTranslation("respond.stop")));
        if (template.languages().size() > 1) {
            screen.add(languages());
        }
        var start = new Button(getTranslation("respond.start"), e -> start());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        start.setId("start");
        screen.add(start);
        if (entry.kiosk()) {
            screen.add(kioskExit());
        }
    }

    /** A button for each other language of the survey, named in that language's own words and marked as it. */
    private Div languages() {
        var box = new Div();
        box.addClassName("respond-languages");
        box.setId("language");
        for (String other : template.languages()) {
            if (!other.equals(lang)) {
                var choose = new Button(getTranslation(Locale.forLanguageTag(other), "language." + other), e -> switchLanguage(other));
                choose.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                choose.getElement().setAttribute("lang", other);
                choose.setId("language-" + other);
                box.add(choose);
            }
        }
        return box;
    }

    /** The small "staff" button on a kiosk: leaving kiosk mode needs the facilitator's PIN, on a page of its own. */
    private Button kioskExit() {
        var open = new Button(getTranslation("kiosk.staffExit"),
                e -> e.getSource().getUI().ifPresent(ui -> SurveyVisit.goInPlace(ui, welcomePath + "/" + SurveyVisit.KIOSK_EXIT)));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        open.setId("kiosk-exit");
        return open;
    }

    private void switchLanguage(String chosen) {
        lang = chosen;
        UI ui = UI.getCurrent();
        RespondentPage.chooseLanguage(ui, lang);
        SurveyVisit visit = SurveyVisit.in(ui, welcomePath);
        if (visit != null) {
            visit.lang = lang;
        }
        help.refresh();
        leave.setText(getTranslation("respond.leave"));
        show();
        // the pressed button is gone: keep the keyboard's place on the new language's button, or on Start
        screen.getChildren().filter(c -> c.getId().filter(id -> id.startsWith("language")).isPresent()).findFirst()
                .flatMap(c -> c.getChildren().findFirst()).ifPresent(c -> c.getElement().executeJs("this.focus()"));
    }

    /**
     * Starts this respondent's answers and goes on to the first question. A visit already under way in this tab (the
     * respondent went back to the welcome screen) goes on where it was.
     */
    private void start() {
        UI ui = UI.getCurrent();
        SurveyVisit visit = SurveyVisit.in(ui, welcomePath);
        if (visit == null) {
            String responseId;
            try {
                responseId = responses.start(entry, lang, ClientKeys.current());
            } catch (ValidationException e) { // too many starts from this address: say so calmly on the welcome screen
                error.setText(getTranslation(e.messageKey(), e.args()));
                screen.add(error);
                return;
            }
            visit = new SurveyVisit(entry, welcomePath, responseId, lang);
            SurveyVisit.begin(ui, visit);
        }
        SurveyVisit.goInPlace(ui, visit.questionsPath());
    }

    static Div paragraphs(String text) {
        var div = new Div();
        for (String p : text.split("\\n\\s*\\n")) {
            div.add(new Paragraph(p.strip()));
        }
        return div;
    }
}
