package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.hymnsheet.workshops.StageInput;

/**
 * Dot voting on the needs the room can see, once the facilitator reveals the needs stage: one choice of 0 to the
 * stage's dots per need. A need approved later gets its row added, a need no longer shown loses its row, and every
 * other row is left alone, so a choice the participant has not saved yet (or the focus on it) stays where it was.
 */
final class DotVoting extends Div {
    private final int max;
    private final BiConsumer<Long, Integer> vote;
    private final BiFunction<String, Runnable, Component> saveButton;
    private final Map<Long, Div> rows = new LinkedHashMap<>();

    /** {@code saveButton} makes the panel's save button for an id and an action; {@code vote} saves dots on a need. */
    DotVoting(int max, BiConsumer<Long, Integer> vote, BiFunction<String, Runnable, Component> saveButton) {
        this.max = max;
        this.vote = vote;
        this.saveButton = saveButton;
        setId("dots");
        setVisible(false);
        add(new H3(getTranslation("participant.needs.dotsTitle")),
                new Paragraph(getTranslation("participant.needs.dotsIntro", max)));
    }

    void show(List<StageInput> all) {
        setVisible(true);
        Map<Long, StageInput> needs = new LinkedHashMap<>();
        all.stream().filter(i -> i.kind() == StageInput.Kind.NEED && i.text() != null)
                .forEach(i -> needs.put(i.ref(), i));
        rows.keySet().removeIf(ref -> {
            if (needs.containsKey(ref)) {
                return false;
            }
            remove(rows.get(ref));
            return true;
        });
        Map<String, Integer> myDots = new HashMap<>();
        all.stream().filter(i -> i.mine() && i.kind() == StageInput.Kind.DOTS).forEach(i -> myDots.put(i.item(), i.value()));
        needs.values().stream().filter(need -> !rows.containsKey(need.ref())).forEach(need -> {
            var dots = new Select<Integer>();
            dots.setLabel(getTranslation("participant.needs.dotsOn", need.text()));
            dots.setId("dots-" + need.ref());
            dots.setItems(IntStream.rangeClosed(0, max).boxed().toList());
            dots.setValue(myDots.getOrDefault(String.valueOf(need.ref()), 0));
            dots.setWidthFull();
            var row = new Div(dots, saveButton.apply("dots-" + need.ref() + "-save",
                    () -> vote.accept(need.ref(), Objects.requireNonNullElse(dots.getValue(), 0))));
            row.addClassName("place-row");
            rows.put(need.ref(), row);
            add(row);
        });
    }
}
