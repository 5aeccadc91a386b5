package org.hymnsheet.workshops.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hymnsheet.workshops.ParticipantService;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a participant's token on their device: an HTTP-only, SameSite=Lax cookie scoped to the workshop's page
 * ({@code /w/<code>}), so only that page's own load carries it. Vaadin's later requests go to the application's
 * root, so when the page loads this filter copies the token into the server session, where the view finds it.
 * Nothing else about the person is kept; the token itself is their only key.
 *
 * <p>A device that opens a workshop's page (the QR code's address) without a token the server knows is sent to
 * {@code /join/<code>} by an HTTP redirect, before Vaadin builds a page. (A forward inside the page, Flow's
 * {@code forwardTo}, put the join form up but left {@code /w/<code>} in the address bar: the client router, started
 * with that address, set it back after the eager first screen had replaced it.)
 */
@Component
public class ParticipantCookies extends OncePerRequestFilter {
    static final int MAX_AGE_SECONDS = 24 * 60 * 60;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern WORKSHOP_PAGE = Pattern.compile("^/w/([A-Za-z0-9]{1,20})/?$");
    private static final int MAX_TOKEN_LENGTH = 100;

    private final ParticipantService participants;

    ParticipantCookies(ParticipantService participants) {
        this.participants = participants;
    }

    /** The normalised code as it appears in addresses and cookie names, or null for anything else. */
    static String code(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return CODE.matcher(code).matches() ? code : null;
    }

    /**
     * The participant's screens are in English (their texts and the workshop templates are), so the page says
     * so to screen readers whatever the browser asks for.
     */
    static void speakEnglish(com.vaadin.flow.component.UI ui) {
        ui.setLocale(Locale.ENGLISH);
        ui.getPage().executeJs("document.documentElement.lang = $0", "en");
    }

    static String name(String code) {
        return "hs-w-" + code;
    }

    /** Stores the token on the device, for the response now being written (the click that joined). */
    static void remember(String code, String token) {
        VaadinRequest request = VaadinRequest.getCurrent();
        VaadinResponse response = VaadinResponse.getCurrent();
        var cookie = new Cookie(name(code), token);
        cookie.setHttpOnly(true);
        cookie.setSecure(request != null && request.isSecure());
        cookie.setPath((request == null ? "" : request.getContextPath()) + "/w/" + code);
        cookie.setMaxAge(MAX_AGE_SECONDS);
        cookie.setAttribute("SameSite", "Lax");
        if (response != null) {
            response.addCookie(cookie);
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.getSession().setAttribute(name(code), token);
        }
    }

    /** The token this device keeps for the workshop: from this request's cookie, or from the session. */
    static String token(String code) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (c.getName().equals(name(code))) {
                    return c.getValue();
                }
            }
        }
        VaadinSession session = VaadinSession.getCurrent();
        Object stored = session == null ? null : session.getSession().getAttribute(name(code));
        return stored instanceof String s ? s : null;
    }

    /** Forgets a token the server no longer knows, so the device is asked to join again. */
    static void forget(String code) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.getSession().removeAttribute(name(code));
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WORKSHOP_PAGE.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var m = WORKSHOP_PAGE.matcher(path(request));
        response.setHeader("Cache-Control", "no-store, max-age=0");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String code = m.group(1).toUpperCase(Locale.ROOT);
        String name = name(code);
        String token = null;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (c.getName().equals(name) && c.getValue() != null && c.getValue().length() <= MAX_TOKEN_LENGTH) {
                    token = c.getValue();
                    request.getSession(true).setAttribute(name, token);
                }
            }
        }
        HttpSession session = request.getSession(false);
        if (token == null && session != null && session.getAttribute(name) instanceof String stored) {
            token = stored;
        }
        boolean pageLoad = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (pageLoad && (token == null || participants.rejoin(token).isEmpty())) {
            if (session != null) {
                session.removeAttribute(name);
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/join/" + code);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
