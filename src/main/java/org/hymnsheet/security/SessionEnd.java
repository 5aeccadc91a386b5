package org.hymnsheet.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a visitor's session once the response to the current request is written, not while it is being made.
 *
 * <p>A page that sends the browser on (a young person's answers sent, "Leave quickly", a kiosk's hand-over, a
 * staff member signed out of a respondent page) answers with the new address, and the server session must then
 * end. Ended inside the request, Vaadin marks that very response "session expired", and the page that receives it
 * reloads its own address 250 ms later. When the next page is slower than that to arrive (a busy server, or the
 * neutral website "Leave quickly" goes to, on a phone's network), the reload cancels it: the young person is back
 * on the survey instead of the thank-you screen, or, worse, instead of the neutral website. Ended here, after the
 * response, the page goes on as told, and the next request finds no session.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SessionEnd extends OncePerRequestFilter {
    private static final String AFTER_RESPONSE = SessionEnd.class.getName() + ".afterResponse";

    /**
     * Signs out of this request at once and ends the servlet session (with the Vaadin session and any sign-in it
     * held) as soon as the response to it is written. Outside a servlet request it ends the session at once.
     */
    public static void afterThisResponse() {
        SecurityContextHolder.clearContext();
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest servlet) {
            servlet.getHttpServletRequest().setAttribute(AFTER_RESPONSE, Boolean.TRUE);
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession http = session == null ? null : session.getSession();
        if (http != null) {
            invalidate(http::invalidate);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(AFTER_RESPONSE) != null) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    invalidate(session::invalidate);
                }
            }
        }
    }

    private static void invalidate(Runnable invalidate) {
        try {
            invalidate.run();
        } catch (IllegalStateException alreadyEnded) {
            // nothing left to end
        }
    }
}
