package org.hymnsheet.surveys;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.templates.FreeText;
import org.hymnsheet.templates.MultipleChoice;
import org.hymnsheet.templates.Option;
import org.hymnsheet.templates.PlacesQuestion;
import org.hymnsheet.templates.Question;
import org.hymnsheet.templates.Scale;
import org.hymnsheet.templates.SingleChoice;
import org.hymnsheet.templates.TrustedPeople;

/** Checks an answer against its question before anything is stored. The message keys are for the respondent. */
final class AnswerRules {
    static final int WHY_MAX = 500;
    static final int OTHER_MAX = 500;

    private AnswerRules() {}

    /**
     * Checks an answer against its question. Place refs must be "somewhere else" or a place id; whether those places
     * belong to the survey's partnership is checked by the save's first statement ({@link #placeIdsIfWellFormed}).
     */
    static void check(Question question, AnswerInput input) {
        if (input instanceof AnswerInput.Skip) {
            return;
        }
        switch (question) {
            case SingleChoice q -> {
                Set<String> ids = choice(input).optionIds();
                if (ids.size() != 1 || !optionIds(q.options()).containsAll(ids)) {
                    throw refused("answer.chooseOne");
                }
            }
            case MultipleChoice q -> {
                Set<String> ids = choice(input).optionIds();
                if (ids.isEmpty() || !optionIds(q.options()).containsAll(ids)) {
                    throw refused("answer.chooseFromList");
                }
            }
            case Scale q -> {
                if (!(input instanceof AnswerInput.ScaleValue(int value)) || value < 1 || value > 5) {
                    throw refused("answer.chooseOne");
                }
            }
            case FreeText q -> {
                if (!(input instanceof AnswerInput.Text(String body)) || body == null || body.isBlank()) {
                    throw refused("answer.empty");
                }
                text(body, q.maxLength());
            }
            case PlacesQuestion q -> {
                if (!(input instanceof AnswerInput.Places(List<AnswerInput.PlaceAnswer> places)) || places.isEmpty()) {
                    throw refused("answer.choosePlace");
                }
                Set<String> seen = new HashSet<>();
                for (AnswerInput.PlaceAnswer p : places) {
                    if (p.rating() == null || !wellFormed(p.placeRef()) || !seen.add(p.placeRef())) {
                        throw refused("answer.choosePlace");
                    }
                    if (p.why() != null && !p.why().isBlank()) {
                        text(p.why(), WHY_MAX);
                    }
                }
            }
            case TrustedPeople q -> {
                if (!(input instanceof AnswerInput.Trusted(Set<String> roles, String other))) {
                    throw refused("answer.chooseFromList");
                }
                boolean hasOther = other != null && !other.isBlank();
                if (roles.isEmpty() && !hasOther || !optionIds(q.roles()).containsAll(roles) || hasOther && !q.allowOther()) {
                    throw refused("answer.chooseFromList");
                }
                if (hasOther) {
                    text(other, OTHER_MAX);
                }
            }
        }
    }

    private static boolean wellFormed(String placeRef) {
        if (AnswerInput.PlaceAnswer.ELSEWHERE.equals(placeRef)) {
            return true;
        }
        if (placeRef == null || placeRef.isEmpty() || placeRef.length() > 18) {
            return false;
        }
        for (int i = 0; i < placeRef.length(); i++) {
            if (placeRef.charAt(i) < '0' || placeRef.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The place ids an answer names (not "somewhere else"); all of them must be the partnership's. Malformed refs
     * are left out here and refused by {@link #check}.
     */
    static Set<Long> placeIdsIfWellFormed(AnswerInput input) {
        if (!(input instanceof AnswerInput.Places(List<AnswerInput.PlaceAnswer> places))) {
            return Set.of();
        }
        Set<Long> ids = new HashSet<>();
        for (AnswerInput.PlaceAnswer p : places) {
            if (!AnswerInput.PlaceAnswer.ELSEWHERE.equals(p.placeRef()) && wellFormed(p.placeRef())) {
                ids.add(Long.valueOf(p.placeRef()));
            }
        }
        return ids;
    }

    private static AnswerInput.Choice choice(AnswerInput input) {
        if (input instanceof AnswerInput.Choice c && c.optionIds() != null) {
            return c;
        }
        throw refused("answer.chooseFromList");
    }

    private static void text(String body, int max) {
        if (body.codePointCount(0, body.length()) > max) {
            throw new ValidationException("answer", "answer.tooLong", max);
        }
        if (body.indexOf('\0') >= 0) {
            throw refused("validation.controlCharacters");
        }
    }

    private static Set<String> optionIds(List<Option> options) {
        return options.stream().map(Option::id).collect(Collectors.toSet());
    }

    private static ValidationException refused(String key) {
        return new ValidationException("answer", key);
    }
}
