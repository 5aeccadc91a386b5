package org.hymnsheet.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.templates.TemplateFiles.MAPPING;
import static org.hymnsheet.templates.TemplateFiles.WORKSHOP;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader tells a practitioner about a workshop template that is not valid, line by line. */
class WorkshopTemplateValidationTest {
    /** A valid workshop with one stage of every kind, each with only the keys it needs. */
    static final String EVERY_KIND = """
            id: every-kind
            title: {en: Every kind}
            intro: Every kind of stage, with nothing but what each needs.
            stages:
              - id: framing
                kind: framing
                title: Framing
                prompt: Where do problems come from?
                minutes: 5
                left: Surroundings
                right: Choices
              - id: voice
                kind: voice
                title: Voice
                prompt: Who speaks?
                influence-prompt: Who decides?
              - id: cards
                kind: card-sort
                title: Cards
                prompt: Sort the cards.
                left: Behaviour-based
                right: Ecological
                contexts:
                  - {id: school, label: School}
              - id: pulse
                kind: pulse
                title: Pulse
                prompt: Answer anonymously.
                questions:
                  - id: open
                    text: How open are we?
                    labels: [Never, Rarely, Sometimes, Often, Always]
              - id: needs
                kind: needs
                title: Needs
                prompt: What do we need?
                categories:
                  - {id: plans, label: Plans}
              - id: map
                kind: mapping
                title: Mapping
                prompt: Add notes.
                columns:
                  - {id: worried, label: Worried}
            """;

    final TemplateFiles files;

    WorkshopTemplateValidationTest(@TempDir Path temporary) {
        files = new TemplateFiles(temporary);
    }

    List<String> problems(String yaml) {
        return files.workshopProblemsOf("every.yaml", yaml).stream().map(p -> p.substring("workshops/".length()))
                .toList();
    }

    List<String> problems(String from, String to) {
        assertThat(EVERY_KIND).contains(from);
        return problems(EVERY_KIND.replace(from, to));
    }

    @Test
    void an_unknown_stage_kind_names_the_kinds_there_are() {
        assertThat(problems("kind: pulse", "kind: poll")).containsExactly("every.yaml:26: unknown stage kind \"poll\" "
                + "(use one of: framing, voice, card-sort, pulse, needs, mapping)");
        assertThat(problems("    kind: pulse\n", "")).containsExactly("every.yaml:25: missing \"kind\"");
    }

    @Test
    void a_stage_id_is_used_once_in_a_workshop() {
        assertThat(problems("- id: map", "- id: framing"))
                .containsExactly("every.yaml:39: stage id \"framing\" is used twice (first on line 5)");
        assertThat(problems("- id: map", "- id: Map"))
                .containsExactly("every.yaml:39: \"Map\" cannot be an id: use up to 40 lowercase letters, digits and "
                        + "dashes, like \"map\"");
    }

    @Test
    void every_problem_of_a_file_is_listed_including_missing_keys_in_several_stages() {
        assertThat(problems(EVERY_KIND.replace("    right: Choices\n", "").replace("    prompt: Who speaks?\n", "")
                .replace("    influence-prompt: Who decides?\n", ""))).containsExactly(
                "every.yaml:5: missing \"right\"",
                "every.yaml:11: missing \"prompt\"",
                "every.yaml:11: missing \"influence-prompt\"");
        assertThat(problems("title: {en: Every kind}\n", "")).containsExactly("every.yaml:1: missing \"title\"");
    }

    @Test
    void unknown_keys_are_reported_with_the_keys_there_are() {
        assertThat(problems("    title: Mapping\n", "    title: Mapping\n    colour: red\n")).containsExactly(
                "every.yaml:42: unknown key \"colour\" in a mapping stage "
                        + "(use one of: id, kind, title, prompt, minutes, columns)");
        assertThat(problems("    left: Surroundings\n", "    left: Surroundings\n    starter-cards: [One]\n"))
                .containsExactly("every.yaml:11: unknown key \"starter-cards\" in a framing stage "
                        + "(use one of: id, kind, title, prompt, minutes, left, right, sentence-prompt)");
        assertThat(problems("intro: ", "languages: [en]\nintro: ")).containsExactly(
                "every.yaml:3: unknown key \"languages\" (use one of: id, title, intro, stages)");
        assertThat(problems("        text: How open are we?\n", "        text: How open are we?\n        faces: true\n"))
                .containsExactly("every.yaml:32: unknown key \"faces\" in a pulse question "
                        + "(use one of: id, text, labels, allow-text)");
    }

    @Test
    void a_pulse_question_has_five_labels_and_an_id_of_its_own() {
        assertThat(problems("[Never, Rarely, Sometimes, Often, Always]", "[Never, Sometimes, Often, Always]"))
                .containsExactly("every.yaml:32: a scale needs exactly 5 labels, for 1 to 5; found 4");
        assertThat(problems("        labels: [Never, Rarely, Sometimes, Often, Always]\n", """
                        labels: [Never, Rarely, Sometimes, Often, Always]
                      - id: open
                        text: Can we not know?
                        labels: [Never, Rarely, Sometimes, Often, Always]
                        allow-text: maybe
                """)).containsExactly(
                "every.yaml:33: question id \"open\" is used twice in this stage (first on line 30)",
                "every.yaml:36: \"allow-text\" should be true or false");
        assertThat(problems("""
                    questions:
                      - id: open
                        text: How open are we?
                        labels: [Never, Rarely, Sometimes, Often, Always]
                """, "    questions: []\n"))
                .containsExactly("every.yaml:29: \"questions\" is empty: a pulse needs at least one question");
    }

    @Test
    void numbers_are_whole_and_in_range() {
        assertThat(problems("    prompt: What do we need?\n", "    prompt: What do we need?\n    dots-per-participant: 0\n"))
                .containsExactly("every.yaml:37: \"dots-per-participant\" should be a whole number from 1 to 20");
        assertThat(problems("    influence-prompt: Who decides?\n",
                "    influence-prompt: Who decides?\n    influence-choices: three\n"))
                .containsExactly("every.yaml:17: \"influence-choices\" should be a whole number from 1 to 10");
        assertThat(problems("minutes: 5", "minutes: 500"))
                .containsExactly("every.yaml:9: \"minutes\" should be a whole number from 0 to 240");
    }

    @Test
    void contexts_categories_and_columns_are_not_empty_and_their_ids_are_unique() {
        assertThat(problems("    contexts:\n      - {id: school, label: School}\n", "    contexts: []\n"))
                .containsExactly("every.yaml:23: \"contexts\" needs at least 1 item");
        assertThat(problems("    categories:\n      - {id: plans, label: Plans}\n", ""))
                .containsExactly("every.yaml:33: missing \"categories\"");
        assertThat(problems("    categories:\n      - {id: plans, label: Plans}\n", "    categories:\n"))
                .containsExactly("every.yaml:37: \"categories\" is empty");
        assertThat(problems(EVERY_KIND + "      - {id: worried, label: Worried again}\n"))
                .containsExactly("every.yaml:45: \"worried\" is used twice in columns (first on line 44)");
        assertThat(problems("{id: school, label: School}", "{id: school}"))
                .containsExactly("every.yaml:24: missing \"label\"");
    }

    @Test
    void a_starter_card_is_written_once() {
        assertThat(problems("      - {id: school, label: School}\n", """
                      - {id: school, label: School}
                    starter-cards:
                      - Street work
                      - Street work
                      - [a, list]
                """)).containsExactly(
                "every.yaml:27: starter card \"Street work\" is written twice (first on line 26)",
                "every.yaml:28: starter card 2 should be written as text, not as a list");
    }

    @Test
    void workshop_texts_are_english_written_plainly_or_as_en() {
        assertThat(problems("{en: Every kind}", "{en: Every kind, cy: Pob math}")).containsExactly(
                "every.yaml:2: title has a \"cy\" translation, but the workshop's languages are en");
        assertThat(problems("{en: Every kind}", "{cy: Pob math}")).containsExactly(
                "every.yaml:2: title has a \"cy\" translation, but the workshop's languages are en",
                "every.yaml:2: title is missing the \"en\" translation");
    }

    @Test
    void a_workshop_id_used_by_an_earlier_file_rejects_the_later_file() {
        files.validWorkshop("session").workshop("zz-copy.yaml", WORKSHOP + MAPPING);

        assertThat(files.load().workshops()).extracting(WorkshopTemplate::file)
                .containsExactly("workshops/session.yaml");
        assertThat(files.problems()).containsExactly(
                "workshops/zz-copy.yaml:1: workshop id \"session\" is already used by workshops/session.yaml");
    }

    @Test
    void a_workshop_needs_stages_and_a_file_holds_one_workshop() {
        assertThat(problems(WORKSHOP.replace("stages:", "stages: []"))).containsExactly(
                "every.yaml:4: \"stages\" is empty: a workshop needs at least one stage");
        assertThat(problems("- id: map\n")).containsExactly("every.yaml:1: a workshop template should be a set of "
                + "\"key: value\" lines, starting with \"id:\"");
        assertThat(problems(WORKSHOP + MAPPING + "---\n" + WORKSHOP + MAPPING)).containsExactly(
                "every.yaml:12: not valid YAML: but found another document "
                        + "(a file holds one workshop: remove the \"---\" line)");
        assertThat(problems(WORKSHOP + "  - just a word\n")).containsExactly("every.yaml:5: each stage should be a set "
                + "of \"key: value\" lines, starting with \"- id: ...\"");
    }
}
