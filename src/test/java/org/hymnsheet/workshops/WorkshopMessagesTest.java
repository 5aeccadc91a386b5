package org.hymnsheet.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the workshop services refuse with, and every join outcome, has a text in the bundle. */
class WorkshopMessagesTest {
    private static final Pattern KEY = Pattern.compile("\"((?:workshops|validation)\\.[A-Za-z.]+)\"");

    @Test
    void every_refusal_and_join_outcome_has_a_message() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties")) {
            messages.load(in);
        }
        var keys = new TreeSet<String>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/hymnsheet/workshops"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                KEY.matcher(Files.readString(file)).results().forEach(m -> keys.add(m.group(1)));
            }
        }
        for (JoinResult.Outcome outcome : JoinResult.Outcome.values()) {
            if (outcome != JoinResult.Outcome.JOINED) {
                keys.add("workshops.join." + outcome.name());
            }
        }
        assertThat(keys).hasSizeGreaterThan(20);
        assertThat(keys).allMatch(messages::containsKey, "has a message in translations.properties");
    }
}
