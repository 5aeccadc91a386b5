package org.hymnsheet.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.hymnsheet.security.PendingFactor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * While a sign-in still owes its second factor, every address leads to the second-factor page (or sign-in, to
 * start again). The services refuse such a session anyway; this only sends the person where they can finish.
 */
@Component
class SecondFactorGate implements VaadinServiceInitListener {
    /** The address the person asked for, opened once the second factor is given. */
    static final String AFTER = "hymnsheet.afterSecondFactor";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        if (!PendingFactor.owed(SecurityContextHolder.getContext().getAuthentication())) {
            return;
        }
        Class<?> target = event.getNavigationTarget();
        if (target != SecondFactorView.class && target != LoginView.class) {
            VaadinSession.getCurrent().setAttribute(AFTER, event.getLocation().getPathWithQueryParameters());
            event.forwardTo(SecondFactorView.class);
        }
    }
}
