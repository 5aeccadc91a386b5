package org.hymnsheet.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.hymnsheet.templates.PlaceRating;

/** Turns one answer into rows (one per chosen option, rated place, text) and rows back into answers. */
final class AnswerWriter {
    private static final String WHOLE = "";
    private static final String OTHER = "other";

    private AnswerWriter() {}

    /** Writes the rows; {@code checkText} screens each free text and says whether it looked like a disclosure. */
    static boolean write(ResponseRepository rows, String responseId, String questionId, AnswerInput input,
                         Predicate<String> checkText) {
        boolean suspected = false;
        switch (input) {
            case AnswerInput.Skip skip -> { }
            case AnswerInput.Choice c -> rows.insertChoices(responseId, questionId, c.optionIds());
            case AnswerInput.ScaleValue v -> rows.insertScale(responseId, questionId, v.value());
            case AnswerInput.Text t -> {
                suspected = checkText.test(t.body());
                rows.insertText(responseId, questionId, WHOLE, t.body(), suspected);
            }
            case AnswerInput.Places p -> {
                for (AnswerInput.PlaceAnswer place : p.places()) {
                    Long placeId = AnswerInput.PlaceAnswer.ELSEWHERE.equals(place.placeRef()) ? null : Long.valueOf(place.placeRef());
                    rows.insertPlace(responseId, questionId, place.placeRef(), placeId, place.rating().name());
                    if (place.why() != null && !place.why().isBlank()) {
                        boolean flagged = checkText.test(place.why());
                        suspected |= flagged;
                        rows.insertText(responseId, questionId, place.placeRef(), place.why(), flagged);
                    }
                }
            }
            case AnswerInput.Trusted t -> {
                rows.insertChoices(responseId, questionId, t.roleIds());
                if (t.other() != null && !t.other().isBlank()) {
                    boolean flagged = checkText.test(t.other());
                    suspected = flagged;
                    rows.insertText(responseId, questionId, OTHER, t.other(), flagged);
                }
            }
        }
        return suspected;
    }

    /**
     * Reads a response's answers back. The kind of each answer follows from its rows: texts under a place ref are
     * "why"s, a text under "other" belongs to trusted people, choices alone are choices.
     */
    static Map<String, AnswerInput> read(ResponseRepository rows, String responseId) {
        Map<String, Set<String>> choices = new HashMap<>();
        rows.choices(responseId).forEach(c -> choices.computeIfAbsent(c.questionId(), k -> new LinkedHashSet<>()).add(c.optionId()));
        Map<String, Map<String, String>> texts = new HashMap<>();
        rows.texts(responseId).forEach(t -> texts.computeIfAbsent(t.questionId(), k -> new HashMap<>()).put(t.item(), t.body()));
        Map<String, List<AnswerInput.PlaceAnswer>> places = new HashMap<>();
        rows.placeRows(responseId).forEach(p -> places.computeIfAbsent(p.questionId(), k -> new ArrayList<>())
                .add(new AnswerInput.PlaceAnswer(p.placeRef(), PlaceRating.valueOf(p.rating()),
                        texts.getOrDefault(p.questionId(), Map.of()).get(p.placeRef()))));

        Map<String, AnswerInput> answers = new HashMap<>();
        rows.scales(responseId).forEach(s -> answers.put(s.questionId(), new AnswerInput.ScaleValue(s.value())));
        places.forEach((q, list) -> answers.put(q, new AnswerInput.Places(List.copyOf(list))));
        texts.forEach((q, items) -> {
            if (items.containsKey(WHOLE)) {
                answers.put(q, new AnswerInput.Text(items.get(WHOLE)));
            } else if (items.containsKey(OTHER) && !places.containsKey(q)) {
                answers.put(q, new AnswerInput.Trusted(Set.copyOf(choices.getOrDefault(q, Set.of())), items.get(OTHER)));
            }
        });
        choices.forEach((q, ids) -> answers.putIfAbsent(q, new AnswerInput.Choice(Set.copyOf(ids))));
        return answers;
    }
}
