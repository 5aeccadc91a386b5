package org.hymnsheet.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The two layers together, as the app screens an answer: what each finds, how the flag says so, and Welsh. */
class DisclosureScreenTest {
    static DisclosureScreen screen;
    static DisclosureDetector list;

    @BeforeAll
    static void load() throws IOException {
        DisclosureHeldOutTest.load();
        screen = DisclosureHeldOutTest.screen;
        list = DisclosureDetector.of(DisclosureIndicators.load(
                new org.springframework.core.io.ClassPathResource("safeguarding/disclosure-indicators.yaml")));
    }

    @Test
    void a_disclosure_in_words_the_list_does_not_know_is_flagged_by_meaning_with_its_kind() {
        String text = "the park is fine. at home nobody has bought food in days and the electric is off";
        assertThat(list.check(text).flagged()).as("the list alone misses it").isFalse();

        Disclosure found = screen.screen(text, "en");

        assertThat(found.flagged()).isTrue();
        assertThat(found.detection()).isEqualTo(Disclosure.Detection.MEANING);
        assertThat(found.categories()).containsExactly("neglect-home");
        assertThat(found.matchedIndicators()).isEmpty();
        assertThat(screen.label("neglect-home")).isEqualTo("Neglect and not safe at home");
    }

    @Test
    void a_disclosure_both_layers_find_says_so_and_keeps_the_phrases_that_matched() {
        Disclosure found = screen.screen("he hits me", "en");

        assertThat(found.detection()).isEqualTo(Disclosure.Detection.BOTH);
        assertThat(found.categories()).containsExactly("physical-harm");
        assertThat(found.matchedIndicators()).isNotEmpty();
    }

    @Test
    void a_phrase_match_the_model_is_sure_is_ordinary_is_not_flagged_in_english_but_still_is_in_welsh() {
        String text = "i burnt myself on the oven making pizza lol";
        assertThat(list.check(text).flagged()).as("the list matches it").isTrue();

        assertThat(screen.screen(text, "en").flagged()).isFalse();
        // the model reads English only: a Welsh answer keeps the list's screening exactly as before
        assertThat(screen.screen(text, "cy")).isEqualTo(list.check(text));
    }

    @Test
    void welsh_answers_are_screened_by_the_list_alone() {
        String text = "home isnt a nice place when hes been drinking, we all stay in our rooms and keep quiet";
        assertThat(screen.screen(text, "en").flagged()).isTrue();

        assertThat(screen.screen(text, "cy")).isEqualTo(Disclosure.NONE);
        assertThat(screen.screen("he hits me", "cy").detection()).isEqualTo(Disclosure.Detection.LIST);
    }

    @Test
    void ordinary_answers_with_alarming_words_are_not_flagged() {
        for (String text : new String[] {"i killed him in fortnite lol", "we got battered 5-0 on saturday, coach was fuming",
                "my brother beats me at fifa every time", "the youth club is safe because the staff are sound"}) {
            assertThat(screen.screen(text, "en").flagged()).as(text).isFalse();
        }
    }

    @Test
    void empty_blank_and_control_character_answers_find_nothing_and_never_fail() {
        for (String text : new String[] {"", "   ", "\u0000\u0001\u0002", "\n\n\t", "\u200b"}) {
            assertThat(screen.screen(text, "en").flagged()).as("%s", text.codePoints().boxed().toList()).isFalse();
        }
        assertThat(screen.screen(null, "en")).isEqualTo(Disclosure.NONE);
    }

    @Test
    void a_long_answer_is_read_in_windows_so_a_disclosure_in_its_last_sentence_is_found() {
        String place = "the youth club is good because there is pool and the staff are sound and we get toast. ";
        String text = place.repeat(12) + "at home nobody has bought food in days and the electric is off";

        assertThat(DisclosureMeaning.windows(text).size()).isLessThanOrEqualTo(DisclosureMeaning.MAX_WINDOWS);
        assertThat(screen.screen(text, "en").flagged()).isTrue();
        assertThat(screen.screen(place.repeat(12), "en").flagged()).isFalse();
    }
}
