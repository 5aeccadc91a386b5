package org.hymnsheet.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers, without a session, the request by which a page closes its push connection when its session has already
 * ended.
 *
 * <p>A page whose session the server has just ended (a young person's answers sent, "Leave quickly", a kiosk's
 * hand-over, signing out) is replaced by the next page, and as it unloads it closes its push connection with the
 * ended session's cookie. Vaadin hands a push request without a session to Atmosphere, which creates a new HTTP
 * session for it; that response's {@code Set-Cookie} could reach the browser after the next page's own, so the next
 * page found its session gone and loaded itself again (the thank-you screen did so in about one run in twelve).
 * Nothing is left to close in a session that has gone, so the request ends here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class EndedSessionPushClose extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || !request.getRequestURI().endsWith("/VAADIN/push")) {
            return true;
        }
        List<String> parameters = Arrays.asList(query.split("&"));
        return !(parameters.contains("v-r=push") && parameters.contains("X-Atmosphere-Transport=close"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getSession(false) == null) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }
}
