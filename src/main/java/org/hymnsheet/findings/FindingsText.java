package org.hymnsheet.findings;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Findings' words, from the translations the views use (English for now: findings are read by staff). */
final class FindingsText {
    private static final String BUNDLE = "vaadin-i18n.translations";

    private FindingsText() {}

    static String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, FindingsText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException missing) {
            text = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, FindingsText.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        }
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }
}
