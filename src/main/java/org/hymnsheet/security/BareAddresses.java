package org.hymnsheet.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Addresses that are not pages but that people and search engines ask for, answered before sign-in is required.
 *
 * <p>A young person's address with its code or link cut off ({@code /s/}, {@code /k/}, {@code /w/}, as a link
 * shortened by a messaging app or typed from a poster leaves it) goes to the page where a code is typed, not to the
 * staff sign-in page. {@code /robots.txt} asks search engines to stay out of everything: survey links, "you said"
 * pages and join pages are for the people they were given to (every response also says {@code noindex}, see
 * {@link SecurityHeadersFilter}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BareAddresses extends OncePerRequestFilter {
    static final String ROBOTS = "User-agent: *\nDisallow: /\n";

    private static final Map<String, String> TO_CODE_PAGE = Map.of(
            "/s", "/survey", "/s/", "/survey",
            "/k", "/survey", "/k/", "/survey",
            "/w", "/join", "/w/", "/join");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.equals("/robots.txt") || TO_CODE_PAGE.containsKey(path))
                || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        if (path.equals("/robots.txt")) {
            byte[] body = ROBOTS.getBytes(StandardCharsets.US_ASCII);
            response.setContentType("text/plain;charset=US-ASCII");
            response.setContentLength(body.length);
            response.setHeader("Cache-Control", "max-age=86400");
            if ("GET".equals(request.getMethod())) {
                response.getOutputStream().write(body);
            }
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + TO_CODE_PAGE.get(path));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
