package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Not a page: a route only so that Vaadin builds a script chunk with the choice fields of the stages' inputs (check
 * boxes, radio groups, the select), which {@link StagePanels} asks for when a participant's phone first shows a stage
 * that uses them (decision 0035). Opened as an address, it is "Page not found".
 */
@Route(value = "w/:code/choice-scripts", autoLayout = false)
@AnonymousAllowed
public class PhoneChoiceScripts extends Div implements BeforeEnterObserver {
    /** Never called: names the components, so that their scripts are in this route's chunk. */
    static void components() {
        new CheckboxGroup<String>();
        new RadioButtonGroup<String>();
        new Select<String>();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.rerouteToError(NotFoundException.class);
    }
}
