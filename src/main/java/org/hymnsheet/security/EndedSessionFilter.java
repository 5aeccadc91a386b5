package org.hymnsheet.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends, on its next request, a staff session whose account has changed since sign-in (password set by someone
 * else, roles changed, deactivated): the HTTP session is invalidated and the request goes on as anonymous, so a
 * page load is sent to sign in and Vaadin's next request finds its session gone and reloads into sign-in.
 * It runs inside Spring Security's chain right after the security context is read from the session, before
 * any access decision. Services check the same through {@link CurrentStaff}, which also covers server push.
 */
class EndedSessionFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(EndedSessionFilter.class);
    private final CurrentStaff staff;

    EndedSessionFilter(CurrentStaff staff) {
        this.staff = staff;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal && staff.sessionEnded(principal)) {
                log.info("Ended a session of account {}: the account changed since sign-in", principal.accountId());
                SecurityContextHolder.clearContext();
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
