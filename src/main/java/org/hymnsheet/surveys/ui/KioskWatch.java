package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.shared.Registration;

/**
 * Kiosk mode: after {@code idleSeconds} without a tap or key, a visible countdown offers "Keep going"; when
 * it runs out, the device starts again for the next respondent. (The thank-you screen, in a new session,
 * hands over by itself: see {@link ThankYou}.)
 */
final class KioskWatch {
    private final UI ui;
    private final RespondentSettings settings;
    private final Runnable reset;
    private final Dialog dialog = new Dialog();
    private final Paragraph countdown = new Paragraph();
    private long lastActivity = System.nanoTime();
    private final java.util.List<Registration> listeners = new java.util.ArrayList<>();
    private final Button keepGoing = new Button();
    private boolean armed;
    private boolean done;

    KioskWatch(UI ui, RespondentSettings settings, Runnable reset) {
        this.ui = ui;
        this.settings = settings;
        this.reset = reset;
        listeners.add(ui.addPollListener(e -> tick()));
        for (String event : new String[] {"pointerdown", "keydown", "input"}) {
            DomListenerRegistration r = ui.getElement().addEventListener(event, e -> activity());
            r.throttle(2000);
            listeners.add(r);
        }
        countdown.setId("kiosk-countdown");
        countdown.getElement().setAttribute("aria-live", "assertive");
        keepGoing.addClickListener(e -> activity());
        keepGoing.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        keepGoing.setId("keep-going");
        refresh();
        dialog.add(countdown);
        dialog.getFooter().add(keepGoing);
        dialog.setCloseOnOutsideClick(false);
        dialog.setCloseOnEsc(false);
        dialog.setRole("alertdialog");
    }

    /** The dialog's texts in the respondent's language (again after they choose another). */
    void refresh() {
        keepGoing.setText(ui.getTranslation("kiosk.keepGoing"));
        dialog.setHeaderTitle(ui.getTranslation("kiosk.stillThere"));
    }

    /**
     * A respondent has started: from now on, idleness counts. The welcome screen holds nothing of anyone, so a
     * device waiting there is left alone (no "Are you still there?", no reload) and sends no requests at all:
     * the 1-second poll that drives the countdown starts only here.
     */
    void arm() {
        armed = true;
        activity();
        ui.setPollInterval(1000);
    }

    void activity() {
        lastActivity = System.nanoTime();
        if (dialog.isOpened()) {
            dialog.close();
        }
    }

    /** The respondent has sent their answers and their session ends: no more countdown, no more polls. */
    void stop() {
        done = true;
        dialog.close();
        listeners.forEach(Registration::remove);
        listeners.clear();
        ui.setPollInterval(-1);
    }

    boolean stopped() {
        return done;
    }

    private void tick() {
        if (done) {
            return;
        }
        long now = System.nanoTime();
        if (!armed) {
            return;
        }
        long idle = (now - lastActivity) / 1_000_000_000L;
        long left = settings.idleSeconds + settings.countdownSeconds - idle;
        if (left <= 0) {
            finish();
        } else if (idle >= settings.idleSeconds) {
            countdown.setText(ui.getTranslation("kiosk.countdown", left));
            if (!dialog.isOpened()) {
                dialog.open();
            }
        }
    }

    private void finish() {
        done = true;
        dialog.close();
        reset.run();
    }
}
