package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.common.ui.ClientKeys;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.Branching;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;
import org.hymnsheet.templates.Question;
import org.hymnsheet.templates.SurveyTemplate;

/**
 * One respondent's run through a survey: welcome, one question per screen, thank you. Answers live on the
 * server (saved as the respondent moves on) and in this component only; nothing goes into the URL or the
 * browser's storage. In kiosk mode a {@link KioskWatch} resets the device between respondents.
 */
final class SurveyRunner extends Main {
    private final transient ResponseService responses;
    private final SurveyEntry entry;
    private final SurveyTemplate template;
    private final RespondentSettings settings;
    private final Div screen = new Div();
    private final HelpPanel help;
    private final Map<String, AnswerInput> answers = new HashMap<>();
    private KioskWatch watch;
    private String responseId;
    private String lang;
    private int index;
    private QuestionField field;
    private final Span error = new Span();
    private final Button leave;

    SurveyRunner(ResponseService responses, SurveyEntry entry, RespondentSettings settings, HelpText help) {
        this.responses = responses;
        this.entry = entry;
        this.template = entry.template();
        this.settings = settings;
        UI ui = UI.getCurrent();
        String wanted = ui == null ? null : ui.getLocale().getLanguage();
        this.lang = template.languages().contains(wanted) ? wanted : template.languages().getFirst();
        if (ui != null && !lang.equals(wanted)) {
            RespondentPage.setLanguage(ui, lang);
        }
        this.help = new HelpPanel(help);
        addClassName("respondent");
        this.leave = leaveQuickly();
        error.addClassName("answer-error");
        error.getElement().setAttribute("role", "alert");
        var bar = new Div(this.help.button(), leave);
        bar.addClassName("respondent-bar");
        add(bar, this.help, screen);
        welcome();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (entry.kiosk() && watch == null) {
            watch = new KioskWatch(this, settings, this::resetDevice);
        }
    }

    /**
     * On a young person's own device "Leave quickly" goes to a neutral page. On a kiosk it ends this respondent's
     * visit and starts the kiosk afresh on its welcome screen: leaving kiosk mode itself needs the PIN.
     */
    private Button leaveQuickly() {
        return leaveQuickly(entry.kiosk() ? kioskPath() : null, settings);
    }

    /** @param kioskPath the kiosk's address, or null on a young person's own device */
    static Button leaveQuickly(String kioskPath, RespondentSettings settings) {
        var button = new Button();
        button.setText(button.getTranslation("respond.leave"));
        button.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> {
            if (kioskPath != null) {
                Departure.restart(ui, kioskPath);
            } else {
                Departure.leave(ui, settings.leaveUrl);
            }
        }));
        button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        button.setId("leave-quickly");
        return button;
    }

    private String kioskPath() {
        return "k/" + entry.kioskToken();
    }

    private void welcome() {
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
            var language = new RadioButtonGroup<String>(getTranslation("respond.language"));
            language.setItems(template.languages());
            language.setItemLabelGenerator(l -> getTranslation("language." + l));
            language.setValue(lang);
            language.addValueChangeListener(e -> switchLanguage(e.getValue()));
            language.setId("language");
            screen.add(language);
        }
        var start = new Button(getTranslation("respond.start"), e -> start());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        start.setId("start");
        screen.add(start);
        if (entry.kiosk()) {
            screen.add(KioskExit.button(responses, entry.kioskToken()));
        }
    }

    private void switchLanguage(String chosen) {
        lang = chosen == null ? lang : chosen;
        RespondentPage.setLanguage(UI.getCurrent(), lang);
        help.refresh();
        leave.setText(getTranslation("respond.leave"));
        if (watch != null) {
            watch.refresh();
        }
        welcome();
    }

    private void start() {
        try {
            responseId = responses.start(entry, lang, ClientKeys.current());
        } catch (ValidationException e) { // too many starts from this address: say so calmly on the welcome screen
            error.setText(getTranslation(e.messageKey(), e.args()));
            screen.add(error);
            return;
        }
        index = 0;
        if (watch != null) {
            watch.arm();
        }
        showQuestion();
    }

    private List<Question> visible() {
        return template.questions().stream().filter(q -> Branching.shows(q, answers)).toList();
    }

    private void showQuestion() {
        List<Question> questions = visible();
        Question q = questions.get(index);
        screen.removeAll();
        error.setText("");
        var progress = new ProgressBar(0, questions.size(), index + 1);
        String progressText = getTranslation("respond.progress", index + 1, questions.size());
        progress.getElement().setAttribute("aria-label", progressText);
        var count = new Span(progressText);
        count.addClassName("progress-text");
        // the previous screen's button is gone: put keyboard and screen-reader focus at the top of the new question
        count.getElement().setAttribute("tabindex", "-1");
        count.getElement().executeJs("this.focus()");
        if (q.section() != null) {
            screen.add(new H2(q.section().in(lang)));
        }
        field = new QuestionField(q, lang, entry.places(), answers.get(q.id()), q.text().in(lang));
        screen.add(progress, count, QuestionField.optionalHelp(q.help(), lang), field, error, navigation(index == questions.size() - 1));
    }

    private Div navigation(boolean last) {
        var back = new Button(getTranslation("respond.back"), e -> back());
        back.setId("back");
        back.setEnabled(index > 0);
        var skip = new Button(getTranslation("respond.skipThis"), e -> move(new AnswerInput.Skip()));
        skip.setId("skip");
        var next = new Button(getTranslation(last ? "respond.send" : "respond.next"), e -> move(field.read()));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setId("next");
        var nav = new Div(back, skip, next);
        nav.addClassName("respondent-nav");
        return nav;
    }

    private void back() {
        index = Math.max(0, index - 1);
        showQuestion();
    }

    private void move(AnswerInput answer) {
        boolean disclosure;
        Question q = visible().get(index);
        try {
            disclosure = responses.save(responseId, q.id(), answer, ClientKeys.current()).disclosureSuspected();
            if (answer instanceof AnswerInput.Skip) {
                answers.remove(q.id());
            } else {
                answers.put(q.id(), answer);
            }
        } catch (ValidationException e) {
            error.setText(getTranslation(e.messageKey(), e.args()));
            return;
        }
        if (index + 1 < visible().size()) {
            index++;
            showQuestion();
        } else {
            responses.submit(responseId);
            endVisit();
            return; // the thank-you screen, in a new session, shows the help open for everyone
        }
        if (disclosure) {
            help.openAfterDisclosure(); // after the next screen is built, so the help panel keeps the focus
        }
    }

    /**
     * The answers are sent: the respondent's server session ends now, not at the hand-over, so Back on the
     * thank-you screen (or a device left there) keeps nothing of them for the next person. The thank-you screen is
     * the same address with {@code ?thanks}, loaded afresh (replacing the survey in the history) in a new session
     * that holds nothing of anyone.
     */
    private void endVisit() {
        answers.clear();
        responseId = null;
        field = null;
        if (watch != null) {
            watch.stop();
        }
        getUI().ifPresent(ui -> Departure.restart(ui, ui.getActiveViewLocation().getPath() + "?" + ThankYou.PARAMETER + "=" + lang));
    }

    /** Kiosk: end this respondent's server session and start the next one on the welcome screen. */
    void resetDevice() {
        getUI().ifPresent(ui -> Departure.restart(ui, kioskPath()));
    }

    private static Div paragraphs(String text) {
        var div = new Div();
        for (String p : text.split("\\n\\s*\\n")) {
            div.add(new Paragraph(p.strip()));
        }
        return div;
    }
}
