package org.hymnsheet.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Every page starts in English, and says so to screen readers (the page's lang attribute). Left to Vaadin, a
 * browser asking for a language the app has no file for got the first locale with its own file, Welsh, and staff
 * pages in English were announced as Welsh. Young people's screens switch to Welsh themselves when asked for.
 */
@Component
class EnglishByDefault implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            init.getUI().setLocale(Locale.ENGLISH);
            init.getUI().getPage().executeJs("document.documentElement.lang = $0", "en");
        });
    }
}
