package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Not a page: a route only so that Vaadin builds a script chunk with the text area of the stages' inputs, which
 * {@link StagePanels} asks for when a participant's phone first shows a stage (decision 0035). Opened as an address,
 * it is "Page not found".
 */
@Route(value = "w/:code/text-scripts", autoLayout = false)
@AnonymousAllowed
public class PhoneTextScripts extends Div implements BeforeEnterObserver {
    /** Never called: names the components, so that their scripts are in this route's chunk. */
    static void components() {
        new TextArea();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.rerouteToError(NotFoundException.class);
    }
}
