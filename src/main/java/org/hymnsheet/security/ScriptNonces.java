package org.hymnsheet.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Gives every Vaadin bootstrap page a fresh random nonce, on each of its script elements (and the module preloads
 * {@link FirstScreenScripts} adds) and in its
 * Content-Security-Policy, so that a script injected into the page (which cannot know the nonce) never runs; and
 * keeps the page out of the browser's cache.
 */
@Component
class ScriptNonces implements VaadinServiceInitListener {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final FirstScreenScripts firstScreenScripts;

    ScriptNonces(FirstScreenScripts firstScreenScripts) {
        this.firstScreenScripts = firstScreenScripts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            firstScreenScripts.addTo(response);
            String nonce = nonce();
            response.getDocument().select("script, link[rel=modulepreload]").forEach(script -> script.attr("nonce", nonce));
            response.getVaadinResponse().setHeader("Content-Security-Policy", SecurityHeaders.bootstrap(nonce));
            // a page may hold a staff member's data or a young person's answers: never kept by the browser cache
            // (the bundle it loads has its own long-lived caching)
            response.getVaadinResponse().setHeader("Cache-Control", "no-store, max-age=0");
        });
    }

    static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
