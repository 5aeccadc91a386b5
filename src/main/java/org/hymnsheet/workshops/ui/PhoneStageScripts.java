package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Not a page: a route only so that Vaadin builds a script chunk with the components of the stages' inputs, which
 * {@link StagePanels} asks for when a participant's phone first shows a stage (decision 0035). Opened as an address,
 * it is "Page not found".
 */
@Route(value = "w/:code/stage-scripts", autoLayout = false)
@AnonymousAllowed
public class PhoneStageScripts extends Div implements BeforeEnterObserver {
    /** Never called: names the stages' inputs, so that their components are in this route's chunk. */
    static PhoneStages.Panel parts(StagePanels panels) {
        return panels.panel(null, null, null, null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.rerouteToError(NotFoundException.class);
    }
}
