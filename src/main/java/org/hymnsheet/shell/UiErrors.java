package org.hymnsheet.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Failures inside a click or a save (not while opening a page): the user gets a plain notification with a
 * reference, the log gets the detail. Never a stack trace on screen.
 */
@Component
class UiErrors implements VaadinServiceInitListener {
    private static final Logger log = LoggerFactory.getLogger(UiErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable cause = error.getThrowable();
            UI ui = UI.getCurrent();
            String message;
            if (rootIs(cause, AccessDeniedException.class)) {
                log.warn("Refused action: {}", cause.getMessage());
                message = ui == null ? "" : ui.getTranslation("error.forbiddenAction");
            } else if (databaseUnreachable(cause)) {
                // the database restarting or out of reach: nothing was saved, the typed words are still in the page
                log.warn("An action could not reach the database: {}", cause.toString());
                message = ui == null ? "" : ui.getTranslation("error.databaseUnreachable");
            } else {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Error {} in a user action", reference, cause);
                message = ui == null ? "" : ui.getTranslation("error.title") + ". "
                        + ui.getTranslation("error.reference", reference);
            }
            if (ui != null) {
                ui.access(() -> Notification.show(message, 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
            }
        }));
    }

    /**
     * Whether the action failed because the database could not be reached (restarting, network, pool unable to
     * connect), as opposed to a fault in the action itself: then trying again in a moment is the right advice.
     */
    static boolean databaseUnreachable(Throwable t) {
        return rootIs(t, org.springframework.dao.DataAccessResourceFailureException.class)
                || rootIs(t, org.springframework.transaction.CannotCreateTransactionException.class)
                || rootIs(t, java.sql.SQLTransientConnectionException.class)
                || rootIs(t, java.sql.SQLNonTransientConnectionException.class)
                || rootIs(t, java.net.ConnectException.class);
    }

    private static boolean rootIs(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
