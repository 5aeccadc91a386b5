package org.hymnsheet.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hymnsheet.testing.Blns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

class DisclosureDetectorTest {
    static DisclosureDetector detector;

    @BeforeAll
    static void shippedIndicators() {
        detector = DisclosureDetector.of(
                DisclosureIndicators.load(new ClassPathResource("safeguarding/disclosure-indicators.yaml")));
    }

    static boolean flagged(String answer) {
        return detector.check(answer).flagged();
    }

    @Test
    void misspelling_stabed_is_flagged_as_physical_harm() {
        Disclosure d = detector.check("i got stabed last year");
        assertThat(d.flagged()).isTrue();
        assertThat(d.matchedIndicators()).containsExactly("stabbed");
        assertThat(d.categories()).containsExactly("physical-harm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"he hurts me", "He hurts me.", "he hurst me", "HE HURRRTS MEEE!!!", "he's hurting me",
            "he hurt me", "he really hurts me", "my step dad hurts me", "my stepdad always hurts me", "she hurtin me",
            "they hurt us", "he hurts my mum"})
    void he_hurts_me_in_its_usual_spellings_and_forms(String answer) {
        assertThat(detector.check(answer).matchedIndicators()).contains("{someone} {hurt} {me}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my mums boyfrend hits me", "sum1 touched me", "my dad h1ts me", "i wanna kil myslef",
            "kms", "i want to unalive myself", "i dont feel safe at home", "home isn't safe", "im scared he'll kill me",
            "they make me sell drugs for them", "i got asked to go country", "a man online asked me for pics",
            "he said he'd share my nudes", "i've been cutting myself", "my mum kicked me out", "i went missing for 3 days",
            "i carry a knife for protection", "my older boyfriend buys me stuff", "i tried to kill my self",
            "the park is fine in the day but at home my dad hits me and i dont know who to tell"})
    void misspelt_rephrased_and_text_speak_disclosures_are_flagged(String answer) {
        assertThat(flagged(answer)).as(answer).isTrue();
    }

    /** Near-misses decided as ordinary: see docs/decisions/0002-disclosure-detection.md. */
    @ParameterizedTest
    @ValueSource(strings = {"the stable is my favourite place", "starbucks after school", "he hurtle down the hill",
            "cutting the grass at my grandads", "just killing time at the shops", "the bus hits traffic every day",
            "I want to die laughing when my mate does impressions", "I stubbed my toe", "we rated the youth club 10/10",
            "my brother always beats me at fifa", "i feel safe at home", "no, i feel safe at home",
            "my mum would kill me if i was late", "i got kicked out of class for talking", "i'm hopeless at maths",
            "people sell weed behind the shops", "some people carry knives round here", "that film made me cry",
            "my mum snaps at me when she's tired", "she's a bit like me", "i didnt know who to tell",
            "i feel threatened by the dogs on the field", "my back is killing me", "the ball hit me in the face",
            "i cut my hair short", "they are strangers to me"})
    void ordinary_answers_and_near_misses_are_not_flagged(String answer) {
        assertThat(detector.check(answer)).as(answer).isEqualTo(Disclosure.NONE);
    }

    /** Decided on the side of flagging: a lead reads them rather than risk missing a disclosure. */
    @ParameterizedTest
    @ValueSource(strings = {"he doesn't hurt me", "i hurt myself playing football",
            "I want to die laughing but honestly I want to die", "my little brother hits me lol",
            "i don't want to go home at half 5", "someone got stabbed near the station",
            "i'm a bit scared of my dad's dog", "i used to self-harm"})
    void borderline_answers_are_flagged_on_purpose(String answer) {
        assertThat(flagged(answer)).as(answer).isTrue();
    }

    @Test
    void a_match_names_every_phrase_and_category_in_file_order() {
        Disclosure d = detector.check("he hits me and i want to die");
        assertThat(d.matchedIndicators()).containsExactly("{someone} {hurt} {me}", "want to die");
        assertThat(d.categories()).containsExactly("physical-harm", "self-harm");
        assertThat(detector.indicators().label("self-harm")).isEqualTo("Self-harm and suicide");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t", "...!!!", "🙂🙂", "\u0000"})
    void empty_and_blank_answers_are_not_flagged(String answer) {
        assertThat(detector.check(answer)).isEqualTo(Disclosure.NONE);
    }

    @Test
    void a_huge_answer_is_checked_quickly_and_a_disclosure_at_its_end_is_found() {
        String filler = "the park is fine in the day but dodgy at night and the bus is always late ".repeat(1_400);
        String huge = filler.substring(0, 100_000 - 12) + " he hits me";
        String oneWord = "a".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(detector.check(huge).flagged()).isTrue();
            assertThat(detector.check(filler.substring(0, 100_000)).flagged()).isFalse();
            assertThat(detector.check(oneWord).flagged()).isFalse();
            assertThat(detector.check("he hits ".repeat(12_500)).flagged()).isFalse(); // no {me}: nothing to find
        });
    }

    @Test
    void every_naughty_string_is_handled_without_error() {
        for (String s : Blns.strings()) {
            Disclosure d = detector.check(s);
            assertThat(d.flagged()).isEqualTo(!d.matchedIndicators().isEmpty());
        }
    }

    @Test
    void one_detector_gives_the_same_answers_from_many_threads() throws IOException {
        List<String> answers = DisclosureEvaluationTest.answers("safeguarding/disclosures.txt");
        List<Disclosure> alone = answers.stream().map(detector::check).toList();
        for (int round = 0; round < 5; round++) {
            assertThat(answers.parallelStream().map(detector::check).toList()).isEqualTo(alone);
        }
    }

    @Test
    void indicators_given_directly_work_without_a_file() {
        DisclosureDetector custom = DisclosureDetector.of(DisclosureIndicators.of(
                Map.of("weapons", List.of("carry a knife"))));
        assertThat(custom.check("i carry a big knife").categories()).containsExactly("weapons");
        assertThat(custom.check("he hurts me").flagged()).isFalse();
    }

    @Test
    void groups_ignored_expressions_and_ordinary_words_come_from_the_file() {
        DisclosureDetector custom = DisclosureDetector.of(DisclosureIndicators.parse("""
                groups:
                  who: [he, she]
                  never: [no, not]
                categories:
                  - id: harm
                    label: Harm
                    phrases: ["{who} stabbed me", "{never} food"]
                ignore: [stabbed me in the back]
                ordinary-words: [stubbed]
                """, "test"));
        assertThat(custom.check("she stabed me").flagged()).isTrue();
        assertThat(custom.check("she stubbed me").flagged()).isFalse();
        assertThat(custom.check("he stabbed me in the back by telling everyone").flagged()).isFalse();
        assertThat(custom.check("no food").flagged()).as("'no' stays a word, not a YAML boolean").isTrue();
    }

    @Test
    void mistakes_in_the_indicator_file_are_reported_with_their_place() {
        assertThatThrownBy(() -> DisclosureIndicators.parse("categories: []\nextra: 1", "my-file.yaml"))
                .hasMessageContaining("my-file.yaml").hasMessageContaining("unknown section \"extra\"");
        assertThatThrownBy(() -> DisclosureIndicators.parse("categories:\n  - id: x\n    phrases: []", "f"))
                .hasMessageContaining("category x has no phrases");
        assertThatThrownBy(() -> DisclosureIndicators.parse("groups:\n  who: [my dad]\ncategories:\n"
                + "  - id: x\n    phrases: [hi]", "f")).hasMessageContaining("\"my dad\" is not one word");
        assertThatThrownBy(() -> DisclosureDetector.of(DisclosureIndicators.of(Map.of("x", List.of("{who} hits")))))
                .hasMessageContaining("unknown group {who}");
        assertThatThrownBy(() -> DisclosureIndicators.parse("categories: [", "f")).hasMessageContaining("f");
    }

    @Test
    void the_application_reads_the_file_named_by_the_property_or_the_shipped_one(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("partnership-indicators.yaml");
        Files.writeString(file, "categories:\n  - id: local\n    phrases: [trap house]\n");
        new ApplicationContextRunner().withUserConfiguration(DisclosureDetector.class)
                .withPropertyValues("hymnsheet.safeguarding.indicators=" + file)
                .run(context -> {
                    DisclosureDetector d = context.getBean(DisclosureDetector.class);
                    assertThat(d.check("they keep me at a trap house").categories()).containsExactly("local");
                    assertThat(d.check("he hurts me").flagged()).isFalse();
                });
        new ApplicationContextRunner().withUserConfiguration(DisclosureDetector.class)
                .run(context -> assertThat(context.getBean(DisclosureDetector.class).check("he hurts me").flagged())
                        .isTrue());
        new ApplicationContextRunner().withUserConfiguration(DisclosureDetector.class)
                .withPropertyValues("hymnsheet.safeguarding.indicators=" + dir.resolve("missing.yaml"))
                .run(context -> assertThat(context).hasFailed());
    }
}
