package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.BundleUtils;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.PhoneState;
import org.springframework.stereotype.Component;

/**
 * The stages' inputs for a participant's page. Their scripts are the chunk Vaadin builds for {@link
 * PhoneStageScripts}, a route that exists only to own that chunk; they are asked for the way Vaadin asks for a
 * route's chunk when it navigates (decision 0035).
 */
@Component
class StagePanels implements PhoneStages {
    private static final String CHUNK = BundleUtils.getChunkId(PhoneStageScripts.class);
    private final InputService inputs;

    StagePanels(InputService inputs) {
        this.inputs = inputs;
    }

    @Override
    public void loadScripts(UI ui) {
        ui.getPage().addDynamicImport("return window.Vaadin.Flow.loadOnDemand('" + CHUNK + "');");
    }

    @Override
    public Panel panel(String token, PhoneState state, String lang, Runnable reread) {
        return new StageInputPanel(inputs, token, state, lang, reread);
    }
}
