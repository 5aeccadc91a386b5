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

    /**
     * Writes one answer over whatever the question had before, with as few statements as the answer allows: a scale
     * or a text is one upsert; choices and places are inserted in one statement each, after deleting earlier rows
     * only where {@code before} says there are some. {@code checkText} screens each free text and says whether it
     * looked like a disclosure.
     */
    static boolean write(ResponseRepository rows, String responseId, String questionId, AnswerInput input,
                         ResponseRepository.SaveTarget before, Predicate<String> checkText) {
        boolean suspected = false;
        switch (input) {
            case AnswerInput.Skip skip -> {
                if (before.hasChoices()) {
                    rows.deleteChoices(responseId, questionId);
                }
                if (before.hasScale()) {
                    rows.deleteScale(responseId, questionId);
                }
                if (before.hasPlaces()) {
                    rows.deletePlaces(responseId, questionId);
                }
                if (before.hasTexts()) {
                    rows.deleteTexts(responseId, questionId);
                }
            }
            case AnswerInput.Choice c -> {
                if (before.hasChoices()) {
                    rows.deleteChoices(responseId, questionId);
                }
                rows.insertChoices(responseId, questionId, c.optionIds());
            }
            case AnswerInput.ScaleValue v -> rows.upsertScale(responseId, questionId, v.value());
            case AnswerInput.Text t -> {
                suspected = checkText.test(t.body());
                rows.upsertText(responseId, questionId, WHOLE, t.body(), suspected);
            }
            case AnswerInput.Places p -> {
                if (before.hasPlaces()) {
                    rows.deletePlaces(responseId, questionId);
                }
                if (before.hasTexts()) {
                    rows.deleteTexts(responseId, questionId);
                }
                List<ResponseRepository.PlaceInsert> placeRows = placeRows(p);
                List<ResponseRepository.TextInsert> whys = new ArrayList<>();
                for (AnswerInput.PlaceAnswer place : p.places()) {
                    if (place.why() != null && !place.why().isBlank()) {
                        boolean flagged = checkText.test(place.why());
                        suspected |= flagged;
                        whys.add(new ResponseRepository.TextInsert(place.placeRef(), place.why(), flagged));
                    }
                }
                rows.insertPlaces(responseId, questionId, placeRows);
                rows.insertTexts(responseId, questionId, whys);
            }
            case AnswerInput.Trusted t -> {
                if (before.hasChoices()) {
                    rows.deleteChoices(responseId, questionId);
                }
                rows.insertChoices(responseId, questionId, t.roleIds());
                if (t.other() != null && !t.other().isBlank()) {
                    suspected = checkText.test(t.other());
                    rows.upsertText(responseId, questionId, OTHER, t.other(), suspected);
                } else if (before.hasTexts()) {
                    rows.deleteTexts(responseId, questionId);
                }
            }
        }
        return suspected;
    }

    /** One row per rated place. */
    static List<ResponseRepository.PlaceInsert> placeRows(AnswerInput.Places p) {
        return p.places().stream().map(place -> new ResponseRepository.PlaceInsert(place.placeRef(),
                placeId(place.placeRef()), place.rating().name())).toList();
    }

    /** The place a ref names, or null for "somewhere else" (refs are checked before anything is written). */
    static Long placeId(String placeRef) {
        return AnswerInput.PlaceAnswer.ELSEWHERE.equals(placeRef) ? null : Long.valueOf(placeRef);
    }

    /** Every free text the answer carries, to be read by the meaning model before the save takes its lock. */
    static List<String> texts(AnswerInput input) {
        return switch (input) {
            case AnswerInput.Text t -> t.body() == null ? List.of() : List.of(t.body());
            case AnswerInput.Places p -> p.places().stream().map(AnswerInput.PlaceAnswer::why)
                    .filter(w -> w != null && !w.isBlank()).toList();
            case AnswerInput.Trusted t -> t.other() == null || t.other().isBlank() ? List.of() : List.of(t.other());
            default -> List.of();
        };
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
