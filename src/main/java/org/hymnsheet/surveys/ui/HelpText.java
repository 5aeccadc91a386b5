package org.hymnsheet.surveys.ui;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where to get help, per language, from configuration so each partnership can add its local services. */
@Component
class HelpText {
    private final String english;
    private final String welsh;

    HelpText(@Value("${hymnsheet.help.en}") String english, @Value("${hymnsheet.help.cy:${hymnsheet.help.en}}") String welsh) {
        this.english = english;
        this.welsh = welsh;
    }

    List<String> lines(String language) {
        String text = "cy".equals(language) ? welsh : english;
        return Arrays.stream(text.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
