package org.hymnsheet.security;

import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * The headers every response carries (docs/decisions/0015-security-headers.md), written by
 * {@link SecurityHeadersFilter}. The Vaadin bootstrap page replaces the baseline Content-Security-Policy with one
 * carrying its own script nonce ({@link ScriptNonces}); every other response (UIDL, static files, downloads, error
 * pages) keeps {@link #BASELINE}, which runs no inline script at all.
 */
final class SecurityHeaders {
    /** What every policy shares: nothing from other sites, no plugins, never framed (no page needs it). */
    static final String COMMON = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    static final String BASELINE = COMMON + "; script-src 'self'";

    /**
     * Browser features no page of Hymn Sheet uses; a young person's page can never ask for the camera, the
     * microphone or where they are.
     */
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), hid=(), midi=(), display-capture=(), publickey-credentials-get=(self), "
            + "fullscreen=(self)";

    static final long HSTS_SECONDS = 365L * 24 * 60 * 60;

    private SecurityHeaders() {}

    /**
     * The Vaadin bootstrap page: scripts run only when they carry this response's nonce, or are loaded by one that
     * does ('strict-dynamic': the bundle's modules). Vaadin's client engine evaluates the JavaScript the server
     * sends (executeJs, event data), which needs 'unsafe-eval' in Vaadin 25.2; styles need 'unsafe-inline'.
     */
    static String bootstrap(String nonce) {
        return COMMON + "; script-src 'nonce-" + nonce + "' 'strict-dynamic' 'unsafe-eval'";
    }

    /**
     * Spring Security keeps only its Cache-Control for signed-in pages; {@link SecurityHeadersFilter} writes the rest
     * on every response, before anything else runs: Vaadin's bootstrap page and the container's error pages never
     * get Spring Security's headers otherwise.
     */
    static void configure(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentTypeOptions(o -> o.disable())
                .frameOptions(f -> f.disable())
                .xssProtection(x -> x.disable())
                .httpStrictTransportSecurity(h -> h.disable());
    }
}
