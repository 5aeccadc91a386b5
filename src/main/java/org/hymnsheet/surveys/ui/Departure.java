package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.UI;
import org.hymnsheet.security.SessionEnd;

/**
 * Ending a respondent's visit: the browser is sent on with location.replace (so Back does not return to the
 * survey) and the server session is invalidated once that answer is written, so nothing of this respondent is left
 * for the next one.
 */
final class Departure {
    private Departure() {}

    /** "Leave quickly" on a young person's own device: to a neutral page, leaving nothing behind. */
    static void leave(UI ui, String url) {
        ui.getPage().executeJs("window.location.replace($0)", url);
        endSession();
    }

    /** Kiosk (and a staff member signing out for a respondent page): the same page afresh, in a new session. */
    static void restart(UI ui, String path) {
        ui.getPage().executeJs("window.location.replace(new URL($0, document.baseURI).href)", path);
        endSession();
    }

    /** Sends the browser on to a path of this app after a pause, in the browser alone. */
    static void restartLater(UI ui, String path, int seconds) {
        ui.getPage().executeJs("setTimeout(() => window.location.replace(new URL($0, document.baseURI).href), $1)",
                path, seconds * 1000);
    }

    /**
     * Ends the servlet session (with the Vaadin session and any sign-in it held) once the response to the current
     * request, which sends the browser on, is written: see {@link SessionEnd}. The next request starts a new,
     * anonymous session.
     */
    static void endSession() {
        SessionEnd.afterThisResponse();
    }
}
