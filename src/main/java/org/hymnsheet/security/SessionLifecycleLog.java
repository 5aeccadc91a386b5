package org.hymnsheet.security;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs, at DEBUG, each server session that ends (signed out, replaced at hand-over, or expired when idle), so an
 * operator or the soak check can see sessions come and go. Nothing about who held the session is logged.
 */
@Component
class SessionLifecycleLog implements HttpSessionListener {
    private static final Logger log = LoggerFactory.getLogger(SessionLifecycleLog.class);

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (log.isDebugEnabled()) {
            long idleMillis = System.currentTimeMillis() - event.getSession().getLastAccessedTime();
            log.debug("Session ended after {} s without a request", idleMillis / 1000);
        }
    }
}
