package org.hymnsheet.boards;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The board's wording for a saved board, read from the same bundle the views translate with, formatted the way
 * Vaadin's provider does (a message without arguments is taken as written, apostrophes and all).
 */
final class BundleTexts implements BoardFigures.Texts {
    private static final String BUNDLE = "vaadin-i18n.translations";

    private final ResourceBundle bundle;
    private final Locale locale;

    BundleTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, BundleTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Override
    public String get(String key, Object... args) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }
}
