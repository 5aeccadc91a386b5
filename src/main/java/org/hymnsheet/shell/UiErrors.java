package org.hymnsheet.shell;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.hymnsheet.common.DatabaseUnreachable;
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
            } else if (DatabaseUnreachable.is(cause) && cause instanceof ExecutionException) {
                // a refresh in the background (a live page reading the room again): nothing of the user's was
                // being saved, and the page reads again when the database is back (the relay's reconnection)
                log.warn("A live page could not reach the database to refresh: {}", cause.toString());
                return;
            } else if (DatabaseUnreachable.is(cause)) {
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
                ui.access(() -> show(ui, message));
            }
        }));
    }

    /**
     * One notification per message: an action that fails in two places (its save, then the refresh after it) says
     * so once, not twice on top of each other.
     */
    private static void show(UI ui, String message) {
        Notification open = ComponentUtil.getData(ui, Notification.class);
        if (open != null && open.isOpened() && message.equals(ComponentUtil.getData(open, String.class))) {
            return;
        }
        Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        ComponentUtil.setData(notification, String.class, message);
        ComponentUtil.setData(ui, Notification.class, notification);
    }

    private static boolean rootIs(Throwable t, Class<? extends Throwable> type) {
        return DatabaseUnreachable.causedBy(t, type);
    }
}
