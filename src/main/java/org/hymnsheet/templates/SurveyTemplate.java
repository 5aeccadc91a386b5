package org.hymnsheet.templates;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A survey as a practitioner wrote it in {@code workshops/surveys/}: validated, so every text has every
 * language, ids are unique and every {@code show-if} points at an earlier question and one of its options.
 *
 * @param file where it came from, as a project path such as {@code workshops/surveys/safe-places.yaml}
 * @param languages the languages a respondent can choose, English first
 */
public record SurveyTemplate(String id, String file, LocalizedText title, List<String> languages, Audience audience,
                             LocalizedText intro, List<Question> questions) {

    public SurveyTemplate {
        Objects.requireNonNull(id);
        Objects.requireNonNull(file);
        Objects.requireNonNull(title);
        Objects.requireNonNull(audience);
        Objects.requireNonNull(intro);
        languages = List.copyOf(languages);
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
