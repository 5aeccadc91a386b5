package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/**
 * Re-reads a live workshop page every 2 seconds while it is on screen, and stops when it leaves. Until the
 * boards bring server push, this is how the console and the phones follow the room.
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
