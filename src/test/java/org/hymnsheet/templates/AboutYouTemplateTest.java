package org.hymnsheet.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.templates.TemplateFiles.HEADER;
import static org.hymnsheet.templates.TemplateFiles.MOOD;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard "about you" section of a survey template: expanded into fixed questions, or rejected with file:line. */
class AboutYouTemplateTest {
    /** HEADER with the about-you key on line 5, before "questions:" (which moves to line 6, the mood to 7). */
    static String withAboutYou(String list) {
        return HEADER.replace("questions:", "about-you: " + list + "\nquestions:");
    }

    @TempDir
    Path temporary;
    TemplateFiles files;

    @BeforeEach
    void folder() {
        files = new TemplateFiles(temporary);
    }

    List<String> problems(String yaml) {
        return files.problemsOf("broken.yaml", yaml).stream().map(p -> p.substring("workshops/surveys/".length())).toList();
    }

    SurveyTemplate loaded(String yaml) {
        files.write("check-in.yaml", yaml);
        var loaded = files.load();
        assertThat(loaded.problems()).isEmpty();
        return loaded.surveys().stream().filter(s -> s.id().equals("check-in")).findFirst().orElseThrow();
    }

    @Test
    void the_listed_items_become_standard_single_choice_questions_at_the_end_with_prefer_not_to_say() {
        SurveyTemplate survey = loaded(withAboutYou("[age, ethnicity, young-carer]") + MOOD);

        assertThat(survey.questions()).extracting(Question::id)
                .containsExactly("mood", "about-age", "about-ethnicity", "about-carer");
        var age = (SingleChoice) survey.question("about-age").orElseThrow();
        assertThat(age.options()).extracting(Option::id)
                .containsExactly("11-13", "14-15", "16-17", "18-21", "22-25", "prefer-not-to-say");
        assertThat(age.section().in("en")).isEqualTo("About you (you can skip these)");
        assertThat(age.showIf()).isNull();
        var ethnicity = (SingleChoice) survey.question("about-ethnicity").orElseThrow();
        assertThat(ethnicity.options()).extracting(o -> o.label().in("en")).containsExactly("Asian or Asian British",
                "Black, Black British, Caribbean or African", "Mixed or more than one ethnic group", "White",
                "Another ethnic group", "Prefer not to say");
        var carer = (SingleChoice) survey.question("about-carer").orElseThrow();
        assertThat(carer.options()).extracting(Option::id).containsExactly("yes", "no", "not-sure", "prefer-not-to-say");
    }

    @Test
    void every_standard_question_has_english_and_welsh_in_a_welsh_survey() {
        String welsh = """
                id: check-in
                title: {en: Check-in, cy: Gwirio}
                languages: [en, cy]
                intro: {en: A check-in., cy: Gwirio.}
                about-you: [age, gender, ethnicity, disability, care-experience, young-carer]
                questions:
                  - id: mood
                    kind: free-text
                    text: {en: "How are you?", cy: "Sut wyt ti?"}
                """;
        SurveyTemplate survey = loaded(welsh);

        assertThat(survey.questions()).hasSize(7);
        for (Question q : survey.questions().subList(1, 7)) {
            var choice = (SingleChoice) q;
            assertThat(q.text().byLanguage()).containsOnlyKeys("en", "cy");
            assertThat(q.section().in("cy")).isEqualTo("Amdanat ti (gelli di hepgor y rhain)");
            assertThat(choice.options()).allSatisfy(o -> assertThat(o.label().byLanguage()).containsOnlyKeys("en", "cy"));
            assertThat(choice.options().getLast().label().in("en")).isEqualTo("Prefer not to say");
        }
        assertThat(((SingleChoice) survey.question("about-gender").orElseThrow()).options()).extracting(o -> o.label().in("en"))
                .containsExactly("Girl or woman", "Boy or man", "Non-binary", "In another way", "Prefer not to say");
    }

    @Test
    void an_unknown_item_is_rejected_with_the_items_there_are() {
        assertThat(problems(withAboutYou("[age, religion]") + MOOD)).containsExactly(
                "broken.yaml:5: \"religion\" is not a standard \"about-you\" question "
                        + "(use: age, gender, ethnicity, disability, care-experience, young-carer)");
    }

    @Test
    void items_twice_or_out_of_order_are_rejected() {
        assertThat(problems(withAboutYou("[gender, age]") + MOOD)).containsExactly(
                "broken.yaml:5: \"age\" comes before \"gender\": list the \"about-you\" questions in this order: "
                        + "age, gender, ethnicity, disability, care-experience, young-carer");
        assertThat(problems(withAboutYou("[age, age]") + MOOD)).containsExactly(
                "broken.yaml:5: \"age\" is listed twice in \"about-you\"");
        assertThat(problems(withAboutYou("age") + MOOD)).hasSize(1).first().asString()
                .startsWith("broken.yaml:5: \"about-you\" should be a list");
    }

    @Test
    void an_own_question_with_an_about_id_is_rejected_at_its_id() {
        assertThat(problems(HEADER + MOOD.replace("id: mood", "id: about-age"))).containsExactly(
                "broken.yaml:6: question id \"about-age\" starts with \"about-\", which is kept for the standard "
                        + "questions: ask them with \"about-you: [...]\" or choose another id");
    }

    @Test
    void a_survey_in_a_language_the_standard_texts_lack_cannot_use_them() {
        String polish = """
                id: check-in
                title: {en: Check-in, pl: Check-in}
                languages: [en, pl]
                intro: {en: A check-in., pl: Check-in.}
                about-you: [age]
                questions:
                  - id: mood
                    kind: free-text
                    text: {en: "How are you?", pl: "Jak się masz?"}
                """;
        assertThat(problems(polish)).containsExactly("broken.yaml:5: the \"about-you\" questions are written in "
                + "English and Welsh only, but this survey is also in \"pl\"");
    }
}
