package org.hymnsheet.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.templates.TemplateFiles.HEADER;
import static org.hymnsheet.templates.TemplateFiles.MAPPING;
import static org.hymnsheet.templates.TemplateFiles.MOOD;
import static org.hymnsheet.templates.TemplateFiles.WORKSHOP;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hymnsheet.templates.PulseStage.PulseQuestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped workshop templates, and workshops in the catalog beside surveys: start-up, lookup and reload. */
class WorkshopTemplateCatalogTest {
    static final String SLIDER = "unknown stage kind \"slider\" "
            + "(use one of: framing, voice, card-sort, pulse, needs, mapping)";

    @TempDir
    Path temporary;

    /** The project's own workshops folder: tests run from the project directory, as the app does. */
    final TemplateCatalog shipped = new TemplateCatalog("workshops");

    @Test
    void the_two_shipped_workshops_load_without_a_single_problem() {
        assertThat(shipped.problems()).isEmpty();
        assertThat(shipped.workshops()).extracting(WorkshopTemplate::id)
                .containsExactly("hymn-sheet", "three-column-mapping");
        assertThat(shipped.workshops()).extracting(WorkshopTemplate::file)
                .containsExactly("workshops/hymn-sheet.yaml", "workshops/three-column-mapping.yaml");
    }

    @Test
    void the_hymn_sheet_workshop_asks_the_five_questions_of_the_briefing_in_order() {
        WorkshopTemplate workshop = shipped.workshop("hymn-sheet").orElseThrow();

        assertThat(workshop.title().in("en")).isEqualTo("Singing from the same hymn sheet");
        assertThat(workshop.stages()).extracting(Stage::id)
                .containsExactly("framing", "voice", "responses", "reflection", "needs");
        assertThat(workshop.stages()).extracting(Object::getClass).containsExactly(FramingStage.class,
                VoiceStage.class, CardSortStage.class, PulseStage.class, NeedsStage.class);

        var framing = (FramingStage) workshop.stages().get(0);
        assertThat(framing.prompt().in("en")).isEqualTo("Do we see social problems as mostly a result of the "
                + "environment or mostly a result of 'wrong' choices that individuals make?");
        assertThat(framing.leftLabel().in("en")).isEqualTo("Mostly the environment, context or structure");
        assertThat(framing.rightLabel().in("en")).isEqualTo("Mostly wrong choices individuals make");
        assertThat(framing.sentencePrompt()).isNotNull();

        var voice = (VoiceStage) workshop.stages().get(1);
        assertThat(voice.influencePrompt().in("en")).contains("most influence on the decisions");
        assertThat(voice.influenceChoices()).isEqualTo(3);

        var cards = (CardSortStage) workshop.stages().get(2);
        assertThat(cards.leftLabel().in("en")).startsWith("Behaviour-based: changes an individual");
        assertThat(cards.rightLabel().in("en")).startsWith("Ecological: changes the environment");
        assertThat(cards.contexts()).extracting(Option::id).containsExactly("individual", "family", "peers",
                "school", "neighbourhood-or-public-space", "online");
        assertThat(cards.starterCards()).extracting(t -> t.in("en")).contains(
                "Education programme for young people carrying weapons", "Detached youth work on the street",
                "Relationships education for victims of sexual assault",
                "Addressing racist attitudes that block access to education");

        var pulse = (PulseStage) workshop.stages().get(3);
        assertThat(pulse.questions()).extracting(q -> q.text().in("en")).containsExactly(
                "Is there space for critical reflection in our meetings?", "Is it OK not to know the answer here?");
        assertThat(pulse.questions()).allSatisfy(q -> {
            assertThat(q.labels()).extracting(t -> t.in("en")).hasSize(5).startsWith("Never").endsWith("Always");
            assertThat(q.allowText()).isTrue();
        });

        var needs = (NeedsStage) workshop.stages().get(4);
        assertThat(needs.prompt().in("en")).contains("work more ecologically");
        assertThat(needs.categories()).extracting(Option::id)
                .containsExactly("commissioners", "funders", "meeting-chairing", "plans", "other");
        assertThat(needs.dotsPerParticipant()).isEqualTo(3);
    }

    @Test
    void the_three_column_mapping_frames_then_maps_worries_strengths_and_next_steps() {
        WorkshopTemplate workshop = shipped.workshop("three-column-mapping").orElseThrow();

        assertThat(workshop.stages()).extracting(Object::getClass)
                .containsExactly(FramingStage.class, MappingStage.class);
        var mapping = (MappingStage) workshop.stage("mapping").orElseThrow();
        assertThat(mapping.columns()).extracting(Option::id).containsExactly("worried", "working-well",
                "needs-to-happen");
        assertThat(mapping.columns()).extracting(o -> o.label().in("en")).containsExactly(
                "What are we worried about?", "What is working well?", "What needs to happen?");
    }

    @Test
    void a_broken_workshop_beside_good_workshops_and_surveys_leaves_them_all_loaded() {
        var files = new TemplateFiles(temporary).valid("check-in").validWorkshop("first").validWorkshop("third")
                .workshop("second.yaml", WORKSHOP.replace("session", "second")
                        + MAPPING.replace("kind: mapping", "kind: slider"));

        var loaded = files.load();

        assertThat(loaded.surveys()).extracting(SurveyTemplate::id).containsExactly("check-in");
        assertThat(loaded.workshops()).extracting(WorkshopTemplate::id).containsExactly("first", "third");
        assertThat(loaded.brokenFiles()).isEqualTo(1);
        assertThat(files.problems()).containsExactly("workshops/second.yaml:6: " + SLIDER);
    }

    @Test
    void a_broken_survey_leaves_the_workshops_loaded_and_both_kinds_of_problem_are_listed() {
        var files = new TemplateFiles(temporary).validWorkshop("first")
                .write("broken.yaml", HEADER + MOOD.replace("scale", "slider"))
                .workshop("broken.yaml", WORKSHOP + MAPPING.replace("kind: mapping", "kind: slider"));

        var loaded = files.load();

        assertThat(loaded.workshops()).extracting(WorkshopTemplate::id).containsExactly("first");
        assertThat(loaded.brokenFiles()).isEqualTo(2);
        assertThat(files.problems()).containsExactly(
                "workshops/surveys/broken.yaml:7: unknown question kind \"slider\" "
                        + "(use one of: single-choice, multiple-choice, scale, free-text, places, trusted-people)",
                "workshops/broken.yaml:6: " + SLIDER);
    }

    @Test
    void survey_and_workshop_ids_are_separate_so_the_same_id_may_be_used_by_one_of_each() {
        var files = new TemplateFiles(temporary).valid("session").validWorkshop("session");

        assertThat(files.problems()).isEmpty();
        assertThat(files.load().workshops()).hasSize(1);
    }

    @Test
    void a_reload_picks_up_edited_new_and_newly_broken_workshops() throws Exception {
        var files = new TemplateFiles(temporary).valid("check-in").validWorkshop("first").validWorkshop("second");
        var catalog = new TemplateCatalog(files.root.toString());
        assertThat(catalog.workshops()).extracting(WorkshopTemplate::id).containsExactly("first", "second");

        files.workshop("first.yaml", WORKSHOP.replace("session", "first").replace("Session", "First, edited")
                        + MAPPING + MAPPING.replace("id: map", "id: map-again"))
                .workshop("second.yaml", WORKSHOP.replace("session", "second")
                        + MAPPING.replace("kind: mapping", "kind: slider"))
                .validWorkshop("fourth");
        ReloadResult result = catalog.reload();

        assertThat(result.surveys()).isEqualTo(1);
        assertThat(result.workshops()).isEqualTo(2);
        assertThat(result.brokenFiles()).isEqualTo(1);
        assertThat(result.problems()).extracting(TemplateProblem::toString)
                .containsExactly("workshops/second.yaml:6: " + SLIDER);
        assertThat(catalog.problems()).isEqualTo(result.problems());
        assertThat(catalog.workshops()).extracting(WorkshopTemplate::id).containsExactly("first", "fourth");
        WorkshopTemplate first = catalog.workshop("first").orElseThrow();
        assertThat(first.title().in("en")).isEqualTo("First, edited");
        assertThat(first.stages()).extracting(Stage::id).containsExactly("map", "map-again");
        assertThat(catalog.workshop("second")).isEmpty();
        assertThat(catalog.survey("check-in")).isPresent();

        files.validWorkshop("second");
        assertThat(catalog.reload().problems()).isEmpty();
        assertThat(catalog.workshop("second")).isPresent();
        assertThat(catalog.workshop(null)).isEmpty();
    }

    @Test
    void the_example_in_the_workshops_readme_loads() throws Exception {
        String readme = Files.readString(Path.of("workshops/README.md"));
        String section = readme.substring(readme.indexOf("## Workshop templates"));
        String example = section.substring(section.indexOf("```yaml\n") + 8, section.indexOf("```\n", 8));
        var files = new TemplateFiles(temporary).workshop("example.yaml", example);

        assertThat(files.problems()).isEmpty();
        assertThat(files.load().workshops().getFirst().stages()).extracting(Object::getClass)
                .containsExactly(FramingStage.class, PulseStage.class, MappingStage.class);
    }

    @Test
    void every_stage_kind_reads_its_own_keys_and_defaults() {
        var files = new TemplateFiles(temporary).workshop("every-kind.yaml", WorkshopTemplateValidationTest.EVERY_KIND);

        assertThat(files.problems()).isEmpty();
        List<Stage> stages = files.load().workshops().getFirst().stages();
        assertThat(stages).extracting(Stage::minutes).containsExactly(5, 0, 0, 0, 0, 0);
        assertThat(((FramingStage) stages.get(0)).sentencePrompt()).isNull();
        assertThat(((VoiceStage) stages.get(1)).influenceChoices()).isEqualTo(StageParser.DEFAULT_CHOICES);
        assertThat(((CardSortStage) stages.get(2)).starterCards()).isEmpty();
        PulseQuestion question = ((PulseStage) stages.get(3)).questions().getFirst();
        assertThat(question.allowText()).isFalse();
        assertThat(question.text()).isEqualTo(LocalizedText.english("How open are we?"));
        assertThat(((NeedsStage) stages.get(4)).dotsPerParticipant()).isEqualTo(StageParser.DEFAULT_DOTS);
        assertThat(stages.get(5).title()).isEqualTo(LocalizedText.english("Mapping"));
    }
}
