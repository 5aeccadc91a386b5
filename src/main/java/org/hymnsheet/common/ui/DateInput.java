package org.hymnsheet.common.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A day, chosen with the browser's own date input ({@code <input type="date">}) and a visible label: keyboard and
 * screen-reader support come from the browser, and no web component is needed in the frontend bundle. The browser
 * sends the day as {@code yyyy-mm-dd}, or nothing while the day is incomplete.
 */
public class DateInput extends Div {
    private final Input input = new Input(ValueChangeMode.ON_CHANGE);
    private final Span error = new Span();

    public DateInput(String label, String id) {
        addClassName("date-input");
        input.setType("date");
        input.setId(id);
        var caption = new NativeLabel(label);
        caption.setFor(id);
        error.addClassName("date-input-error");
        error.setId(id + "-error");
        error.setVisible(false);
        input.getElement().setAttribute("aria-describedby", error.getId().orElseThrow());
        add(caption, input, error);
    }

    public Optional<LocalDate> value() {
        String text = input.getValue();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    public void setValue(LocalDate day) {
        input.setValue(day == null ? "" : day.toString());
    }

    /** Runs when the reader changes the day (not when the page sets it). */
    public void onChange(Consumer<Optional<LocalDate>> listener) {
        input.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                listener.accept(value());
            }
        });
    }

    /** Shows a message under the input, or clears it with null. */
    public void setError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        if (message == null) {
            input.getElement().removeAttribute("aria-invalid");
        } else {
            input.getElement().setAttribute("aria-invalid", "true");
        }
    }
}
