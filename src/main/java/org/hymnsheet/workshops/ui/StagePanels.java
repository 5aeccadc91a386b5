package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.BundleUtils;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.PhoneState;
import org.hymnsheet.templates.FramingStage;
import org.springframework.stereotype.Component;

/**
 * The stages' inputs for a participant's page. No route reaches this class or {@link StageInputPanel}: their fields'
 * scripts are the chunks Vaadin builds for {@link PhoneTextScripts} (the text area) and {@link PhoneChoiceScripts}
 * (check boxes, radio groups, the select), routes that exist only to own them. Each stage asks for the chunks its
 * fields need, the way Vaadin asks for a route's chunk when it navigates: the framing stage, the first, needs only
 * the text area (decision 0035).
 */
@Component
class StagePanels implements PhoneStages {
    private static final String TEXT = BundleUtils.getChunkId(PhoneTextScripts.class);
    private static final String CHOICES = BundleUtils.getChunkId(PhoneChoiceScripts.class);
    private final InputService inputs;

    StagePanels(InputService inputs) {
        this.inputs = inputs;
    }

    @Override
    public void loadScripts(UI ui, PhoneState state) {
        load(ui, TEXT);
        if (!(state.stage().definition() instanceof FramingStage)) {
            load(ui, CHOICES);
        }
    }

    private static void load(UI ui, String chunk) {
        ui.getPage().addDynamicImport("return window.Vaadin.Flow.loadOnDemand('" + chunk + "');");
    }

    @Override
    public Panel panel(String token, PhoneState state, String lang, Runnable reread) {
        return new StageInputPanel(inputs, token, state, lang, reread);
    }
}
