package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

/**
 * Ending a respondent's visit: the browser is sent on with location.replace (so Back does not return to the
 * survey) and the server session is invalidated, so nothing of this respondent is left for the next one.
 */
final class Departure {
    private Departure() {}

    /** "Leave quickly": to a neutral page, leaving nothing behind. */
    static void leave(UI ui, String url) {
        ui.getPage().executeJs("window.location.replace($0)", url);
        invalidate();
    }

    /** Kiosk: the same page afresh, in a new server session (and so with a new session cookie). */
    static void restart(UI ui, String path) {
        ui.getPage().executeJs("window.location.replace(new URL($0, document.baseURI).href)", path);
        invalidate();
    }

    private static void invalidate() {
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession http = session == null ? null : session.getSession();
        if (http != null) {
            http.invalidate();
        }
    }
}
