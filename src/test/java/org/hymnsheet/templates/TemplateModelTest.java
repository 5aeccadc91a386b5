package org.hymnsheet.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records hold what the loader guarantees, so no other code can build a template the loader would refuse. */
class TemplateModelTest {
    static final LocalizedText WORD = LocalizedText.english("word");

    @Test
    void a_text_falls_back_to_english_in_a_language_the_template_lacks() {
        var text = new LocalizedText(Map.of("en", "Safe places", "cy", "Lleoedd diogel"));

        assertThat(text.in("cy")).isEqualTo("Lleoedd diogel");
        assertThat(text.in("pl")).isEqualTo("Safe places");
        assertThatThrownBy(() -> new LocalizedText(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_scale_has_five_labels_and_a_free_text_a_limit_from_1_to_2000() {
        assertThatThrownBy(() -> new Scale("s", WORD, null, null, null, List.of(WORD, WORD, WORD, WORD), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FreeText("f", WORD, null, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FreeText("f", WORD, null, null, null, 2001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FreeText("f", WORD, null, null, null, 2000).maxLength()).isEqualTo(2000);
    }

    @Test
    void lists_are_copied_so_a_template_cannot_change_after_loading() {
        List<Option> options = new ArrayList<>(List.of(new Option("yes", WORD)));
        var question = new MultipleChoice("q", WORD, null, null, null, options);
        List<Question> questions = new ArrayList<>(List.of(question));
        var survey = new SurveyTemplate("s", "workshops/surveys/s.yaml", WORD, List.of("en"), Audience.YOUNG_PEOPLE, WORD,
                questions);

        options.clear();
        questions.clear();

        assertThat(question.options()).hasSize(1);
        assertThat(survey.questions()).containsExactly(question);
        assertThatThrownBy(() -> survey.questions().add(question)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void every_place_is_rated_with_the_same_three_words() {
        assertThat(PlaceRating.values()).containsExactly(PlaceRating.SAFE, PlaceRating.NOT_SURE, PlaceRating.UNSAFE);
    }

    @Test
    void a_problem_reads_as_file_line_message_or_folder_message() {
        assertThat(new TemplateProblem("workshops/surveys/a.yaml", 12, "unknown key")).hasToString(
                "workshops/surveys/a.yaml:12: unknown key");
        assertThat(new TemplateProblem("workshops/surveys", 0, "folder not found")).hasToString(
                "workshops/surveys: folder not found");
    }
}
