package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasAriaLabel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hymnsheet.common.DatabaseUnreachable;
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
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.PhoneState;
import org.hymnsheet.workshops.PulseRoom;
import org.hymnsheet.workshops.StageInput;
import org.hymnsheet.workshops.WorkshopStage;

/**
 * The input for one stage, by kind, with one save per screen (a card at a time on the card sort) whose plain
 * confirmation appears right beside the button, the participant's own saved answers and — once the facilitator
 * reveals the stage — what the rest of the room said, always as text. Everything shown comes from the phone's one
 * read ({@link PhoneState}); after a save the page reads again.
 */
final class StageInputPanel extends Div implements PhoneStages.Panel {
    private final transient InputService inputs;
    private final String token;
    private final String lang;
    private final List<AgencyChoice> agencies;
    private final int position;
    private final Runnable reread;
    private WorkshopStage stage;
    private final Div form = new Div();
    private final Span lockedNote = new Span();
    private final Span status = new Span();
    private final Span error = new Span();
    private final RoomInputs shown = new RoomInputs();
    private final Sliders sliders = new Sliders(this);
    private final Map<Long, String> cardTexts = new HashMap<>();
    private DotVoting dots;
    private CardSort cards;
    private PulseRoom room;

    StageInputPanel(InputService inputs, String token, PhoneState state, String lang, Runnable reread) {
        this.inputs = inputs;
        this.token = token;
        this.stage = state.stage();
        this.position = stage.position();
        this.agencies = state.agencies();
        this.lang = lang;
        this.reread = reread;
        addClassName("question-field");
        setId("stage-input");
        lockedNote.setId("stage-locked");
        lockedNote.addClassName("question-help");
        status.setId("saved");
        status.addClassName("save-state");
        status.getElement().setAttribute("role", "status");
        error.setId("input-error");
        error.addClassName("answer-error");
        error.getElement().setAttribute("role", "alert");
        List<StageInput> saved = state.inputs();
        switch (stage.definition()) {
            case FramingStage s -> framing(s, saved);
            case VoiceStage s -> voice(s, saved);
            case CardSortStage s -> cardSort(s);
            case PulseStage s -> pulse(s, saved);
            case NeedsStage s -> needs(s);
            case MappingStage s -> mapping(s);
        }
        add(lockedNote, form);
        if (cards != null) {
            add(cards);
        }
        if (dots != null) {
            add(dots);
        }
        add(error, shown);
        refresh(state);
    }

    @Override
    public com.vaadin.flow.component.Component component() {
        return this;
    }

    /** The stage as the phone read it now: locked or open, revealed or not, with the inputs the phone may see. */
    @Override
    public void refresh(PhoneState now) {
        this.stage = now.stage();
        this.room = now.pulse();
        boolean open = !stage.locked();
        form.setEnabled(open);
        sliders.setEnabled(open);
        lockedNote.setText(open ? "" : getTranslation("participant.locked"));
        lockedNote.setVisible(!open);
        now.cards().forEach(c -> cardTexts.put(c.id(), c.text()));
        if (cards != null) {
            cards.show(now.cards(), now.inputs());
            cards.setOpen(open);
        }
        if (dots != null && stage.revealed()) {
            // once revealed the phone keeps up with the room: needs approved since come in for dot voting
            dots.show(now.inputs());
            dots.setOpen(open);
        }
        show(now.inputs(), stage.revealed());
    }

    // ---- framing -------------------------------------------------------------------------------------------

    private void framing(FramingStage s, List<StageInput> saved) {
        StageInput before = saved.stream().filter(i -> i.mine() && i.kind() == StageInput.Kind.FRAMING).findFirst().orElse(null);
        Element slider = sliders.box("framing-value", getTranslation("participant.framing.slider",
                s.leftLabel().in(lang), s.rightLabel().in(lang)), s.leftLabel().in(lang), s.rightLabel().in(lang),
                before == null || before.value() == null ? 50 : before.value());
        var sentence = new TextArea();
        sentence.setId("framing-sentence");
        var question = question("framing-sentence-question", s.sentencePrompt() == null
                ? getTranslation("participant.framing.sentence") : s.sentencePrompt().in(lang), sentence);
        sentence.setMaxLength(1000);
        sentence.setWidthFull();
        sentence.setAutocomplete(Autocomplete.OFF);
        if (before != null && before.text() != null) {
            sentence.setValue(before.text());
        }
        form.getElement().appendChild(slider);
        form.add(save("framing-save", () -> inputs.frame(token, position, Sliders.value(slider), sentence.getValue()),
                question, sentence));
    }

    // ---- voice ---------------------------------------------------------------------------------------------

    private void voice(VoiceStage s, List<StageInput> saved) {
        var choice = new CheckboxGroup<AgencyChoice>();
        choice.setId("influence");
        var question = question("influence-question", s.influencePrompt().in(lang), choice);
        choice.setItems(agencies);
        choice.setItemLabelGenerator(AgencyChoice::name);
        choice.setHelperText(getTranslation("participant.voice.upTo", s.influenceChoices()));
        Set<Long> before = saved.stream().filter(i -> i.mine() && i.kind() == StageInput.Kind.INFLUENCE)
                .map(StageInput::agencyRef).collect(Collectors.toSet());
        choice.setValue(new HashSet<>(agencies.stream().filter(a -> before.contains(a.id())).toList()));
        form.add(save("influence-save", () -> inputs.influence(token, position,
                choice.getValue().stream().map(AgencyChoice::id).collect(Collectors.toSet())), question, choice));
    }

    // ---- card sort -----------------------------------------------------------------------------------------

    private void cardSort(CardSortStage s) {
        cards = new CardSort(s, lang, sliders, placement -> act(() -> inputs.placeAll(token, position, List.of(placement)),
                null));
    }

    // ---- pulse ---------------------------------------------------------------------------------------------

    private void pulse(PulseStage s, List<StageInput> saved) {
        Map<String, StageInput> before = new HashMap<>();
        saved.stream().filter(i -> i.mine() && i.kind() == StageInput.Kind.PULSE).forEach(i -> before.put(i.item(), i));
        Map<String, RadioButtonGroup<Integer>> answers = new LinkedHashMap<>();
        Map<String, TextArea> comments = new HashMap<>();
        for (PulseStage.PulseQuestion q : s.questions()) {
            var group = new RadioButtonGroup<Integer>();
            group.setId("pulse-" + q.id());
            form.add(question("pulse-" + q.id() + "-question", q.text().in(lang), group));
            group.setItems(IntStream.rangeClosed(1, 5).boxed().toList());
            group.setItemLabelGenerator(i -> i + " " + q.labels().get(i - 1).in(lang));
            group.addClassName("scale");
            group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL); // one answer a line: read in order on a phone
            StageInput old = before.get(q.id());
            if (old != null && old.value() != null) {
                group.setValue(old.value());
            }
            answers.put(q.id(), group);
            form.add(group);
            if (q.allowText()) {
                var comment = new TextArea();
                comment.setId("pulse-" + q.id() + "-comment");
                var prompt = question("pulse-" + q.id() + "-comment-question",
                        getTranslation("participant.pulse.comment"), comment);
                // heard with its question, which is written once, above
                comment.setAriaLabelledBy("pulse-" + q.id() + "-comment-question pulse-" + q.id() + "-question");
                prompt.addClassName("question-sub");
                comment.setMaxLength(1000);
                comment.setWidthFull();
                if (old != null && old.text() != null) {
                    comment.setValue(old.text());
                }
                comments.put(q.id(), comment);
                form.add(prompt, comment);
            }
        }
        form.add(new Paragraph(getTranslation("participant.pulse.anonymous")));
        form.add(save("pulse-save", () -> inputs.pulse(token, position, answers.entrySet().stream()
                .filter(a -> a.getValue().getValue() != null)
                .map(a -> new InputService.PulseAnswer(a.getKey(), a.getValue().getValue(),
                        comments.containsKey(a.getKey()) ? comments.get(a.getKey()).getValue() : null))
                .toList())));
    }

    // ---- needs ---------------------------------------------------------------------------------------------

    private void needs(NeedsStage s) {
        var text = new TextArea();
        text.setId("need-text");
        var question = question("need-text-question", getTranslation("participant.needs.text"), text);
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
        // the id of the need being written: the same until it is stored, so a second tap stores it once
        var draft = new String[] {UUID.randomUUID().toString()};
        form.add(save("need-add", getTranslation("participant.needs.add"), () -> {
            inputs.addNeed(token, position, text.getValue(), owner.getValue() == null ? null : owner.getValue().id(),
                    category.getValue() == null ? null : category.getValue().id(), draft[0]);
            draft[0] = UUID.randomUUID().toString();
            text.clear();
        }, question, text, owner, category));
        dots = new DotVoting(s.dotsPerParticipant(), chosen -> act(() -> inputs.dots(token, position, chosen), null));
    }

    // ---- mapping -------------------------------------------------------------------------------------------

    private void mapping(MappingStage s) {
        var column = new Select<Option>();
        column.setLabel(getTranslation("participant.mapping.column"));
        column.setId("note-column");
        column.setItems(s.columns());
        column.setItemLabelGenerator(o -> o == null ? "" : o.label().in(lang));
        column.setWidthFull();
        var text = new TextArea();
        text.setId("note-text");
        var question = question("note-text-question", getTranslation("participant.mapping.text"), text);
        text.setMaxLength(1000);
        text.setWidthFull();
        var draft = new String[] {UUID.randomUUID().toString()};
        form.add(save("note-add", getTranslation("participant.mapping.add"), () -> {
            inputs.addNote(token, position, column.getValue() == null ? null : column.getValue().id(), text.getValue(),
                    draft[0]);
            draft[0] = UUID.randomUUID().toString();
            text.clear();
        }, column, question, text));
    }

    // ---- shared --------------------------------------------------------------------------------------------

    /**
     * The question written out whole (it wraps; a field's own label is one line and would be cut) and named as the
     * field's label for screen readers.
     */
    private static Paragraph question(String id, String text, HasAriaLabel field) {
        var question = new Paragraph(text);
        question.setId(id);
        question.addClassName("question-text");
        field.setAriaLabelledBy(id);
        return question;
    }

    private Div save(String id, Runnable action, Component... fields) {
        return save(id, getTranslation("participant.save"), action, fields);
    }

    /** The fields, then a save button that runs the action and says plainly what happened, right beside it. */
    private Div save(String id, String label, Runnable action, Component... fields) {
        var nav = new Div();
        var button = new Button(label, e -> act(action, nav));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId(id);
        nav.add(button);
        nav.addClassName("save-bar");
        var box = new Div(fields);
        box.add(nav);
        return box;
    }

    /**
     * Runs a save and says what happened: "Saved" beside the button (in {@code bar}, where given), or why not.
     * After a save the phone reads again, so its own answers (and the room's) show what is stored.
     */
    private boolean act(Runnable action, Div bar) {
        error.setText("");
        status.setText("");
        if (bar != null) {
            bar.add(status, error);
        }
        try {
            action.run();
            if (bar != null) {
                status.setText(getTranslation("participant.saved"));
            }
            reread.run();
            return true;
        } catch (ValidationException invalid) {
            error.setText(getTranslation(invalid.messageKey(), invalid.args()));
        } catch (NotFoundException gone) {
            error.setText(getTranslation("participant.gone"));
        } catch (RuntimeException failed) {
            if (!DatabaseUnreachable.is(failed)) {
                throw failed;
            }
            // the database restarting: said beside the button, and what was typed stays for the next press
            error.setText(getTranslation("error.databaseUnreachable"));
        }
        return false;
    }

    /** The participant's own inputs and the room's; the anonymous pulse's room is its totals and comments only. */
    private void show(List<StageInput> all, boolean revealed) {
        if (stage.definition() instanceof PulseStage p) {
            List<String> own = all.stream().filter(StageInput::mine).map(this::describe).filter(Objects::nonNull).toList();
            shown.show(own, revealed ? pulseLines(p, room) : List.of(), revealed);
        } else {
            shown.show(all, revealed, this::describe);
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
