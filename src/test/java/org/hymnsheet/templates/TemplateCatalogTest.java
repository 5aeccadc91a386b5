package org.hymnsheet.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.templates.TemplateFiles.HEADER;
import static org.hymnsheet.templates.TemplateFiles.MOOD;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped templates, and the catalog the app reads them through: start-up, lookup and reload. */
class TemplateCatalogTest {
    @TempDir
    Path temporary;

    /** The project's own workshops folder: tests run from the project directory, as the app does. */
    final TemplateCatalog shipped = new TemplateCatalog("workshops");

    @Test
    void the_three_shipped_templates_load_without_a_single_problem() {
        assertThat(shipped.problems()).isEmpty();
        assertThat(shipped.surveys()).extracting(SurveyTemplate::id)
                .containsExactly("known-by-professionals", "nine-as-conditions", "safe-places");
    }

    @Test
    void the_safe_places_survey_maps_places_and_trusted_adults_in_english_and_welsh() {
        SurveyTemplate survey = shipped.survey("safe-places").orElseThrow();

        assertThat(survey.languages()).containsExactly("en", "cy");
        assertThat(survey.audience()).isEqualTo(Audience.YOUNG_PEOPLE);
        assertThat(survey.title().in("cy")).isEqualTo("Lleoedd diogel ac oedolion rwyt ti'n ymddiried ynddyn nhw");
        assertThat(kinds(survey)).containsExactly(Scale.class, PlacesQuestion.class, FreeText.class, SingleChoice.class,
                TrustedPeople.class, SingleChoice.class, FreeText.class, SingleChoice.class, SingleChoice.class,
                SingleChoice.class, SingleChoice.class, SingleChoice.class, SingleChoice.class);
        assertThat(survey.questions().subList(7, 13)).extracting(Question::id).containsExactly("about-age",
                "about-gender", "about-ethnicity", "about-disability", "about-care", "about-carer");
        assertThat(((Scale) survey.question("area-feels").orElseThrow()).faces()).isTrue();
        assertThat(((PlacesQuestion) survey.question("places").orElseThrow()).askWhy()).isTrue();
        var trusted = (TrustedPeople) survey.question("trusted-adults").orElseThrow();
        assertThat(trusted.allowOther()).isTrue();
        assertThat(trusted.roles()).extracting(Option::id).containsExactly("parent-carer", "family", "teacher",
                "youth-worker", "social-worker", "police", "doctor-nurse", "sports-coach", "faith-leader", "neighbour",
                "friends-parent", "nobody");
        assertThat(survey.question("wish-trusted").orElseThrow().showIf())
                .isEqualTo(new Condition("trusted-adults", "nobody"));
        assertThat(texts(survey)).allSatisfy(text -> assertThat(text.byLanguage()).containsOnlyKeys("en", "cy"));
    }

    @Test
    void the_known_by_professionals_survey_asks_about_a_worker_only_when_there_is_one() {
        SurveyTemplate survey = shipped.survey("known-by-professionals").orElseThrow();

        assertThat(survey.languages()).containsExactly("en");
        assertThat(survey.questions().getFirst()).isInstanceOf(SingleChoice.class);
        assertThat(survey.questions()).filteredOn(q -> q.showIf() != null).extracting(Question::id).containsExactly(
                "worker-kind", "knows-me", "listens", "explains-sharing", "asks-first", "workers-count", "go-back",
                "worker-better");
        assertThat(survey.questions()).filteredOn(q -> q.showIf() != null).extracting(Question::showIf)
                .containsOnly(new Condition("has-worker", "yes"));
        assertThat(survey.questions().get(survey.questions().size() - 7)).isInstanceOf(FreeText.class);
        assertThat(survey.questions().getLast().id()).isEqualTo("about-carer");
        assertThat(survey.questions().getLast().text().byLanguage()).as("an English-only survey keeps English only")
                .containsOnlyKeys("en");
    }

    @Test
    void the_nine_as_check_is_for_professionals_and_covers_every_a_by_level() {
        SurveyTemplate survey = shipped.survey("nine-as-conditions").orElseThrow();

        assertThat(survey.audience()).isEqualTo(Audience.PROFESSIONALS);
        assertThat(survey.languages()).containsExactly("en");
        assertThat(survey.questions().getFirst()).isInstanceOf(SingleChoice.class);
        assertThat(((SingleChoice) survey.questions().getFirst()).options()).extracting(Option::id)
                .containsExactly("practitioner", "manager", "leader", "other");
        assertThat(survey.questions().getLast()).isInstanceOf(FreeText.class);
        assertThat(survey.questions().subList(1, survey.questions().size() - 1)).allSatisfy(q -> {
            assertThat(q).isInstanceOf(Scale.class);
            assertThat(((Scale) q).labels().getFirst().in("en")).isEqualTo("Not at all");
            assertThat(((Scale) q).labels().getLast().in("en")).isEqualTo("Fully");
        });
        assertThat(survey.questions().stream().map(q -> q.section().in("en")).distinct()).containsExactly("About you",
                "Practice level: attunement", "Practice level: analysis", "Management level: allocation",
                "Management level: adaptation", "Leadership level: authority", "Leadership level: alignment",
                "Young people: agency", "Young people: awareness", "Young people: aliveness", "Your view");
    }

    @Test
    void a_reload_picks_up_an_edited_file_a_new_file_and_a_newly_broken_one_without_losing_the_others() throws Exception {
        var files = new TemplateFiles(temporary).valid("first").valid("second").valid("third");
        var catalog = new TemplateCatalog(files.root.toString());
        assertThat(catalog.surveys()).extracting(SurveyTemplate::id).containsExactly("first", "second", "third");

        files.write("first.yaml", HEADER.replace("check-in", "first").replace("Check-in", "First, edited") + MOOD)
                .write("second.yaml", HEADER.replace("check-in", "second") + MOOD.replace("scale", "slider"))
                .valid("fourth");
        ReloadResult result = catalog.reload();

        assertThat(result.surveys()).isEqualTo(3);
        assertThat(result.brokenFiles()).isEqualTo(1);
        assertThat(result.problems()).extracting(TemplateProblem::toString).containsExactly(
                "workshops/surveys/second.yaml:7: unknown question kind \"slider\" "
                        + "(use one of: single-choice, multiple-choice, scale, free-text, places, trusted-people)");
        assertThat(catalog.problems()).isEqualTo(result.problems());
        assertThat(catalog.surveys()).extracting(SurveyTemplate::id).containsExactly("first", "fourth", "third");
        assertThat(catalog.survey("first").orElseThrow().title().in("en")).isEqualTo("First, edited");
        assertThat(catalog.survey("second")).isEmpty();

        files.valid("second");
        assertThat(catalog.reload().problems()).isEmpty();
        assertThat(catalog.survey("second")).isPresent();
    }

    @Test
    void the_catalog_starts_without_a_templates_folder_and_says_so() {
        var catalog = new TemplateCatalog(temporary.resolve("nowhere").toString());

        assertThat(catalog.surveys()).isEmpty();
        assertThat(catalog.problems()).extracting(TemplateProblem::toString)
                .containsExactly("nowhere/surveys: folder not found, so no survey templates are loaded",
                        "nowhere: folder not found, so no workshop templates are loaded");
        assertThat(catalog.workshops()).isEmpty();
        assertThat(catalog.survey(null)).isEmpty();
    }

    @Test
    void readers_during_reloads_always_see_a_whole_catalog() throws InterruptedException {
        var files = new TemplateFiles(temporary).valid("first").valid("second");
        var catalog = new TemplateCatalog(files.root.toString());
        List<Integer> seen = new ArrayList<>();
        Thread reloads = Thread.ofPlatform().start(() -> IntStream.range(0, 50).forEach(i -> catalog.reload()));
        while (reloads.isAlive()) {
            seen.add(catalog.surveys().size());
        }
        reloads.join();

        assertThat(seen).containsOnly(2);
    }

    private static List<Class<?>> kinds(SurveyTemplate survey) {
        return survey.questions().stream().<Class<?>>map(Object::getClass).toList();
    }

    /** Every text a respondent can see: title, intro, question texts, help, options, roles and scale labels. */
    private static List<LocalizedText> texts(SurveyTemplate survey) {
        List<LocalizedText> texts = new ArrayList<>(List.of(survey.title(), survey.intro()));
        for (Question q : survey.questions()) {
            texts.add(q.text());
            Stream.of(q.help(), q.section()).filter(java.util.Objects::nonNull).forEach(texts::add);
            switch (q) {
                case SingleChoice s -> s.options().forEach(o -> texts.add(o.label()));
                case MultipleChoice m -> m.options().forEach(o -> texts.add(o.label()));
                case TrustedPeople t -> t.roles().forEach(o -> texts.add(o.label()));
                case Scale s -> texts.addAll(s.labels());
                default -> { }
            }
        }
        return texts;
    }
}
