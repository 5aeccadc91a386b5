package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.common.ui.ClientKeys;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.Branching;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;
import org.hymnsheet.templates.Question;
import org.hymnsheet.templates.SurveyTemplate;

/**
 * A respondent's run through a survey's questions, one per screen, after its welcome screen ({@link SurveyWelcome})
 * and before "thank you". Answers live on the server (saved as the respondent moves on) and in the tab's
 * {@link SurveyVisit} only; nothing goes into the URL or the browser's storage. In kiosk mode a {@link KioskWatch}
 * resets the device between respondents.
 */
final class SurveyRunner extends Main {
    private final transient ResponseService responses;
    private final SurveyVisit visit;
    private final SurveyEntry entry;
    private final SurveyTemplate template;
    private final RespondentSettings settings;
    private final Div screen = new Div();
    private final HelpPanel help;
    private QuestionField field;
    private final Span error = new Span();

    SurveyRunner(ResponseService responses, SurveyVisit visit, RespondentSettings settings, HelpText help) {
        this.responses = responses;
        this.visit = visit;
        this.entry = visit.entry;
        this.template = entry.template();
        this.settings = settings;
        UI ui = UI.getCurrent();
        if (ui != null && !visit.lang.equals(ui.getLocale().getLanguage())) {
            RespondentPage.setLanguage(ui, visit.lang);
        }
        this.help = new HelpPanel(help);
        addClassName("respondent");
        error.addClassName("answer-error");
        error.getElement().setAttribute("role", "alert");
        var bar = new Div(this.help.button(), LeaveQuickly.button(entry.kiosk() ? visit.welcomePath : null, settings));
        bar.addClassName("respondent-bar");
        add(bar, this.help, screen);
        showQuestion();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (entry.kiosk()) {
            KioskWatch watch = watch(event.getUI());
            watch.refresh(); // in the language chosen on the welcome screen
            watch.arm();
        }
    }

    /** The tab's kiosk watch: one for the visit, whichever screen of it is shown. */
    private KioskWatch watch(UI ui) {
        KioskWatch watch = ComponentUtil.getData(ui, KioskWatch.class);
        if (watch == null || watch.stopped()) {
            watch = new KioskWatch(ui, settings, () -> resetDevice(ui));
            ComponentUtil.setData(ui, KioskWatch.class, watch);
        }
        return watch;
    }

    private List<Question> visible() {
        return template.questions().stream().filter(q -> Branching.shows(q, visit.answers)).toList();
    }

    private void showQuestion() {
        List<Question> questions = visible();
        visit.index = Math.min(visit.index, questions.size() - 1);
        int index = visit.index;
        Question q = questions.get(index);
        String lang = visit.lang;
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
        field = new QuestionField(q, lang, entry.places(), visit.answers.get(q.id()), q.text().in(lang));
        screen.add(progress, count, QuestionField.optionalHelp(q.help(), lang), field, error, navigation(index == questions.size() - 1));
    }

    private Div navigation(boolean last) {
        var back = new Button(getTranslation("respond.back"), e -> back());
        back.setId("back");
        back.setEnabled(visit.index > 0);
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
        visit.index = Math.max(0, visit.index - 1);
        showQuestion();
    }

    private void move(AnswerInput answer) {
        boolean disclosure;
        Question q = visible().get(visit.index);
        try {
            disclosure = responses.save(visit.responseId, q.id(), answer, ClientKeys.current()).disclosureSuspected();
            if (answer instanceof AnswerInput.Skip) {
                visit.answers.remove(q.id());
            } else {
                visit.answers.put(q.id(), answer);
            }
        } catch (ValidationException e) {
            error.setText(getTranslation(e.messageKey(), e.args()));
            return;
        }
        if (visit.index + 1 < visible().size()) {
            visit.index++;
            showQuestion();
        } else {
            responses.submit(visit.responseId);
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
     * the welcome screen's address with {@code ?thanks}, loaded afresh (replacing the survey in the history) in a new
     * session that holds nothing of anyone.
     */
    private void endVisit() {
        field = null;
        getUI().ifPresent(ui -> {
            stopWatch(ui);
            visit.end(ui);
            Departure.restart(ui, visit.welcomePath + "?" + ThankYou.PARAMETER + "=" + visit.lang);
        });
    }

    /** Kiosk: end this respondent's server session and start the next one on the welcome screen. */
    private void resetDevice(UI ui) {
        visit.end(ui);
        Departure.restart(ui, visit.welcomePath);
    }

    private static void stopWatch(UI ui) {
        KioskWatch watch = ComponentUtil.getData(ui, KioskWatch.class);
        if (watch != null) {
            watch.stop();
        }
    }
}
