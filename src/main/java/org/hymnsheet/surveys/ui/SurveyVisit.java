package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import java.util.HashMap;
import java.util.Map;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.SurveyEntry;

/**
 * One respondent's visit to a survey, from Start to Send: which response it is, the language, the answers given so
 * far and the question on the screen. It is kept on the browser tab's {@link UI} only, where the welcome screen puts
 * it and the questions' page ({@link SurveyQuestionsView}) reads it: a reload, a new tab or the next person on a
 * kiosk (a new server session) has none, and starts on the welcome screen. Nothing goes into the URL or the
 * browser's storage.
 *
 * <p>This class holds no components, so the welcome screen that creates it does not bring the questions' components
 * into its page's script chunk (decision 0035).
 */
final class SurveyVisit {
    final SurveyEntry entry;
    /** The welcome screen's path (no leading slash): {@code s/<link>} or {@code k/<kiosk>}. */
    final String welcomePath;
    final String responseId;
    final Map<String, AnswerInput> answers = new HashMap<>();
    String lang;
    int index;
    boolean ended;

    SurveyVisit(SurveyEntry entry, String welcomePath, String responseId, String lang) {
        this.entry = entry;
        this.welcomePath = welcomePath;
        this.responseId = responseId;
        this.lang = lang;
    }

    /** The last part of the questions' address, after the welcome screen's path. */
    static final String QUESTIONS = "questions";
    /** The last part of a kiosk's "leave kiosk mode" page's address, after its welcome screen's path. */
    static final String KIOSK_EXIT = "staff";

    String questionsPath() {
        return welcomePath + "/" + QUESTIONS;
    }

    /**
     * Goes on to another page of the survey in place of this one in the browser's history, as one page did before the
     * questions had a page of their own: Back after "Leave quickly" or after "thank you" must not bring back any page
     * of the survey, and a kiosk's history never grows.
     */
    static void goInPlace(UI ui, String path) {
        Location location = new Location(path);
        ui.getPage().getHistory().replaceState(null, location);
        ui.getInternals().getRouter().navigate(ui, location, NavigationTrigger.PROGRAMMATIC);
    }

    /** The visit under way in this tab at this welcome path, if there is one. */
    static SurveyVisit in(UI ui, String welcomePath) {
        SurveyVisit visit = ComponentUtil.getData(ui, SurveyVisit.class);
        return visit != null && !visit.ended && visit.welcomePath.equals(welcomePath) ? visit : null;
    }

    static void begin(UI ui, SurveyVisit visit) {
        ComponentUtil.setData(ui, SurveyVisit.class, visit);
    }

    /** The answers are sent or the device is reset: nothing of this respondent stays on the tab. */
    void end(UI ui) {
        ended = true;
        answers.clear();
        if (ComponentUtil.getData(ui, SurveyVisit.class) == this) {
            ComponentUtil.setData(ui, SurveyVisit.class, null);
        }
    }
}
