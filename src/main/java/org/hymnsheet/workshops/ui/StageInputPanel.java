package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.templates.CardSortStage;
import org.hymnsheet.templates.FramingStage;
import org.hymnsheet.templates.MappingStage;
import org.hymnsheet.templates.NeedsStage;
import org.hymnsheet.templates.Option;
import org.hymnsheet.templates.PulseStage;
import org.hymnsheet.templates.VoiceStage;
import org.hymnsheet.workshops.AgencyChoice;
import org.hymnsheet.workshops.Card;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.PulseRoom;
import org.hymnsheet.workshops.StageInput;
import org.hymnsheet.workshops.WorkshopStage;

/**
 * The input for one stage, by kind, with a save button per input, a plain confirmation, the participant's own
 * saved answers and — once the facilitator reveals the stage — what the rest of the room said, always as text.
 */
final class StageInputPanel extends Div {
    private final transient ParticipantService participants;
    private final transient InputService inputs;
    private final String token;
    private final String lang;
    private final List<AgencyChoice> agencies;
    private final int position;
    private WorkshopStage stage;
    private final Div form = new Div();
    private final Span lockedNote = new Span();
    private final Span status = new Span();
    private final Span error = new Span();
    private final RoomInputs shown = new RoomInputs();
    private final Sliders sliders = new Sliders(this);
    private final Map<Long, String> cardTexts = new HashMap<>();
    private DotVoting dots;

    StageInputPanel(ParticipantService participants, InputService inputs, String token, WorkshopStage stage,
                    List<AgencyChoice> agencies, String lang) {
        this.participants = participants;
        this.inputs = inputs;
        this.token = token;
        this.stage = stage;
        this.position = stage.position();
        this.agencies = agencies;
        this.lang = lang;
        addClassName("question-field");
        setId("stage-input");
        lockedNote.setId("stage-locked");
        lockedNote.addClassName("question-help");
        status.setId("saved");
        status.addClassName("question-help");
        status.getElement().setAttribute("role", "status");
        error.setId("input-error");
        error.addClassName("answer-error");
        error.getElement().setAttribute("role", "alert");
        List<StageInput> saved = participants.inputs(token, position);
        switch (stage.definition()) {
            case FramingStage s -> framing(s, saved);
            case VoiceStage s -> voice(s, saved);
            case CardSortStage s -> cardSort(s, saved);
            case PulseStage s -> pulse(s, saved);
            case NeedsStage s -> needs(s);
            case MappingStage s -> mapping(s);
        }
        add(lockedNote, form, status, error, shown);
        refresh(stage);
    }

    /** The stage as the facilitator left it now: locked or open, revealed or not. */
    void refresh(WorkshopStage now) {
        this.stage = now;
        boolean open = !now.locked();
        form.setEnabled(open);
        sliders.setEnabled(open);
        lockedNote.setText(open ? "" : getTranslation("participant.locked"));
        lockedNote.setVisible(!open);
        if (now.revealed()) {
            // once revealed the phone keeps up with the room: answers given since, needs approved since
            List<StageInput> all = inputsNow();
            if (all != null) {
                show(all, true);
                if (dots != null) {
                    dots.show(all);
                }
            }
        }
    }

    // ---- framing -------------------------------------------------------------------------------------------

    private void framing(FramingStage s, List<StageInput> saved) {
        StageInput before = saved.stream().filter(i -> i.mine() && i.kind() == StageInput.Kind.FRAMING).findFirst().orElse(null);
        Element slider = sliders.box("framing-value", getTranslation("participant.framing.slider",
                s.leftLabel().in(lang), s.rightLabel().in(lang)), s.leftLabel().in(lang), s.rightLabel().in(lang),
                before == null || before.value() == null ? 50 : before.value());
        var sentence = new TextArea(s.sentencePrompt() == null ? getTranslation("participant.framing.sentence")
                : s.sentencePrompt().in(lang));
        sentence.setId("framing-sentence");
        sentence.setMaxLength(1000);
        sentence.setWidthFull();
        sentence.setAutocomplete(Autocomplete.OFF);
        if (before != null && before.text() != null) {
            sentence.setValue(before.text());
        }
        form.getElement().appendChild(slider);
        form.add(save("framing-save", () -> inputs.frame(token, position, Sliders.value(slider), sentence.getValue()),
                sentence));
        showInputs();
    }

    // ---- voice ---------------------------------------------------------------------------------------------

    private void voice(VoiceStage s, List<StageInput> saved) {
        var choice = new CheckboxGroup<AgencyChoice>(s.influencePrompt().in(lang));
        choice.setId("influence");
        choice.setItems(agencies);
        choice.setItemLabelGenerator(AgencyChoice::name);
        choice.setHelperText(getTranslation("participant.voice.upTo", s.influenceChoices()));
        Set<Long> before = saved.stream().filter(i -> i.mine() && i.kind() == StageInput.Kind.INFLUENCE)
                .map(StageInput::agencyRef).collect(Collectors.toSet());
        choice.setValue(new HashSet<>(agencies.stream().filter(a -> before.contains(a.id())).toList()));
        form.add(save("influence-save", () -> inputs.influence(token, position,
                choice.getValue().stream().map(AgencyChoice::id).collect(Collectors.toSet())), choice));
        showInputs();
    }

    // ---- card sort -----------------------------------------------------------------------------------------

    private void cardSort(CardSortStage s, List<StageInput> saved) {
        Map<String, Integer> placed = new HashMap<>();
        Map<String, Set<String>> tagged = new HashMap<>();
        for (StageInput i : saved) {
            if (i.mine() && i.kind() == StageInput.Kind.PLACEMENT) {
                placed.put(i.item(), i.value());
            } else if (i.mine() && i.kind() == StageInput.Kind.CONTEXT) {
                tagged.computeIfAbsent(i.item(), k -> new HashSet<>()).add(i.text());
            }
        }
        form.add(new Paragraph(getTranslation("participant.cards.intro", s.leftLabel().in(lang), s.rightLabel().in(lang))));
        for (Card card : participants.cards(token)) {
            cardTexts.put(card.id(), card.text());
            var box = new Div();
            box.addClassName("place-row");
            box.setId("card-" + card.id());
            var heading = new H3(card.text());
            String left = s.leftLabel().in(lang);
            String right = s.rightLabel().in(lang);
            Element slider = sliders.box("card-" + card.id() + "-value",
                    getTranslation("participant.cards.slider", card.text()), left, right,
                    placed.getOrDefault(String.valueOf(card.id()), 50));
            var contexts = new CheckboxGroup<Option>(getTranslation("participant.cards.contexts", card.text()));
            contexts.setId("card-" + card.id() + "-contexts");
            contexts.setItems(s.contexts());
            contexts.setItemLabelGenerator(o -> o.label().in(lang));
            Set<String> before = tagged.getOrDefault(String.valueOf(card.id()), Set.of());
            contexts.setValue(new HashSet<>(s.contexts().stream().filter(o -> before.contains(o.id())).toList()));
            box.add(heading);
            box.getElement().appendChild(slider);
            box.add(save("card-" + card.id() + "-save", () -> {
                inputs.place(token, position, card.id(), Sliders.value(slider));
                inputs.tag(token, position, card.id(), contexts.getValue().stream().map(Option::id).collect(Collectors.toSet()));
            }, contexts));
            form.add(box);
        }
        showInputs();
    }

    // ---- pulse ---------------------------------------------------------------------------------------------

    private void pulse(PulseStage s, List<StageInput> saved) {
        Map<String, StageInput> before = new HashMap<>();
        saved.stream().filter(i -> i.mine() && i.kind() == StageInput.Kind.PULSE).forEach(i -> before.put(i.item(), i));
        Map<String, RadioButtonGroup<Integer>> answers = new LinkedHashMap<>();
        Map<String, TextArea> comments = new HashMap<>();
        for (PulseStage.PulseQuestion q : s.questions()) {
            var group = new RadioButtonGroup<Integer>(q.text().in(lang));
            group.setId("pulse-" + q.id());
            group.setItems(IntStream.rangeClosed(1, 5).boxed().toList());
            group.setItemLabelGenerator(i -> i + " " + q.labels().get(i - 1).in(lang));
            group.addClassName("scale");
            StageInput old = before.get(q.id());
            if (old != null && old.value() != null) {
                group.setValue(old.value());
            }
            answers.put(q.id(), group);
            form.add(group);
            if (q.allowText()) {
                var comment = new TextArea(getTranslation("participant.pulse.comment", q.text().in(lang)));
                comment.setId("pulse-" + q.id() + "-comment");
                comment.setMaxLength(1000);
                comment.setWidthFull();
                if (old != null && old.text() != null) {
                    comment.setValue(old.text());
                }
                comments.put(q.id(), comment);
                form.add(comment);
            }
        }
        form.add(new Paragraph(getTranslation("participant.pulse.anonymous")));
        form.add(save("pulse-save", () -> answers.forEach((id, group) -> {
            if (group.getValue() != null) {
                TextArea comment = comments.get(id);
                inputs.pulse(token, position, id, group.getValue(), comment == null ? null : comment.getValue());
            }
        })));
        showInputs();
    }

    // ---- needs ---------------------------------------------------------------------------------------------

    private void needs(NeedsStage s) {
        var text = new TextArea(getTranslation("participant.needs.text"));
        text.setId("need-text");
        text.setMaxLength(1000);
        text.setWidthFull();
        var owner = new Select<AgencyChoice>();
        owner.setLabel(getTranslation("participant.needs.owner"));
        owner.setId("need-owner");
        owner.setItems(agencies);
        owner.setEmptySelectionAllowed(true);
        owner.setEmptySelectionCaption(getTranslation("participant.needs.noOwner"));
        owner.setItemLabelGenerator(a -> a == null ? getTranslation("participant.needs.noOwner") : a.name());
        owner.setWidthFull();
        var category = new Select<Option>();
        category.setLabel(getTranslation("participant.needs.category"));
        category.setId("need-category");
        category.setItems(s.categories());
        category.setItemLabelGenerator(o -> o == null ? "" : o.label().in(lang));
        category.setWidthFull();
        form.add(text, owner, category, save("need-add", () -> {
            inputs.addNeed(token, position, text.getValue(), owner.getValue() == null ? null : owner.getValue().id(),
                    category.getValue() == null ? null : category.getValue().id());
            text.clear();
        }));
        dots = new DotVoting(s.dotsPerParticipant(), (need, n) -> inputs.dots(token, position, need, n),
                (id, action) -> save(id, action));
        add(dots);
        showInputs();
    }

    // ---- mapping -------------------------------------------------------------------------------------------

    private void mapping(MappingStage s) {
        var column = new Select<Option>();
        column.setLabel(getTranslation("participant.mapping.column"));
        column.setId("note-column");
        column.setItems(s.columns());
        column.setItemLabelGenerator(o -> o == null ? "" : o.label().in(lang));
        column.setWidthFull();
        var text = new TextArea(getTranslation("participant.mapping.text"));
        text.setId("note-text");
        text.setMaxLength(1000);
        text.setWidthFull();
        form.add(column, text, save("note-add", () -> {
            inputs.addNote(token, position, column.getValue() == null ? null : column.getValue().id(), text.getValue());
            text.clear();
        }));
        showInputs();
    }

    // ---- shared --------------------------------------------------------------------------------------------

    /** The fields, then a save button that runs the action and says plainly what happened. */
    private Div save(String id, Runnable action, com.vaadin.flow.component.Component... fields) {
        var button = new Button(getTranslation("participant.save"), e -> {
            error.setText("");
            status.setText("");
            try {
                action.run();
                status.setText(getTranslation("participant.saved"));
                showInputs();
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.args()));
            } catch (NotFoundException gone) {
                error.setText(getTranslation("participant.gone"));
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId(id);
        button.getStyle().set("min-height", "48px");
        var nav = new Div(button);
        nav.addClassName("respondent-nav");
        var box = new Div(fields);
        box.add(nav);
        return box;
    }

    /** The participant's own saved answers and, once revealed, the room's, as plain text. */
    private void showInputs() {
        List<StageInput> all = inputsNow();
        if (all != null) {
            show(all, stage.revealed());
        }
    }

    /** The participant's own inputs and the room's; the anonymous pulse's room is its totals and comments only. */
    private void show(List<StageInput> all, boolean revealed) {
        if (stage.definition() instanceof PulseStage p) {
            List<String> own = all.stream().filter(StageInput::mine).map(this::describe).filter(Objects::nonNull).toList();
            PulseRoom room = revealed ? pulseNow() : null;
            shown.show(own, room == null ? List.of() : pulseLines(p, room), revealed && room != null);
        } else {
            shown.show(all, revealed, this::describe);
        }
    }

    private PulseRoom pulseNow() {
        try {
            return participants.pulse(token, position);
        } catch (ValidationException | NotFoundException e) {
            return null;
        }
    }

    /** A line per question with how many gave each answer, then each approved comment on its own. */
    private List<String> pulseLines(PulseStage p, PulseRoom room) {
        List<String> lines = new ArrayList<>();
        for (PulseRoom.Total t : room.totals()) {
            var q = p.questions().stream().filter(x -> x.id().equals(t.question())).findFirst().orElse(null);
            if (q == null || t.answered() == 0) {
                continue;
            }
            String options = IntStream.range(0, 5).mapToObj(i -> getTranslation("participant.show.pulseOption",
                    (i + 1) + " " + q.labels().get(i).in(lang), t.counts().get(i))).collect(Collectors.joining(" · "));
            lines.add(getTranslation("participant.show.pulseTotal", q.text().in(lang), t.answered(), options));
        }
        room.comments().forEach(c -> lines.add(getTranslation("participant.show.pulseComment", question(c.question()), c.text())));
        return lines;
    }

    /** This stage's inputs as the participant may see them now; null when the stage is no longer theirs to see. */
    private List<StageInput> inputsNow() {
        try {
            return participants.inputs(token, position);
        } catch (ValidationException | NotFoundException e) {
            return null;
        }
    }

    private String describe(StageInput i) {
        return switch (i.kind()) {
            case FRAMING -> i.text() == null ? getTranslation("participant.show.framing", i.value())
                    : getTranslation("participant.show.framingText", i.value(), i.text());
            case INFLUENCE -> agencyName(i.agencyRef());
            case PLACEMENT -> getTranslation("participant.show.placement", cardTexts.getOrDefault(ref(i.item()), "?"), i.value());
            case CONTEXT -> null;
            case PULSE -> i.text() == null ? getTranslation("participant.show.pulse", question(i.item()), i.value())
                    : getTranslation("participant.show.pulseText", question(i.item()), i.value(), i.text());
            case NEED, NOTE -> i.text();
            case DOTS -> null;
        };
    }

    private static Long ref(String item) {
        try {
            return Long.valueOf(item);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private String question(String id) {
        if (stage.definition() instanceof PulseStage p) {
            return p.questions().stream().filter(q -> q.id().equals(id)).map(q -> q.text().in(lang)).findFirst().orElse(id);
        }
        return id;
    }

    private String agencyName(Long id) {
        return agencies.stream().filter(a -> a.id() == id).map(AgencyChoice::name).findFirst().orElse("?");
    }
}
