package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.hymnsheet.workshops.StageInput;

/**
 * Dot voting on the needs the room can see, once the facilitator reveals the needs stage: one choice of 0 to the
 * stage's dots per need, how many dots are left (updated as dots move), and one Save for all of them with its state
 * beside it. A need approved later gets its row added, a need no longer shown loses its row, and every other row is
 * left alone, so a choice the participant has not saved yet (or the focus on it) stays where it was.
 */
final class DotVoting extends Div {
    private final int max;
    private final Predicate<Map<Long, Integer>> vote;
    private final Map<Long, Select<Integer>> rows = new LinkedHashMap<>();
    private final Map<Long, Div> boxes = new HashMap<>();
    private final Map<Long, Integer> saved = new HashMap<>();
    private final Div list = new Div();
    private final Paragraph left = new Paragraph();
    private final Span state = new Span();
    private final Button save = new Button();

    /** {@code vote} saves the dots on every need shown, in one call, and says whether it could. */
    DotVoting(int max, Predicate<Map<Long, Integer>> vote) {
        this.max = max;
        this.vote = vote;
        setId("dots");
        setVisible(false);
        left.setId("dots-left");
        left.addClassName("dots-left");
        left.getElement().setAttribute("role", "status");
        state.setId("dots-state");
        state.addClassName("save-state");
        save.setText(getTranslation("participant.needs.dotsSave"));
        save.setId("dots-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            Map<Long, Integer> chosen = chosen();
            if (vote.test(chosen)) { // refused: the panel says why, and the state stays "not saved yet"
                saved.clear();
                saved.putAll(chosen);
            }
            update();
        });
        var bar = new Div(save, state);
        bar.addClassName("save-bar");
        add(new H3(getTranslation("participant.needs.dotsTitle")),
                new Paragraph(getTranslation("participant.needs.dotsIntro", max)), left, list, bar);
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
            list.remove(boxes.remove(ref));
            return true;
        });
        saved.clear();
        all.stream().filter(i -> i.mine() && i.kind() == StageInput.Kind.DOTS && needs.containsKey(i.ref()))
                .forEach(i -> saved.put(i.ref(), i.value()));
        needs.values().stream().filter(need -> !rows.containsKey(need.ref())).forEach(need -> {
            var text = new Paragraph();
            text.setId("dots-" + need.ref() + "-need");
            text.addClassNames("question-text", "free-text");
            text.getElement().appendChild(CardSort.bdi(need.text()));
            var dots = new Select<Integer>();
            dots.setId("dots-" + need.ref());
            dots.setAriaLabelledBy(text.getId().orElseThrow());
            dots.setItems(IntStream.rangeClosed(0, max).boxed().toList());
            dots.setItemLabelGenerator(n -> getTranslation("participant.needs.dotsChoice", n));
            dots.setValue(saved.getOrDefault(need.ref(), 0));
            dots.addValueChangeListener(e -> update());
            var row = new Div(text, dots);
            row.addClassName("place-row");
            rows.put(need.ref(), dots);
            boxes.put(need.ref(), row);
            list.add(row);
        });
        update();
    }

    void setOpen(boolean open) {
        save.setEnabled(open);
        rows.values().forEach(s -> s.setEnabled(open));
    }

    private Map<Long, Integer> chosen() {
        Map<Long, Integer> chosen = new LinkedHashMap<>();
        rows.forEach((need, select) -> chosen.put(need, Objects.requireNonNullElse(select.getValue(), 0)));
        return chosen;
    }

    /** How many dots are left, and whether what is shown is what is saved. */
    private void update() {
        Map<Long, Integer> chosen = chosen();
        int used = chosen.values().stream().mapToInt(Integer::intValue).sum();
        left.setText(used <= max ? getTranslation("participant.needs.dotsLeft", max - used, max)
                : getTranslation("participant.needs.dotsOver", used - max, max));
        left.getElement().getClassList().set("answer-error", used > max);
        boolean same = chosen.entrySet().stream()
                .allMatch(e -> Objects.equals(saved.getOrDefault(e.getKey(), 0), e.getValue()));
        state.setText(rows.isEmpty() ? "" : getTranslation(same ? "participant.cards.saved" : "participant.cards.notSaved"));
        state.getElement().getClassList().set("not-saved", !same);
        save.setVisible(!rows.isEmpty());
    }
}
