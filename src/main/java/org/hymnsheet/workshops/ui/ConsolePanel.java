package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hymnsheet.workshops.Level;

/**
 * One panel of the facilitator's console: a heading, the controls that change the workshop (all disabled once it
 * has ended) and the console's way of running an action (a plain message for what is refused, then a re-read).
 */
abstract class ConsolePanel extends Section {
    private final List<HasEnabled> changers = new ArrayList<>();
    private final Consumer<Runnable> act;

    ConsolePanel(String headingKey, Consumer<Runnable> act) {
        this.act = act;
        addClassName("console-panel");
        if (headingKey != null) {
            add(new H2(getTranslation(headingKey)));
        }
    }

    /** A button that changes the workshop through the console. */
    final Button button(String key, String elementId, Runnable action) {
        var b = new Button(getTranslation(key));
        b.setId(elementId);
        b.addClickListener(e -> act(action));
        changers.add(b);
        return b;
    }

    final void act(Runnable action) {
        act.accept(action);
    }

    /** Controls that must be disabled once the workshop has ended. */
    final void changes(HasEnabled... controls) {
        changers.addAll(List.of(controls));
    }

    final void forget(HasEnabled control) {
        changers.remove(control);
    }

    /** Everything that changes the workshop works while it is open, nothing once it has ended. */
    void setOpen(boolean open) {
        changers.forEach(c -> c.setEnabled(open));
    }

    final String levelName(Level level) {
        return getTranslation("console.level." + level.name());
    }

    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(0, RoundingMode.HALF_UP) + " %";
    }
}
