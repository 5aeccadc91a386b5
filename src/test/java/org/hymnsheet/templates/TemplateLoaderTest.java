package org.hymnsheet.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.templates.TemplateFiles.HEADER;
import static org.hymnsheet.templates.TemplateFiles.MOOD;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the files of a templates folder: what is not valid YAML, and how one file's problems stay its own. */
class TemplateLoaderTest {
    static final String BRACKETS = "(inside [ ] or { }: close the bracket, and put a text with ? : , [ ] { } in quotes)";

    @TempDir
    Path temporary;
    TemplateFiles files;

    @BeforeEach
    void folder() {
        files = new TemplateFiles(temporary);
    }

    @Test
    void a_broken_file_is_skipped_and_the_good_files_beside_it_still_load() {
        files.valid("first").valid("third").write("second.yaml", HEADER + MOOD.replace("scale", "slider"));

        var loaded = files.load();

        assertThat(loaded.surveys()).extracting(SurveyTemplate::id).containsExactly("first", "third");
        assertThat(loaded.surveys()).extracting(SurveyTemplate::file)
                .containsExactly("workshops/surveys/first.yaml", "workshops/surveys/third.yaml");
        assertThat(loaded.brokenFiles()).isEqualTo(1);
        assertThat(files.problems()).containsExactly("workshops/surveys/second.yaml:7: unknown question kind \"slider\" "
                + "(use one of: single-choice, multiple-choice, scale, free-text, places, trusted-people)");
    }

    @Test
    void a_survey_id_used_by_an_earlier_file_rejects_the_later_file_and_names_the_earlier_one() {
        files.valid("check-in").write("zz-copy.yaml", HEADER + MOOD);

        assertThat(files.load().surveys()).extracting(SurveyTemplate::file).containsExactly("workshops/surveys/check-in.yaml");
        assertThat(files.problems()).containsExactly(
                "workshops/surveys/zz-copy.yaml:1: survey id \"check-in\" is already used by workshops/surveys/check-in.yaml");
    }

    @Test
    void yaml_and_yml_files_are_read_and_other_files_are_left_alone() {
        files.valid("long-name").write("short.yml", HEADER.replace("check-in", "short") + MOOD)
                .write("notes.txt", "not a template").write("README.md", "# notes");

        assertThat(files.load().surveys()).extracting(SurveyTemplate::id).containsExactly("long-name", "short");
        assertThat(files.problems()).isEmpty();
    }

    @Test
    void a_file_saved_with_a_byte_order_mark_loads() {
        files.write("windows.yaml", "\uFEFF" + HEADER + MOOD);

        assertThat(files.problems()).isEmpty();
        assertThat(files.load().surveys()).hasSize(1);
    }

    @Test
    void a_key_without_its_colon_is_reported_on_its_own_line_not_where_yaml_notices() {
        assertThat(files.problemsOf("colon.yaml", HEADER.replace("title: Check-in", "title Check-in") + MOOD)).containsExactly(
                "workshops/surveys/colon.yaml:2: not valid YAML: could not find expected ':' "
                        + "(a key needs a colon and a space after it, like \"title: ...\")");
    }

    @Test
    void a_colon_inside_unquoted_text_gets_a_hint_about_quotes() {
        assertThat(files.problemsOf("quotes.yaml", HEADER + MOOD.replace("How are you today?", "Mood: how are you?")))
                .containsExactly("workshops/surveys/quotes.yaml:8: not valid YAML: mapping values are not allowed here "
                        + "(a text with \": \" in it needs quotes around it)");
    }

    @Test
    void a_key_out_of_line_gets_a_hint_about_indentation() {
        assertThat(files.problemsOf("indent.yaml", HEADER + MOOD.replace("    kind: scale", "   kind: scale")))
                .containsExactly("workshops/surveys/indent.yaml:7: not valid YAML: expected <block end>, but found "
                        + "'<block mapping start>' (check the indentation: the keys of one question line up under each other)");
    }

    @Test
    void a_tab_used_for_indentation_is_reported_on_its_line() {
        assertThat(files.problemsOf("tab.yaml", HEADER + MOOD.replace("    kind: scale", "\tkind: scale")))
                .containsExactly("workshops/surveys/tab.yaml:7: not valid YAML: found character '\\t(TAB)' that cannot "
                        + "start any token. (Do not use \\t(TAB) for indentation)");
    }

    @Test
    void an_unclosed_quote_or_bracket_is_reported_where_it_opens() {
        assertThat(files.problemsOf("quote.yaml", HEADER.replace("title: Check-in", "title: \"Check-in") + MOOD))
                .containsExactly("workshops/surveys/quote.yaml:2: not valid YAML: found unexpected end of stream");
        assertThat(files.problemsOf("bracket.yaml", HEADER.replace("[en]", "[en") + MOOD)).containsExactly(
                "workshops/surveys/bracket.yaml:3: not valid YAML: expected ',' or ']', but got : " + BRACKETS);
    }

    @Test
    void a_question_mark_in_a_text_inside_braces_needs_quotes() {
        assertThat(files.problemsOf("braces.yaml", HEADER + MOOD.replace("How are you today?", "{en: How are you?}")))
                .containsExactly("workshops/surveys/braces.yaml:8: not valid YAML: expected ',' or '}', but got ? "
                        + BRACKETS);
    }

    @Test
    void two_surveys_in_one_file_are_refused() {
        assertThat(files.problemsOf("two.yaml", HEADER + MOOD + "---\n" + HEADER + MOOD)).containsExactly(
                "workshops/surveys/two.yaml:10: not valid YAML: but found another document "
                        + "(a file holds one survey: remove the \"---\" line)");
    }

    @Test
    void an_empty_file_or_one_with_only_comments_is_reported() {
        assertThat(files.problemsOf("empty.yaml", "")).containsExactly("workshops/surveys/empty.yaml:1: the file is empty");
        assertThat(files.problemsOf("comments.yaml", "# to do\n# later\n"))
                .containsExactly("workshops/surveys/comments.yaml:1: the file is empty");
    }

    @Test
    void a_file_that_is_a_list_rather_than_a_survey_is_reported() {
        assertThat(files.problemsOf("list.yaml", "- id: mood\n- id: why\n")).containsExactly(
                "workshops/surveys/list.yaml:1: a survey template should be a set of \"key: value\" lines, starting with \"id:\"");
    }

    @Test
    void a_file_not_saved_as_utf8_is_reported() {
        byte[] latin1 = (HEADER.replace("Check-in", "Café") + MOOD).getBytes(StandardCharsets.ISO_8859_1);
        files.write("latin1.yaml", latin1);

        assertThat(files.problems()).containsExactly(
                "workshops/surveys/latin1.yaml:1: is not saved as UTF-8 text: save it again with UTF-8 encoding");
    }

    @Test
    void a_control_character_is_reported_on_its_line() {
        assertThat(files.problemsOf("control.yaml", HEADER.replace("A short", "A \u0001short") + MOOD))
                .containsExactly("workshops/surveys/control.yaml:4: contains a character YAML does not allow (U+0001)");
    }

    @Test
    void yaml_nested_too_deep_to_be_a_template_is_refused() {
        assertThat(files.problemsOf("deep.yaml", "id: " + "[".repeat(60) + "]".repeat(60) + "\n"))
                .containsExactly("workshops/surveys/deep.yaml:1: cannot be read as YAML: Nesting Depth exceeded max 50");
    }

    @Test
    void a_folder_named_like_a_template_is_reported_and_skipped() throws Exception {
        Files.createDirectory(files.root.resolve("surveys/archive.yaml"));
        files.valid("check-in");

        assertThat(files.problems()).containsExactly("workshops/surveys/archive.yaml:1: cannot be read (IOException)");
        assertThat(files.load().surveys()).hasSize(1);
    }

    @Test
    void a_missing_surveys_folder_is_a_problem_not_a_failure() throws Exception {
        Files.delete(files.root.resolve("surveys"));

        var loaded = files.load();

        assertThat(loaded.surveys()).isEmpty();
        assertThat(files.problems()).containsExactly("workshops/surveys: folder not found, so no survey templates are loaded");
    }

    @Test
    void a_file_where_the_surveys_folder_should_be_is_a_problem_not_a_failure() throws Exception {
        Files.delete(files.root.resolve("surveys"));
        Files.writeString(files.root.resolve("surveys"), "oops");

        assertThat(files.problems()).containsExactly("workshops/surveys: cannot read this folder (NotDirectoryException)");
    }
}
