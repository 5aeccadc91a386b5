package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.hymnsheet.workshops.PhoneState;

/**
 * What a participant's page needs to show a stage's input, named without its components: the page ({@link
 * ParticipantView}) opens first on "You're in" and its script chunk stays light (decision 0035); the stages' fields
 * (select, check boxes, radio groups, text areas) come in a chunk of their own, asked for when a stage is first shown.
 */
interface PhoneStages {

    /** One stage's input on the phone. */
    interface Panel {
        Component component();

        /** The stage as the phone read it now. */
        void refresh(PhoneState now);
    }

    /** Asks the browser for the scripts of this stage's fields (Vaadin's client fetches a chunk once). */
    void loadScripts(UI ui, PhoneState state);

    Panel panel(String token, PhoneState state, String lang, Runnable reread);
}
