package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/**
 * Re-reads the facilitator's console every 2 seconds while it is on screen (the stage timer and an open
 * speaking turn tick), and stops when it leaves. What the room does reaches the console by push at once.
 */
final class Polling {
    static final int MILLIS = 2000;

    private Polling() {}

    static void whileAttached(Component view, Runnable refresh) {
        Registration[] poll = new Registration[1];
        view.addAttachListener(e -> {
            e.getUI().setPollInterval(MILLIS);
            poll[0] = e.getUI().addPollListener(p -> refresh.run());
        });
        view.addDetachListener(e -> {
            e.getUI().setPollInterval(-1);
            if (poll[0] != null) {
                poll[0].remove();
                poll[0] = null;
            }
        });
    }
}
