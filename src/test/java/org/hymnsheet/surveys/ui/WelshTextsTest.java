package org.hymnsheet.surveys.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A young person who reads Welsh gets every text of their pages in Welsh. A text missing from the Welsh file fell
 * back to English on a page whose language was still set to Welsh: the survey code page said "Take a survey" in a
 * page marked {@code lang="cy"}, which a screen reader reads with Welsh sounds. Every message key the young people's
 * pages name in their code must have a Welsh text (keys built at run time, ending in a dot, are left out).
 */
class WelshTextsTest {
    static final Path PAGES = Path.of("src/main/java/org/hymnsheet/surveys/ui");
    /** The classes of the pages and parts a young person sees: survey by link or code, kiosk, "you said". */
    static final List<String> YOUNG_PEOPLES = List.of("CodeView", "RespondentPage", "RespondView", "SurveyRunner",
            "QuestionField", "HelpPanel", "HelpText", "ThankYou", "KioskView", "KioskExitView", "KioskWatch", "Departure",
            "SurveyWelcome", "SurveyQuestionsPage", "LeaveQuickly",
            "YouSaidView");
    static final Pattern KEY = Pattern.compile("getTranslation\\(\"([^\"]+)\"");
    /** The keys of a refused answer ({@code answer.…}) and of the survey's own states ({@code respond.…}). */
    static final Pattern REFUSAL = Pattern.compile("\"((?:answer|respond)\\.[A-Za-z]+)\"");

    @Test
    void every_text_a_young_persons_page_names_is_there_in_welsh() throws IOException {
        Properties welsh = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/vaadin-i18n/translations_cy.properties"),
                StandardCharsets.UTF_8)) {
            welsh.load(in);
        }
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String page : YOUNG_PEOPLES) {
            Path source = PAGES.resolve(page + ".java");
            assertThat(source).as("a young person's page").exists();
            var m = KEY.matcher(Files.readString(source));
            while (m.find()) {
                String key = m.group(1);
                if (key.endsWith(".")) {
                    continue;
                }
                named++;
                if (!welsh.containsKey(key)) {
                    missing.add(page + ": " + key);
                }
            }
        }
        // and what the survey services refuse an answer with, which the page shows beside the question
        try (var services = Files.list(Path.of("src/main/java/org/hymnsheet/surveys"))) {
            for (Path source : services.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = REFUSAL.matcher(Files.readString(source));
                while (m.find()) {
                    named++;
                    if (!welsh.containsKey(m.group(1))) {
                        missing.add(source.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(named).as("message keys found in the pages").isGreaterThan(30);
        assertThat(missing).as("texts with no Welsh").isEmpty();
    }
}
