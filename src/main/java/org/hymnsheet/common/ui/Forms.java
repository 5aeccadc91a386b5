package org.hymnsheet.common.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;
import org.hymnsheet.common.ConcurrentEditException;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;

/** How every form shows the outcome of a service call: messages beside fields, or a short notification. */
public final class Forms {
    private Forms() {}

    /**
     * Runs a save. A refused input is shown beside its field (or as a notification when no field matches);
     * the typed values stay in the form, so nothing is lost. Returns whether the save went through.
     */
    public static boolean save(Component host, Map<String, ? extends HasValidation> fields, Runnable action) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        try {
            action.run();
            return true;
        } catch (ValidationException e) {
            String message = host.getTranslation(e.messageKey(), e.args());
            HasValidation field = fields.get(e.field());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                error(message);
            }
        } catch (ConcurrentEditException | NotFoundException e) {
            error(host.getTranslation("error.concurrent"));
        }
        return false;
    }

    public static void done(Component host, String messageKey) {
        Notification.show(host.getTranslation(messageKey), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
