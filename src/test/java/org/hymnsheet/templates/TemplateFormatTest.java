package org.hymnsheet.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a valid template file becomes typed records: every kind, its defaults, sections, show-if and languages. */
class TemplateFormatTest {
    @TempDir
    Path temporary;

    static final String EVERY_KIND = """
            # comments are fine anywhere
            id: every-kind
            title: {en: Every kind, cy: Pob math}
            languages: [en, cy]
            audience: professionals
            intro: {en: Hello, cy: Helo}
            questions:
              - id: worker
                kind: single-choice
                text: {en: "Do you have a worker?", cy: "Oes gen ti weithiwr?"}
                help: {en: Someone paid to help you., cy: Rhywun sy'n cael ei dalu i dy helpu.}
                options:
                  - {id: yes, label: {en: "Yes", cy: Oes}}
                  - {id: no, label: {en: "No", cy: Nac oes}}
              - id: worker-kinds
                kind: multiple-choice
                section: {en: Your worker, cy: Dy weithiwr}
                show-if: {question: worker, answer: yes}
                text: {en: "What kind?", cy: "Pa fath?"}
                options:
                  - {id: social, label: {en: Social worker, cy: Gweithiwr cymdeithasol}}
              - id: social-worker-name
                kind: free-text
                show-if: {question: worker-kinds, answer: social}
                text: {en: Their name, cy: Eu henw}
              - id: feel
                kind: scale
                text: {en: "How do you feel?", cy: "Sut rwyt ti'n teimlo?"}
                labels: [{en: 1, cy: 1}, {en: 2, cy: 2}, {en: 3, cy: 3}, {en: 4, cy: 4}, {en: 5, cy: 5}]
                faces: yes
              - id: why
                kind: free-text
                section: {en: More, cy: Mwy}
                text: {en: "Why?", cy: "Pam?"}
              - id: places
                kind: places
                text: {en: Places, cy: Lleoedd}
                ask-why: true
              - id: trusted
                kind: trusted-people
                text: {en: "Who?", cy: "Pwy?"}
                roles:
                  - {id: nobody, label: {en: Nobody, cy: Neb}}
                allow-other: TRUE
              - id: nobody-why
                kind: free-text
                show-if: {question: trusted, answer: nobody}
                text: {en: "Why nobody?", cy: "Pam neb?"}
                max-length: 2000
            """;

    @Test
    void every_kind_of_question_is_read_with_its_own_settings_and_defaults() {
        var loaded = new TemplateFiles(temporary).write("every-kind.yaml", EVERY_KIND).load();
        assertThat(loaded.problems()).isEmpty();
        SurveyTemplate survey = loaded.surveys().getFirst();

        assertThat(survey.id()).isEqualTo("every-kind");
        assertThat(survey.file()).isEqualTo("workshops/surveys/every-kind.yaml");
        assertThat(survey.languages()).containsExactly("en", "cy");
        assertThat(survey.audience()).isEqualTo(Audience.PROFESSIONALS);
        assertThat(survey.title().in("cy")).isEqualTo("Pob math");
        assertThat(survey.intro().byLanguage()).isEqualTo(Map.of("en", "Hello", "cy", "Helo"));
        assertThat(survey.questions()).extracting(Question::id)
                .containsExactly("worker", "worker-kinds", "social-worker-name", "feel", "why", "places", "trusted",
                        "nobody-why");

        var worker = (SingleChoice) survey.question("worker").orElseThrow();
        assertThat(worker.options()).extracting(Option::id).containsExactly("yes", "no");
        assertThat(worker.options().get(1).label().in("cy")).isEqualTo("Nac oes");
        assertThat(worker.help().in("en")).isEqualTo("Someone paid to help you.");
        assertThat(worker.section()).isNull();
        assertThat(worker.showIf()).isNull();

        var kinds = (MultipleChoice) survey.question("worker-kinds").orElseThrow();
        assertThat(kinds.showIf()).isEqualTo(new Condition("worker", "yes"));
        assertThat(kinds.help()).isNull();
        assertThat(survey.question("social-worker-name").orElseThrow().showIf())
                .isEqualTo(new Condition("worker-kinds", "social"));

        var feel = (Scale) survey.question("feel").orElseThrow();
        assertThat(feel.labels()).extracting(label -> label.in("en")).containsExactly("1", "2", "3", "4", "5");
        assertThat(feel.faces()).isTrue();
        assertThat(feel.section().in("cy")).as("a section carries on until the next").isEqualTo("Dy weithiwr");

        var why = (FreeText) survey.question("why").orElseThrow();
        assertThat(why.maxLength()).isEqualTo(FreeText.DEFAULT_MAX_LENGTH);
        assertThat(why.section().in("en")).isEqualTo("More");

        assertThat(((PlacesQuestion) survey.question("places").orElseThrow()).askWhy()).isTrue();
        var trusted = (TrustedPeople) survey.question("trusted").orElseThrow();
        assertThat(trusted.roles()).extracting(Option::id).containsExactly("nobody");
        assertThat(trusted.allowOther()).isTrue();
        var nobodyWhy = (FreeText) survey.question("nobody-why").orElseThrow();
        assertThat(nobodyWhy.showIf()).isEqualTo(new Condition("trusted", "nobody"));
        assertThat(nobodyWhy.maxLength()).isEqualTo(FreeText.LONGEST);
        assertThat(survey.question("missing")).isEmpty();
    }

    @Test
    void switches_are_off_unless_switched_on_and_a_one_language_survey_takes_plain_text() {
        var loaded = new TemplateFiles(temporary).write("plain.yaml", TemplateFiles.HEADER + """
                  - id: feel
                    kind: scale
                    text: How do you feel?
                    labels: [Awful, Bad, Okay, Good, Great]
                    faces: no
                  - id: places
                    kind: places
                    text: {en: Places}
                  - id: trusted
                    kind: trusted-people
                    text: Who?
                    help:
                    roles:
                      - id: teacher
                        label: Teacher
                    allow-other: false
                """).load();
        assertThat(loaded.problems()).isEmpty();
        List<Question> questions = loaded.surveys().getFirst().questions();

        assertThat(((Scale) questions.get(0)).faces()).isFalse();
        assertThat(((Scale) questions.get(0)).labels().get(4).byLanguage()).isEqualTo(Map.of("en", "Great"));
        assertThat(((PlacesQuestion) questions.get(1)).askWhy()).isFalse();
        assertThat(((TrustedPeople) questions.get(2)).allowOther()).isFalse();
        assertThat(questions.get(2).help()).as("an empty optional key counts as not given").isNull();
        assertThat(loaded.surveys().getFirst().audience()).isEqualTo(Audience.YOUNG_PEOPLE);
    }
}
