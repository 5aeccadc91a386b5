package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.SurveyEntry;
import org.hymnsheet.templates.FreeText;
import org.hymnsheet.templates.LocalizedText;
import org.hymnsheet.templates.MultipleChoice;
import org.hymnsheet.templates.Option;
import org.hymnsheet.templates.PlaceRating;
import org.hymnsheet.templates.PlacesQuestion;
import org.hymnsheet.templates.Question;
import org.hymnsheet.templates.Scale;
import org.hymnsheet.templates.SingleChoice;
import org.hymnsheet.templates.TrustedPeople;

/** The input for one question, in the respondent's language; reads back an {@link AnswerInput} (or a skip). */
final class QuestionField extends Div {
    /** The class of the field whose label is the question itself: shown whole and large (hymnsheet.css). */
    static final String QUESTION = "question";
    private static final String[] FACES = {"😟", "🙁", "😐", "🙂", "😀"};
    private final transient java.util.function.Supplier<AnswerInput> reader;

    QuestionField(Question question, String lang, List<SurveyEntry.PlaceChoice> places, AnswerInput previous, String label) {
        addClassName("question-field");
        reader = switch (question) {
            case SingleChoice q -> single(q.options(), lang, label, previous);
            case MultipleChoice q -> multiple(q.options(), lang, label, previous);
            case Scale q -> scale(q, lang, label, previous);
            case FreeText q -> text(q, label, previous);
            case PlacesQuestion q -> places(q, lang, places, previous, label);
            case TrustedPeople q -> trusted(q, lang, label, previous);
        };
    }

    AnswerInput read() {
        return reader.get();
    }

    private java.util.function.Supplier<AnswerInput> single(List<Option> options, String lang, String label, AnswerInput previous) {
        var group = new RadioButtonGroup<Option>(label);
        group.addClassName(QUESTION);
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setItems(options);
        group.setItemLabelGenerator(o -> o.label().in(lang));
        if (previous instanceof AnswerInput.Choice c) {
            options.stream().filter(o -> c.optionIds().contains(o.id())).findFirst().ifPresent(group::setValue);
        }
        add(group);
        return () -> group.getValue() == null ? new AnswerInput.Skip() : new AnswerInput.Choice(Set.of(group.getValue().id()));
    }

    private java.util.function.Supplier<AnswerInput> multiple(List<Option> options, String lang, String label, AnswerInput previous) {
        var group = new CheckboxGroup<Option>(label);
        group.addClassName(QUESTION);
        group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        group.setItems(options);
        group.setItemLabelGenerator(o -> o.label().in(lang));
        if (previous instanceof AnswerInput.Choice c) {
            group.setValue(new HashSet<>(options.stream().filter(o -> c.optionIds().contains(o.id())).toList()));
        }
        add(group);
        return () -> group.getValue().isEmpty() ? new AnswerInput.Skip()
                : new AnswerInput.Choice(Set.copyOf(group.getValue().stream().map(Option::id).toList()));
    }

    private java.util.function.Supplier<AnswerInput> scale(Scale q, String lang, String label, AnswerInput previous) {
        var group = new RadioButtonGroup<Integer>(label);
        group.setItems(IntStream.rangeClosed(1, 5).boxed().toList());
        group.setItemLabelGenerator(i -> (q.faces() ? FACES[i - 1] + " " : "") + q.labels().get(i - 1).in(lang));
        group.addClassNames("scale", QUESTION);
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL); // read top to bottom as a scale, never wrapped mid-way
        if (previous instanceof AnswerInput.ScaleValue(int v)) {
            group.setValue(v);
        }
        add(group);
        return () -> group.getValue() == null ? new AnswerInput.Skip() : new AnswerInput.ScaleValue(group.getValue());
    }

    private java.util.function.Supplier<AnswerInput> text(FreeText q, String label, AnswerInput previous) {
        var area = new TextArea(label);
        area.addClassName(QUESTION);
        area.setMaxLength(q.maxLength());
        area.setAutocomplete(Autocomplete.OFF);
        area.setWidthFull();
        area.setHelperText(getTranslation("respond.textHelp", q.maxLength()));
        area.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        if (previous instanceof AnswerInput.Text(String body)) {
            area.setValue(body);
        }
        add(area);
        return () -> area.getValue().isBlank() ? new AnswerInput.Skip() : new AnswerInput.Text(area.getValue());
    }

    private java.util.function.Supplier<AnswerInput> places(PlacesQuestion q, String lang, List<SurveyEntry.PlaceChoice> places,
                                                            AnswerInput previous, String label) {
        // the question itself, which no single place's group can carry, and the group of places it names
        var question = new Paragraph(label);
        question.addClassName("question-text");
        question.setId("places-question");
        add(question);
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-labelledby", "places-question");
        Map<String, AnswerInput.PlaceAnswer> before = new LinkedHashMap<>();
        if (previous instanceof AnswerInput.Places(List<AnswerInput.PlaceAnswer> list)) {
            list.forEach(p -> before.put(p.placeRef(), p));
        }
        List<SurveyEntry.PlaceChoice> all = new ArrayList<>(places);
        all.add(new SurveyEntry.PlaceChoice(AnswerInput.PlaceAnswer.ELSEWHERE, getTranslation("respond.elsewhere")));
        Map<String, RadioButtonGroup<PlaceRating>> ratings = new LinkedHashMap<>();
        Map<String, TextField> whys = new LinkedHashMap<>();
        for (SurveyEntry.PlaceChoice place : all) {
            var rating = new RadioButtonGroup<PlaceRating>(place.name());
            rating.setItems(PlaceRating.values());
            rating.setItemLabelGenerator(r -> getTranslation("respond.rating." + r.name()));
            rating.addClassName("place-rating");
            var row = new Div(rating);
            row.addClassName("place-row");
            AnswerInput.PlaceAnswer old = before.get(place.ref());
            if (old != null) {
                rating.setValue(old.rating());
            }
            if (q.askWhy()) {
                var why = new TextField(getTranslation("respond.why", place.name()));
                why.setMaxLength(500);
                why.setAutocomplete(Autocomplete.OFF);
                why.setWidthFull();
                if (old != null && old.why() != null) {
                    why.setValue(old.why());
                }
                whys.put(place.ref(), why);
                row.add(why);
            }
            ratings.put(place.ref(), rating);
            add(row);
        }
        return () -> {
            List<AnswerInput.PlaceAnswer> chosen = new ArrayList<>();
            ratings.forEach((ref, group) -> {
                if (group.getValue() != null) {
                    TextField why = whys.get(ref);
                    chosen.add(new AnswerInput.PlaceAnswer(ref, group.getValue(), why == null ? null : why.getValue()));
                }
            });
            return chosen.isEmpty() ? new AnswerInput.Skip() : new AnswerInput.Places(chosen);
        };
    }

    private java.util.function.Supplier<AnswerInput> trusted(TrustedPeople q, String lang, String label, AnswerInput previous) {
        var group = new CheckboxGroup<Option>(label);
        group.addClassName(QUESTION);
        group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        group.setItems(q.roles());
        group.setItemLabelGenerator(o -> o.label().in(lang));
        add(group);
        TextField other = new TextField(getTranslation("respond.someoneElse"));
        other.setWidthFull(); // as wide as the question, like the places' "Why?": an easy target on a phone
        other.setMaxLength(500);
        other.setAutocomplete(Autocomplete.OFF);
        other.setVisible(q.allowOther());
        add(other);
        if (previous instanceof AnswerInput.Trusted(Set<String> roles, String text)) {
            group.setValue(new HashSet<>(q.roles().stream().filter(o -> roles.contains(o.id())).toList()));
            other.setValue(text == null ? "" : text);
        }
        return () -> {
            Set<String> ids = Set.copyOf(group.getValue().stream().map(Option::id).toList());
            String text = other.getValue();
            return ids.isEmpty() && text.isBlank() ? new AnswerInput.Skip() : new AnswerInput.Trusted(ids, text.isBlank() ? null : text);
        };
    }

    static Component optionalHelp(LocalizedText help, String lang) {
        if (help == null) {
            return new Span();
        }
        var span = new Span(help.in(lang));
        span.addClassName("question-help");
        return span;
    }

}
