package org.hymnsheet.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.templates.TemplateFiles.HEADER;
import static org.hymnsheet.templates.TemplateFiles.MOOD;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader tells a practitioner about a template that is valid YAML but not a valid survey. */
class TemplateValidationTest {
    static final String WORKER = """
              - id: worker
                kind: single-choice
                text: Do you have a worker?
                options:
                  - id: yes
                    label: Yes
                  - id: no
                    label: No
            """;

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

    @Test
    void an_unknown_question_kind_names_the_kinds_there_are() {
        assertThat(problems(HEADER + MOOD.replace("kind: scale", "kind: slider"))).containsExactly(
                "broken.yaml:7: unknown question kind \"slider\" "
                        + "(use one of: single-choice, multiple-choice, scale, free-text, places, trusted-people)");
    }

    @Test
    void show_if_cannot_point_at_a_question_that_does_not_exist() {
        assertThat(problems(HEADER + MOOD + """
                  - id: why
                    kind: free-text
                    text: Why?
                    show-if: {question: feeling, answer: bad}
                """)).containsExactly("broken.yaml:13: show-if refers to question \"feeling\", which does not exist");
    }

    @Test
    void show_if_cannot_point_at_a_later_question_or_the_question_itself() {
        assertThat(problems(HEADER + """
                  - id: worker-name
                    kind: free-text
                    text: What is your worker called?
                    show-if:
                      question: worker
                      answer: yes
                """ + WORKER.replace("text:", "show-if: {question: worker, answer: yes}\n    text:"))).containsExactly(
                "broken.yaml:10: show-if refers to question \"worker\", which does not come before this one: "
                        + "a question can only depend on an earlier answer",
                "broken.yaml:14: show-if refers to question \"worker\", which does not come before this one: "
                        + "a question can only depend on an earlier answer");
    }

    @Test
    void show_if_must_match_an_option_of_the_earlier_question() {
        assertThat(problems(HEADER + WORKER + """
                  - id: worker-name
                    kind: free-text
                    text: What is your worker called?
                    show-if: {question: worker, answer: maybe}
                """)).containsExactly(
                "broken.yaml:17: show-if answer \"maybe\" is not an option of question \"worker\" (its options: yes, no)");
    }

    @Test
    void show_if_can_only_match_questions_with_options() {
        assertThat(problems(HEADER + MOOD + """
                  - id: why
                    kind: free-text
                    text: Why?
                    show-if: {question: mood, answer: awful}
                """)).containsExactly("broken.yaml:13: show-if refers to question \"mood\", which has no options to "
                + "match: only single-choice, multiple-choice and trusted-people answers can be matched");
    }

    @Test
    void show_if_on_a_broken_question_adds_nothing_to_the_problem_already_reported() {
        assertThat(problems(HEADER + WORKER.replace("single-choice", "yes-no") + """
                  - id: worker-name
                    kind: free-text
                    text: What is your worker called?
                    show-if: {question: worker, answer: yes}
                """)).containsExactly("broken.yaml:7: unknown question kind \"yes-no\" "
                + "(use one of: single-choice, multiple-choice, scale, free-text, places, trusted-people)");
    }

    @Test
    void show_if_needs_both_a_question_and_an_answer() {
        assertThat(problems(HEADER + WORKER + """
                  - id: worker-name
                    kind: free-text
                    text: What is your worker called?
                    show-if: {question: worker, anwser: yes}
                  - id: why
                    kind: free-text
                    text: Why?
                    show-if: worker
                  - id: how
                    kind: free-text
                    text: How?
                    show-if: {answer: yes}
                """)).containsExactly(
                "broken.yaml:17: unknown key \"anwser\" in show-if (use one of: question, answer)",
                "broken.yaml:17: missing \"answer\"",
                "broken.yaml:21: \"show-if\" should name an earlier question and one of its answers, "
                        + "like {question: has-worker, answer: yes}",
                "broken.yaml:25: missing \"question\"");
    }

    @Test
    void question_ids_option_ids_and_keys_must_each_be_unique() {
        assertThat(problems(HEADER + MOOD + WORKER.replace("id: no", "id: yes") + """
                  - id: mood
                    kind: free-text
                    text: Anything else?
                    text: Or not?
                """)).containsExactly(
                "broken.yaml:16: \"yes\" is used twice in options (first on line 14)",
                "broken.yaml:21: \"text\" is written twice (first on line 20)",
                "broken.yaml:18: question id \"mood\" is used twice (first on line 6)");
    }

    @Test
    void every_text_needs_every_language_of_the_survey() {
        assertThat(problems("""
                id: check-in
                title: {en: Check-in, cy: Sgwrs sydyn}
                languages: [en, cy]
                intro:
                  en: A short check-in.
                questions:
                  - id: mood
                    kind: scale
                    text:
                      en: How are you today?
                      cy: Sut wyt ti heddiw?
                      fr: Comment vas-tu ?
                    help: Take your time.
                    labels:
                      - {en: Awful, cy: Ofnadwy}
                      - {en: Bad, cy: Gwael}
                      - {en: Okay, cy:}
                      - {en: Good}
                      - {en: Great, cy: [Gwych]}
                """)).containsExactly(
                "broken.yaml:5: intro is missing the \"cy\" translation",
                "broken.yaml:12: text has a \"fr\" translation, but the survey's languages are en, cy",
                "broken.yaml:13: help needs a text in each of the survey's languages (en, cy), written like {en: ..., cy: ...}",
                "broken.yaml:17: label 3 in \"cy\" is empty",
                "broken.yaml:18: label 4 is missing the \"cy\" translation",
                "broken.yaml:19: label 5 in \"cy\" should be written as text, not as a list");
    }

    @Test
    void a_scale_has_exactly_five_labels_written_as_text() {
        assertThat(problems(HEADER + MOOD.replace("[Awful, Bad, Okay, Good, Great]", "[Bad, Okay, Good, Great]")
                + MOOD.replace("mood", "energy").replace("[Awful, Bad, Okay, Good, Great]", "[Low, [Meh], \"\", High, Wired]")
                + MOOD.replace("mood", "sleep").replace("[Awful, Bad, Okay, Good, Great]", "Awful to great"))).containsExactly(
                "broken.yaml:9: a scale needs exactly 5 labels, for 1 to 5; found 4",
                "broken.yaml:13: label 2 should be written as text, not as a list",
                "broken.yaml:13: label 3 is empty",
                "broken.yaml:17: \"labels\" should be a list, one item per line starting with \"- \"");
    }

    @Test
    void choices_need_options_each_with_an_id_and_a_label() {
        assertThat(problems(HEADER + """
                  - id: worker
                    kind: single-choice
                    text: Do you have a worker?
                    options:
                      - id: yes
                        label: Yes
                  - id: kinds
                    kind: multiple-choice
                    text: Which kinds?
                    options: []
                  - id: trusted
                    kind: trusted-people
                    text: Who do you trust?
                    roles:
                      - Teacher
                      - id: coach
                        lable: Coach
                """)).containsExactly(
                "broken.yaml:9: \"options\" needs at least 2 items",
                "broken.yaml:15: \"options\" needs at least 1 item",
                "broken.yaml:20: each of the roles should be written as \"- id: ...\" with a \"label: ...\" line under it",
                "broken.yaml:22: unknown key \"lable\" in roles (use one of: id, label)",
                "broken.yaml:21: missing \"label\"");
    }

    @Test
    void a_free_text_limit_is_a_whole_number_up_to_2000() {
        String question = """
                  - id: why
                    kind: free-text
                    text: Why?
                    max-length: %s
                """;
        assertThat(problems(HEADER + question.formatted("5000") + question.formatted("lots").replace("why", "how")
                + question.formatted("[1]").replace("why", "what") + question.formatted("0").replace("why", "who")))
                .containsExactly(
                        "broken.yaml:9: \"max-length\" should be a whole number from 1 to 2000",
                        "broken.yaml:13: \"max-length\" should be a whole number from 1 to 2000",
                        "broken.yaml:17: \"max-length\" should be a single value, not a list or a set of keys",
                        "broken.yaml:21: \"max-length\" should be a whole number from 1 to 2000");
    }

    @Test
    void switches_are_true_or_false() {
        assertThat(problems(HEADER + """
                  - id: places
                    kind: places
                    text: Which places?
                    ask-why: sometimes
                """)).containsExactly("broken.yaml:9: \"ask-why\" should be true or false");
    }

    @Test
    void a_misspelt_key_is_reported_with_the_keys_allowed_there() {
        assertThat(problems(HEADER.replace("title:", "titel:") + WORKER.replace("options:", "optons:"))).containsExactly(
                "broken.yaml:2: unknown key \"titel\" (use one of: id, title, languages, audience, intro, questions, about-you)",
                "broken.yaml:1: missing \"title\"",
                "broken.yaml:9: unknown key \"optons\" in a single-choice question "
                        + "(use one of: id, kind, text, help, section, show-if, options)",
                "broken.yaml:6: missing \"options\"");
    }

    @Test
    void a_key_belonging_to_another_kind_is_unknown_and_an_unknown_kind_is_checked_against_every_kind() {
        assertThat(problems(HEADER + MOOD.replace("labels", "options").replace("scale", "scael") + """
                  - id: why
                    kind: free-text
                    text: Why?
                    faces: true
                """)).containsExactly(
                "broken.yaml:7: unknown question kind \"scael\" "
                        + "(use one of: single-choice, multiple-choice, scale, free-text, places, trusted-people)",
                "broken.yaml:13: unknown key \"faces\" in a free-text question "
                        + "(use one of: id, kind, text, help, section, show-if, max-length)");
    }

    @Test
    void required_keys_must_be_there_and_not_left_empty() {
        assertThat(problems("""
                id:
                title: Check-in
                languages: [en]
                questions:
                  - kind: free-text
                    text: ""
                  - id: why
                    text: Why?
                  - Just a question
                """)).containsExactly(
                "broken.yaml:1: \"id\" is empty",
                "broken.yaml:1: missing \"intro\"",
                "broken.yaml:5: missing \"id\"",
                "broken.yaml:6: \"text\" is empty",
                "broken.yaml:7: missing \"kind\"",
                "broken.yaml:9: each question should be a set of \"key: value\" lines, starting with \"- id: ...\"");
    }

    @Test
    void ids_are_lowercase_words_joined_by_dashes() {
        assertThat(problems(HEADER.replace("id: check-in", "id: Check In!") + MOOD.replace("id: mood", "id: Mood_Today")
                + WORKER.replace("id: yes", "id: Yes"))).containsExactly(
                "broken.yaml:1: \"Check In!\" cannot be an id: use up to 40 lowercase letters, digits and dashes, "
                        + "like \"check-in\"",
                "broken.yaml:6: \"Mood_Today\" cannot be an id: use up to 40 lowercase letters, digits and dashes, "
                        + "like \"mood-today\"",
                "broken.yaml:14: \"Yes\" cannot be an id: use up to 40 lowercase letters, digits and dashes, like \"yes\"");
        assertThat(problems(HEADER.replace("id: check-in", "id: " + "a".repeat(41)) + MOOD)).hasSize(1);
    }

    @Test
    void languages_are_codes_that_include_english_each_listed_once() {
        assertThat(problems(HEADER.replace("[en]", "[cy, Welsh, cy, {en: English}, ~]")
                .replace("Check-in", "{en: Check-in, cy: Sgwrs}").replace("A short check-in.", "{en: Hi, cy: Helo}")
                + "  - id: why\n    kind: free-text\n    text: {en: Why, cy: Pam}\n")).containsExactly(
                "broken.yaml:3: languages should be codes of two or three lowercase letters, like en or cy, "
                        + "and several are written [en, cy]",
                "broken.yaml:3: language \"cy\" is listed twice",
                "broken.yaml:3: languages should be codes of two or three lowercase letters, like en or cy, "
                        + "and several are written [en, cy]",
                "broken.yaml:3: languages should be codes of two or three lowercase letters, like en or cy, "
                        + "and several are written [en, cy]",
                "broken.yaml:3: languages must include en: English is what every text falls back to");
    }

    @Test
    void a_single_language_may_be_written_without_brackets_and_a_missing_list_falls_back_to_english() {
        assertThat(problems(HEADER.replace("[en]", "en") + MOOD)).isEmpty();
        assertThat(problems(HEADER.replace("languages: [en]\n", "") + MOOD)).containsExactly("broken.yaml:1: missing \"languages\"");
    }

    @Test
    void the_audience_is_young_people_or_professionals() {
        assertThat(problems(HEADER.replace("questions:", "audience: staff\nquestions:") + MOOD)).containsExactly(
                "broken.yaml:5: unknown audience \"staff\" (use one of: young-people, professionals)");
    }

    @Test
    void a_survey_needs_a_list_of_at_least_one_question() {
        assertThat(problems(HEADER.replace("questions:", "questions: []"))).containsExactly(
                "broken.yaml:5: \"questions\" is empty: a survey needs at least one question");
        assertThat(problems(HEADER.replace("questions:", "questions: all of them"))).containsExactly(
                "broken.yaml:5: \"questions\" should be a list, one item per line starting with \"- \"");
    }

    @Test
    void texts_and_keys_must_be_plain_values() {
        assertThat(problems(HEADER.replace("title: Check-in", "title: [Check, in]\n[odd]: key") + MOOD
                .replace("kind: scale", "kind: {name: scale}"))).containsExactly(
                "broken.yaml:3: a key should be a plain word followed by a colon",
                "broken.yaml:2: title should be written as text, not as a list",
                "broken.yaml:8: \"kind\" should be a single value, not a list or a set of keys");
    }

    @Test
    void every_problem_in_a_file_is_reported_not_only_the_first() {
        assertThat(problems(HEADER.replace("[en]", "[en, cy]") + MOOD.replace("scale", "slider") + WORKER
                .replace("id: no", "id: yes"))).hasSize(8);
    }
}
