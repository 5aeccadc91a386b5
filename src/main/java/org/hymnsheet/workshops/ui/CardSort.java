package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hymnsheet.templates.CardSortStage;
import org.hymnsheet.templates.Option;
import org.hymnsheet.workshops.Card;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.StageInput;

/**
 * The card sort one card at a time: "Card 2 of 5", the card's text once, its slider and contexts, a Save with the
 * card's state right beside it ("Saved" / "Not saved yet"), and Back / Next. Every card keeps its own controls
 * while the page is open, so a card left unsaved still shows what was chosen (and says it is not saved) when the
 * participant comes back to it; saved placements come from the tables, so a reload shows them too.
 */
final class CardSort extends Div {
    private record Shown(Card card, Div box, Element slider, CheckboxGroup<Option> contexts, Span state, Button button) {}

    private final CardSortStage stage;
    private final String lang;
    private final Sliders sliders;
    private final Predicate<InputService.Placement> save;
    private final List<Shown> cards = new ArrayList<>();
    private final Map<Long, InputService.Placement> saved = new HashMap<>();
    private final Span count = new Span();
    private final Button back = new Button();
    private final Button next = new Button();
    private int current;

    /** {@code save} stores one card's placement and says whether it could; the panel says why not. */
    CardSort(CardSortStage stage, String lang, Sliders sliders, Predicate<InputService.Placement> save) {
        this.stage = stage;
        this.lang = lang;
        this.sliders = sliders;
        this.save = save;
        setId("card-sort");
        count.setId("card-count");
        count.addClassName("progress-text");
        count.getElement().setAttribute("aria-live", "polite");
        back.setText(getTranslation("participant.cards.back"));
        back.setId("card-back");
        back.addClickListener(e -> step(-1));
        next.setText(getTranslation("participant.cards.next"));
        next.setId("card-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> step(1));
        var steps = new Div(back, next);
        steps.addClassName("respondent-nav");
        add(new Paragraph(getTranslation("participant.cards.intro")), count);
        add(steps);
    }

    /** The cards and this participant's saved placements now; new cards are added at the end, nothing typed is lost. */
    void show(List<Card> all, List<StageInput> inputs) {
        saved.clear();
        Map<Long, Integer> placed = new HashMap<>();
        Map<Long, Set<String>> tagged = new HashMap<>();
        for (StageInput i : inputs) {
            if (i.mine() && i.kind() == StageInput.Kind.PLACEMENT) {
                placed.put(i.ref(), i.value());
            } else if (i.mine() && i.kind() == StageInput.Kind.CONTEXT) {
                tagged.computeIfAbsent(i.ref(), k -> new HashSet<>()).add(i.text());
            }
        }
        placed.forEach((card, value) -> saved.put(card,
                new InputService.Placement(card, value, Set.copyOf(tagged.getOrDefault(card, Set.of())))));
        Set<Long> known = cards.stream().map(c -> c.card().id()).collect(Collectors.toSet());
        for (Card card : all) {
            if (!known.contains(card.id())) {
                cards.add(build(card, saved.get(card.id())));
            }
        }
        cards.forEach(this::mark);
        show(Math.min(current, Math.max(cards.size() - 1, 0)));
    }

    private Shown build(Card card, InputService.Placement before) {
        String left = stage.leftLabel().in(lang);
        String right = stage.rightLabel().in(lang);
        var text = new H3();
        text.setId("card-" + card.id() + "-text");
        text.addClassName("card-text");
        text.getElement().appendChild(bdi(card.text()));
        Shown[] shown = new Shown[1];
        Element slider = sliders.box("card-" + card.id() + "-value", getTranslation("participant.cards.slider"), left,
                right, before == null ? 50 : before.value(), () -> mark(shown[0]));
        var question = new Paragraph(getTranslation("participant.cards.contexts"));
        question.addClassName("question-text");
        question.setId("card-" + card.id() + "-contexts-question");
        var contexts = new CheckboxGroup<Option>();
        contexts.setId("card-" + card.id() + "-contexts");
        contexts.setAriaLabelledBy(question.getId().orElseThrow());
        contexts.setItems(stage.contexts());
        contexts.setItemLabelGenerator(o -> o.label().in(lang));
        Set<String> tags = before == null ? Set.of() : before.contexts();
        contexts.setValue(new HashSet<>(stage.contexts().stream().filter(o -> tags.contains(o.id())).toList()));
        contexts.addValueChangeListener(e -> mark(shown[0]));
        var state = new Span();
        state.setId("card-" + card.id() + "-state");
        state.addClassName("save-state");
        state.getElement().setAttribute("role", "status");
        var button = new Button(getTranslation("participant.save"));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("card-" + card.id() + "-save");
        var box = new Div(text);
        box.getElement().appendChild(slider);
        var bar = new Div(button, state);
        bar.addClassName("save-bar");
        box.add(question, contexts, bar);
        box.setId("card-" + card.id());
        box.addClassName("card-box");
        shown[0] = new Shown(card, box, slider, contexts, state, button);
        button.addClickListener(e -> {
            var placement = placement(shown[0]);
            if (save.test(placement)) { // refused: the panel says why, and the card stays "not saved yet"
                saved.put(card.id(), placement);
            }
            mark(shown[0]);
        });
        addComponentAtIndex(2 + cards.size(), box);
        return shown[0];
    }

    private InputService.Placement placement(Shown s) {
        return new InputService.Placement(s.card().id(), Sliders.value(s.slider()),
                s.contexts().getValue().stream().map(Option::id).collect(Collectors.toUnmodifiableSet()));
    }

    /** "Saved" when what the card shows is what is stored; otherwise "Not saved yet". */
    private void mark(Shown s) {
        boolean same = Objects.equals(saved.get(s.card().id()), placement(s));
        s.state().setText(getTranslation(same ? "participant.cards.saved" : "participant.cards.notSaved"));
        s.state().getElement().getClassList().set("not-saved", !same);
        count.setText(getTranslation("participant.cards.count", current + 1, cards.size(), savedCount()));
    }

    private long savedCount() {
        return cards.stream().filter(s -> saved.containsKey(s.card().id())).count();
    }

    private void step(int by) {
        show(Math.max(0, Math.min(cards.size() - 1, current + by)));
    }

    private void show(int index) {
        current = index;
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).box().setVisible(i == index);
        }
        back.setEnabled(index > 0);
        next.setEnabled(index < cards.size() - 1);
        count.setText(getTranslation("participant.cards.count", cards.isEmpty() ? 0 : index + 1, cards.size(),
                savedCount()));
    }

    /** A locked stage can still be read card by card, but nothing can be changed or saved. */
    void setOpen(boolean open) {
        cards.forEach(s -> {
            s.contexts().setEnabled(open);
            s.button().setEnabled(open);
        });
    }

    /** Participants' and facilitators' text in its own direction, so a right-to-left mark cannot turn what follows. */
    static Element bdi(String text) {
        return new Element("bdi").setText(text);
    }
}
