package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * The participant's sliders: native range inputs 0..100 (large enough to touch, read by screen readers with both
 * ends named) with a visible label and the two ends written under them; all enabled or disabled together.
 */
final class Sliders {
    private final Component host;
    private final List<Element> all = new ArrayList<>();

    Sliders(Component host) {
        this.host = host;
    }

    /** A slider in its box: the label, the input, the two ends. */
    Element box(String id, String label, String left, String right, int value) {
        return box(id, label, left, right, value, () -> { });
    }

    /** A slider in its box, telling {@code moved} each time the participant lets go of it at a new value. */
    Element box(String id, String label, String left, String right, int value, Runnable moved) {
        Element input = new Element("input");
        input.setAttribute("type", "range");
        input.setAttribute("min", "0");
        input.setAttribute("max", "100");
        input.setAttribute("step", "1");
        input.setAttribute("id", id);
        input.setAttribute("aria-valuetext", host.getTranslation("participant.slider.valueText", value, left, right));
        input.setProperty("value", String.valueOf(value));
        input.addPropertyChangeListener("value", "change", e -> {
            input.setAttribute("aria-valuetext",
                    host.getTranslation("participant.slider.valueText", value(input), left, right));
            moved.run();
        });
        input.getStyle().set("width", "100%").set("min-height", "44px").set("margin", "0");
        all.add(input);

        Element caption = new NativeLabel(label).getElement();
        caption.setAttribute("for", id);
        caption.getClassList().add("question-text");
        Element ends = new Div(new Span(left), new Span(right)).getElement();
        ends.getClassList().add("slider-ends");
        Element box = new Div().getElement();
        box.getClassList().add("slider-box");
        box.appendChild(caption, input, ends);
        return box;
    }

    void setEnabled(boolean enabled) {
        all.forEach(s -> {
            if (enabled) {
                s.removeAttribute("disabled");
            } else {
                s.setAttribute("disabled", true);
            }
        });
    }

    /** The slider's value as the browser last sent it; -1 for anything that is not a number (the service refuses it). */
    static int value(Element box) {
        Element input = box.getTag().equals("input") ? box : box.getChild(1);
        try {
            return Integer.parseInt(input.getProperty("value", "50"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
