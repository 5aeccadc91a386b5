package org.hymnsheet.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import org.springframework.stereotype.Component;

/**
 * Makes the 30-minute idle timeout real for a tab left open. Vaadin's heartbeat (every 5 minutes) keeps the
 * servlet session alive for ever; with {@code vaadin.close-idle-sessions=true} Vaadin closes its own session once
 * nothing but heartbeats has arrived for the servlet session's timeout, but it leaves the servlet session, and so
 * the staff member's sign-in, in place. When a Vaadin session ends while its servlet session is still there, this
 * invalidates the servlet session too: the next request is anonymous and a staff page asks for a sign-in.
 */
@Component
class IdleSessionEnd implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            // null when the servlet session itself was invalidated or timed out: nothing left to end then
            WrappedSession http = destroyed.getSession().getSession();
            if (http != null) {
                try {
                    http.invalidate();
                } catch (IllegalStateException alreadyEnded) {
                    // ended meanwhile
                }
            }
        });
    }
}
