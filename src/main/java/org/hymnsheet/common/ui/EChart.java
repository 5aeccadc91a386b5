package org.hymnsheet.common.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.concurrent.CompletableFuture;

/**
 * Apache ECharts (from npm) wrapped once as a Vaadin component. The chart is an image to assistive technology:
 * every chart carries a short label, and its figures are given again as text beside it (see the boards).
 */
@Tag("echarts-chart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./echarts-chart.js")
public class EChart extends Component implements HasSize {
    private String option;

    public EChart(String label) {
        getElement().setAttribute("role", "img");
        setLabel(label);
        setWidthFull();
        setHeight("360px");
    }

    public void setLabel(String label) {
        getElement().setAttribute("aria-label", label);
    }

    /** @param optionJson an ECharts option object as JSON; an unchanged option is not sent again */
    public void setOption(String optionJson) {
        if (!optionJson.equals(option)) {
            option = optionJson;
            getElement().setProperty("option", optionJson);
        }
    }

    /** The chart as drawn in the browser, as a PNG data URL (null if it was not drawn). */
    public CompletableFuture<String> toPng() {
        return getElement().callJsFunction("toPng").toCompletableFuture(String.class);
    }
}
