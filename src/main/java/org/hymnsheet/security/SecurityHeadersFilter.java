package org.hymnsheet.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the security headers first, on every response and every dispatch (errors included), so nothing that runs
 * later can send a page without them. HSTS only on a secure request: over TLS, or through a trusted proxy that says
 * the client used TLS (Tomcat's RemoteIpValve has already made the request secure by then).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS);
        // survey links, "you said" pages and join pages are for the people they were given to, never for a search
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Content-Security-Policy", SecurityHeaders.BASELINE);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security",
                    "max-age=" + SecurityHeaders.HSTS_SECONDS + "; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
