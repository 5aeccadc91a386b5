package org.hymnsheet.findings;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The app's translations (English where a key has no Welsh) for the words of findings panels. */
final class FindingsTexts {
    private static final String BUNDLE = "vaadin-i18n/translations";

    private final Locale locale;
    private final ResourceBundle bundle;

    FindingsTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return new MessageFormat(pattern, locale).format(args);
    }
}
